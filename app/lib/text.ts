/** Text helpers shared by forms, search, import and display. Pure, no dependencies. */

/** Unicode NFC: the form we store, so "Hà Nội" typed on any keyboard compares equal. */
export function nfc(value: string): string {
  return value.normalize("NFC");
}

/**
 * Control characters that no field keeps: C0 but tab, line feed, vertical tab,
 * form feed and carriage return; DEL; C1 but NEL (U+0085). A NUL in a name
 * made our own CSV export unreadable to our own import.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
/** Bidirectional embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069): they make text show in another order than it is stored (a name, a file name). */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** Text with the invisible controls above removed, then in NFC (removal may join a letter and its mark). */
function withoutControls(value: string): string {
  return nfc(value.replace(CONTROLS, "").replace(BIDI_CONTROLS, ""));
}

/**
 * A single-line field as stored: no control or bidirectional-override
 * characters, line breaks and other whitespace as single spaces, trimmed, NFC.
 */
export function cleanText(value: string): string {
  return withoutControls(value)
    .replace(/[\s\u0085]+/g, " ")
    .trim();
}

/**
 * A multi-line field as stored: line breaks (CRLF, CR and NEL become LF) and
 * tabs kept, every other control and bidirectional override removed, trimmed,
 * NFC. Callers tidy spaces and blank lines as they need.
 */
export function cleanMultilineText(value: string): string {
  return (
    withoutControls(value.replace(/\r\n?|\u0085/g, "\n"))
      // eslint-disable-next-line no-control-regex -- vertical tab and form feed are what this removes
      .replace(/[\u000b\u000c]/g, "")
      .trim()
  );
}

/**
 * Folds text for searching: lower case, no diacritics, đ → d, single spaces.
 * "Thành phố Hồ Chí Minh" → "thanh pho ho chi minh"; "ha noi" then finds "Hà Nội".
 */
export function foldForSearch(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The search key stored beside a row: all its searchable names, folded, joined. */
export function searchKey(...parts: Array<string | null | undefined>): string {
  return ` ${parts
    .filter((p): p is string => Boolean(p))
    .map(foldForSearch)
    .join(" | ")} `;
}

/**
 * Turns a search box's text into a LIKE pattern over a search key. Folding keeps
 * only letters, digits and spaces, so a typed % or _ never reaches LIKE.
 */
export function searchPattern(query: string): string | null {
  const folded = foldForSearch(query);
  return folded ? `%${folded}%` : null;
}
