/** Text helpers shared by search, import and display. Pure, no dependencies. */

/** Unicode NFC: the form we store, so "Hà Nội" typed on any keyboard compares equal. */
export function nfc(value: string): string {
  return value.normalize("NFC");
}

/** Trims, collapses inner whitespace and normalises to NFC. */
export function cleanText(value: string): string {
  return nfc(value).replace(/\s+/g, " ").trim();
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
  return ` ${parts.filter((p): p is string => Boolean(p)).map(foldForSearch).join(" | ")} `;
}

/**
 * Turns a search box's text into a LIKE pattern over a search key. Folding keeps
 * only letters, digits and spaces, so a typed % or _ never reaches LIKE.
 */
export function searchPattern(query: string): string | null {
  const folded = foldForSearch(query);
  return folded ? `%${folded}%` : null;
}
