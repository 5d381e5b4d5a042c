/**
 * The one rule behind every limit "at most `limit` in `windowMinutes`" (sign-in failures, the
 * public form, password resets). Pure: the callers read the instants of a key's events inside
 * the window, newest first, at most `limit` of them.
 */
export function minutesToWait(
  recentNewestFirst: string[],
  limit: number,
  windowMinutes: number,
  nowMs: number,
): number {
  if (recentNewestFirst.length < limit) return 0;
  const oldest = Date.parse(recentNewestFirst[limit - 1]);
  return Math.max(1, Math.ceil((oldest + windowMinutes * 60_000 - nowMs) / 60_000));
}
