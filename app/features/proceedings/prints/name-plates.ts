/**
 * Name plates for the plenary and head tables (pure): A4 landscape, one delegate a page, folded
 * along the horizontal middle into a tent. The lower half reads upright to the hall; the upper
 * half carries the same text turned 180° so that, folded, it reads upright to the delegate's side.
 * pdfmake cannot rotate text, so each plate is one SVG drawn by its svg-to-pdfkit (Roboto, real text).
 */
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import type { SectionContext } from "../book/section";
import type { ParticipantRow } from "./participants";
import { textWidth } from "./text-width";

export const PLATE_PAGE = { width: 841.89, height: 595.28 };
/** The printable width of a half: the page less generous side margins (printers do not print to the edge). */
export const PLATE_TEXT_WIDTH = PLATE_PAGE.width - 2 * 56;
const NAME_MAX = 80;
const NAME_MIN = 30;
const NAVY = "#1e3a5f";
const GREY = "#4b5563";

export interface NameLayout {
  fontSize: number;
  lines: string[];
}

/** The most even split of a name into two lines at a space, or null for a single word. */
function twoLines(name: string): [string, string] | null {
  const words = name.split(/\s+/);
  if (words.length < 2) return null;
  let best: [string, string] | null = null;
  let bestWidth = Infinity;
  for (let i = 1; i < words.length; i++) {
    const pair: [string, string] = [words.slice(0, i).join(" "), words.slice(i).join(" ")];
    const widest = Math.max(textWidth(pair[0], 1), textWidth(pair[1], 1));
    if (widest < bestWidth) [best, bestWidth] = [pair, widest];
  }
  return best;
}

/**
 * The name as large as it fits: one line up to NAME_MAX points; when one line would be smaller
 * than 2/3 of that, two balanced lines if they are larger; never below NAME_MIN (a name longer
 * still is squeezed by the SVG's textLength rather than running off the plate).
 */
export function fitName(name: string, maxWidth = PLATE_TEXT_WIDTH): NameLayout {
  const clean = name.trim().replace(/\s+/g, " ");
  const oneSize = Math.min(NAME_MAX, Math.floor(maxWidth / Math.max(0.001, textWidth(clean, 1))));
  if (oneSize >= NAME_MAX * (2 / 3)) return { fontSize: oneSize, lines: [clean] };
  const pair = twoLines(clean);
  const twoSize = pair
    ? Math.min(NAME_MAX * 0.8, Math.floor(maxWidth / Math.max(textWidth(pair[0], 1), textWidth(pair[1], 1))))
    : 0;
  if (pair && twoSize > oneSize) return { fontSize: Math.max(NAME_MIN, twoSize), lines: pair };
  return { fontSize: Math.max(NAME_MIN, oneSize), lines: [clean] };
}

/** A smaller line (position, organisation) on one line: its size shrinks from `max` down to `min`. */
export function fitLine(text: string, max: number, min: number, maxWidth = PLATE_TEXT_WIDTH): number {
  return Math.max(min, Math.min(max, Math.floor(maxWidth / Math.max(0.001, textWidth(text, 1)))));
}

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

interface PlateText {
  name: NameLayout;
  position: string;
  organisation: string;
}

/** One half's text lines as SVG, centred on x, the block's centre at y (the half's own coordinates). */
function halfSvg(p: PlateText, cx: number, cy: number): string {
  const positionSize = fitLine(p.position, 26, 14);
  const organisationSize = fitLine(p.organisation, 22, 12);
  const nameLead = p.name.fontSize * 1.08;
  const blockHeight =
    nameLead * p.name.lines.length +
    (p.position ? positionSize * 1.5 : 0) +
    (p.organisation ? organisationSize * 1.4 : 0);
  let y = cy - blockHeight / 2;
  const out: string[] = [];
  const line = (text: string, size: number, weight: string, colour: string, lead: number) => {
    y += size * 0.92;
    const squeeze =
      textWidth(text, size) > PLATE_TEXT_WIDTH
        ? ` textLength="${PLATE_TEXT_WIDTH}" lengthAdjust="spacingAndGlyphs"`
        : "";
    out.push(
      `<text x="${cx}" y="${y.toFixed(1)}" font-size="${size}" font-weight="${weight}" fill="${colour}" text-anchor="middle"${squeeze}>${escapeXml(text)}</text>`,
    );
    y += lead - size * 0.92;
  };
  for (const l of p.name.lines) line(l, p.name.fontSize, "bold", NAVY, nameLead);
  if (p.position) line(p.position, positionSize, "normal", GREY, positionSize * 1.5);
  if (p.organisation) line(p.organisation, organisationSize, "bold", GREY, organisationSize * 1.4);
  return out.join("");
}

/** The page as SVG: both halves, the fold line with its label, and cut marks at the corners. */
export function plateSvg(p: PlateText, foldLabel: string): string {
  const { width: W, height: H } = PLATE_PAGE;
  const half = H / 2;
  const cx = W / 2;
  // The face is centred a little towards the fold: the foot of the tent stands on the table.
  const lower = halfSvg(p, cx, half + half * 0.47);
  const upper = halfSvg(p, cx, half + half * 0.47);
  const m = 18;
  const tick = 14;
  const corners = [
    [m, m, 1, 1],
    [W - m, m, -1, 1],
    [m, H - m, 1, -1],
    [W - m, H - m, -1, -1],
  ]
    .map(
      ([x, y, dx, dy]) =>
        `<line x1="${x}" y1="${y}" x2="${x + dx * tick}" y2="${y}" /><line x1="${x}" y1="${y}" x2="${x}" y2="${y + dy * tick}" />`,
    )
    .join("");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`,
    `<g stroke="#6b7280" stroke-width="0.6">${corners}</g>`,
    `<line x1="0" y1="${half}" x2="${m + tick}" y2="${half}" stroke="#6b7280" stroke-width="0.6" />`,
    `<line x1="${W - m - tick}" y1="${half}" x2="${W}" y2="${half}" stroke="#6b7280" stroke-width="0.6" />`,
    `<line x1="${m + tick + 6}" y1="${half}" x2="${W - m - tick - 6}" y2="${half}" stroke="#9ca3af" stroke-width="0.4" stroke-dasharray="5 4" />`,
    `<text x="${W - m - tick - 8}" y="${half - 4}" font-size="7" fill="#9ca3af" text-anchor="end">${escapeXml(foldLabel)}</text>`,
    `<g>${lower}</g>`,
    // The back: the same face turned half a turn about the page's centre, so it lands in the upper half.
    `<g transform="rotate(180 ${cx} ${half})">${upper}</g>`,
    `</svg>`,
  ].join("");
}

/** What a plate shows, in the print's language. */
export function plateText(row: ParticipantRow, locale: SectionContext["locale"]): PlateText {
  return {
    name: fitName(row.fullName),
    position: row.position.trim(),
    organisation: (locale === "en" ? row.organisationEn : row.organisationVi).trim(),
  };
}

/** Every plate, one a page, in the order given (the caller sorts as the participant list). */
export function namePlatesDocument(
  rows: readonly ParticipantRow[],
  ctx: Pick<SectionContext, "locale" | "t">,
  title: string,
): TDocumentDefinitions {
  const fold = ctx.t("proceedings.prints.plateFold");
  const content: Content[] = rows.map((row, i) => ({
    svg: plateSvg(plateText(row, ctx.locale), fold),
    width: PLATE_PAGE.width,
    height: PLATE_PAGE.height,
    ...(i === 0 ? {} : { pageBreak: "before" as const }),
  }));
  return {
    pageSize: "A4",
    pageOrientation: "landscape",
    pageMargins: [0, 0, 0, 0],
    info: { title: `${ctx.t("proceedings.prints.platesTitle")} – ${title}` },
    content,
  };
}
