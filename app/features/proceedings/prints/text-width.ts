/**
 * How wide a line of Roboto Medium (the bold of the PDF renderer) is, without the font file: the
 * advance widths of its Latin letters per 1000 units of the font size, measured once with pdfkit.
 * Vietnamese marks sit above or below their letter and add no width (Đ and đ are listed).
 */
const WIDTHS: Record<string, number> = {
  a: 539,
  b: 562,
  c: 522,
  d: 563,
  e: 536,
  f: 353,
  g: 567,
  h: 556,
  i: 255,
  j: 251,
  k: 521,
  l: 255,
  m: 871,
  n: 557,
  o: 567,
  p: 562,
  q: 566,
  r: 354,
  s: 515,
  t: 333,
  u: 556,
  v: 496,
  w: 742,
  x: 503,
  y: 490,
  z: 503,
  A: 663,
  B: 631,
  C: 653,
  D: 653,
  E: 565,
  F: 551,
  G: 681,
  H: 709,
  I: 283,
  J: 556,
  K: 632,
  L: 540,
  M: 875,
  N: 709,
  O: 689,
  P: 638,
  Q: 689,
  R: 629,
  S: 605,
  T: 609,
  U: 654,
  V: 646,
  W: 880,
  X: 631,
  Y: 611,
  Z: 603,
  " ": 249,
  ".": 278,
  ",": 224,
  "-": 340,
  "'": 167,
  "(": 346,
  ")": 350,
  "/": 390,
  Đ: 667,
  đ: 615,
  ơ: 577,
  ư: 612,
  Ơ: 700,
  Ư: 700,
};
const DIGIT = 568;
/** Anything else (another script's letter, a symbol): a wide guess, so that a line never overflows. */
const OTHER = 700;

/** The width of `text` in points at `fontSize`. */
export function textWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text.normalize("NFD")) {
    if (/\p{M}/u.test(ch)) continue;
    units += WIDTHS[ch] ?? (/\d/.test(ch) ? DIGIT : OTHER);
  }
  // "ơ", "ư" decompose to o/u + horn: the horn adds a little.
  return (units / 1000) * fontSize;
}
