/**
 * A small iCalendar (RFC 5545) writer for the programme feed and "My agenda".
 * Pure: no Remix, no database. Times are written in UTC ("…Z"), which every
 * calendar places at the right instant whatever its own zone.
 */
import { now as clockNow } from "./clock";

export interface IcsEvent {
  /** Stable across downloads, so calendars update an event rather than add a copy. */
  uid: string;
  startsAt: string;
  endsAt: string;
  summary: string;
  location?: string | null;
  description?: string | null;
  url?: string | null;
  /** The row's updated_at: LAST-MODIFIED (and the SEQUENCE when the row keeps no counter of its own). */
  updatedAt: string;
  /** SEQUENCE: a small counter that grows by one with each change calendars must apply. */
  sequence?: number;
}

export interface IcsCalendar {
  name: string;
  events: IcsEvent[];
  /** DTSTAMP of every event; the time of the download. */
  now?: Date;
}

const PRODID = "-//Bo Ngoai giao Viet Nam//Hoi nghi Ngoai vu//VI";
const SEQUENCE_EPOCH = Date.UTC(2020, 0, 1);

/** 2021-12-13T01:00:00.000Z → 20211213T010000Z */
export function icsDateTime(iso: string | Date): string {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  return d
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

/** TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .normalize("NFC")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * Lines longer than 75 octets are folded with CRLF + space, never inside a
 * UTF-8 character (Vietnamese letters take two or three octets).
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char);
    // The first line holds 75 octets; the following ones 74 after their leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

function utf8Length(char: string): number {
  const code = char.codePointAt(0)!;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/** A SEQUENCE for a row that keeps no counter: seconds since 2020, which grows with every change of the row. */
export function sequenceFrom(updatedAt: string): number {
  const ms = Date.parse(updatedAt);
  return Number.isFinite(ms) ? Math.max(0, Math.floor((ms - SEQUENCE_EPOCH) / 1000)) : 0;
}

export function icsCalendar({ name, events, now = clockNow() }: IcsCalendar): string {
  const lines = [
    "BEGIN:VCALENDAR",
    `PRODID:${PRODID}`,
    "VERSION:2.0",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(name)}`,
    "X-WR-TIMEZONE:Asia/Ho_Chi_Minh",
  ];
  const stamp = icsDateTime(now);
  for (const e of events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${e.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${icsDateTime(e.startsAt)}`,
      `DTEND:${icsDateTime(e.endsAt)}`,
    );
    lines.push(`SUMMARY:${escapeText(e.summary)}`);
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.url) lines.push(`URL:${e.url}`);
    lines.push(
      `LAST-MODIFIED:${icsDateTime(e.updatedAt)}`,
      `SEQUENCE:${e.sequence ?? sequenceFrom(e.updatedAt)}`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

/** The UID of a session in every calendar (the programme feed and My agenda alike): a subscriber of both sees it once. */
export function sessionUid(sessionId: number, host: string): string {
  return `session-${sessionId}@${host}`;
}
