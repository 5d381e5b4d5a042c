/**
 * Table signs for the bilateral meetings: data in, pdfmake definition out (pure, unit-tested).
 * One A4 landscape page per placed meeting, in slot then table order. The sign itself is
 * bilingual whatever the viewer's language, since foreign diplomats read it at the table.
 */
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import type { Locale } from "~/platform/i18n";
import { translate } from "~/features/meetings/i18n";
import { isOnline, sortForPrint, type PrintMeeting } from "~/features/meetings/meeting-list";
import { formatInstant } from "~/lib/time";

const NAVY = "#1e3a5f";
const GREY = "#5b6472";
const AMBER = "#b45309";
const PAGE_WIDTH = 841.89;
const MARGIN_X = 48;

export interface SignOptions {
  locale: Locale;
  conference: { title_vi: string; title_en: string; time_zone: string };
}

/** Long names get smaller type, so that every sign stays on its one page (the longest seeded name is 116 letters). */
export function nameSize(longest: number): number {
  return longest <= 30 ? 44 : longest <= 50 ? 36 : longest <= 80 ? 28 : 22;
}

const both = (key: string, params?: Record<string, string | number>) => ({
  vi: translate("vi", key, params),
  en: translate("en", key, params),
});

/** A party's names, Vietnamese above English; both parties of a sign share one size so the two halves match. */
function party(nameVi: string, nameEn: string, size: number): Content {
  return {
    stack: [
      { text: nameVi, fontSize: size, bold: true, color: NAVY, lineHeight: 1.05 },
      { text: nameEn, fontSize: Math.max(14, Math.round(size * 0.55)), color: GREY, margin: [0, 8, 0, 0] },
    ],
    alignment: "center",
  };
}

function sign(m: PrintMeeting, zone: string, first: boolean): Content {
  const onlineWord = both("meetingsPrints.online");
  const heading = m.table_number === null ? onlineWord : both("meetingsPrints.table", { number: m.table_number });
  const place = [
    m.table_label.trim(),
    m.room_vi && m.room_en ? `${m.room_vi} / ${m.room_en}` : (m.room_vi ?? m.room_en ?? ""),
  ]
    .filter(Boolean)
    .join(" · ");
  // Without a table the heading already says online; at a table, a band says one party joins by video.
  const online = isOnline(m) && m.table_number !== null;
  const time = `${formatInstant(m.starts_at, zone, "vi", "time")}–${formatInstant(m.ends_at, zone, "vi", "time")}`;
  const zoneName = both("meetingsPrints.hanoiTime");
  const size = nameSize(
    Math.max(
      m.requester_vi.length,
      m.counterpart_vi.length,
      Math.ceil(Math.max(m.requester_en.length, m.counterpart_en.length) * 0.55),
    ),
  );
  return {
    stack: [
      {
        text: [
          { text: heading.vi, bold: true, color: NAVY },
          { text: `  /  ${heading.en}`, color: GREY },
        ],
        fontSize: 66,
        alignment: "center",
        margin: [0, 6, 0, 0],
      },
      place ? { text: place, fontSize: 16, color: GREY, alignment: "center", margin: [0, 2, 0, 0] } : { text: "" },
      { text: time, fontSize: 34, bold: true, alignment: "center", margin: [0, 14, 0, 0] },
      {
        text: `${formatInstant(m.starts_at, zone, "vi", "date")} · ${zoneName.vi} / ${zoneName.en}`,
        fontSize: 15,
        color: GREY,
        alignment: "center",
      },
      online
        ? {
            table: {
              widths: ["*"],
              body: [
                [
                  {
                    text: `${onlineWord.vi.toUpperCase()} / ${onlineWord.en.toUpperCase()}`,
                    bold: true,
                    fontSize: 18,
                    color: "white",
                    fillColor: AMBER,
                    alignment: "center",
                  },
                ],
              ],
            },
            layout: "noBorders",
            margin: [220, 12, 220, 0],
          }
        : { text: "" },
      {
        canvas: [{ type: "line", x1: 0, y1: 0, x2: PAGE_WIDTH - 2 * MARGIN_X, y2: 0, lineWidth: 1.5, lineColor: NAVY }],
        margin: [0, 20, 0, 22],
      },
      {
        table: {
          widths: ["*", "*"],
          body: [[party(m.requester_vi, m.requester_en, size), party(m.counterpart_vi, m.counterpart_en, size)]],
        },
        layout: {
          hLineWidth: () => 0,
          vLineWidth: (i: number) => (i === 1 ? 1 : 0),
          vLineColor: () => "#c8ccd2",
          paddingLeft: () => 14,
          paddingRight: () => 14,
          paddingTop: () => 4,
          paddingBottom: () => 4,
        },
      },
    ],
    ...(first ? {} : { pageBreak: "before" as const }),
  };
}

export function meetingTableSignsDocument(
  meetings: PrintMeeting[],
  { locale, conference }: SignOptions,
): TDocumentDefinitions {
  const zone = conference.time_zone;
  const ordered = sortForPrint(meetings);
  const title = locale === "en" ? conference.title_en : conference.title_vi;
  const blockName = both("meetingsPrints.signsHeading");
  return {
    pageSize: "A4",
    pageOrientation: "landscape",
    pageMargins: [MARGIN_X, 56, MARGIN_X, 40],
    info: { title: `${translate(locale, "meetingsPrints.signsTitle")} – ${title}` },
    header: {
      text: `${conference.title_vi} · ${blockName.vi} / ${blockName.en}`,
      fontSize: 10,
      color: GREY,
      alignment: "center",
      margin: [MARGIN_X, 24, MARGIN_X, 0],
    },
    // A small mark for sorting the printed stack: the slot and the table, bottom right.
    footer: (page: number) => {
      const m = ordered[page - 1];
      if (!m) return { text: "" };
      const table =
        m.table_number === null
          ? translate(locale, "meetingsPrints.online")
          : translate(locale, "meetingsPrints.table", { number: m.table_number });
      return {
        text: `${translate(locale, "meetingsPrints.slot", { n: m.slot_number })} · ${table}`,
        fontSize: 8,
        color: GREY,
        alignment: "right",
        margin: [MARGIN_X, 12, MARGIN_X, 0],
      };
    },
    content: ordered.map((m, i) => sign(m, zone, i === 0)),
    defaultStyle: { fontSize: 12, lineHeight: 1.15 },
  };
}
