/**
 * Small vector charts and key-figure grids for the book's data sections, drawn with pdfmake canvas
 * rectangles (no images, no fonts beyond Roboto), in the navy and gold of the printed matter. Every
 * bar has its label and its value printed beside it, so nothing is told by colour alone. Pure.
 */
import type { Content, ContentTable, CustomTableLayout, StyleDictionary } from "pdfmake/interfaces";

/** The palette of the printed matter: the exhibition catalogue's navy and grey, with a gold accent. */
export const NAVY = "#1e3a5f";
export const GOLD = "#b38b2d";
export const GREY = "#5b6472";
export const RULE = "#c9d1dc";
export const TRACK = "#eef1f5";

/** The styles the data sections use; the book merges them into its own. */
export const SECTION_STYLES: StyleDictionary = {
  dataChartLabel: { fontSize: 8.5, color: "#1f2937" },
  dataChartValue: { fontSize: 8.5, bold: true, color: NAVY },
  dataChartNoData: { fontSize: 9, italics: true, color: GREY, margin: [0, 2, 0, 6] },
  dataKeyValue: { fontSize: 20, bold: true, color: NAVY },
  dataKeyLabel: { fontSize: 8.5, color: GREY },
  dataKeyNote: { fontSize: 7.5, color: GREY },
  dataCountLine: { fontSize: 10, color: GREY, margin: [0, 0, 0, 8] },
  dataMeetingContinued: {},
  dataTableHeader: { fontSize: 8.5, bold: true, color: "#ffffff" },
  dataTableCell: { fontSize: 8.5 },
  dataTableNote: { fontSize: 8, color: GREY },
  dataGroupRow: { fontSize: 9, bold: true, color: NAVY },
  dataEmptySection: { fontSize: 10, italics: true, color: GREY, margin: [0, 6, 0, 6] },
};

export interface BarRow {
  label: string;
  value: number;
  /** What is printed beside the bar, when not the bare value ("12 / 40"). */
  display?: string;
}

export interface BarChartOptions {
  /** The chart's whole width in points. */
  width: number;
  /** The value of a full-length bar (defaults to the largest value). */
  max?: number;
  /** The sentence shown instead of a chart when there are no rows. */
  noData?: string;
  /** The bars' colour (navy unless said). */
  color?: string;
  /** How numbers are written (defaults to Vietnamese grouping: 1.234). */
  format?: (value: number) => string;
}

/** Labels longer than this are cut with an ellipsis (they also wrap within their column). */
export const MAX_LABEL_CHARS = 90;
const BAR_HEIGHT = 9;
const VALUE_WIDTH = 36;
const GAP = 6;

export function truncateLabel(label: string, max = MAX_LABEL_CHARS): string {
  const chars = Array.from(label.trim());
  return chars.length <= max
    ? chars.join("")
    : `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}

const viNumber = new Intl.NumberFormat("vi-VN");

/**
 * The width of each column: the label gets about two fifths, the value what its longest text needs
 * (at least a fixed slot), the bar the rest.
 */
export function chartColumns(width: number, longestValue = 0) {
  const label = Math.round(width * 0.38);
  const value = Math.min(Math.round(width * 0.3), Math.max(VALUE_WIDTH, Math.ceil(longestValue * 4.8) + 4));
  const bar = Math.max(20, width - label - value - 2 * GAP);
  return { label, bar, value };
}

/** The length of a bar: proportional to its value against `max`, never negative nor past the track. */
export function barLength(value: number, max: number, trackWidth: number): number {
  if (!(max > 0) || !(value > 0)) return 0;
  return Math.min(trackWidth, (value / max) * trackWidth);
}

const chartLayout: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: (i) => (i === 0 ? 0 : GAP),
  paddingRight: () => 0,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/**
 * A horizontal bar chart: one row per item, label on the left, the bar on a light track, the value
 * on the right. No rows: the `noData` sentence instead (never an empty chart).
 */
export function barChart(rows: readonly BarRow[], options: BarChartOptions): Content {
  if (rows.length === 0) return { text: options.noData ?? "—", style: "dataChartNoData" };
  const format = options.format ?? ((n: number) => viNumber.format(n));
  const values = rows.map((row) => row.display ?? format(row.value));
  const columns = chartColumns(options.width, Math.max(...values.map((v) => v.length)));
  const max = Math.max(options.max ?? 0, ...rows.map((r) => r.value), 0);
  const color = options.color ?? NAVY;
  const table: ContentTable = {
    table: {
      widths: [columns.label, columns.bar, columns.value],
      dontBreakRows: true,
      body: rows.map((row, i) => {
        const length = barLength(row.value, max, columns.bar);
        return [
          { text: truncateLabel(row.label), style: "dataChartLabel" },
          {
            canvas: [
              { type: "rect", x: 0, y: 1.5, w: columns.bar, h: BAR_HEIGHT, color: TRACK },
              ...(length > 0 ? [{ type: "rect" as const, x: 0, y: 1.5, w: length, h: BAR_HEIGHT, color }] : []),
            ],
          },
          { text: values[i], style: "dataChartValue", alignment: "right" as const },
        ];
      }),
    },
    layout: chartLayout,
    margin: [0, 2, 0, 8],
  };
  return table;
}

export interface KeyFigure {
  value: string;
  label: string;
  /** A short line under the label ("of 480 approved"). */
  note?: string;
}

const keyLayout: CustomTableLayout = {
  // A gold rule above each row of figures and a hairline below: the look of a printed report.
  hLineWidth: (i, node) => (i === 0 ? 1.5 : i === node.table.body.length ? 0.5 : 0),
  hLineColor: (i) => (i === 0 ? GOLD : RULE),
  vLineWidth: () => 0,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 7,
  paddingBottom: () => 7,
};

/** Key numbers in rows of `perRow`: a big figure, its label and an optional note; no figures: nothing. */
export function keyFigures(items: readonly KeyFigure[], perRow = 3): Content[] {
  if (items.length === 0) return [];
  const rows: Content[] = [];
  for (let i = 0; i < items.length; i += perRow) {
    const cells: Content[] = items.slice(i, i + perRow).map((item) => ({
      stack: [
        { text: item.value, style: "dataKeyValue" },
        { text: item.label, style: "dataKeyLabel" },
        ...(item.note ? [{ text: item.note, style: "dataKeyNote" }] : []),
      ],
    }));
    while (cells.length < perRow) cells.push({ text: "" });
    rows.push({
      table: { widths: Array.from({ length: perRow }, () => "*"), body: [cells], dontBreakRows: true },
      layout: keyLayout,
      margin: [0, 0, 0, 6],
    });
  }
  return rows;
}

/** A sub-heading bound with its first block, so that no heading ends a page alone. */
export function headed(title: string, first: Content): Content {
  return {
    stack: [{ text: title, style: "subheading", headlineLevel: 2 }, first],
    unbreakable: true,
    margin: [0, 10, 0, 0],
  };
}

/** A table header cell on navy. */
export function headerCell(text: string): Content {
  return { text, style: "dataTableHeader", fillColor: NAVY };
}

/** Thin horizontal rules between rows, none vertical: the book's data tables. */
export const DATA_TABLE_LAYOUT: CustomTableLayout = {
  hLineWidth: (i) => (i === 0 ? 0 : 0.5),
  hLineColor: () => RULE,
  vLineWidth: () => 0,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};
