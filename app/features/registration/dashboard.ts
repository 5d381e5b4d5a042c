/**
 * The dashboard's arithmetic: grouped counts from one query turned into the
 * breakdowns, and a day-by-day series in the conference's zone. Pure and
 * unit-tested; the model only fetches the grouped rows.
 */
import { MODES, STATUSES, type AttendanceMode, type RegistrationStatus } from "./rules";
import { ORGANISATION_KINDS, type OrganisationKind } from "../../auth/roles";
import { zoneOffsetMinutes } from "../../lib/time";

export type StatusCounts = Record<RegistrationStatus, number> & { total: number; live: number };

/** One row of `GROUP BY kind, mode, status`. */
export interface CountCell {
  kind: OrganisationKind;
  mode: AttendanceMode;
  status: RegistrationStatus;
  count: number;
}

/** Live registrations: not cancelled, not rejected (they still hold or wait for a place). */
export const LIVE_STATUSES: readonly RegistrationStatus[] = ["pending", "approved", "waitlisted"];

const emptyCounts = (): StatusCounts => ({
  ...(Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<RegistrationStatus, number>),
  total: 0,
  live: 0,
});

function add(c: StatusCounts, status: RegistrationStatus, n: number) {
  c[status] += n;
  c.total += n;
  if (LIVE_STATUSES.includes(status)) c.live += n;
}

export interface Breakdown {
  all: StatusCounts;
  byMode: Record<AttendanceMode, StatusCounts>;
  byKind: Record<OrganisationKind, StatusCounts>;
  /** In-person places held: pending and approved in person. */
  inPerson: { approved: number; pending: number; held: number; waiting: number };
}

export function breakdown(cells: readonly CountCell[]): Breakdown {
  const all = emptyCounts();
  const byMode = Object.fromEntries(MODES.map((m) => [m, emptyCounts()])) as Record<AttendanceMode, StatusCounts>;
  const byKind = Object.fromEntries(ORGANISATION_KINDS.map((k) => [k, emptyCounts()])) as Record<
    OrganisationKind,
    StatusCounts
  >;
  for (const c of cells) {
    const n = Number(c.count);
    add(all, c.status, n);
    if (byMode[c.mode]) add(byMode[c.mode], c.status, n);
    if (byKind[c.kind]) add(byKind[c.kind], c.status, n);
  }
  const p = byMode.in_person;
  return {
    all,
    byMode,
    byKind,
    inPerson: { approved: p.approved, pending: p.pending, held: p.approved + p.pending, waiting: p.waitlisted },
  };
}

/** Whole per cent of capacity used, capped at 100 for the bar (the number beside it stays exact). */
export function percentOf(used: number, capacity: number): number {
  if (capacity <= 0) return used > 0 ? 100 : 0;
  return Math.min(100, Math.round((used / capacity) * 100));
}

/** A count of events in a bucket: a UTC minute ("2026-11-20T16:59") or a day already in the zone ("2026-11-20"). */
export interface InstantCount {
  at: string;
  count: number;
  mode?: AttendanceMode;
}

export interface DayPoint {
  /** Calendar day in the conference's zone, "YYYY-MM-DD". */
  day: string;
  created: number;
  inPerson: number;
  online: number;
  approved: number;
  /** Registrations received up to the end of this day. */
  cumulative: number;
}

const toIso = (bucket: string) => (bucket.length === 16 ? `${bucket}:00.000Z` : bucket);

/**
 * The zone's offset in minutes when it has no daylight saving this year (Hà Nội: 420),
 * so that SQL can fold instants into days itself; null when the offset changes.
 */
export function fixedOffsetMinutes(zone: string, now: Date): number | null {
  const year = now.getUTCFullYear();
  const offsets = [0, 3, 6, 9].map((month) => zoneOffsetMinutes(new Date(Date.UTC(year, month, 1)), zone));
  return offsets.every((o) => o === offsets[0]) ? offsets[0] : null;
}

export function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * Registrations received (and approvals) per calendar day in `zone`, with no gaps,
 * from the first day with any activity to `today` (at most `maxDays` days: earlier
 * days are folded into the starting cumulative count).
 */
export function dailySeries(
  created: readonly InstantCount[],
  approved: readonly InstantCount[],
  zone: string,
  today: string,
  maxDays = 90,
): DayPoint[] {
  // One zone lookup per UTC hour, not per bucket (Intl is the slow part with thousands of rows);
  // exact wherever offsets change on the hour, as they all do for Hà Nội (which never changes).
  const offsets = new Map<string, number>();
  const dayOf = (bucket: string) => {
    if (bucket.length === 10) return bucket; // already a day in the zone
    const iso = toIso(bucket);
    const hour = iso.slice(0, 13);
    let offset = offsets.get(hour);
    if (offset === undefined) offsets.set(hour, (offset = zoneOffsetMinutes(new Date(`${hour}:00:00.000Z`), zone)));
    return new Date(Date.parse(iso) + offset * 60_000).toISOString().slice(0, 10);
  };
  const days = new Map<string, DayPoint>();
  const point = (day: string) => {
    let p = days.get(day);
    if (!p) days.set(day, (p = { day, created: 0, inPerson: 0, online: 0, approved: 0, cumulative: 0 }));
    return p;
  };
  for (const c of created) {
    const p = point(dayOf(c.at));
    p.created += Number(c.count);
    if (c.mode === "in_person") p.inPerson += Number(c.count);
    if (c.mode === "online") p.online += Number(c.count);
  }
  for (const a of approved) point(dayOf(a.at)).approved += Number(a.count);
  if (days.size === 0) return [];
  const sorted = [...days.keys()].sort();
  const last = sorted[sorted.length - 1] > today ? sorted[sorted.length - 1] : today;
  const series: DayPoint[] = [];
  let running = 0;
  for (let day = sorted[0]; day <= last; day = nextDay(day)) {
    const p = days.get(day) ?? { day, created: 0, inPerson: 0, online: 0, approved: 0, cumulative: 0 };
    running += p.created;
    series.push({ ...p, cumulative: running });
  }
  return series.slice(-maxDays);
}

/** A calendar day ("2026-11-20") as a short label: "20/11" in Vietnamese, "20 Nov" in English. */
export function formatDay(day: string, locale: "vi" | "en", withYear = false): string {
  const [y, m, d] = day.split("-").map(Number);
  const options: Intl.DateTimeFormatOptions = {
    timeZone: "UTC",
    day: "numeric",
    month: locale === "vi" ? "numeric" : "short",
  };
  if (withYear) options.year = "numeric";
  const text = new Intl.DateTimeFormat(locale === "vi" ? "vi-VN" : "en-GB", options).format(
    new Date(Date.UTC(y, m - 1, d, 12)),
  );
  return locale === "vi" ? text.replace(/^(\d)\//, "0$1/").replace(/\/(\d)(\/|$)/, "/0$1$2") : text;
}

/** One row of the attendance query: approved registrations of a kind and mode, and how many came. */
export interface AttendanceCell {
  kind: OrganisationKind;
  mode: AttendanceMode;
  /** Approved registrations (the ones expected). */
  expected: number;
  /** Of those, checked in at the door. */
  present: number;
  /** Of those, opened a join link at least once. */
  joined: number;
}

export interface AttendanceFigure {
  /** Approved in person: present at the door; approved online: joined online. */
  inPerson: { expected: number; present: number; percent: number };
  online: { expected: number; joined: number; percent: number };
}

export interface Attendance extends AttendanceFigure {
  byKind: Array<{ kind: OrganisationKind } & AttendanceFigure>;
}

const share = (n: number, of: number) => (of > 0 ? Math.min(100, Math.round((n / of) * 100)) : 0);

function figureOf(cells: readonly AttendanceCell[]): AttendanceFigure {
  let ie = 0;
  let ip = 0;
  let oe = 0;
  let oj = 0;
  for (const c of cells) {
    if (c.mode === "in_person") {
      ie += Number(c.expected);
      ip += Number(c.present);
    } else {
      oe += Number(c.expected);
      oj += Number(c.joined);
    }
  }
  return {
    inPerson: { expected: ie, present: ip, percent: share(ip, ie) },
    online: { expected: oe, joined: oj, percent: share(oj, oe) },
  };
}

/**
 * Who came: present in person (checked in) of the approved in person, joined online (a join link
 * opened) of the approved online, in all and by organisation kind (kinds with nobody expected left out).
 */
export function attendance(cells: readonly AttendanceCell[]): Attendance {
  return {
    ...figureOf(cells),
    byKind: ORGANISATION_KINDS.map((kind) => ({ kind, ...figureOf(cells.filter((c) => c.kind === kind)) })).filter(
      (k) => k.inPerson.expected + k.online.expected > 0,
    ),
  };
}
