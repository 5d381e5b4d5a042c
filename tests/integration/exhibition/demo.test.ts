import { describe, expect, it } from "vitest";
import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { getDb, nowIso } from "~/platform/db.server";
import { APPLICATION_STATUSES } from "~/features/exhibition/rules";
import { adjacentPairs, insideOutline, overlaps } from "~/features/exhibition/plan/geometry";
import { planWarnings } from "~/features/exhibition/plan/warnings";
import { hallCorners, parseOutline } from "~/features/exhibition/plan/plan-data";
import { seedDemoExhibition } from "../../../seeds/demo-exhibition";
import { demoConference } from "../../helpers/factories";

/** The demo exhibition the template (DEMO_SIZE=minimal) seeds, which the others' browser tests use. */
describe("the demo exhibition", () => {
  it("has hall A with about 120 booths, none overlapping, none on an obstacle, no plan warning", async () => {
    const db = getDb();
    const conference = await demoConference();
    const halls = await db
      .selectFrom("exhibition_halls")
      .selectAll()
      .where("conference_id", "=", conference.id)
      .execute();
    expect(halls.map((h) => h.code)).toEqual(["A"]);
    const hall = halls[0]!;
    expect(hall.name_vi).toContain("Sảnh triển lãm A");
    const booths = await db.selectFrom("booths").selectAll().where("hall_id", "=", hall.id).execute();
    expect(booths.length).toBeGreaterThanOrEqual(115);
    expect(booths.length).toBeLessThanOrEqual(130);
    const obstacles = await db.selectFrom("exhibition_obstacles").selectAll().where("hall_id", "=", hall.id).execute();
    for (const [i, a] of booths.entries()) {
      for (const b of booths.slice(i + 1)) expect(overlaps(a, b), `${a.code} overlaps ${b.code}`).toBe(false);
      for (const o of obstacles) expect(overlaps(a, o), `${a.code} stands on ${o.kind} ${o.id}`).toBe(false);
      expect(insideOutline(a, hallCorners({ ...hall, outline: parseOutline(hall.outline) })), a.code).toBe(true);
      expect(a.area).toBeCloseTo(a.w * a.h);
    }
    const kinds = obstacles.map((o) => o.kind);
    expect(kinds.filter((k) => k === "exit")).toHaveLength(2);
    expect(kinds).toContain("column");
    expect(kinds).toContain("door");
    expect(obstacles.filter((o) => o.kind === "aisle").every((o) => Math.min(o.w, o.h) >= 3)).toBe(true);
    expect(planWarnings({ ...hall, outline: parseOutline(hall.outline) }, booths, obstacles)).toEqual([]);
    // Every zone has booths; the three types are there (islands 6 × 6).
    expect(new Set(booths.map((b) => b.zone))).toEqual(new Set(["ocop", "handicrafts", "food", "industry", "tourism"]));
    expect(booths.filter((b) => b.type === "island").every((b) => b.w === 6 && b.h === 6)).toBe(true);
    expect(booths.filter((b) => b.type === "corner").length).toBeGreaterThan(10);
    expect(booths.filter((b) => b.held === 1).length).toBeGreaterThan(0);
  });

  it("has applications in every status, rejections with a reason, and the demo exhibitor's submitted one", async () => {
    const db = getDb();
    const conference = await demoConference();
    const exhibitors = await db
      .selectFrom("exhibitors")
      .selectAll()
      .where("conference_id", "=", conference.id)
      .execute();
    expect(new Set(exhibitors.map((e) => e.status))).toEqual(new Set(APPLICATION_STATUSES));
    expect(exhibitors.filter((e) => e.status === "rejected").every((e) => e.decision_reason.length > 10)).toBe(true);
    expect(new Set(exhibitors.map((e) => e.province_id)).size).toBeGreaterThanOrEqual(12);
    expect(exhibitors.every((e) => e.province_id !== null)).toBe(true);
    const account = await db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "trung-bay@ngoaivu.test")
      .executeTakeFirstOrThrow();
    const own = exhibitors.find((e) => e.user_id === account.id);
    expect(own?.status).toBe("submitted");
    const ownProducts = await db
      .selectFrom("exhibitor_products")
      .selectAll()
      .where("exhibitor_id", "=", own!.id)
      .execute();
    expect(ownProducts.map((p) => p.name_vi).join()).toContain("Vải thiều Lục Ngạn");
    const products = await db
      .selectFrom("exhibitor_products as p")
      .innerJoin("exhibitors as e", "e.id", "p.exhibitor_id")
      .select(["p.name_vi", "p.name_en", "p.description_vi", "p.description_en"])
      .where("e.conference_id", "=", conference.id)
      .execute();
    expect(products.every((p) => p.name_en && p.description_vi && p.description_en)).toBe(true);
    // Keep-apart and explicit neighbour wishes are both there.
    expect(exhibitors.filter((e) => e.apart_category !== null).length).toBeGreaterThanOrEqual(2);
    expect(exhibitors.filter((e) => e.booths_needed === 2).length).toBeGreaterThanOrEqual(2);
    const neighbours = await db.selectFrom("exhibitor_neighbours").selectAll().execute();
    expect(neighbours.length).toBeGreaterThanOrEqual(3);
  });

  it("allocates a few approved exhibitors by hand (locked, some confirmed) and leaves most to the allocator", async () => {
    const db = getDb();
    const conference = await demoConference();
    const allocations = await db
      .selectFrom("booth_allocations as a")
      .innerJoin("exhibitors as e", "e.id", "a.exhibitor_id")
      .innerJoin("booths as b", "b.id", "a.booth_id")
      .select([
        "a.exhibitor_id",
        "a.locked",
        "a.source",
        "a.confirmed_at",
        "e.status",
        "e.booths_needed",
        "b.id",
        "b.held",
      ])
      .select(["b.x", "b.y", "b.w", "b.h", "b.hall_id"])
      .where("a.conference_id", "=", conference.id)
      .execute();
    expect(allocations.length).toBeGreaterThan(0);
    expect(allocations.every((a) => a.status === "approved" && a.locked === 1 && a.source === "hand")).toBe(true);
    expect(allocations.every((a) => a.held === 0)).toBe(true);
    expect(allocations.some((a) => a.confirmed_at !== null)).toBe(true);
    expect(allocations.some((a) => a.confirmed_at === null)).toBe(true);
    // Each exhibitor has exactly the booths it needs; two booths share a side.
    const byExhibitor = new Map<number, typeof allocations>();
    for (const a of allocations) byExhibitor.set(a.exhibitor_id, [...(byExhibitor.get(a.exhibitor_id) ?? []), a]);
    for (const rows of byExhibitor.values()) {
      expect(rows).toHaveLength(rows[0]!.booths_needed);
      if (rows.length === 2) expect(adjacentPairs(rows)).toHaveLength(1);
    }
    const approved = await db
      .selectFrom("exhibitors")
      .select("id")
      .where("conference_id", "=", conference.id)
      .where("status", "=", "approved")
      .execute();
    expect(approved.length - byExhibitor.size).toBeGreaterThan(byExhibitor.size * 2);
  });

  it("is seeded once: a conference that has a hall keeps it", async () => {
    const conference = await demoConference();
    const before = await getDb()
      .selectFrom("booths")
      .select(({ fn }) => fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(await seedDemoExhibition(getDb() as unknown as Kysely<Database>, conference.id, nowIso())).toBeNull();
    const after = await getDb()
      .selectFrom("booths")
      .select(({ fn }) => fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});
