// Exhibition data for the allocation tests, built on the real database: one hall, booths in a row
// (codes, zones, areas chosen per test) and exhibitors with their wishes. Every call starts clean.
import { getDb, nowIso } from "~/platform/db.server";
import { demoConference, organisationId } from "../../helpers/factories";

export type BoothSpec = {
  code: string;
  zone?: string;
  type?: string;
  x: number;
  y?: number;
  w?: number;
  h?: number;
  held?: boolean;
};
export type ExhibitorSpec = {
  name: string;
  status?: string;
  booths?: 1 | 2;
  minArea?: number;
  zones?: string[];
  types?: string[];
  province?: string;
  nearProvince?: boolean;
  apart?: string | null;
  email?: string;
};

/** Removes every exhibition row of the demo conference. */
export async function resetExhibition() {
  const db = getDb();
  const { id } = await demoConference();
  await db.deleteFrom("booth_allocations").where("conference_id", "=", id).execute();
  await db.deleteFrom("exhibitors").where("conference_id", "=", id).execute();
  await db.deleteFrom("booths").where("conference_id", "=", id).execute();
  await db.deleteFrom("exhibition_halls").where("conference_id", "=", id).execute();
  await db.deleteFrom("exhibition_settings").where("conference_id", "=", id).execute();
  return id;
}

/** A hall with the booths given (3 × 3 m unless said; side by side when their x differ by their width). */
export async function hallWith(booths: BoothSpec[]): Promise<{ conferenceId: number; ids: Record<string, number> }> {
  const db = getDb();
  const conferenceId = (await demoConference()).id;
  const now = nowIso();
  const hall = await db
    .insertInto("exhibition_halls")
    .values({
      conference_id: conferenceId,
      code: "H1",
      name_vi: "Sảnh A",
      name_en: "Hall A",
      width_m: 40,
      depth_m: 20,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const ids: Record<string, number> = {};
  for (const b of booths) {
    const w = b.w ?? 3;
    const h = b.h ?? 3;
    const row = await db
      .insertInto("booths")
      .values({
        conference_id: conferenceId,
        hall_id: hall.id,
        code: b.code,
        zone: (b.zone ?? "ocop") as never,
        type: (b.type ?? "standard") as never,
        x: b.x,
        y: b.y ?? 0,
        w,
        h,
        area: w * h,
        held: b.held ? 1 : 0,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids[b.code] = row.id;
  }
  return { conferenceId, ids };
}

/** Six booths in a row: A01–A03 in the OCOP zone, A04–A06 handicrafts; each 9 m². */
export const ROW: BoothSpec[] = [0, 1, 2, 3, 4, 5].map((i) => ({
  code: `A0${i + 1}`,
  zone: i < 3 ? "ocop" : "handicrafts",
  x: i * 3,
}));

export async function exhibitor(spec: ExhibitorSpec): Promise<number> {
  const db = getDb();
  const conferenceId = (await demoConference()).id;
  const now = nowIso();
  const row = await db
    .insertInto("exhibitors")
    .values({
      conference_id: conferenceId,
      name_vi: spec.name,
      name_en: `${spec.name} (EN)`,
      kind: "cooperative",
      province_id: spec.province ? await organisationId(spec.province) : null,
      contact_name: "Nguyễn Văn An",
      contact_email: spec.email ?? "lien-he@example.test",
      status: (spec.status ?? "approved") as never,
      booths_needed: spec.booths ?? 1,
      min_area: spec.minArea ?? 0,
      zone_wishes: JSON.stringify(spec.zones ?? []),
      type_wishes: JSON.stringify(spec.types ?? []),
      near_province: spec.nearProvince === false ? 0 : 1,
      apart_category: (spec.apart ?? null) as never,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function allocate(
  exhibitorId: number,
  boothId: number,
  options: { locked?: boolean; confirmed?: boolean; source?: "hand" | "auto" } = {},
) {
  await getDb()
    .insertInto("booth_allocations")
    .values({
      booth_id: boothId,
      conference_id: (await demoConference()).id,
      exhibitor_id: exhibitorId,
      locked: options.locked ? 1 : 0,
      confirmed_at: options.confirmed ? nowIso() : null,
      source: options.source ?? "auto",
      allocated_by: null,
      allocated_at: nowIso(),
    })
    .execute();
}

/** booth code → exhibitor id, as stored. */
export async function allocationsByCode(): Promise<Record<string, number>> {
  const rows = await getDb()
    .selectFrom("booth_allocations as a")
    .innerJoin("booths as b", "b.id", "a.booth_id")
    .select(["b.code", "a.exhibitor_id"])
    .execute();
  return Object.fromEntries(rows.map((r) => [r.code, r.exhibitor_id]));
}

export async function organiserActor() {
  const user = await getDb()
    .selectFrom("users")
    .select("id")
    .where("email", "=", "to-chuc@ngoaivu.test")
    .executeTakeFirstOrThrow();
  return { id: user.id, ip: "127.0.0.1" };
}
