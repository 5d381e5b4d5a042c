/**
 * The book's page and type: A4 portrait, margins for binding, the house colours and styles. Pure
 * constants shared by the assembler, the cover and the sections.
 */
import type { Margins, StyleDictionary } from "pdfmake/interfaces";
import { MARKDOWN_STYLES } from "../documents/markdown-pdf";
import { PARTICIPANT_STYLES } from "../prints/participants-pdf";
import { SECTION_STYLES } from "./sections/charts";
import { UNRENDERABLE_STYLE } from "./section";

export const A4 = { width: 595.28, height: 841.89 };
/** left, top, right, bottom: room for the running header above and the page number below. */
export const PAGE_MARGINS: [number, number, number, number] = [64, 78, 64, 70];
export const CONTENT_WIDTH = A4.width - PAGE_MARGINS[0] - PAGE_MARGINS[2];

export const NAVY = "#1b2f52";
export const GOLD = "#b38b2d";
export const GREY = "#5b6472";
export const RULE = "#c8ccd2";

/** A horizontal rule of the text block's width (or narrower: centred, or flush left under a heading). */
export function rule(
  color: string,
  width = CONTENT_WIDTH,
  thickness = 0.75,
  margin: Margins = [0, 4, 0, 8],
  align: "center" | "left" = "center",
) {
  const x = align === "left" ? 0 : (CONTENT_WIDTH - width) / 2;
  return {
    canvas: [{ type: "line" as const, x1: x, y1: 0, x2: x + width, y2: 0, lineWidth: thickness, lineColor: color }],
    margin,
  };
}

/** The book's styles over the mapping's and the data sections' own. */
export const BOOK_STYLES: StyleDictionary = {
  ...MARKDOWN_STYLES,
  ...SECTION_STYLES,
  ...PARTICIPANT_STYLES,
  // Body text set justified, as in print.
  mdParagraph: { ...(MARKDOWN_STYLES.mdParagraph as object), alignment: "justify" },
  sectionHeading: { fontSize: 19, bold: true, color: NAVY, margin: [0, 0, 0, 2] },
  subheading: { fontSize: 13.5, bold: true, color: NAVY, margin: [0, 0, 0, 3] },
  byline: { fontSize: 10, italics: true, color: GREY, margin: [0, 0, 0, 2] },
  meta: { fontSize: 9, color: GREY },
  tocTitle: { fontSize: 19, bold: true, color: NAVY },
  tocLevel1: { fontSize: 11, bold: true, color: NAVY },
  tocLevel2: { fontSize: 9.5, color: "#222222" },
  tocNumber: { fontSize: 10, color: NAVY },
  runningHeader: { fontSize: 7.5, color: GREY },
  folio: { fontSize: 9, color: GREY },
  [UNRENDERABLE_STYLE]: { fontSize: 9, color: "#9a3412", italics: true },
};
