import { sql } from "kysely";
import { ORGANISATION_KINDS } from "~/auth/roles";
import { attendance, breakdown } from "~/features/registration/dashboard";
import { attendanceCells, registrationCells } from "~/features/registration/dashboard.server";
import { nowIso } from "~/lib/clock";
import { CONFERENCE_ZONE, zonedDate } from "~/lib/time";
import type { Db } from "~/platform/types";
import { agreementCounts } from "../../agreements/figures.server";
import type { FiguresData } from "./figures";

/** How many sessions the online-joins chart shows. */
export const TOP_SESSIONS = 6;

/**
 * The figures section's numbers for a conference, in a handful of grouped queries whatever its
 * size. Delegates: approved registrations only (the registration dashboard's own queries).
 * Meetings: requested = every request sent (withdrawn ones too: they were asked), accepted =
 * requests accepted now, scheduled = placed meetings, held = placed meetings whose outcome was
 * recorded (meeting-outcomes.server.ts only lets a party record one once the meeting has started).
 * `today`: YYYY-MM-DD in the conference's zone, for the agreements' lateness (defaults to the clock's).
 */
export async function loadFiguresData(
  db: Db,
  conferenceId: number,
  today = zonedDate(nowIso(), CONFERENCE_ZONE),
): Promise<FiguresData> {
  const [cells, came, joinedOnline, sessions, requests, placed, exhibitors, booths, agreements] = await Promise.all([
    registrationCells(db, conferenceId),
    attendanceCells(db, conferenceId),
    db
      .selectFrom("join_links as j")
      .innerJoin("registrations as r", "r.id", "j.registration_id")
      .select(sql<number>`count(distinct ${sql.ref("j.registration_id")})`.as("n"))
      .where("r.conference_id", "=", conferenceId)
      .where("r.status", "=", "approved")
      .where("j.first_joined_at", "is not", null)
      .executeTakeFirst(),
    db
      .selectFrom("join_links as j")
      .innerJoin("registrations as r", "r.id", "j.registration_id")
      .innerJoin("sessions as s", "s.id", "j.session_id")
      .select([
        "s.id",
        "s.title_vi",
        "s.title_en",
        sql<number>`count(distinct ${sql.ref("j.registration_id")})`.as("n"),
      ])
      .where("r.conference_id", "=", conferenceId)
      .where("r.status", "=", "approved")
      .where("j.first_joined_at", "is not", null)
      .groupBy(["s.id", "s.title_vi", "s.title_en", "s.starts_at"])
      .orderBy("n", "desc")
      .orderBy("s.starts_at")
      .limit(TOP_SESSIONS)
      .execute(),
    db
      .selectFrom("meeting_requests")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .where("conference_id", "=", conferenceId)
      .groupBy("status")
      .execute(),
    db
      .selectFrom("meetings as m")
      .innerJoin("meeting_requests as r", "r.id", "m.request_id")
      .select([
        (eb) => eb.fn.countAll<number>().as("scheduled"),
        sql<number>`sum(case when ${sql.ref("m.outcome_recorded_at")} is not null then 1 else 0 end)`.as("held"),
      ])
      .where("r.conference_id", "=", conferenceId)
      .where("r.status", "=", "accepted")
      .executeTakeFirst(),
    db
      .selectFrom("exhibitors")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("conference_id", "=", conferenceId)
      .where("status", "=", "approved")
      .executeTakeFirst(),
    db
      .selectFrom("booths as b")
      .select([
        (eb) => eb.fn.countAll<number>().as("total"),
        sql<number>`sum(case when exists (select 1 from booth_allocations a where a.booth_id = ${sql.ref("b.id")})
          then 1 else 0 end)`.as("allocated"),
      ])
      .where("b.conference_id", "=", conferenceId)
      .executeTakeFirst(),
    agreementCounts(db, conferenceId, today),
  ]);

  const approved = breakdown(cells);
  const came_ = attendance(came);
  const byKind = Object.fromEntries(
    ORGANISATION_KINDS.map((k) => [k, approved.byKind[k].approved]),
  ) as FiguresData["delegates"]["byKind"];
  const requestCount = (status?: string) =>
    requests.filter((r) => status === undefined || r.status === status).reduce((sum, r) => sum + Number(r.n), 0);
  return {
    delegates: {
      total: approved.all.approved,
      byKind,
      byMode: { in_person: approved.byMode.in_person.approved, online: approved.byMode.online.approved },
    },
    attendance: {
      inPersonExpected: came_.inPerson.expected,
      present: came_.inPerson.present,
      onlineExpected: came_.online.expected,
      onlineJoined: came_.online.joined,
      joinedOnline: Number(joinedOnline?.n ?? 0),
    },
    topSessions: sessions.map((s) => ({ titleVi: s.title_vi, titleEn: s.title_en, joined: Number(s.n) })),
    meetings: {
      requested: requestCount(),
      accepted: requestCount("accepted"),
      scheduled: Number(placed?.scheduled ?? 0),
      held: Number(placed?.held ?? 0),
    },
    exhibition: {
      exhibitors: Number(exhibitors?.n ?? 0),
      boothsAllocated: Number(booths?.allocated ?? 0),
      boothsTotal: Number(booths?.total ?? 0),
    },
    agreements: { total: agreements.total, signed: agreements.signed, byState: agreements.byState },
  };
}
