/**
 * Each party's bilateral meeting schedule as a PDF: data in, pdfmake definition out (pure, unit-tested).
 * One page per party, its meetings in time order, times in Hà Nội.
 */
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import { sectorLabel } from "../rules";
import type { Locale } from "~/platform/i18n";
import { translate } from "~/features/meetings/i18n";
import { formatRange } from "~/lib/time";

export interface PartyMeeting {
  starts_at: string;
  ends_at: string;
  table_number: number | null;
  sector: string;
  counterpart_vi: string;
  counterpart_en: string;
}
export interface PartySchedule {
  name_vi: string;
  name_en: string;
  meetings: PartyMeeting[];
}

const NAVY = "#1e3a5f";
const GREY = "#5b6472";

export function meetingScheduleDocument(
  parties: PartySchedule[],
  { locale, conference }: { locale: Locale; conference: { title_vi: string; title_en: string; time_zone: string } },
): TDocumentDefinitions {
  const zone = conference.time_zone;
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
  const en = locale === "en";
  const title = en ? conference.title_en : conference.title_vi;
  const content: Content[] = [];
  parties.forEach((party, i) => {
    const meetings = [...party.meetings].sort((a, b) => a.starts_at.localeCompare(b.starts_at));
    const header = (text: string): TableCell => ({ text, bold: true, fontSize: 8, color: "white", fillColor: NAVY });
    const body: TableCell[][] = [
      [
        header(t("meetingsAdmin.time")),
        header(t("meetingsAdmin.pdfTable")),
        header(t("meetingsAdmin.pdfCounterpart")),
        header(t("meetingsAdmin.pdfSector")),
      ],
    ];
    for (const m of meetings) {
      body.push([
        { text: formatRange(m.starts_at, m.ends_at, zone, locale, true), bold: true },
        m.table_number === null ? t("meetingsAdmin.pdfOnline") : String(m.table_number),
        en ? m.counterpart_en : m.counterpart_vi,
        sectorLabel(t, m.sector),
      ]);
    }
    content.push(
      {
        text: t("meetingsAdmin.pdfTitle"),
        fontSize: 16,
        bold: true,
        color: NAVY,
        ...(i > 0 ? { pageBreak: "before" as const } : {}),
      },
      { text: title, fontSize: 10, margin: [0, 2, 0, 8] },
      { text: en ? party.name_en : party.name_vi, fontSize: 14, bold: true, margin: [0, 0, 0, 2] },
      { text: t("meetingsAdmin.pdfZone"), fontSize: 8, color: GREY, margin: [0, 0, 0, 8] },
      {
        table: { headerRows: 1, dontBreakRows: true, widths: [110, 50, "*", 110], body },
        layout: {
          hLineWidth: () => 0.5,
          vLineWidth: () => 0,
          hLineColor: () => "#c8ccd2",
          paddingTop: () => 5,
          paddingBottom: () => 5,
        },
      },
    );
  });
  if (parties.length === 0) content.push({ text: t("meetingsAdmin.pdfNothing"), italics: true });
  return {
    pageSize: "A4",
    pageMargins: [40, 40, 40, 48],
    info: { title: `${t("meetingsAdmin.pdfTitle")} – ${title}` },
    content,
    defaultStyle: { fontSize: 9, lineHeight: 1.15 },
  };
}
