/**
 * The book's programme: one table per day (the day's title and the column heads repeat on each page
 * and stay with the first session), times in the conference's zone, parallel sessions side by side.
 * Reuses the programme PDF's session block (app/features/agenda/pdf/programme.ts).
 */
import type { Content, TableCell } from "pdfmake/interfaces";
import { programmeSlots, slotRow, type ProgrammePdfSession } from "~/features/agenda/pdf/programme";
import { translate as agendaTranslate } from "~/features/agenda/i18n";
import { formatInstant } from "~/lib/time";
import { marker } from "../book-document";
import { NAVY, RULE } from "../layout";
import type { BookSection, SectionContext } from "../section";

export type ProgrammeSession = ProgrammePdfSession;

export function buildProgrammeSection(sessions: readonly ProgrammeSession[], ctx: SectionContext): BookSection {
  const { locale, timeZone: zone, t } = ctx;
  const time = (iso: string) => formatInstant(iso, zone, locale, "time");
  const content: Content[] = [];
  programmeSlots([...sessions], zone).forEach(({ day, slots }, i) => {
    const dayTitle = `${agendaTranslate(locale, "programme.day", { n: i + 1 })} · ${formatInstant(`${day}T05:00:00Z`, zone, locale, "longDate")}`;
    const head = (text: string): TableCell => ({ text, bold: true, fontSize: 8, color: "white", fillColor: NAVY });
    const body: TableCell[][] = [
      [
        {
          text: dayTitle,
          colSpan: 2,
          fontSize: 12,
          bold: true,
          color: NAVY,
          margin: [0, 0, 0, 4],
          border: [false, false, false, false],
        },
        {},
      ],
      [head(agendaTranslate(locale, "programme.pdf.time")), head(agendaTranslate(locale, "programme.pdf.session"))],
    ];
    for (const slot of slots) body.push(slotRow(slot, locale, time, RULE));
    content.push({
      table: { headerRows: 2, keepWithHeaderRows: 1, dontBreakRows: true, widths: [66, "*"], body },
      layout: {
        hLineWidth: (j: number) => (j < 2 ? 0 : 0.5),
        vLineWidth: () => 0,
        hLineColor: () => RULE,
        paddingTop: () => 5,
        paddingBottom: () => 5,
      },
      margin: [0, i === 0 ? 0 : 14, 0, 0],
    } as Content);
  });
  if (content.length === 0) content.push(marker(t("proceedings.book.marker.empty")));
  content.push({
    text: t("proceedings.book.programme.zoneNote", { zone }),
    style: "meta",
    italics: true,
    margin: [0, 10, 0, 0],
  });
  return { id: "programme", title: t("proceedings.section.programme"), content };
}
