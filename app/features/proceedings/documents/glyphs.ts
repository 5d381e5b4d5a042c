/**
 * Which characters the PDF font (pdfmake's Roboto, the same four faces) can draw: the code points of
 * Roboto-Regular's cmap, read with fontkit and kept here as ranges so the mapping stays pure (a unit
 * test re-reads the font and checks every face against this table). Latin, Latin Extended, Vietnamese,
 * Greek, Cyrillic, general punctuation and currency signs are in; CJK, emoji and arrows are not.
 */
const ROBOTO_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0x17f],
  [0x18f, 0x18f],
  [0x192, 0x192],
  [0x1a0, 0x1a1],
  [0x1af, 0x1b0],
  [0x1f0, 0x1f0],
  [0x1fa, 0x1ff],
  [0x218, 0x21b],
  [0x237, 0x237],
  [0x259, 0x259],
  [0x2bc, 0x2bc],
  [0x2c6, 0x2c7],
  [0x2c9, 0x2c9],
  [0x2d8, 0x2dd],
  [0x2f3, 0x2f3],
  [0x300, 0x301],
  [0x303, 0x303],
  [0x309, 0x309],
  [0x30f, 0x30f],
  [0x323, 0x323],
  [0x384, 0x38a],
  [0x38c, 0x38c],
  [0x38e, 0x3a1],
  [0x3a3, 0x3ce],
  [0x3d1, 0x3d2],
  [0x3d6, 0x3d6],
  [0x400, 0x486],
  [0x488, 0x513],
  [0x1e00, 0x1e01],
  [0x1e3e, 0x1e3f],
  [0x1e80, 0x1e85],
  [0x1e9e, 0x1e9e],
  [0x1ea0, 0x1ef9],
  [0x1f4d, 0x1f4d],
  [0x2000, 0x200b],
  [0x2010, 0x2011],
  [0x2013, 0x2015],
  [0x2017, 0x201e],
  [0x2020, 0x2022],
  [0x2025, 0x2027],
  [0x2030, 0x2030],
  [0x2032, 0x2033],
  [0x2039, 0x203a],
  [0x203c, 0x203c],
  [0x2044, 0x2044],
  [0x2070, 0x2070],
  [0x2074, 0x208e],
  [0x20a3, 0x20a4],
  [0x20a6, 0x20ac],
  [0x20b1, 0x20b1],
  [0x20b9, 0x20ba],
  [0x20bc, 0x20bd],
  [0x20c1, 0x20c1],
  [0x2105, 0x2105],
  [0x2113, 0x2113],
  [0x2116, 0x2116],
  [0x2122, 0x2122],
  [0x2126, 0x2126],
  [0x212e, 0x212e],
  [0x215b, 0x215e],
  [0x2202, 0x2202],
  [0x2206, 0x2206],
  [0x220f, 0x220f],
  [0x2211, 0x2212],
  [0x221a, 0x221a],
  [0x221e, 0x221e],
  [0x222b, 0x222b],
  [0x2248, 0x2248],
  [0x2260, 0x2260],
  [0x2264, 0x2265],
  [0x25a0, 0x25a0],
  [0x25ca, 0x25cb],
  [0x25cf, 0x25cf],
  [0xfb01, 0xfb04],
];

export const ROBOTO_COVERAGE = ROBOTO_RANGES;

/**
 * What stands in for a character the font lacks. "□" (U+25A1) is not in Roboto, so it would not show;
 * "■" (U+25A0) is, and is as plain a sign that something was left out.
 */
export const GLYPH_MARKER = "\u25a0";

export function fontCovers(codePoint: number): boolean {
  // Line breaks and tabs are layout, not glyphs.
  if (codePoint === 0x0a || codePoint === 0x09) return true;
  let low = 0;
  let high = ROBOTO_RANGES.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [from, to] = ROBOTO_RANGES[mid]!;
    if (codePoint < from) high = mid - 1;
    else if (codePoint > to) low = mid + 1;
    else return true;
  }
  return false;
}

/** The text with every character the font lacks replaced by the marker, and the characters replaced. */
export function coverText(text: string): { text: string; missing: string[] } {
  // Fast path: plain Latin/Vietnamese text needs no rebuilding.
  let clean = true;
  for (const ch of text) {
    if (!fontCovers(ch.codePointAt(0)!)) {
      clean = false;
      break;
    }
  }
  if (clean) return { text, missing: [] };
  const missing = new Set<string>();
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (fontCovers(cp)) out += ch;
    else if (cp === 0x0d) continue;
    // A variation selector or joiner belongs to the emoji before it: one marker is enough.
    else if (cp === 0xfe0f || cp === 0x200d || (cp >= 0x1f3fb && cp <= 0x1f3ff)) missing.add(ch);
    else {
      missing.add(ch);
      out += GLYPH_MARKER;
    }
  }
  return { text: out, missing: [...missing] };
}
