import { beforeEach, describe, expect, it } from "vitest";
import { getDb, nowIso } from "~/platform/db.server";
import { deleteBooth, moveBooth, saveBooth, setBoothHeld } from "~/features/exhibition/plan/booths.server";
import { deleteHall, deleteObstacle, saveHall, saveObstacle } from "~/features/exhibition/plan/halls.server";
import { loadFloorPlan } from "~/features/exhibition/plan/plan.server";
import { boothSchema, hallSchema } from "~/features/exhibition/plan/schema";
import { demoConference } from "../../helpers/factories";

const actor = { id: null, ip: "127.0.0.1" };
let conferenceId = 0;
let hallId = 0;

/** A booth form as posted: strings, parsed by the form's schema. */
const boothInput = (over: Record<string, string> = {}) =>
  boothSchema.parse({
    hallId: String(hallId),
    code: "ZT-01",
    zone: "ocop",
    type: "standard",
    x: "2",
    y: "2",
    w: "3",
    h: "3",
    ...over,
  });

async function audits(action: string) {
  return getDb().selectFrom("audit_log").selectAll().where("action", "=", action).execute();
}

async function allocate(boothId: number, name = "HTX Chè Tân Cương") {
  const now = nowIso();
  const exhibitor = await getDb()
    .insertInto("exhibitors")
    .values({
      conference_id: conferenceId,
      name_vi: name,
      kind: "cooperative",
      contact_name: "Chị Lan",
      contact_email: `lan${boothId}@example.vn`,
      status: "approved",
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await getDb()
    .insertInto("booth_allocations")
    .values({
      booth_id: boothId,
      conference_id: conferenceId,
      exhibitor_id: exhibitor.id,
      source: "hand",
      allocated_at: now,
    })
    .execute();
}

beforeEach(async () => {
  conferenceId = (await demoConference()).id;
  const db = getDb();
  const mine = await db.selectFrom("exhibition_halls").select("id").where("code", "like", "ZT%").execute();
  if (mine.length) {
    const ids = mine.map((h) => h.id);
    await db
      .deleteFrom("booth_allocations")
      .where("booth_id", "in", db.selectFrom("booths").select("id").where("hall_id", "in", ids))
      .execute();
    await db.deleteFrom("booths").where("hall_id", "in", ids).execute();
    await db.deleteFrom("exhibition_halls").where("id", "in", ids).execute();
  }
  const hall = await saveHall(
    db,
    conferenceId,
    null,
    hallSchema.parse({
      code: "ZT",
      nameVi: "Nhà thử",
      nameEn: "Test hall",
      width: "40",
      depth: "30",
      grid: "0,5",
      minAisle: "3",
    }),
    actor,
  );
  if (!hall.ok) throw new Error("hall");
  hallId = hall.id;
});

describe("halls", () => {
  it("refuses a second hall with the same code, beside the code", async () => {
    const again = await saveHall(
      getDb(),
      conferenceId,
      null,
      hallSchema.parse({ code: "ZT", nameVi: "x", nameEn: "x", width: "10", depth: "10", grid: "1", minAisle: "3" }),
      actor,
    );
    expect(again).toMatchObject({ ok: false, refusal: { key: "exhibition.plan.error.hallCodeTaken", field: "code" } });
  });

  it("refuses to delete a hall while it has booths, then deletes it with its obstacles", async () => {
    const b = await saveBooth(getDb(), conferenceId, null, boothInput(), actor);
    expect(b.ok).toBe(true);
    await saveObstacle(
      getDb(),
      conferenceId,
      null,
      { hallId, kind: "column", x: 20, y: 20, w: 0.5, h: 0.5, label: "C1" },
      actor,
    );
    expect(await deleteHall(getDb(), conferenceId, hallId, actor)).toMatchObject({
      ok: false,
      refusal: { kind: "conflict", key: "exhibition.plan.error.hallHasBooths", params: { hall: "ZT", count: 1 } },
    });
    if (b.ok) await deleteBooth(getDb(), conferenceId, b.id, actor);
    expect(await deleteHall(getDb(), conferenceId, hallId, actor)).toEqual({ ok: true });
    expect(
      await getDb().selectFrom("exhibition_obstacles").select("id").where("hall_id", "=", hallId).execute(),
    ).toEqual([]);
    expect((await audits("exhibition_hall.delete")).at(-1)).toMatchObject({ entity_id: String(hallId) });
  });

  it("refuses to shrink a hall so that a booth would be left outside", async () => {
    await saveBooth(getDb(), conferenceId, null, boothInput({ x: "30" }), actor);
    const smaller = hallSchema.parse({
      code: "ZT",
      nameVi: "Nhà thử",
      nameEn: "Test hall",
      width: "20",
      depth: "30",
      grid: "0.5",
      minAisle: "3",
    });
    expect(await saveHall(getDb(), conferenceId, hallId, smaller, actor)).toMatchObject({
      ok: false,
      refusal: { key: "exhibition.plan.error.hallTooSmall", params: { code: "ZT-01" } },
    });
  });
});

describe("booths", () => {
  it("adds a booth snapped to the grid, its area width × depth, and audits it", async () => {
    const result = await saveBooth(
      getDb(),
      conferenceId,
      null,
      boothInput({ x: "2,26", y: "1.9", w: "3.1", h: "2.9", power: "on" }),
      actor,
    );
    expect(result.ok).toBe(true);
    const row = await getDb().selectFrom("booths").selectAll().where("code", "=", "ZT-01").executeTakeFirstOrThrow();
    expect(row).toMatchObject({ x: 2.5, y: 2, w: 3, h: 3, area: 9, power: 1, water: 0, held: 0 });
    expect((await audits("exhibition_booth.create")).at(-1)).toMatchObject({
      entity: "booth",
      entity_id: String(row.id),
    });
    // A typed area wins.
    await saveBooth(getDb(), conferenceId, null, boothInput({ code: "ZT-02", x: "10", area: "12" }), actor);
    expect(
      (await getDb().selectFrom("booths").select("area").where("code", "=", "ZT-02").executeTakeFirstOrThrow()).area,
    ).toBe(12);
  });

  it("refuses a code already used in the conference, beside the code", async () => {
    await saveBooth(getDb(), conferenceId, null, boothInput(), actor);
    expect(await saveBooth(getDb(), conferenceId, null, boothInput({ x: "20" }), actor)).toMatchObject({
      ok: false,
      refusal: { kind: "invalid", key: "exhibition.plan.error.codeTaken", field: "code", params: { code: "ZT-01" } },
    });
  });

  it("refuses an overlap, an obstacle and the outside, saying which", async () => {
    await saveBooth(getDb(), conferenceId, null, boothInput(), actor);
    await saveObstacle(
      getDb(),
      conferenceId,
      null,
      { hallId, kind: "column", x: 20, y: 20, w: 0.5, h: 0.5, label: "C1" },
      actor,
    );
    expect(await saveBooth(getDb(), conferenceId, null, boothInput({ code: "ZT-02", x: "4" }), actor)).toMatchObject({
      ok: false,
      refusal: { kind: "conflict", key: "exhibition.plan.error.overlap", params: { code: "ZT-01" }, field: "x" },
    });
    expect(
      await saveBooth(getDb(), conferenceId, null, boothInput({ code: "ZT-02", x: "19", y: "19" }), actor),
    ).toMatchObject({
      ok: false,
      refusal: { key: "exhibition.plan.error.onObstacle", params: { kind: "exhibition.obstacle.column", label: "C1" } },
    });
    expect(await saveBooth(getDb(), conferenceId, null, boothInput({ code: "ZT-02", x: "38" }), actor)).toMatchObject({
      ok: false,
      refusal: { key: "exhibition.plan.error.outside", params: { hall: "ZT" } },
    });
    expect(await getDb().selectFrom("booths").select("code").where("hall_id", "=", hallId).execute()).toHaveLength(1);
  });

  it("moves and resizes a booth, refusing a move onto another", async () => {
    const a = await saveBooth(getDb(), conferenceId, null, boothInput(), actor);
    const b = await saveBooth(getDb(), conferenceId, null, boothInput({ code: "ZT-02", x: "5" }), actor);
    if (!a.ok || !b.ok) throw new Error("setup");
    expect(await moveBooth(getDb(), conferenceId, a.id, { x: 3.5, y: 2, w: 3, h: 3 }, actor)).toMatchObject({
      ok: false,
      refusal: { key: "exhibition.plan.error.overlap", params: { code: "ZT-02" } },
    });
    const moved = await moveBooth(getDb(), conferenceId, a.id, { x: 2, y: 10.2, w: 4, h: 3 }, actor);
    expect(moved).toEqual({ ok: true, rect: { x: 2, y: 10, w: 4, h: 3 }, area: 12 });
    expect((await audits("exhibition_booth.move")).at(-1)?.detail).toContain('"from":{"x":2,"y":2,"w":3,"h":3}');
  });

  it("refuses to move, resize or delete an allocated booth, naming who holds it", async () => {
    const a = await saveBooth(getDb(), conferenceId, null, boothInput(), actor);
    if (!a.ok) throw new Error("setup");
    await allocate(a.id);
    const refusal = {
      ok: false,
      refusal: {
        kind: "conflict",
        key: "exhibition.plan.error.boothAllocated",
        params: { code: "ZT-01", exhibitor: "HTX Chè Tân Cương" },
      },
    };
    expect(await moveBooth(getDb(), conferenceId, a.id, { x: 10, y: 10, w: 3, h: 3 }, actor)).toMatchObject(refusal);
    expect(await saveBooth(getDb(), conferenceId, a.id, boothInput({ w: "4" }), actor)).toMatchObject(refusal);
    expect(await deleteBooth(getDb(), conferenceId, a.id, actor)).toMatchObject(refusal);
    // Its other fields may still change.
    expect(
      await saveBooth(getDb(), conferenceId, a.id, boothInput({ zone: "food", water: "on" }), actor),
    ).toMatchObject({ ok: true });
    expect(await setBoothHeld(getDb(), conferenceId, a.id, true, actor)).toMatchObject({
      ok: false,
      refusal: { key: "exhibition.plan.error.holdAllocated" },
    });
    const plan = await loadFloorPlan(getDb(), conferenceId);
    expect(plan.booths.find((b) => b.id === a.id)).toMatchObject({
      x: 2,
      zone: "food",
      state: "allocated",
      water: true,
    });
  });

  it("holds and releases a free booth, audited", async () => {
    const a = await saveBooth(getDb(), conferenceId, null, boothInput(), actor);
    if (!a.ok) throw new Error("setup");
    expect(await setBoothHeld(getDb(), conferenceId, a.id, true, actor)).toEqual({ ok: true });
    expect((await loadFloorPlan(getDb(), conferenceId)).booths.find((b) => b.id === a.id)?.state).toBe("held");
    await setBoothHeld(getDb(), conferenceId, a.id, false, actor);
    expect((await loadFloorPlan(getDb(), conferenceId)).booths.find((b) => b.id === a.id)?.state).toBe("free");
    expect(await audits("exhibition_booth.hold")).not.toHaveLength(0);
    expect(await audits("exhibition_booth.release")).not.toHaveLength(0);
  });
});

describe("obstacles", () => {
  it("adds, refuses one over a booth, and deletes, audited", async () => {
    await saveBooth(getDb(), conferenceId, null, boothInput(), actor);
    expect(
      await saveObstacle(
        getDb(),
        conferenceId,
        null,
        { hallId, kind: "column", x: 3, y: 3, w: 0.5, h: 0.5, label: "" },
        actor,
      ),
    ).toMatchObject({
      ok: false,
      refusal: { key: "exhibition.plan.error.obstacleOnBooth", params: { code: "ZT-01" } },
    });
    const exit = await saveObstacle(
      getDb(),
      conferenceId,
      null,
      { hallId, kind: "exit", x: 0, y: 20, w: 0.3, h: 2, label: "EXIT" },
      actor,
    );
    if (!exit.ok) throw new Error("exit");
    expect((await audits("exhibition_obstacle.create")).at(-1)).toMatchObject({ entity_id: String(exit.id) });
    expect(await deleteObstacle(getDb(), conferenceId, exit.id, actor)).toEqual({ ok: true });
    expect(await audits("exhibition_obstacle.delete")).toHaveLength(1);
  });
});
