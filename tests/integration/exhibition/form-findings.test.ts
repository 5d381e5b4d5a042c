import { beforeEach, describe, expect, it } from "vitest";
import { action as deskAction } from "~/routes/admin.exhibition._index";
import { action as planAction } from "~/routes/admin.exhibition.plan";
import { previewBoothImport } from "~/features/exhibition/plan/booth-import.server";
import { getDb } from "~/platform/db.server";
import { demoConference } from "../../helpers/factories";
import { call, jsonOf, signInAs } from "../../helpers/remix";
import { changedTables, digest } from "../../helpers/digest";
import { exhibitor, hallWith, resetExhibition, ROW } from "./allocation-data";

/**
 * Found by tests/integration/platform/forms-property.test.ts: each case is one of its findings,
 * kept here as a focused regression test.
 */
beforeEach(resetExhibition);

describe("the desk's allocation by hand", () => {
  it("answers a post without the exhibitor or booth field with translated keys beside them (not Zod's 'Required'), and writes nothing", async () => {
    await hallWith(ROW);
    await exhibitor({ name: "Một" });
    const cookie = await signInAs("organiser");
    const before = digest();
    const response = await call(deskAction, { path: "/admin/exhibition", cookie, form: { intent: "allocate" } });
    expect(response.status).toBe(400);
    expect(await jsonOf(response)).toMatchObject({
      errors: {
        exhibitorId: "exhibition.allocation.errors.pickExhibitor",
        booth1: "exhibition.allocation.errors.pickBooth",
      },
    });
    expect(changedTables(before, digest())).toEqual([]);
  });
});

describe("the plan editor on a hall with a fine grid", () => {
  const hallOf = async (cookie: string, grid: string) => {
    const response = await call(planAction, {
      path: "/admin/exhibition/plan",
      cookie,
      form: {
        intent: "saveHall",
        code: `G${grid.replace(/\D/g, "")}`,
        nameVi: "Nhà lưới",
        nameEn: "Grid hall",
        width: "20",
        depth: "10",
        grid,
        minAisle: "0",
      },
    });
    expect(response.status).toBe(200);
    return (await jsonOf<{ id: number }>(response)).id;
  };

  it("answers a booth too small to have an area (1 cm × 1 cm, or below the grid's millimetre) with a translated 400, not a 500", async () => {
    const cookie = await signInAs("organiser");
    for (const grid of ["0.01", "0.0001"]) {
      const hallId = await hallOf(cookie, grid);
      const before = digest();
      const response = await call(planAction, {
        path: "/admin/exhibition/plan",
        cookie,
        form: {
          intent: "saveBooth",
          hallId: String(hallId),
          code: `T${grid.length}`,
          zone: "ocop",
          type: "standard",
          x: "1",
          y: "1",
          w: grid,
          h: grid,
        },
      });
      expect(response.status, `grid ${grid}`).toBe(400);
      expect(await jsonOf(response)).toMatchObject({ errors: { w: "exhibition.plan.error.noArea" } });
      expect(changedTables(before, digest())).toEqual([]);
    }
  });

  it("flags such a row of a booth CSV file (the import checks a placement as the form does) instead of failing", async () => {
    const cookie = await signInAs("organiser");
    await hallOf(cookie, "0.01");
    const file =
      "Code,Hall,Zone,Type,X,Y,Width,Depth\r\nG1-01,G001,ocop,standard,1,1,0.01,0.01\r\nG1-02,G001,ocop,standard,3,1,2,2\r\n";
    const preview = await previewBoothImport(getDb(), (await demoConference()).id, new TextEncoder().encode(file));
    if (!preview.ok) throw new Error(preview.problem.key);
    expect(preview.rows.map((r) => r.errors.map((e) => e.key))).toEqual([["exhibition.plan.error.noArea"], []]);
  });

  it("answers an obstacle smaller than the millimetre it is stored to with a translated 400, not a 500", async () => {
    const cookie = await signInAs("organiser");
    const hallId = await hallOf(cookie, "0.5");
    for (const [w, h, field] of [
      ["0.0001", "1", "w"],
      ["1", "0,0004", "h"],
    ]) {
      const before = digest();
      const response = await call(planAction, {
        path: "/admin/exhibition/plan",
        cookie,
        form: {
          intent: "saveObstacle",
          hallId: String(hallId),
          kind: "aisle",
          x: "12,5",
          y: "0",
          w,
          h,
          label: "Lối đi",
        },
      });
      expect(response.status, `${w} × ${h}`).toBe(400);
      expect(await jsonOf(response)).toMatchObject({ errors: { [field]: "exhibition.plan.error.tooSmall" } });
      expect(changedTables(before, digest())).toEqual([]);
    }
  });

  it("answers a move that shrinks a booth to no area the same way", async () => {
    const cookie = await signInAs("organiser");
    const hallId = await hallOf(cookie, "0.01");
    const saved = await call(planAction, {
      path: "/admin/exhibition/plan",
      cookie,
      form: {
        intent: "saveBooth",
        hallId: String(hallId),
        code: "M1",
        zone: "ocop",
        type: "standard",
        x: "1",
        y: "1",
        w: "2",
        h: "2",
      },
    });
    expect(saved.status).toBe(200);
    const boothId = (await jsonOf<{ id: number }>(saved)).id;
    const before = digest();
    const moved = await call(planAction, {
      path: "/admin/exhibition/plan",
      cookie,
      form: { intent: "moveBooth", id: String(boothId), x: "1", y: "1", w: "0.01", h: "0.01" },
    });
    expect(moved.status).toBe(400);
    expect(await jsonOf(moved)).toMatchObject({ errors: { w: "exhibition.plan.error.noArea" } });
    expect(changedTables(before, digest())).toEqual([]);
  });
});
