/**
 * The placed meetings of a block as the organisers' prints read them: order,
 * grouping by slot and the row shape shared by the list PDF and its CSV, so the
 * two never disagree. Pure: no database, no Remix.
 */
import type { Locale } from "../../platform/i18n";
import { sectorLabel } from "./rules";
import { translate } from "./i18n";
import { utcToZonedLocal } from "../../lib/time";

/** One placed meeting with everything the prints show (a row of the model's one query). */
export interface PrintMeeting {
  id: number;
  request_id: number;
  slot_id: number;
  table_id: number | null;
  /** 1-based position of the slot in its block, counting empty slots too. */
  slot_number: number;
  starts_at: string;
  ends_at: string;
  /** null: the meeting has no table (held online). */
  table_number: number | null;
  table_label: string;
  room_vi: string | null;
  room_en: string | null;
  requester_id: number;
  requester_vi: string;
  requester_en: string;
  counterpart_id: number;
  counterpart_vi: string;
  counterpart_en: string;
  sector: string;
  ask: string;
  priority: number;
  locked: boolean;
  video_url: string | null;
  /** A party attends online (all its active registrations are online): the meeting needs a video link. */
  party_online: boolean;
  outcome: string;
  follow_up: string;
}

/** Online for at least one party: a party attending online, a video link, or no table at all. */
export const isOnline = (m: Pick<PrintMeeting, "table_number" | "video_url"> & { party_online?: boolean }) =>
  Boolean(m.party_online) || m.table_number === null || Boolean(m.video_url?.trim());

/** Slot (time) order, then table number; meetings without a table after the tables of their slot. */
export function sortForPrint<T extends Pick<PrintMeeting, "id" | "starts_at" | "table_number">>(
  meetings: readonly T[],
): T[] {
  const table = (n: number | null) => (n === null ? Number.POSITIVE_INFINITY : n);
  return [...meetings].sort(
    (a, b) => a.starts_at.localeCompare(b.starts_at) || table(a.table_number) - table(b.table_number) || a.id - b.id,
  );
}

export interface SlotGroup<T> {
  slot_id: number;
  slot_number: number;
  starts_at: string;
  ends_at: string;
  meetings: T[];
}

/** Meetings grouped by slot, slots in time order, each slot's meetings in table order. */
export function groupBySlot<T extends PrintMeeting>(meetings: readonly T[]): Array<SlotGroup<T>> {
  const groups: Array<SlotGroup<T>> = [];
  for (const m of sortForPrint(meetings)) {
    const last = groups[groups.length - 1];
    if (last?.slot_id === m.slot_id) last.meetings.push(m);
    else
      groups.push({
        slot_id: m.slot_id,
        slot_number: m.slot_number,
        starts_at: m.starts_at,
        ends_at: m.ends_at,
        meetings: [m],
      });
  }
  return groups;
}

/** At most `max` characters, cut at a word where one is near, with an ellipsis. */
export function shortText(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, "")}…`;
}

/** "2026-12-13 09:00" on the conference's wall clock: a form Excel reads as a date and time. */
export const wallClock = (iso: string, zone: string) => utcToZonedLocal(iso, zone).replace("T", " ");

export interface ListRow {
  start: string;
  end: string;
  /** "12", "12 – VIP", or "Online" for a meeting without a table. */
  table: string;
  room: string;
  requester: string;
  counterpart: string;
  sector: string;
  ask: string;
  priority: number;
  locked: boolean;
  online: boolean;
  videoUrl: string;
  outcome: string;
  followUp: string;
}

/** One meeting as a row of the list, in the reader's language (the PDF and the CSV both print these). */
export function listRow(m: PrintMeeting, locale: Locale, zone: string): ListRow {
  const en = locale === "en";
  const label = m.table_label.trim();
  return {
    start: wallClock(m.starts_at, zone),
    end: wallClock(m.ends_at, zone),
    table:
      m.table_number === null
        ? translate(locale, "meetingsPrints.online")
        : label
          ? `${m.table_number} – ${label}`
          : String(m.table_number),
    room: (en ? m.room_en : m.room_vi) ?? "",
    requester: en ? m.requester_en : m.requester_vi,
    counterpart: en ? m.counterpart_en : m.counterpart_vi,
    sector: sectorLabel((key) => translate(locale, key), m.sector),
    ask: m.ask,
    priority: m.priority,
    locked: m.locked,
    online: isOnline(m),
    videoUrl: m.video_url ?? "",
    outcome: m.outcome,
    followUp: m.follow_up,
  };
}

const CSV_COLUMNS = [
  "start",
  "end",
  "table",
  "room",
  "requester",
  "counterpart",
  "sector",
  "ask",
  "priority",
  "locked",
  "videoUrl",
  "outcome",
  "followUp",
] as const;

/** The CSV's cells: a translated header, then one row per meeting in slot and table order. */
export function meetingListCsvTable(meetings: readonly PrintMeeting[], locale: Locale, zone: string): string[][] {
  const yesNo = (v: boolean) => translate(locale, v ? "meetingsPrints.yes" : "meetingsPrints.no");
  const rows = sortForPrint(meetings).map((m) => {
    const row = listRow(m, locale, zone);
    return CSV_COLUMNS.map((c) => (c === "locked" ? yesNo(row.locked) : String(row[c])));
  });
  return [CSV_COLUMNS.map((c) => translate(locale, `meetingsPrints.col.${c}`)), ...rows];
}
