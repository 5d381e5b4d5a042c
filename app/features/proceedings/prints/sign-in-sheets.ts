/**
 * Sign-in sheets per session (pure): A4 portrait, the session's title, date, time and room, then a
 * table No. / full name / organisation / position / signature with tall rows: the delegates expected
 * in person, then blank rows for walk-ins. The pages are cut here rather than by pdfmake, so each
 * sheet's footer can say "page x of y" of its own session (pdfmake only knows the document's pages).
 */
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import { formatInstant } from "~/lib/time";
import type { SectionContext } from "../book/section";
import { displayName, INK, MUTED, NAVY, tableLayout } from "./participants-pdf";
import type { ParticipantRow } from "./participants";
import { textWidth } from "./text-width";

/** Blank rows after the expected delegates, for walk-ins. */
export const BLANK_ROWS = 10;
/** Rows per page: the row height below leaves room for the title block, the header and a little slack. */
export const ROWS_PER_PAGE = 16;
// The row height without its 4 pt paddings: 36 pt a row, room for a signature.
const ROW_HEIGHT = 28;
const CELL_SIZE = 9;
const WIDTHS = [24, 130, 130, 110, "*"] as const;
const MARGINS: [number, number, number, number] = [40, 40, 40, 48];

export interface SheetSession {
  id: number;
  title_vi: string;
  title_en: string;
  starts_at: string;
  ends_at: string;
  room_vi: string | null;
  room_en: string | null;
  /** The delegates expected in person, in the participant list's order. */
  expected: ParticipantRow[];
}

export type SheetRow = { number: number; person: ParticipantRow | null };

/** The rows of one session's sheet: the expected delegates numbered, then `blank` numbered blank rows. */
export function sheetRows(expected: readonly ParticipantRow[], blank = BLANK_ROWS): SheetRow[] {
  return [
    ...expected.map((person, i) => ({ number: i + 1, person })),
    ...Array.from({ length: blank }, (_, i) => ({ number: expected.length + i + 1, person: null })),
  ];
}

/** Rows cut into pages of `perPage` (at least one page, even for a session nobody signed up for). */
export function paginate<T>(rows: readonly T[], perPage = ROWS_PER_PAGE): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < rows.length; i += perPage) pages.push(rows.slice(i, i + perPage));
  return pages.length ? pages : [[]];
}

/**
 * A cell's text and size so that every row keeps its height (the pages are counted beforehand):
 * two lines at the normal size, else three smaller ones, else cut short with an ellipsis.
 */
export function fitCell(text: string, width: number): { text: string; fontSize: number } {
  const room = width - 10;
  if (textWidth(text, CELL_SIZE) <= 2 * room * 0.92) return { text, fontSize: CELL_SIZE };
  const small = 7.5;
  if (textWidth(text, small) <= 3 * room * 0.92) return { text, fontSize: small };
  let cut = text;
  while (cut.length > 1 && textWidth(`${cut}…`, small) > 3 * room * 0.92) cut = cut.slice(0, -1);
  return { text: `${cut.trimEnd()}…`, fontSize: small };
}

function tableOf(rows: SheetRow[], ctx: Pick<SectionContext, "t" | "locale">): Content {
  const header = ["number", "name", "organisation", "position", "signature"].map((c) => ({
    text: ctx.t(`proceedings.prints.column.${c}`),
    bold: true,
    fontSize: 9,
    fillColor: "#e8ecf1",
    alignment: "center" as const,
  }));
  const body = rows.map(({ number, person }) => {
    const name = person ? displayName(person, ctx) : "";
    const organisation = person ? (ctx.locale === "en" ? person.organisationEn : person.organisationVi) : "";
    const position = person?.position ?? "";
    return [
      { text: String(number), alignment: "right" as const, fontSize: CELL_SIZE, color: MUTED },
      { ...fitCell(name, WIDTHS[1]), bold: true },
      fitCell(organisation, WIDTHS[2]),
      fitCell(position, WIDTHS[3]),
      { text: "" },
    ];
  });
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [...WIDTHS],
      heights: (row: number) => (row === 0 ? 18 : ROW_HEIGHT),
      body: [header, ...body],
    },
    layout: tableLayout(0),
  };
}

function titleBlock(s: SheetSession, ctx: SectionContext, conferenceTitle: string): Content {
  const title = ctx.locale === "en" ? s.title_en : s.title_vi;
  const room = ctx.locale === "en" ? s.room_en : s.room_vi;
  const when = ctx.t("proceedings.prints.sheetWhen", {
    date: formatInstant(s.starts_at, ctx.timeZone, ctx.locale, "longDate"),
    start: formatInstant(s.starts_at, ctx.timeZone, ctx.locale, "time"),
    end: formatInstant(s.ends_at, ctx.timeZone, ctx.locale, "time"),
  });
  return {
    stack: [
      { text: conferenceTitle.toUpperCase(), fontSize: 9, bold: true, color: NAVY, alignment: "center" },
      {
        text: ctx.t("proceedings.prints.sheetTitle").toUpperCase(),
        fontSize: 15,
        bold: true,
        alignment: "center",
        margin: [0, 6, 0, 2],
      },
      { text: title, fontSize: 11.5, bold: true, alignment: "center", color: INK },
      {
        text: `${when} · ${room ? ctx.t("proceedings.prints.sheetRoom", { room }) : ctx.t("proceedings.prints.sheetNoRoom")}`,
        fontSize: 9,
        color: MUTED,
        alignment: "center",
        margin: [0, 2, 0, 10],
      },
    ],
  };
}

/** Which session and which of its pages each page of the document is (for the footers). */
export interface SheetPage {
  sessionTitle: string;
  page: number;
  pages: number;
}

/** Every session's sheet, a new page for each; pages numbered per session in the footer. */
export function signInSheetsDocument(
  sessions: readonly SheetSession[],
  ctx: SectionContext,
  conferenceTitle: string,
): TDocumentDefinitions {
  const content: Content[] = [];
  const pageMap: SheetPage[] = [];
  for (const s of sessions) {
    const pages = paginate(sheetRows(s.expected));
    const sessionTitle = ctx.locale === "en" ? s.title_en : s.title_vi;
    pages.forEach((rows, i) => {
      pageMap.push({ sessionTitle, page: i + 1, pages: pages.length });
      content.push({
        stack: [titleBlock(s, ctx, conferenceTitle), tableOf(rows, ctx)],
        ...(content.length === 0 ? {} : { pageBreak: "before" as const }),
      });
    });
  }
  return {
    pageSize: "A4",
    pageMargins: MARGINS,
    info: { title: `${ctx.t("proceedings.prints.sheetsFileTitle")} – ${conferenceTitle}` },
    content,
    footer: (page: number) => {
      const p = pageMap[page - 1];
      if (!p) return { text: "" };
      const label = p.sessionTitle.length > 90 ? `${p.sessionTitle.slice(0, 88)}…` : p.sessionTitle;
      return {
        text: ctx.t("proceedings.prints.sheetPage", { session: label, page: p.page, pages: p.pages }),
        fontSize: 8,
        color: MUTED,
        alignment: "right",
        margin: [MARGINS[0], 16, MARGINS[2], 0],
      };
    },
    defaultStyle: { fontSize: CELL_SIZE, lineHeight: 1.1, color: INK },
  };
}

/** How many pages a set of sheets takes (the tests check pdfmake agrees). */
export function sheetPageCount(sessions: readonly Pick<SheetSession, "expected">[]): number {
  return sessions.reduce((n, s) => n + paginate(sheetRows(s.expected)).length, 0);
}
