import { fileURLToPath } from "node:url";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { buildAllocationInstance } from "~/features/exhibition/allocation/instance.server";
import { commitAllocation, isDoubleAllocation, previewAllocation } from "~/features/exhibition/allocation/run.server";
import { allocateByHand, changeAllocation } from "~/features/exhibition/allocation/hand.server";
import { changedTables, digest } from "../../helpers/digest";
import {
  allocate,
  allocationsByCode,
  exhibitor,
  hallWith,
  organiserActor,
  resetExhibition,
  ROW,
} from "./allocation-data";

const FAST = { timeLimitSec: 2 };

beforeEach(resetExhibition);

describe("buildAllocationInstance", () => {
  it("takes approved exhibitors, locked allocations, province neighbours and leaves held booths out", async () => {
    const { conferenceId, ids } = await hallWith([...ROW, { code: "B01", x: 0, y: 10, held: true }]);
    const a = await exhibitor({ name: "Hợp tác xã A", province: "prov-bac-giang", zones: ["ocop", "food", "bogus"] });
    const b = await exhibitor({ name: "Hợp tác xã B", province: "prov-bac-giang", nearProvince: false });
    const c = await exhibitor({ name: "Công ty C", province: "prov-ha-noi", apart: "fruit", types: ["corner"] });
    await exhibitor({ name: "Nộp chưa duyệt", status: "submitted", province: "prov-bac-giang" });
    const locked = await exhibitor({ name: "Đã khóa", status: "approved" });
    const auto = await exhibitor({ name: "Tự động" });
    await getDb().insertInto("exhibitor_neighbours").values({ exhibitor_id: c, neighbour_id: b }).execute();
    await allocate(locked, ids.A06, { locked: true, source: "hand" });
    await allocate(auto, ids.A05);

    const { instance } = await buildAllocationInstance(getDb(), conferenceId);
    expect(instance.booths.map((x) => x.id)).toEqual(["A01", "A02", "A03", "A04", "A05", "A06"]);
    expect(instance.booths.find((x) => x.id === "A02")!.adjacent).toEqual(["A01", "A03"]);
    const byId = new Map(instance.exhibitors.map((e) => [e.id, e]));
    expect([...byId.keys()].sort()).toEqual([`e${a}`, `e${b}`, `e${c}`, `e${locked}`, `e${auto}`].sort());
    // A asks for its province (B comes along); B does not ask for its province, but C named it:
    // a named neighbour counts both ways.
    expect(byId.get(`e${a}`)).toMatchObject({ zones: ["ocop", "food"], neighbours: [`e${b}`], booths: 1 });
    expect(byId.get(`e${b}`)!.neighbours).toEqual([`e${c}`]);
    expect(byId.get(`e${c}`)).toMatchObject({ neighbours: [`e${b}`], apart: "fruit", types: ["corner"] });
    // Locked allocations are kept; an unlocked one is planned again.
    expect(instance.locked).toEqual([{ exhibitor: `e${locked}`, booths: ["A06"] }]);
  });
});

describe("preview and commit", () => {
  it("previews without writing anything", async () => {
    const { conferenceId } = await hallWith(ROW);
    await exhibitor({ name: "Một", zones: ["ocop"] });
    await exhibitor({ name: "Hai", zones: ["handicrafts"], booths: 2, minArea: 18 });
    const before = digest();
    const preview = await previewAllocation(getDb(), conferenceId, FAST);
    expect(changedTables(before, digest())).toEqual([]);
    if (!preview.ok) throw new Error(preview.refusal.key);
    expect(preview.result.placed).toBe(2);
    expect(preview.result.optimal).toBe(true);
  });

  it("keeps locked and hand allocations, replaces unlocked automatic ones, and mails the exhibitors moved", async () => {
    const { conferenceId, ids } = await hallWith(ROW);
    const actor = await organiserActor();
    const hand = await exhibitor({ name: "Bằng tay", zones: ["ocop"] });
    const keep = await exhibitor({ name: "Đã xác nhận", zones: ["handicrafts"] });
    const moved = await exhibitor({ name: "Sẽ chuyển", zones: ["ocop"], email: "chuyen@example.test" });
    await allocate(hand, ids.A01, { locked: true, source: "hand" });
    await allocate(keep, ids.A06, { confirmed: true });
    await allocate(moved, ids.A05); // outside its zone, not locked: the run may move it
    const preview = await previewAllocation(getDb(), conferenceId, FAST);
    if (!preview.ok) throw new Error(preview.refusal.key);
    const result = await commitAllocation(getDb(), actor, conferenceId, preview.result.allocations);
    expect(result).toMatchObject({ ok: true, kept: 2, written: 1 });
    const now = await allocationsByCode();
    expect(now.A01).toBe(hand);
    expect(now.A06).toBe(keep);
    const movedTo = Object.entries(now).find(([, e]) => e === moved)![0];
    expect(["A02", "A03"]).toContain(movedTo);
    const rows = await getDb().selectFrom("booth_allocations").selectAll().where("exhibitor_id", "=", moved).execute();
    expect(rows).toMatchObject([{ source: "auto", locked: 0, allocated_by: actor.id }]);
    const mail = await getDb().selectFrom("outbox").selectAll().where("to_email", "=", "chuyen@example.test").execute();
    expect(mail).toHaveLength(1);
    expect(mail[0].body_text).toContain(movedTo);
    expect(mail[0].subject).toContain("Gian trưng bày");
    const audit = await getDb()
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "exhibition_allocation.commit")
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("refuses a stale preview when a booth was allocated by hand since, and writes nothing", async () => {
    const { conferenceId, ids } = await hallWith(ROW.slice(0, 2));
    const actor = await organiserActor();
    const one = await exhibitor({ name: "Một", zones: ["ocop"] });
    const two = await exhibitor({ name: "Hai", zones: ["ocop"] });
    const preview = await previewAllocation(getDb(), conferenceId, FAST);
    if (!preview.ok) throw new Error(preview.refusal.key);
    const proposed = preview.result.allocations.find((a) => a.exhibitor === `e${one}`)!.booths[0];
    const hand = await allocateByHand(getDb(), actor, { conferenceId, exhibitorId: two, boothIds: [ids[proposed]] });
    expect(hand.ok).toBe(true);
    const before = digest();
    const result = await commitAllocation(getDb(), actor, conferenceId, preview.result.allocations);
    expect(result).toMatchObject({
      ok: false,
      refusal: { kind: "conflict", key: "exhibition.allocation.errors.stale" },
    });
    expect(changedTables(before, digest())).toEqual([]);
  });
});

describe("allocation by hand", () => {
  it("gives two adjacent booths as a locked hand allocation, audited and mailed", async () => {
    const { conferenceId, ids } = await hallWith(ROW);
    const actor = await organiserActor();
    const e = await exhibitor({ name: "Hai gian", booths: 2, minArea: 18, email: "hai@example.test" });
    const result = await allocateByHand(getDb(), actor, { conferenceId, exhibitorId: e, boothIds: [ids.A03, ids.A02] });
    expect(result).toEqual({ ok: true, booths: ["A02", "A03"] });
    const rows = await getDb().selectFrom("booth_allocations").selectAll().where("exhibitor_id", "=", e).execute();
    expect(rows.map((r) => [r.locked, r.source])).toEqual([
      [1, "hand"],
      [1, "hand"],
    ]);
    expect(
      await getDb().selectFrom("outbox").select("id").where("to_email", "=", "hai@example.test").execute(),
    ).toHaveLength(1);
    expect(
      await getDb()
        .selectFrom("audit_log")
        .select("id")
        .where("action", "=", "exhibition_allocation.hand")
        .where("entity_id", "=", String(e))
        .execute(),
    ).toHaveLength(1);
  });

  it("refuses with the reason, writing nothing", async () => {
    const { conferenceId, ids } = await hallWith([...ROW, { code: "C01", x: 30, held: true }]);
    const actor = await organiserActor();
    const holder = await exhibitor({ name: "Chủ gian A01" });
    await allocate(holder, ids.A01, { locked: true, source: "hand" });
    const one = await exhibitor({ name: "Một gian", minArea: 10 });
    const two = await exhibitor({ name: "Hai gian", booths: 2 });
    const pending = await exhibitor({ name: "Chưa duyệt", status: "submitted" });
    const cases: [number, number[], string][] = [
      [pending, [ids.A02], "exhibition.allocation.errors.notApproved"],
      [holder, [ids.A02], "exhibition.allocation.errors.alreadyHas"],
      [two, [ids.A02], "exhibition.allocation.errors.needsTwo"],
      [two, [ids.A02, ids.A04], "exhibition.allocation.errors.notAdjacent"],
      [two, [ids.A01, ids.A02], "exhibition.allocation.errors.taken"],
      [one, [ids.A03], "exhibition.allocation.errors.tooSmall"],
      [one, [ids.C01], "exhibition.allocation.errors.held"],
    ];
    for (const [exhibitorId, boothIds, key] of cases) {
      const before = digest();
      const result = await allocateByHand(getDb(), actor, { conferenceId, exhibitorId, boothIds });
      expect(result, key).toMatchObject({ ok: false, refusal: { key } });
      expect(changedTables(before, digest())).toEqual([]);
    }
    const taken = await allocateByHand(getDb(), actor, {
      conferenceId,
      exhibitorId: two,
      boothIds: [ids.A01, ids.A02],
    });
    expect(taken).toMatchObject({ refusal: { kind: "conflict", params: { booth: "A01", exhibitor: "Chủ gian A01" } } });
  });

  it("lets exactly one of two organisers allocating the same booth at once win", async () => {
    const { inProcesses } = await import("../../helpers/processes");
    const { conferenceId, ids } = await hallWith(ROW);
    const actor = await organiserActor();
    const first = await exhibitor({ name: "Thứ nhất" });
    const second = await exhibitor({ name: "Thứ hai" });
    const answers = await inProcesses<Awaited<ReturnType<typeof allocateByHand>>>(
      2,
      // A module of the tests, by its path: the worker imports it as it is.
      { module: fileURLToPath(new URL("./allocation-worker.ts", import.meta.url)), fn: "allocateByHandHere" } as never,
      [
        [actor, { conferenceId, exhibitorId: first, boothIds: [ids.A04] }],
        [actor, { conferenceId, exhibitorId: second, boothIds: [ids.A04] }],
      ],
    );
    const results = answers.map((a) => (a.ok ? a.value : expect.fail(a.error)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, refusal: { kind: "conflict" } });
    const rows = await getDb().selectFrom("booth_allocations").selectAll().where("booth_id", "=", ids.A04).execute();
    expect(rows).toHaveLength(1);
  });
});

describe("the booth as the allocations' key", () => {
  it("refuses a second allocation of a booth in the database itself, which the models read as a conflict", async () => {
    const { ids } = await hallWith(ROW);
    const one = await exhibitor({ name: "Một" });
    const two = await exhibitor({ name: "Hai" });
    await allocate(one, ids.A01);
    const error = await allocate(two, ids.A01).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(isDoubleAllocation(error)).toBe(true);
    expect(isDoubleAllocation(new Error("FOREIGN KEY constraint failed"))).toBe(false);
  });
});

describe("release, lock, confirm", () => {
  it("locks, unlocks, confirms (which locks for good) and releases", async () => {
    const { conferenceId, ids } = await hallWith(ROW);
    const actor = await organiserActor();
    const e = await exhibitor({ name: "Đơn vị" });
    await allocate(e, ids.A02);
    const row = () =>
      getDb().selectFrom("booth_allocations").selectAll().where("exhibitor_id", "=", e).executeTakeFirst();
    expect(await changeAllocation(getDb(), actor, { conferenceId, exhibitorId: e, change: "lock" })).toEqual({
      ok: true,
    });
    expect((await row())!.locked).toBe(1);
    await changeAllocation(getDb(), actor, { conferenceId, exhibitorId: e, change: "unlock" });
    expect((await row())!.locked).toBe(0);
    await changeAllocation(getDb(), actor, { conferenceId, exhibitorId: e, change: "confirm" });
    expect(await row()).toMatchObject({ locked: 1, confirmed_at: expect.any(String) });
    expect(await changeAllocation(getDb(), actor, { conferenceId, exhibitorId: e, change: "unlock" })).toMatchObject({
      ok: false,
      refusal: { key: "exhibition.allocation.errors.confirmedStaysLocked" },
    });
    await changeAllocation(getDb(), actor, { conferenceId, exhibitorId: e, change: "release" });
    expect(await row()).toBeUndefined();
    expect(await changeAllocation(getDb(), actor, { conferenceId, exhibitorId: e, change: "release" })).toMatchObject({
      ok: false,
      refusal: { kind: "notFound" },
    });
  });
});
