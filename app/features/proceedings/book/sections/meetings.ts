/**
 * "Các cuộc gặp song phương": the bilateral meetings held, by day and slot (in the conference's
 * zone), one table per day: the time and table, the two parties, the sector, the outcome and the
 * follow-up as recorded. Pure.
 */
import type { Content, CustomTableLayout, TableCell } from "pdfmake/interfaces";
import type { OrganisationKind } from "~/auth/roles";
import { sectorLabel, type MeetingSector } from "~/features/meetings/rules";
import { formatInstant, zonedDate } from "~/lib/time";
import type { BookSection, SectionContext } from "../section";
import { DATA_TABLE_LAYOUT, GREY, headerCell, TRACK } from "./charts";

export interface MeetingParty {
  nameVi: string;
  nameEn: string;
  kind: OrganisationKind;
  countryCode: string | null;
}

export interface HeldMeeting {
  id: number;
  startsAt: string;
  endsAt: string;
  /** A sector code (meetings.sector.*) or older free text. */
  sector: string;
  from: MeetingParty;
  to: MeetingParty;
  table: { number: number; label: string; roomVi: string | null; roomEn: string | null } | null;
  /** Held by video (no table). */
  online: boolean;
  outcome: string;
  followUp: string;
}

const regionNames = new Map<string, Intl.DisplayNames>();

/** A country's name in the book's language ("Nhật Bản", "Japan"); the code itself when unknown. */
export function countryName(code: string | null | undefined, locale: string): string {
  if (!code) return "";
  let names = regionNames.get(locale);
  if (!names) regionNames.set(locale, (names = new Intl.DisplayNames([locale], { type: "region" })));
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** A party as the book names it: its name, and for a mission or a foreign partner its country when not already named. */
export function partyName(party: MeetingParty, locale: "vi" | "en"): string {
  const name = locale === "en" ? party.nameEn || party.nameVi : party.nameVi;
  if (party.kind !== "mission" && party.kind !== "foreign") return name;
  const country = countryName(party.countryCode, locale);
  return country && !name.includes(country) ? `${name} (${country})` : name;
}

/** Meetings by day, then by slot start, in the order given (the loader sorts by time and table). */
export function groupMeetings(meetings: readonly HeldMeeting[], timeZone: string) {
  const days = new Map<string, Map<string, HeldMeeting[]>>();
  for (const m of [...meetings].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const day = zonedDate(m.startsAt, timeZone);
    let slots = days.get(day);
    if (!slots) days.set(day, (slots = new Map()));
    const list = slots.get(m.startsAt);
    if (list) list.push(m);
    else slots.set(m.startsAt, [m]);
  }
  return [...days.entries()].map(([day, slots]) => ({
    day,
    slots: [...slots.entries()].map(([startsAt, list]) => ({ startsAt, endsAt: list[0].endsAt, meetings: list })),
  }));
}

/** Text up to this long stays in one row; longer outcomes go on in rows below (no row taller than a page). */
export const ROW_CHARS = 800;
const CONTINUATION = "dataMeetingContinued";

/** Cuts text into pieces of at most `max` characters, at a space where there is one. */
export function splitText(text: string, max = ROW_CHARS): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const space = rest.lastIndexOf(" ", max);
    const cut = space > max / 2 ? space : max;
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/**
 * The outcome and follow-up as the last column's cells: one cell when short, else the first piece
 * in the meeting's row and the rest in rows below it. An empty text is "—".
 */
export function outcomeCells(m: Pick<HeldMeeting, "outcome" | "followUp">, t: (name: string) => string): Content[] {
  const parts = [
    { label: t("outcome"), pieces: splitText(m.outcome), color: undefined },
    { label: t("followUp"), pieces: splitText(m.followUp), color: GREY },
  ];
  const lines: { text: Content; chars: number }[] = parts.flatMap(({ label, pieces, color }) =>
    (pieces.length ? pieces : ["—"]).map((piece, i) => ({
      text: {
        text: i === 0 ? [{ text: `${label}: `, bold: true }, piece] : piece,
        ...(color ? { color } : {}),
        margin: [0, 0, 0, 2] as [number, number, number, number],
      },
      chars: piece.length,
    })),
  );
  const cells: Content[][] = [[]];
  let chars = 0;
  for (const line of lines) {
    if (chars > 0 && chars + line.chars > ROW_CHARS) {
      cells.push([]);
      chars = 0;
    }
    cells[cells.length - 1].push(line.text);
    chars += line.chars;
  }
  return cells.map((stack) => ({ stack, style: "dataTableCell" }));
}

/** The data tables' rules, none above a row that goes on with the meeting above it. */
const MEETINGS_LAYOUT: CustomTableLayout = {
  ...DATA_TABLE_LAYOUT,
  hLineWidth: (i, node) => {
    if (i === 0) return 0;
    const first = node.table.body[i]?.[0] as { style?: unknown } | undefined;
    return first?.style === CONTINUATION ? 0 : 0.5;
  },
};

export function buildMeetingsSection(meetings: readonly HeldMeeting[], ctx: SectionContext): BookSection {
  const t = (name: string, params?: Record<string, string | number>) =>
    ctx.t(`proceedings.book.meetings.${name}`, params);
  const title = ctx.t("proceedings.section.meetings");
  if (meetings.length === 0)
    return { id: "meetings", title, content: [{ text: t("empty"), style: "dataEmptySection" }] };
  const time = (iso: string) => formatInstant(iso, ctx.timeZone, ctx.locale, "time");
  const place = (m: HeldMeeting) => {
    if (!m.table) return t("online");
    const room = ctx.locale === "en" ? (m.table.roomEn ?? m.table.roomVi) : m.table.roomVi;
    return [t("table", { number: m.table.number }), room].filter(Boolean).join(" · ");
  };
  const sector = (value: string) =>
    value ? sectorLabel((key: `meetings.sector.${MeetingSector}`) => ctx.t(key), value) : "—";

  const header: TableCell[] = ["time", "parties", "sector", "outcome"].map((c) => headerCell(t(`column.${c}`)));
  const widths = [56, 132, 56, "*"];
  const content: Content[] = [{ text: t("count", { n: meetings.length }), style: "dataCountLine" }];
  for (const { slots } of groupMeetings(meetings, ctx.timeZone)) {
    const dayTitle = formatInstant(slots[0].startsAt, ctx.timeZone, ctx.locale, "longDate");
    // The day is the table's first header row: repeated on every page the day runs over, and held
    // with the first meeting (keepWithHeaderRows), so it never ends a page alone and the table stays
    // one breakable node however many meetings the day has.
    const body: TableCell[][] = [
      [{ text: dayTitle, style: "subheading", colSpan: 4, border: [false, false, false, false] }, "", "", ""],
      header,
    ];
    for (const slot of slots) {
      // A slot's row across the table, then its meetings.
      body.push([
        {
          text: t("slot", { start: time(slot.startsAt), end: time(slot.endsAt) }),
          style: "dataGroupRow",
          colSpan: 4,
          fillColor: TRACK,
        },
        "",
        "",
        "",
      ]);
      for (const m of slot.meetings) {
        const [first, ...more] = outcomeCells(m, t);
        body.push([
          { text: place(m), style: "dataTableNote" },
          {
            stack: [{ text: partyName(m.from, ctx.locale), bold: true }, { text: partyName(m.to, ctx.locale) }],
            style: "dataTableCell",
          },
          { text: sector(m.sector), style: "dataTableCell" },
          first,
        ]);
        for (const cell of more) body.push([{ text: "", style: CONTINUATION }, "", "", cell]);
      }
    }
    content.push({
      table: { headerRows: 2, keepWithHeaderRows: 1, dontBreakRows: true, widths, body },
      layout: MEETINGS_LAYOUT,
      margin: [0, 4, 0, 10],
    });
  }
  return { id: "meetings", title, content };
}
