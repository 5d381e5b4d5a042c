/**
 * The data of the printed matter: the sessions a sign-in sheet can be printed for, who is expected
 * at each, and whose name plate to print. A handful of queries per print, never one per row.
 * Sheets and plates are for running the conference, not publication: they list every approved
 * delegate, whatever their consent to the published list (mayList is for the list and the book).
 */
import type { OrganisationKind } from "~/auth/roles";
import { isForEveryone } from "~/features/agenda/rules";
import type { SessionKind } from "~/features/agenda/rules";
import { zonedDate } from "~/lib/time";
import type { Db } from "~/platform/types";
import { sortParticipants, type ParticipantRow } from "./participants";
import { participantQuery, toParticipantRow } from "./participants.server";
import type { SheetSession } from "./sign-in-sheets";

/** Breaks and blocks of bilateral meetings have no sign-in sheet. */
const NO_SHEET: readonly SessionKind[] = ["break", "meeting_block"];

export interface PrintSession {
  id: number;
  kind: SessionKind;
  title_vi: string;
  title_en: string;
  starts_at: string;
  ends_at: string;
  requires_signup: number;
  room_vi: string | null;
  room_en: string | null;
  /** The calendar day in the conference's zone (YYYY-MM-DD). */
  day: string;
}

/** The sessions a sheet can be printed for, in time order. */
export async function listPrintSessions(db: Db, conferenceId: number, zone: string): Promise<PrintSession[]> {
  const rows = await db
    .selectFrom("sessions as s")
    .leftJoin("rooms as r", "r.id", "s.room_id")
    .select([
      "s.id",
      "s.kind",
      "s.title_vi",
      "s.title_en",
      "s.starts_at",
      "s.ends_at",
      "s.requires_signup",
      "r.name_vi as room_vi",
      "r.name_en as room_en",
    ])
    .where("s.conference_id", "=", conferenceId)
    .where("s.kind", "not in", [...NO_SHEET])
    .orderBy("s.starts_at")
    .orderBy("s.id")
    .execute();
  return rows.map((r) => ({ ...r, day: zonedDate(r.starts_at, zone) }));
}

export type SheetScope = { sessionId: number } | { day: string } | { all: true };

/** Every approved in-person delegate, in the participant list's order. */
async function approvedInPerson(db: Db, conferenceId: number, kind?: OrganisationKind): Promise<ParticipantRow[]> {
  let query = participantQuery(db, conferenceId).where("r.status", "=", "approved").where("r.mode", "=", "in_person");
  if (kind) query = query.where("o.kind", "=", kind);
  return sortParticipants((await query.execute()).map(toParticipantRow));
}

/**
 * The sessions of the scope with the delegates expected in person: for a session everyone attends
 * (a plenary without sign-up: agenda's isForEveryone) every approved in-person delegate; for a
 * session with sign-up those signed up in person; otherwise those who put it on their agenda. The
 * session's own chairs, speakers and rapporteurs are always expected.
 */
export async function loadSheetSessions(
  db: Db,
  conferenceId: number,
  zone: string,
  scope: SheetScope,
): Promise<SheetSession[]> {
  const sessions = (await listPrintSessions(db, conferenceId, zone)).filter((s) =>
    "sessionId" in scope ? s.id === scope.sessionId : "day" in scope ? s.day === scope.day : true,
  );
  if (sessions.length === 0) return [];
  const ids = sessions.map((s) => s.id);
  const [everyone, signups, favourites, people] = await Promise.all([
    approvedInPerson(db, conferenceId),
    db
      .selectFrom("session_signups")
      .select(["session_id", "registration_id"])
      .where("session_id", "in", ids)
      .where("mode", "=", "in_person")
      .execute(),
    db
      .selectFrom("session_favourites")
      .select(["session_id", "registration_id"])
      .where("session_id", "in", ids)
      .execute(),
    db.selectFrom("session_people").select(["session_id", "registration_id"]).where("session_id", "in", ids).execute(),
  ]);
  const bySession = new Map<number, Set<number>>();
  const add = (rows: { session_id: number; registration_id: number }[]) => {
    for (const r of rows) {
      if (!bySession.has(r.session_id)) bySession.set(r.session_id, new Set());
      bySession.get(r.session_id)!.add(r.registration_id);
    }
  };
  add(people);
  return sessions.map((s) => {
    const chosen = new Set(bySession.get(s.id) ?? []);
    const own = (s.requires_signup ? signups : favourites).filter((r) => r.session_id === s.id);
    for (const r of own) chosen.add(r.registration_id);
    // `everyone` is already in the list's order, and holds only approved in-person delegates.
    const expected = isForEveryone(s) ? everyone : everyone.filter((p) => chosen.has(p.registrationId));
    return {
      id: s.id,
      title_vi: s.title_vi,
      title_en: s.title_en,
      starts_at: s.starts_at,
      ends_at: s.ends_at,
      room_vi: s.room_vi,
      room_en: s.room_en,
      expected,
    };
  });
}

export type PlateScope = { sessionId: number } | { kind: OrganisationKind } | { all: true };

/**
 * Whose name plates: a session's head table (its chairs and speakers, approved and in person), the
 * approved in-person delegates of one kind of organisation, or all of them; in the list's order.
 */
export async function loadPlateRows(db: Db, conferenceId: number, scope: PlateScope): Promise<ParticipantRow[]> {
  if ("kind" in scope) return approvedInPerson(db, conferenceId, scope.kind);
  if ("all" in scope) return approvedInPerson(db, conferenceId);
  const rows = await participantQuery(db, conferenceId)
    .innerJoin("session_people as sp", "sp.registration_id", "r.id")
    .innerJoin("sessions as s", "s.id", "sp.session_id")
    .where("sp.session_id", "=", scope.sessionId)
    .where("s.conference_id", "=", conferenceId)
    .where("sp.role", "in", ["chair", "speaker"])
    .where("r.status", "=", "approved")
    .where("r.mode", "=", "in_person")
    .distinct()
    .execute();
  return sortParticipants(rows.map(toParticipantRow));
}
