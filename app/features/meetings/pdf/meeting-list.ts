/**
 * The full list of a block's bilateral meetings as a PDF: data in, pdfmake definition out
 * (pure, unit-tested). A4 landscape, one table per slot in time order; each table repeats
 * its slot heading and column header on every page it runs onto. Rows come from
 * lib/meeting-list.ts, as the CSV's do.
 */
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import type { Locale } from "~/platform/i18n";
import { translate } from "~/features/meetings/i18n";
import { groupBySlot, listRow, shortText, type PrintMeeting } from "~/features/meetings/meeting-list";
import { formatInstant } from "~/lib/time";
import { now as clockNow } from "~/lib/clock";

const NAVY = "#1e3a5f";
const GREY = "#5b6472";
const PALE = "#e8edf3";
const AMBER = "#b45309";
/** Roboto has no check mark; a filled circle reads as "yes" in a narrow column. */
const MARK = "●";
const ASK_LENGTH = 90;

export interface MeetingListOptions {
  locale: Locale;
  conference: { title_vi: string; title_en: string; time_zone: string };
  now?: Date;
}

const COLUMNS = ["table", "requester", "counterpart", "sector", "ask", "priority", "locked", "online"] as const;
const WIDTHS = [84, "*", "*", 70, "*", 38, 38, 46];

export function meetingListDocument(
  meetings: PrintMeeting[],
  { locale, conference, now = clockNow() }: MeetingListOptions,
): TDocumentDefinitions {
  const zone = conference.time_zone;
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
  const title = locale === "en" ? conference.title_en : conference.title_vi;
  const slots = groupBySlot(meetings);
  const content: Content[] = [
    { text: t("meetingsPrints.listTitle"), fontSize: 16, bold: true, color: NAVY },
    { text: title, fontSize: 10, margin: [0, 2, 0, 2] },
    {
      text: t("meetingsPrints.printedAt", { at: formatInstant(now.toISOString(), zone, locale, "dateTime") }),
      fontSize: 8,
      color: GREY,
    },
    {
      text: t("meetingsPrints.summary", { count: meetings.length, slots: slots.length }),
      fontSize: 8,
      color: GREY,
      margin: [0, 0, 0, 6],
    },
  ];
  const head = (text: string, center = false): TableCell => ({
    text,
    bold: true,
    fontSize: 8,
    color: "white",
    fillColor: NAVY,
    alignment: center ? "center" : "left",
  });
  for (const slot of slots) {
    const time = `${formatInstant(slot.starts_at, zone, locale, "time")}–${formatInstant(slot.ends_at, zone, locale, "time")}`;
    const heading: TableCell = {
      text: [
        {
          text: t("meetingsPrints.slotHeading", {
            n: slot.slot_number,
            time,
            date: formatInstant(slot.starts_at, zone, locale, "date"),
          }),
          bold: true,
          color: NAVY,
          fontSize: 11,
        },
        { text: `   ${t("meetingsPrints.slotCount", { count: slot.meetings.length })}`, color: GREY, fontSize: 8 },
      ],
      colSpan: COLUMNS.length,
      fillColor: PALE,
    };
    const body: TableCell[][] = [
      [heading, ...COLUMNS.slice(1).map(() => ({}))],
      COLUMNS.map((c) => head(t(`meetingsPrints.col.${c}`), ["priority", "locked", "online"].includes(c))),
    ];
    for (const m of slot.meetings) {
      const row = listRow(m, locale, zone);
      body.push([
        {
          stack: [{ text: row.table, bold: true }, ...(row.room ? [{ text: row.room, fontSize: 7, color: GREY }] : [])],
        },
        row.requester,
        row.counterpart,
        row.sector,
        { text: shortText(row.ask, ASK_LENGTH), fontSize: 8 },
        { text: String(row.priority), alignment: "center" },
        { text: row.locked ? MARK : "", alignment: "center", color: NAVY, fontSize: 11 },
        { text: row.online ? MARK : "", alignment: "center", color: AMBER, fontSize: 11 },
      ]);
    }
    content.push({
      table: { headerRows: 2, keepWithHeaderRows: 1, dontBreakRows: true, widths: WIDTHS, body },
      layout: {
        hLineWidth: (i: number) => (i === 0 ? 0 : 0.5),
        vLineWidth: () => 0,
        hLineColor: () => "#c8ccd2",
        paddingTop: () => 4,
        paddingBottom: () => 4,
      },
      margin: [0, 10, 0, 0],
    });
  }
  return {
    pageSize: "A4",
    pageOrientation: "landscape",
    pageMargins: [40, 36, 40, 44],
    info: { title: `${t("meetingsPrints.listTitle")} – ${title}` },
    content,
    defaultStyle: { fontSize: 9, lineHeight: 1.15 },
    footer: (page: number, pages: number) => ({
      columns: [
        { text: title, fontSize: 7, color: GREY },
        { text: t("meetingsPrints.page", { page, pages }), fontSize: 8, color: GREY, alignment: "right" },
      ],
      margin: [40, 16, 40, 0],
    }),
  };
}
