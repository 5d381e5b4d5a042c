import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { action, loader } from "~/routes/admin.exhibition._index";
import { call, jsonOf, signInAs } from "../../helpers/remix";
import { changedTables, digest } from "../../helpers/digest";
import { allocate, allocationsByCode, exhibitor, hallWith, resetExhibition, ROW } from "./allocation-data";

type DeskData = {
  canEdit: boolean;
  desk: {
    boothCounts: Record<string, number>;
    applicationCounts: Record<string, number>;
    unallocated: { id: number }[];
  };
  preview: null | { placed: number; allocations: string; rows: { exhibitorId: number; lines: string[] }[] };
  messages: Record<string, string>;
};

beforeEach(resetExhibition);

describe("the exhibition desk", () => {
  it("shows organisers and secretariat the counts, refuses delegates and exhibitors", async () => {
    const { ids } = await hallWith([...ROW, { code: "C01", x: 30, held: true }]);
    const e = await exhibitor({ name: "Đơn vị" });
    await exhibitor({ name: "Đã nộp", status: "submitted" });
    await allocate(e, ids.A01, { confirmed: true });
    const organiser = await jsonOf<DeskData>(
      await call(loader, { path: "/admin/exhibition", cookie: await signInAs("organiser") }),
    );
    expect(organiser.canEdit).toBe(true);
    expect(organiser.desk.boothCounts).toEqual({ free: 5, held: 1, allocated: 0, confirmed: 1 });
    expect(organiser.desk.applicationCounts).toMatchObject({ approved: 1, submitted: 1, draft: 0 });
    expect(organiser.messages["exhibition.allocation.title"]).toBe("Điều phối triển lãm");
    const secretariat = await jsonOf<DeskData>(
      await call(loader, { path: "/admin/exhibition", cookie: await signInAs("secretariat") }),
    );
    expect(secretariat.canEdit).toBe(false);
    for (const key of ["delegate", "exhibitor"] as const)
      expect((await call(loader, { path: "/admin/exhibition", cookie: await signInAs(key) })).status).toBe(403);
    expect((await call(loader, { path: "/admin/exhibition" })).status).toBe(302);
  });

  it("previews on a GET, commits the posted preview, and says so once", async () => {
    await hallWith(ROW);
    const one = await exhibitor({ name: "Một", zones: ["handicrafts"] });
    const cookie = await signInAs("organiser");
    const before = digest({ ignore: ["auth_sessions"] });
    const page = await jsonOf<DeskData>(await call(loader, { path: "/admin/exhibition?preview=1", cookie }));
    expect(changedTables(before, digest({ ignore: ["auth_sessions"] }))).toEqual([]);
    expect(page.preview!.placed).toBe(1);
    expect(page.preview!.rows[0].exhibitorId).toBe(one);
    expect(page.preview!.rows[0].lines.join(" ")).toContain("Thủ công mỹ nghệ");
    const committed = await call(action, {
      path: "/admin/exhibition",
      cookie,
      form: { intent: "commit", allocations: page.preview!.allocations },
    });
    expect(committed.status).toBe(302);
    const booths = await allocationsByCode();
    expect(Object.values(booths)).toEqual([one]);
    expect(["A04", "A05", "A06"]).toContain(Object.keys(booths)[0]);
    const flash = committed.headers.get("Set-Cookie")!.split(";")[0];
    const after = await jsonOf<{ done: { done: string } }>(
      await call(loader, { path: "/admin/exhibition", cookie: `${cookie}; ${flash}` }),
    );
    expect(after.done).toMatchObject({ done: "committed" });
  });

  it("says on the page why the allocator cannot run (a locked pair no longer adjacent)", async () => {
    const { ids } = await hallWith(ROW);
    const e = await exhibitor({ name: "Hai gian", booths: 2 });
    await allocate(e, ids.A01, { locked: true, source: "hand" });
    await allocate(e, ids.A04, { locked: true, source: "hand" });
    const page = await jsonOf<DeskData & { previewError: { key: string; params: { detail: string } } }>(
      await call(loader, { path: "/admin/exhibition?preview=1", cookie: await signInAs("organiser") }),
    );
    expect(page.preview).toBeNull();
    expect(page.previewError).toMatchObject({ key: "exhibition.allocation.errors.badInstance" });
    expect(page.previewError.params.detail).toContain("not adjacent");
  });

  it("the secretariat may not preview or act", async () => {
    await hallWith(ROW);
    const e = await exhibitor({ name: "Một" });
    const cookie = await signInAs("secretariat");
    const page = await jsonOf<DeskData>(await call(loader, { path: "/admin/exhibition?preview=1", cookie }));
    expect(page.preview).toBeNull();
    const response = await call(action, {
      path: "/admin/exhibition",
      cookie,
      form: { intent: "allocate", exhibitorId: String(e), booth1: "A01" },
    });
    expect(response.status).toBe(403);
    expect(await allocationsByCode()).toEqual({});
  });

  it("allocates by hand from typed codes, and answers a refusal beside the field with what was typed", async () => {
    const { ids } = await hallWith(ROW);
    const holder = await exhibitor({ name: "Chủ gian" });
    await allocate(holder, ids.A02, { locked: true, source: "hand" });
    const e = await exhibitor({ name: "Hai gian", booths: 2 });
    const cookie = await signInAs("organiser");
    const refused = await call(action, {
      path: "/admin/exhibition",
      cookie,
      form: { intent: "allocate", exhibitorId: String(e), booth1: "a01", booth2: "A02" },
    });
    expect(refused.status).toBe(409);
    expect(await jsonOf(refused)).toMatchObject({
      errors: { booth1: "exhibition.allocation.errors.taken" },
      params: { booth: "A02", exhibitor: "Chủ gian" },
      values: { booth1: "a01", booth2: "A02" },
    });
    const unknown = await call(action, {
      path: "/admin/exhibition",
      cookie,
      form: { intent: "allocate", exhibitorId: String(e), booth1: "Z99" },
    });
    expect(unknown.status).toBe(400);
    expect(await jsonOf(unknown)).toMatchObject({ errors: { booth1: "exhibition.allocation.errors.unknownBooth" } });
    const empty = await call(action, {
      path: "/admin/exhibition",
      cookie,
      form: { intent: "allocate", exhibitorId: "", booth1: "" },
    });
    expect(await jsonOf(empty)).toMatchObject({
      errors: {
        exhibitorId: "exhibition.allocation.errors.pickExhibitor",
        booth1: "exhibition.allocation.errors.pickBooth",
      },
    });
    const done = await call(action, {
      path: "/admin/exhibition",
      cookie,
      form: { intent: "allocate", exhibitorId: String(e), booth1: "a03", booth2: "a04" },
    });
    expect(done.status).toBe(302);
    expect(await allocationsByCode()).toEqual({ A02: holder, A03: e, A04: e });
  });

  it("locks, releases and saves the settings; a bad preview or an unknown intent is a 400", async () => {
    const { ids, conferenceId } = await hallWith(ROW);
    const e = await exhibitor({ name: "Một" });
    await allocate(e, ids.A01);
    const cookie = await signInAs("organiser");
    expect(
      (await call(action, { path: "/admin/exhibition", cookie, form: { intent: "lock", exhibitorId: String(e) } }))
        .status,
    ).toBe(302);
    expect((await getDb().selectFrom("booth_allocations").select("locked").executeTakeFirstOrThrow()).locked).toBe(1);
    expect(
      (await call(action, { path: "/admin/exhibition", cookie, form: { intent: "release", exhibitorId: String(e) } }))
        .status,
    ).toBe(302);
    expect(await allocationsByCode()).toEqual({});
    const settings = await call(action, {
      path: "/admin/exhibition",
      cookie,
      form: { intent: "settings", published: "on", applicationsCloseAt: "2026-12-10T17:00" },
    });
    expect(settings.status).toBe(302);
    expect(
      await getDb()
        .selectFrom("exhibition_settings")
        .selectAll()
        .where("conference_id", "=", conferenceId)
        .executeTakeFirstOrThrow(),
    ).toMatchObject({
      published: 1,
      applications_close_at: "2026-12-10T10:00:00.000Z",
    });
    const badDate = await call(action, {
      path: "/admin/exhibition",
      cookie,
      form: { intent: "settings", applicationsCloseAt: "tomorrow" },
    });
    expect(badDate.status).toBe(400);
    const bad = await call(action, {
      path: "/admin/exhibition",
      cookie,
      form: { intent: "commit", allocations: "[{" },
    });
    expect(bad.status).toBe(400);
    expect(await jsonOf(bad)).toMatchObject({ errors: { "": "exhibition.allocation.errors.badPreview" } });
    expect((await call(action, { path: "/admin/exhibition", cookie, form: { intent: "explode" } })).status).toBe(400);
  });
});
