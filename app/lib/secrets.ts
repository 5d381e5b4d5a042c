/**
 * One-time links (set-password and registration links, join links) are live secrets: whoever
 * holds one acts as its owner. Staff views of stored mail show them redacted (decision 011). Pure.
 */
const ONE_TIME_LINK = /(\/(?:invite|join|reset-password)\/)[A-Za-z0-9_-]{16,}/g;

export const REDACTED = "••••••••";

export function redactOneTimeLinks(text: string): string {
  return text.replace(ONE_TIME_LINK, `$1${REDACTED}`);
}
