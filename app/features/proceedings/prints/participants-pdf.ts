/**
 * The participant list (pure): the book's "participants" section and the same content as its own
 * A4 PDF. Groups by organisation in protocol order (participants.ts), a numbered table per group.
 */
import type { Content, ContentTable, StyleDictionary, TDocumentDefinitions } from "pdfmake/interfaces";
import { ORGANISATION_KINDS } from "~/auth/roles";
import { formatInstant, formatRange } from "~/lib/time";
import type { BookSection, SectionContext } from "../book/section";
import { groupParticipants, type ParticipantGroup, type ParticipantRow, type ParticipantsData } from "./participants";

export const INK = "#1f2937";
export const NAVY = "#1e3a5f";
export const MUTED = "#5b6472";
export const RULE = "#9aa3ae";

/** The styles the participant content uses (the book merges them into its own; "subheading" is the book's). */
export const PARTICIPANT_STYLES: StyleDictionary = {
  participantsKind: { fontSize: 12, bold: true, color: NAVY, margin: [0, 10, 0, 2] },
  participantsHeader: { fontSize: 9, bold: true, color: INK, fillColor: "#e8ecf1" },
  participantsCell: { fontSize: 9.5, color: INK },
  participantsMuted: { fontSize: 8.5, color: MUTED },
};

/** A group this small is kept whole on one page; a longer one keeps its heading with its first row. */
const WHOLE_GROUP_ROWS = 8;

/** "Ông Nguyễn Văn An", "H.E. Nguyen Van An". */
export function displayName(row: Pick<ParticipantRow, "honorific" | "fullName">, ctx: Pick<SectionContext, "t">) {
  return `${ctx.t(`registration.honorific.${row.honorific}`)} ${row.fullName}`;
}

/** Thin grey rules, none at the sides: a government table rather than a spreadsheet. */
export const tableLayout = (headingRows = 0) => ({
  hLineWidth: (i: number, node: ContentTable) =>
    i < headingRows ? 0 : i === headingRows || i === node.table.body.length ? 0.8 : 0.4,
  vLineWidth: () => 0.4,
  hLineColor: () => RULE,
  vLineColor: () => RULE,
  paddingLeft: () => 5,
  paddingRight: () => 5,
  paddingTop: () => 4,
  paddingBottom: () => 4,
});

const HEADING_BORDER = [false, false, false, false] as [boolean, boolean, boolean, boolean];

/**
 * A group's table. Its first rows are headings (the kind where it changes, the organisation) and
 * the column labels, all header rows: pdfmake keeps them with the first person (keepWithHeaderRows)
 * and repeats them on each page the group runs onto. An unbreakable stack would lose a group longer
 * than a page (pdfmake draws only its first page), hence headings inside the table.
 */
function groupTable(group: ParticipantGroup, ctx: SectionContext, start: number, kindHeading: Content | null): Content {
  const span = (node: Content) => [
    { stack: [node], colSpan: 4, border: HEADING_BORDER },
    { text: "", border: HEADING_BORDER },
    { text: "", border: HEADING_BORDER },
    { text: "", border: HEADING_BORDER },
  ];
  const heading: Content = {
    text: group.name,
    style: "subheading",
    headlineLevel: 2,
    outline: true,
    outlineText: group.name,
  };
  const headings = [...(kindHeading ? [span(kindHeading)] : []), span(heading)];
  const header = ["number", "name", "position", "mode"].map((c) => ({
    text: ctx.t(`proceedings.prints.column.${c}`),
    style: "participantsHeader",
  }));
  const body = group.rows.map((row, i) => [
    { text: String(start + i + 1), style: "participantsCell", alignment: "right" as const },
    { text: displayName(row, ctx), style: "participantsCell", bold: row.isHead },
    { text: row.position, style: "participantsCell" },
    { text: ctx.t(`registration.mode.${row.mode}`), style: "participantsCell", color: MUTED },
  ]);
  return {
    table: {
      headerRows: headings.length + 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: [26, "*", "*", 62],
      body: [...headings, header, ...body] as Content[][],
    },
    layout: tableLayout(headings.length),
    margin: [0, 6, 0, 0],
  };
}

/**
 * The groups in protocol order, numbered through. A group that fits a page is kept whole on one.
 */
export function participantContent(data: ParticipantsData, ctx: SectionContext): Content[] {
  const groups = groupParticipants(data.participants, ctx.locale);
  if (groups.length === 0) return [{ text: ctx.t("proceedings.prints.empty"), italics: true, color: MUTED }];
  const content: Content[] = [];
  let kind: string | null = null;
  let numbered = 0;
  for (const group of groups) {
    let kindHeading: Content | null = null;
    if (group.kind !== kind) {
      kind = group.kind;
      kindHeading = {
        text: ctx.t(`proceedings.prints.kind.${group.kind}`).toUpperCase(),
        style: "participantsKind",
        headlineLevel: 1,
      };
    }
    content.push({
      stack: [groupTable(group, ctx, numbered, kindHeading)],
      unbreakable: group.rows.length <= WHOLE_GROUP_ROWS,
    });
    numbered += group.rows.length;
  }
  return content;
}

/** The book's "participants" section: content only, the book adds its heading. */
export function buildParticipantsSection(data: ParticipantsData, ctx: SectionContext): BookSection {
  return {
    id: "participants",
    title: ctx.t("proceedings.section.participants"),
    content: [
      { text: ctx.t("proceedings.prints.total", { count: data.participants.length }), style: "participantsMuted" },
      ...participantContent(data, ctx),
    ],
  };
}

const A4_WIDTH = 595.28;
export const LIST_MARGINS: [number, number, number, number] = [56, 56, 56, 56];

/** The participant list as its own A4 PDF: a title block, the groups, page numbers and the generation date. */
export function participantListDocument(
  data: ParticipantsData,
  ctx: SectionContext,
  generatedAt: string,
): TDocumentDefinitions {
  const { conference } = data;
  const title = ctx.locale === "en" ? conference.title_en : conference.title_vi;
  const venue = ctx.locale === "en" ? conference.venue_en : conference.venue_vi;
  const generated = ctx.t("proceedings.prints.generatedOn", {
    date: formatInstant(generatedAt, ctx.timeZone, ctx.locale, "dateTime"),
  });
  return {
    pageSize: "A4",
    pageMargins: LIST_MARGINS,
    info: { title: `${ctx.t("proceedings.prints.listTitle")} – ${title}` },
    content: [
      { text: title.toUpperCase(), fontSize: 10, bold: true, color: NAVY, alignment: "center" },
      {
        text: `${venue} · ${formatRange(conference.starts_at, conference.ends_at, ctx.timeZone, ctx.locale)}`,
        fontSize: 9,
        color: MUTED,
        alignment: "center",
        margin: [0, 2, 0, 0],
      },
      {
        canvas: [{ type: "line", x1: 180, y1: 0, x2: A4_WIDTH - 112 - 180, y2: 0, lineWidth: 0.8, lineColor: NAVY }],
        margin: [0, 8, 0, 14],
      },
      { text: ctx.t("proceedings.prints.listTitle").toUpperCase(), fontSize: 17, bold: true, alignment: "center" },
      {
        text: `${ctx.t("proceedings.prints.listSubtitle")} · ${ctx.t("proceedings.prints.total", { count: data.participants.length })}`,
        fontSize: 9.5,
        italics: true,
        color: MUTED,
        alignment: "center",
        margin: [0, 4, 0, 6],
      },
      ...participantContent(data, ctx),
    ],
    footer: (page: number, pages: number) => ({
      columns: [
        { text: generated, fontSize: 8, color: MUTED },
        { text: ctx.t("proceedings.prints.page", { page, pages }), fontSize: 8, color: MUTED, alignment: "right" },
      ],
      margin: [LIST_MARGINS[0], 20, LIST_MARGINS[2], 0],
    }),
    styles: {
      ...PARTICIPANT_STYLES,
      subheading: { fontSize: 10.5, bold: true, color: INK },
    },
    defaultStyle: { fontSize: 10, lineHeight: 1.15, color: INK },
  };
}

/** Which organisation kinds exist, for choices (the page offers "only ministries" etc.). */
export const PLATE_KINDS = ORGANISATION_KINDS;
