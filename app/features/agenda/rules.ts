/**
 * Timetable rules that need no database: when two sessions overlap, what
 * clashes a planned session has, and which calendar days a conference spans.
 * Pure and unit-tested; the agenda model and the editor both use them.
 */
import { zonedDate } from "../../lib/time";

export const SESSION_KINDS = [
  "plenary",
  "discussion",
  "diplomatic_corps",
  "meeting_block",
  "exhibition_opening",
  "break",
  "other",
] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];
export const SESSION_ROLES = ["chair", "speaker", "rapporteur"] as const;
export type SessionRole = (typeof SESSION_ROLES)[number];

export interface TimedSession {
  id: number | null;
  startsAt: string;
  endsAt: string;
  roomId: number | null;
  /** Registration ids of chairs, speakers and rapporteurs. */
  people: number[];
}

/** Sessions that only touch (one ends at 10:00, the next starts at 10:00) do not overlap. */
export function overlaps(a: { startsAt: string; endsAt: string }, b: { startsAt: string; endsAt: string }): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

export type Clash =
  | { kind: "order" }
  | { kind: "outside"; firstDay: string; lastDay: string }
  | { kind: "capacity"; roomCapacity: number }
  | { kind: "room"; sessionId: number }
  | { kind: "person"; sessionId: number; registrationId: number };

/** Every calendar day (YYYY-MM-DD, in the conference's zone) from the first to the last. */
export function conferenceDays(startsAt: string, endsAt: string, zone: string): string[] {
  const first = zonedDate(startsAt, zone);
  const last = zonedDate(endsAt, zone);
  const days: string[] = [];
  for (
    let d = new Date(`${first}T00:00:00Z`);
    d.toISOString().slice(0, 10) <= last;
    d = new Date(d.getTime() + 86400000)
  ) {
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

/**
 * What is wrong with a planned session among the others: an end before the
 * start, a day outside the conference, more places than the room has, the room
 * or a chair/speaker/rapporteur already in another session at that time.
 */
export function findClashes(
  planned: TimedSession & { capacity: number | null },
  others: TimedSession[],
  context: { conferenceStartsAt: string; conferenceEndsAt: string; timeZone: string; roomCapacity: number | null },
): Clash[] {
  const clashes: Clash[] = [];
  if (planned.endsAt <= planned.startsAt) return [{ kind: "order" }];
  const days = conferenceDays(context.conferenceStartsAt, context.conferenceEndsAt, context.timeZone);
  const firstDay = days[0];
  const lastDay = days[days.length - 1];
  const startDay = zonedDate(planned.startsAt, context.timeZone);
  const endDay = zonedDate(new Date(new Date(planned.endsAt).getTime() - 1).toISOString(), context.timeZone);
  if (startDay < firstDay || endDay > lastDay) clashes.push({ kind: "outside", firstDay, lastDay });
  if (planned.capacity !== null && context.roomCapacity !== null && planned.capacity > context.roomCapacity) {
    clashes.push({ kind: "capacity", roomCapacity: context.roomCapacity });
  }
  for (const other of others) {
    if (other.id !== null && other.id === planned.id) continue;
    if (!overlaps(planned, other)) continue;
    if (planned.roomId !== null && other.roomId === planned.roomId)
      clashes.push({ kind: "room", sessionId: other.id! });
    for (const person of planned.people) {
      if (other.people.includes(person)) clashes.push({ kind: "person", sessionId: other.id!, registrationId: person });
    }
  }
  return clashes;
}

// ---------------------------------------------------------------- a delegate's own agenda

/** Kinds every delegate attends when they ask for no sign-up: they are on everyone's agenda. */
export const EVERYONE_KINDS: readonly SessionKind[] = ["plenary", "diplomatic_corps", "exhibition_opening"];

interface KindAndSignUp {
  kind: SessionKind;
  requires_signup: number | boolean;
}

/** A session on every live delegate's agenda: a plenary (or like it) that asks for no sign-up. */
export function isForEveryone(s: KindAndSignUp): boolean {
  return !s.requires_signup && EVERYONE_KINDS.includes(s.kind);
}

/**
 * A session a delegate may put on their own agenda (a favourite): one without sign-up (those keep
 * their sign-up), not already on everyone's agenda, not a break, not a block of bilateral meetings
 * (the delegate's own meetings are on the agenda, each on its own).
 */
export function canFavourite(s: KindAndSignUp): boolean {
  return !s.requires_signup && !isForEveryone(s) && s.kind !== "break" && s.kind !== "meeting_block";
}

/** Why a session is on a delegate's agenda, the strongest first. */
export type AgendaReason = "role" | "signedUp" | "favourite" | "everyone";

/** The reasons a session is on the agenda (none: it is not), given what ties the delegate to it. */
export function agendaReasons(
  s: KindAndSignUp & { role: SessionRole | null; signedUp: boolean; favourite: boolean },
  live: boolean,
): AgendaReason[] {
  const reasons: AgendaReason[] = [];
  if (s.role) reasons.push("role");
  if (s.signedUp) reasons.push("signedUp");
  if (live && s.favourite && canFavourite(s)) reasons.push("favourite");
  if (live && isForEveryone(s)) reasons.push("everyone");
  return reasons;
}

/** A change that calendars must see as a new version (SEQUENCE + 1): the time, the room or the title. */
export function changesCalendar(
  before: { starts_at: string; ends_at: string; room_id: number | null; title_vi: string; title_en: string },
  after: { starts_at: string; ends_at: string; room_id: number | null; title_vi: string; title_en: string },
): boolean {
  return (
    before.starts_at !== after.starts_at ||
    before.ends_at !== after.ends_at ||
    before.room_id !== after.room_id ||
    before.title_vi !== after.title_vi ||
    before.title_en !== after.title_en
  );
}

/** Items grouped by their day in the conference's zone, days and items in time order (stable for ties). */
export function groupByDay<T extends { starts_at: string; ends_at: string }>(
  items: T[],
  zone: string,
): Array<{ day: string; items: T[] }> {
  const sorted = [...items].sort((a, b) =>
    a.starts_at === b.starts_at
      ? a.ends_at < b.ends_at
        ? -1
        : a.ends_at > b.ends_at
          ? 1
          : 0
      : a.starts_at < b.starts_at
        ? -1
        : 1,
  );
  const days: Array<{ day: string; items: T[] }> = [];
  for (const item of sorted) {
    const day = zonedDate(item.starts_at, zone);
    const last = days[days.length - 1];
    if (last?.day === day) last.items.push(item);
    else days.push({ day, items: [item] });
  }
  return days;
}

/** The places that apply to a session: its own, else its room's; null when nothing limits it. */
export function effectiveCapacity(own: number | null, roomCapacity: number | null | undefined): number | null {
  return own ?? roomCapacity ?? null;
}

/** In-person sign-ups beyond a session's places (0 within them or without a limit). */
export function signUpsOver(capacity: number | null, inPerson: number): number {
  return capacity === null ? 0 : Math.max(0, inPerson - capacity);
}

/**
 * How many more sign-ups a change of places would put beyond them: what the organiser must confirm.
 * Lowering never moves anyone; raising, or lowering to what is still enough, needs no confirmation.
 */
export function newlyOver(before: number | null, after: number | null, inPerson: number): number {
  return Math.max(0, signUpsOver(after, inPerson) - signUpsOver(before, inPerson));
}

/**
 * The sign-ups beyond the places, last signed up first: the first `capacity` to sign up hold the
 * places (as the sign-up order gave them), the rest are over. `signUps` in any order.
 */
export function beyondPlaces<T extends { created_at: string; registration_id: number }>(
  signUps: T[],
  capacity: number | null,
): T[] {
  if (capacity === null || signUps.length <= capacity) return [];
  const inOrder = [...signUps].sort((a, b) =>
    a.created_at === b.created_at ? a.registration_id - b.registration_id : a.created_at < b.created_at ? -1 : 1,
  );
  return inOrder.slice(capacity).reverse();
}
