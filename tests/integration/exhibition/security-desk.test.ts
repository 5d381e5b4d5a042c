import { beforeEach, describe, expect, it } from "vitest";
import { getDb, nowIso } from "~/platform/db.server";
import { action, loader } from "~/routes/admin.exhibition._index";
import { call, jsonOf, signInAs } from "../../helpers/remix";
import { changedTables, digest } from "../../helpers/digest";
import { demoConference } from "../../helpers/factories";
import { allocate, allocationsByCode, exhibitor, hallWith, resetExhibition, ROW } from "./allocation-data";

/**
 * The organisers' desk under forged posts: a commit's allocations are the browser's to send, so the
 * server must check them all again (booths twice, held, too small, apart, unknown, an exhibitor not
 * approved, a lock dropped, thousands of entries) and write nothing when one is wrong; hand
 * allocation names only this conference's free booths.
 */
beforeEach(resetExhibition);

const commit = async (cookie: string, allocations: unknown) =>
  call(action, {
    path: "/admin/exhibition",
    cookie,
    form: {
      intent: "commit",
      allocations: typeof allocations === "string" ? allocations : JSON.stringify(allocations),
    },
  });

describe("a forged commit is refused whole", () => {
  it("writes nothing for any allocation the hard rules refuse, whatever the browser sent", async () => {
    const { ids } = await hallWith([...ROW, { code: "C01", x: 30, held: true }]);
    const one = await exhibitor({ name: "Một gian" });
    const big = await exhibitor({ name: "Cần 12 m²", minArea: 12 });
    const pair = await exhibitor({ name: "Hai gian", booths: 2 });
    const kept = await exhibitor({ name: "Đã khoá" });
    const pending = await exhibitor({ name: "Chưa duyệt", status: "submitted" });
    const rejected = await exhibitor({ name: "Bị từ chối", status: "rejected" });
    await allocate(kept, ids.A06, { locked: true, source: "hand" });
    const cookie = await signInAs("organiser");
    const e = (id: number) => `e${id}`;
    const lock = { exhibitor: e(kept), booths: ["A06"] };
    // A valid commit, for reference: it passes (checked at the end).
    const valid = [{ exhibitor: e(one), booths: ["A01"] }, { exhibitor: e(pair), booths: ["A02", "A03"] }, lock];
    const forged: [string, unknown][] = [
      [
        "one booth twice",
        [{ exhibitor: e(one), booths: ["A01"] }, { exhibitor: e(pair), booths: ["A01", "A02"] }, lock],
      ],
      ["the same booth twice to one", [{ exhibitor: e(pair), booths: ["A02", "A02"] }, lock]],
      ["a held booth", [{ exhibitor: e(one), booths: ["C01"] }, lock]],
      ["the locked exhibitor's booth", [{ exhibitor: e(one), booths: ["A06"] }, lock]],
      ["a lock dropped", [{ exhibitor: e(one), booths: ["A01"] }]],
      ["a lock moved", [{ exhibitor: e(kept), booths: ["A05"] }]],
      ["too small", [{ exhibitor: e(big), booths: ["A01"] }, lock]],
      ["two booths apart", [{ exhibitor: e(pair), booths: ["A01", "A04"] }, lock]],
      ["one booth for a pair", [{ exhibitor: e(pair), booths: ["A01"] }, lock]],
      ["an unknown code", [{ exhibitor: e(one), booths: ["Z99"] }, lock]],
      ["a code in another case", [{ exhibitor: e(one), booths: ["a01"] }, lock]],
      ["an application not approved", [{ exhibitor: e(pending), booths: ["A01"] }, lock]],
      ["a rejected application", [{ exhibitor: e(rejected), booths: ["A01"] }, lock]],
      ["an unknown exhibitor", [{ exhibitor: "e999999", booths: ["A01"] }, lock]],
      ["one exhibitor twice", [{ exhibitor: e(one), booths: ["A01"] }, { exhibitor: e(one), booths: ["A02"] }, lock]],
      [
        "thousands of entries",
        [lock, ...Array.from({ length: 5000 }, (_, i) => ({ exhibitor: e(one), booths: [`A0${(i % 5) + 1}`] }))],
      ],
    ];
    const malformed: [string, unknown][] = [
      ["not JSON", "[{"],
      ["not a list", { exhibitor: e(one), booths: ["A01"] }],
      ["three booths", [{ exhibitor: e(pair), booths: ["A01", "A02", "A03"] }, lock]],
      ["no booth", [{ exhibitor: e(one), booths: [] }, lock]],
      ["an id, not a key", [{ exhibitor: String(one), booths: ["A01"] }, lock]],
      ["a key of more", [{ exhibitor: e(one), booths: ["A01"], locked: true }, lock]],
      ["a number for a code", [{ exhibitor: e(one), booths: [1] }, lock]],
    ];
    const before = digest({ ignore: ["auth_sessions"] });
    for (const [what, allocations] of forged) {
      const response = await commit(cookie, allocations);
      expect(response.status, what).toBe(409);
      expect(await jsonOf(response), what).toMatchObject({ errors: { "": "exhibition.allocation.errors.stale" } });
    }
    for (const [what, allocations] of malformed) {
      const response = await commit(cookie, allocations);
      expect(response.status, what).toBe(400);
      expect(await jsonOf(response), what).toMatchObject({ errors: { "": "exhibition.allocation.errors.badPreview" } });
    }
    expect(changedTables(before, digest({ ignore: ["auth_sessions"] }))).toEqual([]);
    expect((await commit(cookie, valid)).status).toBe(302);
    expect(await allocationsByCode()).toEqual({ A01: one, A02: pair, A03: pair, A06: kept });
  });

  it("is the organisers' alone: the secretariat, exhibitors and delegates may not commit", async () => {
    await hallWith(ROW);
    const one = await exhibitor({ name: "Một gian" });
    const cookies = await Promise.all((["secretariat", "exhibitor", "delegate"] as const).map(signInAs));
    const before = digest({ ignore: ["auth_sessions"] });
    for (const cookie of cookies)
      expect((await commit(cookie, [{ exhibitor: `e${one}`, booths: ["A01"] }])).status).toBe(403);
    expect((await commit("", [{ exhibitor: `e${one}`, booths: ["A01"] }])).status).toBe(302);
    expect(changedTables(before, digest({ ignore: ["auth_sessions"] }))).toEqual([]);
  });
});

describe("hand allocation under forged posts", () => {
  it("refuses a held booth, a booth of another conference's hall and an application not approved", async () => {
    const { ids } = await hallWith([...ROW, { code: "C01", x: 30, held: true }]);
    const one = await exhibitor({ name: "Một gian" });
    const pending = await exhibitor({ name: "Chưa duyệt", status: "submitted" });
    // Last year's conference, with a hall and a booth Z01 of its own.
    const db = getDb();
    const current = await demoConference();
    const { id: _id, ...rest } = current;
    const at = nowIso();
    const older = await db
      .insertInto("conferences")
      .values({ ...rest, edition: current.edition - 1, created_at: at, updated_at: at })
      .returning("id")
      .executeTakeFirstOrThrow();
    const hall = await db
      .insertInto("exhibition_halls")
      .values({
        conference_id: older.id,
        code: "Z",
        name_vi: "Nhà Z",
        name_en: "Hall Z",
        width_m: 20,
        depth_m: 20,
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const foreign = await db
      .insertInto("booths")
      .values({
        conference_id: older.id,
        hall_id: hall.id,
        code: "Z01",
        zone: "ocop",
        type: "standard",
        x: 0,
        y: 0,
        w: 3,
        h: 3,
        area: 9,
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const cookie = await signInAs("organiser");
    const hand = (form: Record<string, string>) =>
      call(action, { path: "/admin/exhibition", cookie, form: { intent: "allocate", ...form } });
    const before = digest({ ignore: ["auth_sessions"] });

    const held = await hand({ exhibitorId: String(one), booth1: "C01" });
    expect(held.status).toBe(409);
    expect(await jsonOf(held)).toMatchObject({ errors: { booth1: "exhibition.allocation.errors.held" } });
    const elsewhere = await hand({ exhibitorId: String(one), booth1: "Z01" });
    expect(elsewhere.status).toBe(400);
    expect(await jsonOf(elsewhere)).toMatchObject({ errors: { booth1: "exhibition.allocation.errors.unknownBooth" } });
    const notApproved = await hand({ exhibitorId: String(pending), booth1: "A01" });
    expect(notApproved.status).toBe(400);
    expect(await jsonOf(notApproved)).toMatchObject({
      errors: { exhibitorId: "exhibition.allocation.errors.notApproved" },
    });
    const unknown = await hand({ exhibitorId: "99999999999999999999", booth1: "A01" });
    expect(unknown.status).toBe(404);
    expect(changedTables(before, digest({ ignore: ["auth_sessions"] }))).toEqual([]);
    expect(await allocationsByCode()).toEqual({});
    // The foreign booth stays free in its own conference.
    expect(
      await db.selectFrom("booth_allocations").select("booth_id").where("booth_id", "=", foreign.id).execute(),
    ).toEqual([]);
    expect(ids.C01).toBeGreaterThan(0);
  });
});

describe("the desk's page", () => {
  it("runs no preview for the secretariat (a GET that costs the allocator's time)", async () => {
    await hallWith(ROW);
    await exhibitor({ name: "Một gian" });
    const page = await jsonOf<{ preview: unknown; canEdit: boolean }>(
      await call(loader, { path: "/admin/exhibition?preview=1", cookie: await signInAs("secretariat") }),
    );
    expect(page).toMatchObject({ preview: null, canEdit: false });
  });
});
