import type { Insertable, Kysely } from "kysely";
import type { BoothsTable, Database, ExhibitionObstaclesTable } from "../db/schema";
import type { BoothType, Zone } from "../app/features/exhibition/rules";
import { DEMO_EXHIBITORS } from "./demo-exhibition-data";

/**
 * The demo exhibition (issue 13), in both demo sizes: hall A of the National Convention Centre, 49 m
 * × 57 m, with four 6 × 6 m island booths by the entrance and five rows of 3 × 3 m booths, one per
 * zone (24 each: two back-to-back double rows either side of a 7 m central aisle, corner booths at the
 * row ends). Every aisle is at least 3 m and recorded as an aisle obstacle; columns stand in the
 * central aisle's crossings, two doors on the front wall and two emergency exits on the side walls
 * at the end of a cross aisle. Then the exhibitors of seeds/demo-exhibition-data.ts, applications in
 * every status; a few hand allocations (locked), most approved exhibitors left for the allocator.
 * Deterministic (no randomness); runs in the caller's transaction, once per conference.
 */

const HALL_W = 49;
const HALL_D = 57;
const AISLE = 3;
const BOOTH = 3;
/** Left and right blocks of each row: six booths each, either side of the central aisle. */
const BLOCK_X = [3, 28];
const CENTRAL_AISLE = { x: 21, w: 7 };
const ROW_ZONES: Zone[] = ["ocop", "handicrafts", "food", "industry", "tourism"];
/** The first row of booths starts here; each row is two booths deep (6 m) and a 3 m aisle. */
const FIRST_ROW_Y = 12;
const ROW_PITCH = 9;
const ISLANDS: Array<{ x: number; zone: Zone }> = [
  { x: 5, zone: "ocop" },
  { x: 15, zone: "industry" },
  { x: 28, zone: "industry" },
  { x: 38, zone: "tourism" },
];
/** Held back by the organisers, with the reason as the booth's note. */
const HELD: Record<string, string> = {
  A124: "Gian thông tin của Ban Tổ chức",
  A501: "Sân khấu biểu diễn văn hóa",
  A502: "Sân khấu biểu diễn văn hóa",
};

type BoothRow = Omit<Insertable<BoothsTable>, "conference_id" | "hall_id" | "created_at" | "updated_at">;

/** The hall's booths: islands A001–A004, then row r's booths Ar01–Ar24 (front row 01–12, back row 13–24). */
export function demoBooths(): BoothRow[] {
  const booths: BoothRow[] = ISLANDS.map((island, i) => ({
    code: `A00${i + 1}`,
    zone: island.zone,
    type: "island",
    x: island.x,
    y: 3,
    w: 6,
    h: 6,
    area: 36,
    power: 1,
    water: 1,
    held: 0,
    note: "",
  }));
  ROW_ZONES.forEach((zone, r) => {
    const rowY = FIRST_ROW_Y + r * ROW_PITCH;
    let n = 0;
    for (const depth of [0, 1])
      for (const blockX of BLOCK_X)
        for (let i = 0; i < 6; i++) {
          n += 1;
          const code = `A${r + 1}${String(n).padStart(2, "0")}`;
          const type: BoothType = i === 0 || i === 5 ? "corner" : "standard";
          booths.push({
            code,
            zone,
            type,
            x: blockX + i * BOOTH,
            y: rowY + depth * BOOTH,
            w: BOOTH,
            h: BOOTH,
            area: BOOTH * BOOTH,
            power: 1,
            water: zone === "food" ? 1 : 0,
            held: code in HELD ? 1 : 0,
            note: HELD[code] ?? "",
          });
        }
  });
  return booths;
}

type ObstacleRow = Omit<Insertable<ExhibitionObstaclesTable>, "hall_id">;

export function demoObstacles(): ObstacleRow[] {
  const aisle = (x: number, y: number, w: number, h: number): ObstacleRow => ({ kind: "aisle", x, y, w, h, label: "" });
  const obstacles: ObstacleRow[] = [
    aisle(0, 0, HALL_W, AISLE),
    aisle(0, HALL_D - AISLE, HALL_W, AISLE),
    aisle(0, 0, AISLE, HALL_D),
    aisle(HALL_W - AISLE, 0, AISLE, HALL_D),
    aisle(CENTRAL_AISLE.x, 9, CENTRAL_AISLE.w, HALL_D - AISLE - 9),
    aisle(0, 9, HALL_W, AISLE),
  ];
  // The cross aisles behind rows 1–4 (row 5's is the back aisle).
  for (let r = 0; r < ROW_ZONES.length - 1; r++)
    obstacles.push(aisle(0, FIRST_ROW_Y + r * ROW_PITCH + 6, HALL_W, AISLE));
  // Columns in the central aisle's crossings: 3.2 m clear on either side.
  for (let r = 0; r < ROW_ZONES.length; r++)
    obstacles.push({ kind: "column", x: 24.2, y: 10.2 + r * ROW_PITCH, w: 0.6, h: 0.6, label: `C${r + 1}` });
  obstacles.push(
    { kind: "door", x: 8, y: 0, w: 4, h: 1, label: "" },
    { kind: "door", x: 37, y: 0, w: 4, h: 1, label: "" },
    // At the ends of the cross aisle behind the food row, kept clear.
    { kind: "exit", x: 0, y: 36, w: 1, h: 3, label: "" },
    { kind: "exit", x: HALL_W - 1, y: 36, w: 1, h: 3, label: "" },
  );
  return obstacles;
}

const DAY = 86_400_000;

export interface ExhibitionDemoSummary {
  halls: number;
  booths: number;
  obstacles: number;
  exhibitors: number;
  products: number;
  allocations: number;
}

/** Seeds the demo exhibition unless the conference has a hall already; returns what it inserted (null: kept). */
export async function seedDemoExhibition(
  db: Kysely<Database>,
  conferenceId: number,
  at: string,
): Promise<ExhibitionDemoSummary | null> {
  const existing = await db
    .selectFrom("exhibition_halls")
    .select("id")
    .where("conference_id", "=", conferenceId)
    .executeTakeFirst();
  if (existing) return null;
  const conference = await db
    .selectFrom("conferences")
    .select("starts_at")
    .where("id", "=", conferenceId)
    .executeTakeFirstOrThrow();
  const ago = (days: number) => new Date(Date.parse(at) - days * DAY).toISOString();
  await db
    .insertInto("exhibition_settings")
    .values({
      conference_id: conferenceId,
      published: 0,
      applications_close_at: new Date(Date.parse(conference.starts_at) - 7 * DAY).toISOString(),
      updated_at: at,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const hall = await db
    .insertInto("exhibition_halls")
    .values({
      conference_id: conferenceId,
      code: "A",
      name_vi: "Sảnh triển lãm A — Trung tâm Hội nghị Quốc gia",
      name_en: "Exhibition hall A — National Convention Centre",
      width_m: HALL_W,
      depth_m: HALL_D,
      grid_m: 0.5,
      min_aisle_m: 3,
      position: 0,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const obstacles = demoObstacles().map((o) => ({ ...o, hall_id: hall.id }));
  await db.insertInto("exhibition_obstacles").values(obstacles).execute();
  const boothRows = demoBooths().map((b) => ({
    ...b,
    conference_id: conferenceId,
    hall_id: hall.id,
    created_at: at,
    updated_at: at,
  }));
  const booths = await db.insertInto("booths").values(boothRows).returning(["id", "code"]).execute();
  const boothId = new Map(booths.map((b) => [b.code, b.id]));

  const provinceCodes = [...new Set(DEMO_EXHIBITORS.map((e) => e.province))];
  const provinces = new Map(
    (await db.selectFrom("organisations").select(["id", "code"]).where("code", "in", provinceCodes).execute()).map(
      (o) => [o.code, o.id],
    ),
  );
  const people = await db
    .selectFrom("users")
    .select(["id", "email"])
    .where("email", "in", ["to-chuc@ngoaivu.test", "trung-bay@ngoaivu.test"])
    .execute();
  const organiser = people.find((u) => u.email === "to-chuc@ngoaivu.test")?.id ?? null;
  const exhibitorAccount = people.find((u) => u.email === "trung-bay@ngoaivu.test")?.id ?? null;

  const ids = new Map<string, number>();
  let products = 0;
  let allocations = 0;
  for (const [i, e] of DEMO_EXHIBITORS.entries()) {
    const created = ago(40 - i);
    const submitted = e.status === "draft" ? null : ago(30 - i / 2);
    const decided = e.status === "approved" || e.status === "rejected" ? ago(20 - i / 2) : null;
    const row = await db
      .insertInto("exhibitors")
      .values({
        conference_id: conferenceId,
        user_id: e.demoAccount ? exhibitorAccount : null,
        name_vi: e.vi,
        name_en: e.en,
        kind: e.kind,
        province_id: provinces.get(e.province) ?? null,
        contact_name: e.contact,
        contact_email: e.demoAccount ? "trung-bay@ngoaivu.test" : `${e.key}@trienlam.ngoaivu.test`,
        contact_phone: `+84 2${String(10 + i).padStart(2, "0")} 3${String(100 + ((i * 37) % 900)).padStart(3, "0")} ${String(1000 + ((i * 271) % 9000))}`,
        website: e.kind === "trade_promotion" ? `https://${e.key}.trienlam.ngoaivu.test` : "",
        about_vi: e.aboutVi,
        about_en: e.aboutEn,
        status: e.status,
        decision_reason: e.reason ?? "",
        booths_needed: e.needed ?? 1,
        min_area: e.minArea ?? 0,
        zone_wishes: JSON.stringify(e.zones),
        type_wishes: JSON.stringify(e.types ?? []),
        near_province: e.nearProvince === false ? 0 : 1,
        apart_category: e.apart ?? null,
        needs_power: 1,
        needs_water: e.water ? 1 : 0,
        submitted_at: submitted,
        decided_at: decided,
        decided_by: decided ? organiser : null,
        created_at: created,
        updated_at: decided ?? submitted ?? created,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids.set(e.key, row.id);
    await db
      .insertInto("exhibitor_products")
      .values(
        e.products.map((p, position) => ({
          exhibitor_id: row.id,
          position,
          name_vi: p.vi,
          name_en: p.en,
          category: p.category,
          description_vi: p.dvi,
          description_en: p.den,
          created_at: created,
          updated_at: created,
        })),
      )
      .execute();
    products += e.products.length;
    for (const code of e.booths ?? []) {
      await db
        .insertInto("booth_allocations")
        .values({
          booth_id: boothId.get(code)!,
          conference_id: conferenceId,
          exhibitor_id: row.id,
          locked: 1,
          confirmed_at: e.confirmed ? ago(5) : null,
          source: "hand",
          allocated_by: organiser,
          allocated_at: ago(10),
        })
        .execute();
      allocations += 1;
    }
  }
  const neighbours = DEMO_EXHIBITORS.flatMap((e) =>
    (e.neighbours ?? []).map((n) => ({ exhibitor_id: ids.get(e.key)!, neighbour_id: ids.get(n)! })),
  );
  if (neighbours.length) await db.insertInto("exhibitor_neighbours").values(neighbours).execute();
  return {
    halls: 1,
    booths: booths.length,
    obstacles: obstacles.length,
    exhibitors: DEMO_EXHIBITORS.length,
    products,
    allocations,
  };
}
