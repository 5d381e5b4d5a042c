import { describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { listOrganisations } from "~/features/people/organisations.server";
import * as organisations from "~/routes/organisations";
import { call, jsonOf, signInAs } from "../../helpers/remix";

describe("organisations (seeded reference data)", () => {
  it("holds the 63 provinces of 2021, the ministries and the missions abroad", async () => {
    const { countsByKind } = await listOrganisations({});
    expect(countsByKind.province).toBe(63);
    expect(countsByKind.ministry).toBeGreaterThanOrEqual(25);
    expect(countsByKind.mission).toBeGreaterThanOrEqual(85);
    expect(countsByKind.mission).toBeLessThanOrEqual(110);
    const tokyo = await getDb()
      .selectFrom("organisations")
      .selectAll()
      .where("code", "=", "mis-emb-jp")
      .executeTakeFirstOrThrow();
    expect(tokyo).toMatchObject({
      kind: "mission",
      mission_type: "embassy",
      country_code: "JP",
      time_zone: "Asia/Tokyo",
    });
  });

  it("finds 'Hà Nội' by typing 'ha noi', in any case", async () => {
    for (const q of ["ha noi", "HA NOI", "Hà Nội"]) {
      const { rows } = await listOrganisations({ q, kind: "province" });
      expect(rows.map((r) => r.name_vi)).toEqual(["Hà Nội"]);
    }
    const { rows } = await listOrganisations({ q: "nhat ban" });
    expect(rows.some((r) => r.code === "mis-emb-jp")).toBe(true);
    const { rows: byEnglish } = await listOrganisations({ q: "foreign affairs" });
    expect(byEnglish.some((r) => r.code === "min-ngoai-giao")).toBe(true);
  });

  it("filters by kind and paginates through the route for any signed-in person", async () => {
    const cookie = await signInAs("exhibitor");
    const res = await call(organisations.loader, { path: "/organisations?kind=province&page=2", cookie });
    const body = await jsonOf<{ rows: Array<{ kind: string }>; total: number; page: number }>(res);
    expect(body.total).toBe(63);
    expect(body.page).toBe(2);
    expect(body.rows).toHaveLength(13);
    expect(body.rows.every((r) => r.kind === "province")).toBe(true);
    const odd = await call(organisations.loader, { path: "/organisations?kind=planet&page=-4&q=%25", cookie });
    expect(odd.status).toBe(200);
  });

  it("keeps the directory from visitors", async () => {
    const res = await call(organisations.loader, { path: "/organisations" });
    expect(res.status).toBe(302);
  });
});
