/**
 * What the delegate import tells the organisers, as dictionary keys translated where shown.
 * Apart from delegate-import.ts (whose header and value tables read the dictionary) so that the
 * import page's browser code loads no dictionary: it translates with its page's messages.
 */
import type { Translate } from "../../platform/i18n";

export const MAX_IMPORT_ROWS = 10_000;

/** A dictionary key with its parameters; `list` holds keys joined into {list}. */
export interface Message {
  key: string;
  params?: Record<string, string | number>;
  list?: string[];
}

/**
 * Translates a message; parameters that are dictionary keys (a status, a column) are translated
 * too, and any other text (a name from the file) comes back as written, unknown keys showing as themselves.
 */
export function messageText(t: Translate, m: Message): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.params ?? {})) params[k] = typeof v === "string" ? t(v) : v;
  if (m.list) params.list = m.list.map((k) => t(k)).join(", ");
  return t(m.key, params);
}
