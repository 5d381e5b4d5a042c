/**
 * Check-in rules that need no database: who may be checked in at the door,
 * what to tell staff about everyone else, reading a code from a scan, and how
 * a check-in time is shown. Pure and unit-tested.
 */
import type { Locale } from "../../platform/i18n";
import type { RegistrationKey } from "./i18n";
import type { OrganisationKind } from "../../auth/roles";
import { normaliseBadgeCode, type AttendanceMode, type Honorific, type RegistrationStatus } from "./rules";
import { formatInstant, zonedDate } from "../../lib/time";

/** A registration as staff at the door see it. */
export interface DoorPerson {
  id: number;
  honorific: Honorific;
  full_name: string;
  position: string;
  organisation_vi: string;
  organisation_en: string;
  organisation_kind: OrganisationKind;
  mode: AttendanceMode;
  status: RegistrationStatus;
  badge_code: string;
  checked_in_at: string | null;
  checked_in_by_name: string | null;
}

export type CheckInResult =
  | { state: "checked_in"; person: DoorPerson; at: string }
  | { state: "already"; person: DoorPerson; at: string }
  | { state: "not_expected"; person: DoorPerson }
  | { state: "not_found" };

export interface DoorCounts {
  present: number;
  expected: number;
  byKind: Array<{ kind: OrganisationKind; present: number; expected: number }>;
  /** When the counts were taken, so the page can keep the freshest. */
  at: string;
}

/** Only approved in-person delegates are expected at the door. */
export function isExpected(r: { status: RegistrationStatus; mode: AttendanceMode }): boolean {
  return r.status === "approved" && r.mode === "in_person";
}

/** Why someone found at the door is not let in, as a dictionary key (null when they are expected). */
export function refusalKey(r: { status: RegistrationStatus; mode: AttendanceMode }): RegistrationKey | null {
  if (isExpected(r)) return null;
  if (r.status === "approved") return "checkin.refuse.online";
  const byStatus: Record<Exclude<RegistrationStatus, "approved">, RegistrationKey> = {
    pending: "checkin.refuse.pending",
    waitlisted: "checkin.refuse.waitlisted",
    rejected: "checkin.refuse.rejected",
    cancelled: "checkin.refuse.cancelled",
  };
  return byStatus[r.status];
}

// Whole groups only ("K7QM-3XPA-9T2DX" is a typo); no lookbehind, which older iPhones cannot parse.
const CODE_IN_TEXT = /(?:^|[^0-9A-Z])([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})(?![0-9A-Z])/;

/**
 * What a person typed or a camera read → the stored badge code, or null.
 * A scan may carry the bare code or a link that ends in it.
 */
export function codeFromScan(text: string): string | null {
  if (text.length > 300) return null;
  const direct = normaliseBadgeCode(text);
  if (direct) return direct;
  const match = CODE_IN_TEXT.exec(text.toUpperCase());
  return match ? normaliseBadgeCode(match[1]) : null;
}

/** "08:15", with the date when it was not today (in the conference's zone). */
export function checkinTimeLabel(
  iso: string,
  now: string,
  zone: string,
  locale: Locale,
): { time: string; date: string | null } {
  const time = formatInstant(iso, zone, locale, "time");
  return {
    time,
    date: zonedDate(iso, zone) === zonedDate(now, zone) ? null : formatInstant(iso, zone, locale, "date"),
  };
}

/** Share of expected delegates present, 0–100, for the progress bar. */
export function presentPercent(present: number, expected: number): number {
  if (expected <= 0) return 0;
  return Math.min(100, Math.round((present / expected) * 100));
}

/** How often the camera picture is read. */
export const SCAN_INTERVAL_MS = 200;
/**
 * Quiet time after any read, and a longer one for the same badge, which is often
 * still in the picture: it is submitted once (restarting the camera allows a retry).
 */
export const SCAN_PAUSE_MS = 2500;
export const SAME_CODE_MS = 60_000;

export interface LastScan {
  text: string;
  /** Milliseconds (Date.now()) of the last accepted read; 0 for none. */
  at: number;
}

/** Whether a camera read at `now` is taken, given the last one taken. */
export function acceptScan(last: LastScan, text: string, now: number): boolean {
  if (last.at === 0) return true;
  const since = now - last.at;
  if (since < SCAN_PAUSE_MS) return false;
  return !(text === last.text && since < SAME_CODE_MS);
}
