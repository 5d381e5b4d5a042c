/**
 * The programme as a PDF: data in, pdfmake definition out. Pure, so it is
 * unit-tested; app/platform/pdf/render.server.ts makes the bytes. One section per day,
 * sessions in time order; parallel sessions (same time) side by side, each
 * with its room named, so the page reads like the timetable on the wall.
 */
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import type { Locale } from "~/platform/i18n";
import { translate } from "~/features/agenda/i18n";
import { formatInstant, zonedDate } from "~/lib/time";
import { now as clockNow } from "~/lib/clock";

export interface ProgrammePdfSession {
  id: number;
  kind: string;
  title_vi: string;
  title_en: string;
  starts_at: string;
  ends_at: string;
  room_vi: string | null;
  room_en: string | null;
  people: Array<{ role: string; full_name: string; organisation_vi: string; organisation_en: string }>;
}

export interface ProgrammePdfOptions {
  locale: Locale;
  conference: { title_vi: string; title_en: string; time_zone: string };
  now?: Date;
}

const NAVY = "#1e3a5f";
const GREY = "#5b6472";

/** Sessions grouped by day, then by identical time slot (parallel sessions). */
export function programmeSlots(sessions: ProgrammePdfSession[], zone: string) {
  const sorted = [...sessions].sort(
    (a, b) => a.starts_at.localeCompare(b.starts_at) || a.ends_at.localeCompare(b.ends_at) || a.id - b.id,
  );
  const days: Array<{
    day: string;
    slots: Array<{ startsAt: string; endsAt: string; sessions: ProgrammePdfSession[] }>;
  }> = [];
  for (const s of sorted) {
    const day = zonedDate(s.starts_at, zone);
    let d = days[days.length - 1];
    if (d?.day !== day) days.push((d = { day, slots: [] }));
    const slot = d.slots[d.slots.length - 1];
    if (slot && slot.startsAt === s.starts_at && slot.endsAt === s.ends_at) slot.sessions.push(s);
    else d.slots.push({ startsAt: s.starts_at, endsAt: s.ends_at, sessions: [s] });
  }
  return days;
}

/** One session's block (kind, title, room, chairs): the programme PDF's and the proceedings' programme section's. */
export function sessionStack(s: ProgrammePdfSession, locale: Locale): Content {
  const vi = locale === "vi";
  const room = vi ? s.room_vi : s.room_en;
  return {
    stack: [
      { text: translate(locale, `programme.kind.${s.kind}`).toUpperCase(), fontSize: 7, color: GREY, bold: true },
      { text: vi ? s.title_vi : s.title_en, bold: true, fontSize: 10, color: NAVY, margin: [0, 1, 0, 1] },
      room ? { text: translate(locale, "programme.room", { room }), fontSize: 8, color: GREY } : { text: "" },
      ...s.people.map((p) => ({
        text: [
          { text: `${translate(locale, `programme.role.${p.role}`)}: `, bold: true },
          `${p.full_name} (${vi ? p.organisation_vi : p.organisation_en})`,
        ],
        fontSize: 8,
        margin: [0, 1, 0, 0] as [number, number, number, number],
      })),
    ],
  };
}

type Slot = ReturnType<typeof programmeSlots>[number]["slots"][number];

/** One row of a day's table: the slot's times, then its session (parallel ones side by side); breaks shaded. */
export function slotRow(slot: Slot, locale: Locale, time: (iso: string) => string, rule = "#c8ccd2"): TableCell[] {
  const cell: Content =
    slot.sessions.length === 1
      ? sessionStack(slot.sessions[0], locale)
      : {
          table: {
            widths: slot.sessions.map(() => "*"),
            body: [slot.sessions.map((s) => sessionStack(s, locale))],
          },
          layout: {
            hLineWidth: () => 0,
            vLineWidth: (j: number) => (j > 0 && j < slot.sessions.length ? 0.5 : 0),
            vLineColor: () => rule,
            paddingLeft: (j: number) => (j ? 6 : 0),
            paddingRight: () => 6,
            paddingTop: () => 0,
            paddingBottom: () => 0,
          },
        };
  const shade = slot.sessions.every((s) => s.kind === "break") ? "#f1f3f5" : undefined;
  return [
    { text: `${time(slot.startsAt)}–${time(slot.endsAt)}`, fontSize: 9, bold: true, fillColor: shade },
    { ...(cell as object), fillColor: shade } as TableCell,
  ];
}

export function programmeDocument(
  sessions: ProgrammePdfSession[],
  { locale, conference, now = clockNow() }: ProgrammePdfOptions,
): TDocumentDefinitions {
  const zone = conference.time_zone;
  const title = locale === "vi" ? conference.title_vi : conference.title_en;
  const time = (iso: string) => formatInstant(iso, zone, locale, "time");
  const content: Content[] = [
    { text: translate(locale, "programme.pdf.title"), fontSize: 18, bold: true, color: NAVY },
    { text: title, fontSize: 11, margin: [0, 2, 0, 2] },
    {
      text: translate(locale, "programme.pdf.zoneNote", {
        at: formatInstant(now.toISOString(), zone, locale, "dateTime"),
      }),
      fontSize: 8,
      color: GREY,
      margin: [0, 0, 0, 8],
    },
  ];
  programmeSlots(sessions, zone).forEach(({ day, slots }, i) => {
    content.push({
      text: `${translate(locale, "programme.day", { n: i + 1 })} · ${formatInstant(`${day}T05:00:00Z`, zone, locale, "longDate")}`,
      fontSize: 13,
      bold: true,
      color: NAVY,
      margin: [0, i === 0 ? 4 : 14, 0, 6],
      headlineLevel: 1,
    } as Content);
    const body: TableCell[][] = [
      [
        { text: translate(locale, "programme.pdf.time"), bold: true, fontSize: 8, color: "white", fillColor: NAVY },
        { text: translate(locale, "programme.pdf.session"), bold: true, fontSize: 8, color: "white", fillColor: NAVY },
      ],
    ];
    for (const slot of slots) body.push(slotRow(slot, locale, time));
    content.push({
      table: { headerRows: 1, dontBreakRows: true, widths: [62, "*"], body },
      layout: {
        hLineWidth: () => 0.5,
        vLineWidth: () => 0,
        hLineColor: () => "#c8ccd2",
        paddingTop: () => 5,
        paddingBottom: () => 5,
      },
    });
  });
  if (sessions.length === 0) content.push({ text: translate(locale, "programme.none"), italics: true });
  return {
    pageSize: "A4",
    pageMargins: [40, 40, 40, 48],
    info: { title: `${translate(locale, "programme.pdf.title")} – ${title}` },
    content,
    defaultStyle: { fontSize: 9, lineHeight: 1.15 },
    footer: (page: number, pages: number) => ({
      text: translate(locale, "programme.pdf.page", { page, pages }),
      alignment: "center",
      fontSize: 8,
      color: GREY,
      margin: [0, 16, 0, 0],
    }),
  };
}
