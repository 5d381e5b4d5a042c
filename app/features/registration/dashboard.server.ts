import { sql } from "kysely";
import { getDb } from "~/platform/db.server";
import type { Db } from "~/platform/types";
import {
  attendance,
  breakdown,
  dailySeries,
  fixedOffsetMinutes,
  LIVE_STATUSES,
  percentOf,
  type AttendanceCell,
  type CountCell,
  type InstantCount,
} from "~/features/registration/dashboard";
import { CONFERENCE_ZONE, zonedDate } from "~/lib/time";
import { getCurrentConference } from "../people/conference.server";
import { now as clockNow } from "~/lib/clock";

/**
 * The organisers' figures for the current conference, in five grouped queries
 * whatever the number of registrations: the conference, counts by kind × mode ×
 * status, the provinces with and without a live registration, and two
 * histograms (received, approved) by conference-zone day.
 */
export async function getDashboard({ now = clockNow() }: { now?: Date } = {}) {
  const conference = await getCurrentConference();
  if (!conference) return null;
  const db = getDb();
  const zone = conference.time_zone || CONFERENCE_ZONE;
  // Without daylight saving (Hà Nội), SQL groups by the zone's day; otherwise by UTC minute, folded in JS.
  const offset = fixedOffsetMinutes(zone, now);
  const bucket = (column: string) =>
    offset === null
      ? sql<string>`substr(${sql.ref(column)}, 1, 16)`
      : sql<string>`date(${sql.ref(column)}, ${`${offset >= 0 ? "+" : ""}${offset} minutes`})`;

  const [cells, provinces, created, approved, came] = await Promise.all([
    registrationCells(db, conference.id),
    db
      .selectFrom("organisations as o")
      .select(["o.id", "o.name_vi", "o.name_en", "o.region"])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom("registrations as r")
              .select(sql`1`.as("one"))
              .whereRef("r.organisation_id", "=", "o.id")
              .where("r.conference_id", "=", conference.id)
              .where("r.status", "in", [...LIVE_STATUSES]),
          )
          .as("has_live"),
      )
      .where("o.kind", "=", "province")
      .execute(),
    db
      .selectFrom("registrations")
      .select([bucket("created_at").as("at"), "mode", (eb) => eb.fn.countAll<number>().as("count")])
      .where("conference_id", "=", conference.id)
      .groupBy([bucket("created_at"), "mode"])
      .execute(),
    db
      .selectFrom("registration_events as e")
      .innerJoin("registrations as r", "r.id", "e.registration_id")
      .select([bucket("e.at").as("at"), (eb) => eb.fn.countAll<number>().as("count")])
      .where("r.conference_id", "=", conference.id)
      .where("e.to_status", "=", "approved")
      .groupBy(bucket("e.at"))
      .execute(),
    attendanceCells(db, conference.id),
  ]);

  const figures = breakdown(cells);
  const collator = new Intl.Collator("vi");
  const withoutDelegates = provinces
    .filter((p) => !Number(p.has_live))
    .map(({ id, name_vi, name_en, region }) => ({ id, name_vi, name_en, region }))
    .sort((a, b) => collator.compare(a.name_vi, b.name_vi));
  const capacity = conference.in_person_capacity;
  return {
    conference: { id: conference.id, titleVi: conference.title_vi, titleEn: conference.title_en, zone },
    generatedAt: now.toISOString(),
    ...figures,
    capacity: {
      capacity,
      ...figures.inPerson,
      free: Math.max(0, capacity - figures.inPerson.held),
      percent: percentOf(figures.inPerson.held, capacity),
    },
    provinces: { total: provinces.length, withoutDelegates },
    attendance: attendance(came),
    daily: dailySeries(created as InstantCount[], approved as InstantCount[], zone, zonedDate(now.toISOString(), zone)),
  };
}

/** Registrations by organisation kind × mode × status (also the proceedings' figures). */
export async function registrationCells(db: Db, conferenceId: number): Promise<CountCell[]> {
  const rows = await db
    .selectFrom("registrations as r")
    .innerJoin("organisations as o", "o.id", "r.organisation_id")
    .select(["o.kind", "r.mode", "r.status", (eb) => eb.fn.countAll<number>().as("count")])
    .where("r.conference_id", "=", conferenceId)
    .groupBy(["o.kind", "r.mode", "r.status"])
    .execute();
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/** Approved registrations by kind and mode, with how many were checked in and how many joined online. */
export async function attendanceCells(db: Db, conferenceId: number): Promise<AttendanceCell[]> {
  const rows = await db
    .selectFrom("registrations as r")
    .innerJoin("organisations as o", "o.id", "r.organisation_id")
    .select([
      "o.kind",
      "r.mode",
      (eb) => eb.fn.countAll<number>().as("expected"),
      sql<number>`sum(case when ${sql.ref("r.checked_in_at")} is not null then 1 else 0 end)`.as("present"),
      sql<number>`sum(case when exists (select 1 from join_links j where j.registration_id = ${sql.ref("r.id")}
        and j.first_joined_at is not null) then 1 else 0 end)`.as("joined"),
    ])
    .where("r.conference_id", "=", conferenceId)
    .where("r.status", "=", "approved")
    .groupBy(["o.kind", "r.mode"])
    .execute();
  return rows.map((r) => ({
    ...r,
    expected: Number(r.expected),
    present: Number(r.present),
    joined: Number(r.joined),
  }));
}

export type Dashboard = NonNullable<Awaited<ReturnType<typeof getDashboard>>>;
