import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { action, loader } from "~/routes/admin.exhibition.plan";
import { demoConference } from "../../helpers/factories";
import { call, jsonOf, signInAs } from "../../helpers/remix";

const PATH = "/admin/exhibition/plan";
let organiser = "";
let hallId = 0;

beforeAll(async () => {
  await demoConference();
  organiser = await signInAs("organiser");
  const hall = await call(action, {
    path: PATH,
    cookie: organiser,
    form: {
      intent: "saveHall",
      code: "ZP",
      nameVi: "Nhà trang",
      nameEn: "Page hall",
      width: "30",
      depth: "20",
      grid: "1",
      minAisle: "3",
    },
  });
  expect(hall.status).toBe(200);
  hallId = (await jsonOf<{ id: number }>(hall)).id;
});

const booth = (over: Record<string, string> = {}) => ({
  intent: "saveBooth",
  hallId: String(hallId),
  code: "ZP-01",
  zone: "ocop",
  type: "standard",
  x: "2",
  y: "2",
  w: "3",
  h: "3",
  ...over,
});

describe("the plan editor page", () => {
  it("shows organisers the hall with its warnings and a suggested code", async () => {
    await call(action, { path: PATH, cookie: organiser, form: booth({ code: "ZP-01", x: "1" }) });
    const data = await jsonOf<{
      canEdit: boolean;
      hall: { code: string };
      suggestedCode: string;
      warnings: { key: string; boothIds: number[] }[];
    }>(await call(loader, { path: `${PATH}?hall=${hallId}`, cookie: organiser }));
    expect(data.canEdit).toBe(true);
    expect(data.hall.code).toBe("ZP");
    expect(data.suggestedCode).toBe("ZP-02");
    // 1 m from the wall.
    expect(data.warnings.map((w) => w.key)).toContain("exhibition.plan.warning.gapToWall");
  });

  it("lets the secretariat see the plan read-only and refuses its changes; delegates may not see it", async () => {
    const secretariat = await signInAs("secretariat");
    const page = await call(loader, { path: PATH, cookie: secretariat });
    expect(page.status).toBe(200);
    expect((await jsonOf<{ canEdit: boolean }>(page)).canEdit).toBe(false);
    expect((await call(action, { path: PATH, cookie: secretariat, form: booth({ code: "ZP-99" }) })).status).toBe(403);
    const delegate = await signInAs("delegate");
    expect((await call(loader, { path: PATH, cookie: delegate })).status).toBe(403);
    expect((await call(loader, { path: PATH })).status).toBe(302);
  });

  it("answers a form's errors beside their fields, keeping what was typed", async () => {
    const response = await call(action, { path: PATH, cookie: organiser, form: booth({ code: "", w: "abc" }) });
    expect(response.status).toBe(400);
    const data = await jsonOf<{ errors: Record<string, string>; values: Record<string, string> }>(response);
    expect(data.errors).toMatchObject({ code: "errors.required", w: "exhibition.plan.error.number" });
    expect(data.values.w).toBe("abc");
  });

  it("moves a booth through the fetcher's intent, and answers a refused move with its reason", async () => {
    await call(action, { path: PATH, cookie: organiser, form: booth({ code: "ZP-10", x: "10", y: "10" }) });
    await call(action, { path: PATH, cookie: organiser, form: booth({ code: "ZP-11", x: "14", y: "10" }) });
    const id = (await getDb().selectFrom("booths").select("id").where("code", "=", "ZP-10").executeTakeFirstOrThrow())
      .id;
    const refused = await call(action, {
      path: PATH,
      cookie: organiser,
      form: { intent: "moveBooth", id: String(id), x: "12", y: "10", w: "3", h: "3" },
    });
    expect(refused.status).toBe(409);
    expect(await jsonOf(refused)).toMatchObject({
      errors: { x: "exhibition.plan.error.overlap" },
      params: { code: "ZP-11" },
    });
    const moved = await call(action, {
      path: PATH,
      cookie: organiser,
      form: { intent: "moveBooth", id: String(id), x: "10", y: "5", w: "3", h: "3" },
    });
    expect(await jsonOf(moved)).toMatchObject({ moved: { id, code: "ZP-10", x: 10, y: 5, w: 3, h: 3 } });
    const deleted = await call(action, {
      path: PATH,
      cookie: organiser,
      form: { intent: "deleteBooth", id: String(id) },
    });
    expect(await jsonOf(deleted)).toMatchObject({ deleted: "ZP-10" });
  });

  it("answers an unknown intent with 400", async () => {
    expect((await call(action, { path: PATH, cookie: organiser, form: { intent: "explode" } })).status).toBe(400);
  });
});
