import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { loadCatalogue, provincesWithExhibitors } from "~/features/exhibition/catalogue/catalogue.server";
import { filterCatalogue } from "~/features/exhibition/catalogue/search";
import { loader as catalogueLoader } from "~/routes/exhibition._index";
import { loader as exhibitorLoader } from "~/routes/exhibition.exhibitors.$id";
import { loader as organisationsLoader } from "~/routes/organisations";
import { demoConference } from "../../helpers/factories";
import { call, jsonOf, signInAs } from "../../helpers/remix";

type CatalogueData = {
  conference: boolean;
  published: boolean;
  entries: Array<{ id: number; name_vi: string; province: { id: number } | null; booths: Array<{ code: string }> }>;
  plan: { booths: Array<{ code: string; exhibitor: { id: number } | null }> };
  province: { id: number; name_vi: string } | null;
  params: { q: string; booth: string; province: string; zone: string };
};

async function setPublished(published: 0 | 1) {
  const conference = await demoConference();
  await getDb()
    .updateTable("exhibition_settings")
    .set({ published })
    .where("conference_id", "=", conference.id)
    .execute();
}

async function exhibitorNamed(name: string) {
  return getDb().selectFrom("exhibitors").selectAll().where("name_vi", "=", name).executeTakeFirstOrThrow();
}

beforeEach(() => setPublished(0));

describe("the visitors' catalogue", () => {
  it("lists approved exhibitors only, and names only theirs on the plan", async () => {
    const conference = await demoConference();
    const entries = await loadCatalogue(getDb(), conference.id);
    const approved = await getDb()
      .selectFrom("exhibitors")
      .select("id")
      .where("conference_id", "=", conference.id)
      .where("status", "=", "approved")
      .execute();
    expect(entries.map((e) => e.id).sort()).toEqual(approved.map((e) => e.id).sort());
    const submitted = await exhibitorNamed("Hợp tác xã Nông sản Lục Ngạn");
    expect(entries.some((e) => e.id === submitted.id)).toBe(false);
    // An allocated exhibitor whose application is withdrawn afterwards disappears from the plan too.
    const bacGiang = await exhibitorNamed("Trung tâm Xúc tiến Thương mại tỉnh Bắc Giang");
    await getDb().updateTable("exhibitors").set({ status: "withdrawn" }).where("id", "=", bacGiang.id).execute();
    try {
      const cookie = await signInAs("delegate");
      const data = await jsonOf<CatalogueData>(await call(catalogueLoader, { path: "/exhibition", cookie }));
      expect(data.entries.some((e) => e.id === bacGiang.id)).toBe(false);
      expect(data.plan.booths.find((b) => b.code === "A101")?.exhibitor).toBeNull();
      expect(data.plan.booths.find((b) => b.code === "A201")?.exhibitor).not.toBeNull();
    } finally {
      await getDb().updateTable("exhibitors").set({ status: "approved" }).where("id", "=", bacGiang.id).execute();
    }
  });

  it("finds products without diacritics, in either language, by province or booth code", async () => {
    const conference = await demoConference();
    const entries = await loadCatalogue(getDb(), conference.id);
    const names = (q: string) => filterCatalogue(entries, { q }).matches.map((m) => m.entry.name_vi);
    expect(names("vai thieu")).toEqual(
      expect.arrayContaining(["Trung tâm Xúc tiến Thương mại tỉnh Bắc Giang", "Hợp tác xã Vải thiều Thanh Hà"]),
    );
    expect(names("vai thieu")).not.toContain("Hợp tác xã Nông sản Lục Ngạn");
    expect(names("VẢI THIỀU")).toEqual(names("vai thieu"));
    expect(names("lychee")).toEqual(names("vai thieu"));
    expect(names("ca phe")).toEqual(expect.arrayContaining(["Công ty TNHH Cà phê Buôn Ma Thuột"]));
    expect(names("gom su")).toEqual(["Hợp tác xã Gốm sứ Bát Tràng"]);
    expect(names("a201")).toEqual(["Hợp tác xã Gốm sứ Bát Tràng"]);
    expect(names("thua thien hue").length).toBe(3);
    // The category's names are searched too ("Trái cây" is fruit).
    expect(names("trai cay").length).toBeGreaterThanOrEqual(4);
    expect(names("khong co san pham nay")).toEqual([]);
    const lychee = filterCatalogue(entries, { q: "vai thieu" });
    const bacGiang = lychee.matches.find((m) => m.entry.name_vi.includes("Bắc Giang"))!;
    expect(lychee.boothIds).toEqual(expect.arrayContaining(bacGiang.entry.booths.map((b) => b.id)));
    expect(bacGiang.entry.booths.map((b) => b.code)).toEqual(["A101", "A102"]);
  });

  it("answers the GET search on the page, with the booth's and province's filters", async () => {
    const cookie = await signInAs("delegate");
    const data = await jsonOf<CatalogueData>(await call(catalogueLoader, { path: "/exhibition?q=vai+thieu", cookie }));
    expect(data.params.q).toBe("vai thieu");
    const found = filterCatalogue(data.entries as never, { q: data.params.q });
    expect(found.matches.length).toBeGreaterThanOrEqual(2);
    const bacGiang = await getDb()
      .selectFrom("organisations")
      .select("id")
      .where("code", "=", "prov-bac-giang")
      .executeTakeFirstOrThrow();
    const byProvince = await jsonOf<CatalogueData>(
      await call(catalogueLoader, { path: `/exhibition?province=${bacGiang.id}`, cookie }),
    );
    expect(byProvince.province?.name_vi).toBe("Bắc Giang");
    const ofProvince = filterCatalogue(byProvince.entries as never, { province: bacGiang.id });
    expect(ofProvince.matches.map((m) => m.entry.name_vi)).toEqual(["Trung tâm Xúc tiến Thương mại tỉnh Bắc Giang"]);
    expect(ofProvince.boothIds).toHaveLength(2);
    // A province id that is not a province, a bad zone and an unknown booth are ignored.
    const ministry = await getDb()
      .selectFrom("organisations")
      .select("id")
      .where("kind", "=", "ministry")
      .executeTakeFirstOrThrow();
    const odd = await jsonOf<CatalogueData>(
      await call(catalogueLoader, { path: `/exhibition?province=${ministry.id}&zone=moon&booth=Z99`, cookie }),
    );
    expect([odd.province, odd.params.zone, odd.params.booth]).toEqual([null, "", ""]);
    const booth = await jsonOf<CatalogueData>(await call(catalogueLoader, { path: "/exhibition?booth=a201", cookie }));
    expect(booth.params.booth).toBe("A201");
    const counts = await provincesWithExhibitors(getDb(), (await demoConference()).id);
    expect(counts.get(bacGiang.id)).toBe(1);
  });

  it("is for signed-in people until published, then for the public too", async () => {
    const hidden = await call(catalogueLoader, { path: "/exhibition?q=vai" });
    expect(hidden.status).toBe(302);
    expect(hidden.headers.get("Location")).toBe(`/login?${new URLSearchParams({ redirectTo: "/exhibition?q=vai" })}`);
    for (const key of ["delegate", "exhibitor", "secretariat", "organiser"] as const) {
      const response = await call(catalogueLoader, { path: "/exhibition", cookie: await signInAs(key) });
      expect(response.status, key).toBe(200);
    }
    await setPublished(1);
    const visitor = await call(catalogueLoader, { path: "/exhibition" });
    expect(visitor.status).toBe(200);
    const data = await jsonOf<CatalogueData>(visitor);
    expect(data.published).toBe(true);
    expect(data.entries.length).toBeGreaterThan(10);
  });
});

describe("a province on /organisations", () => {
  it("links to its booths when it has approved exhibitors, in the reader's language", async () => {
    const cookie = await signInAs("delegate");
    const data = await jsonOf<{ exhibitionLinks: Record<string, string> }>(
      await call(organisationsLoader, { path: "/organisations?q=giang", cookie }),
    );
    const orgs = await getDb()
      .selectFrom("organisations")
      .select(["id", "code"])
      .where("code", "in", ["prov-bac-giang", "prov-ha-giang", "prov-kien-giang"])
      .execute();
    const id = (code: string) => String(orgs.find((o) => o.code === code)!.id);
    expect(data.exhibitionLinks[id("prov-bac-giang")]).toBe("Triển lãm: 1 đơn vị trưng bày");
    expect(data.exhibitionLinks[id("prov-ha-giang")]).toBe("Triển lãm: 1 đơn vị trưng bày");
    // Kiên Giang has no exhibitor: no link.
    expect(data.exhibitionLinks[id("prov-kien-giang")]).toBeUndefined();
  });
});

describe("an exhibitor's page", () => {
  const open = (id: number, cookie?: string) =>
    call(exhibitorLoader, { path: `/exhibition/exhibitors/${id}`, params: { id: String(id) }, cookie });

  it("shows an approved exhibitor with its booths, products and province to signed-in people", async () => {
    const e = await exhibitorNamed("Trung tâm Xúc tiến Thương mại tỉnh Bắc Giang");
    const response = await open(e.id, await signInAs("delegate"));
    expect(response.status).toBe(200);
    const data = await jsonOf<{
      page: {
        exhibitor: Record<string, unknown>;
        booths: Array<{ code: string }>;
        products: Array<{ name_vi: string; description_en: string }>;
        inCatalogue: boolean;
      };
    }>(response);
    expect(data.page.inCatalogue).toBe(true);
    expect(data.page.booths.map((b) => b.code)).toEqual(["A101", "A102"]);
    expect(data.page.products[0]).toMatchObject({ name_vi: "Vải thiều Lục Ngạn" });
    expect(data.page.exhibitor.province_vi).toBe("Bắc Giang");
    expect(data.page.exhibitor).not.toHaveProperty("user_id");
  });

  it("lists its photos, by product, for the photo route to serve", async () => {
    const e = await exhibitorNamed("Hợp tác xã Gốm sứ Bát Tràng");
    const product = await getDb()
      .selectFrom("exhibitor_products")
      .select("id")
      .where("exhibitor_id", "=", e.id)
      .orderBy("position")
      .executeTakeFirstOrThrow();
    const photo = await getDb()
      .insertInto("exhibitor_photos")
      .values({
        exhibitor_id: e.id,
        product_id: product.id,
        storage_key: "catalogue-test-photo",
        content_type: "image/jpeg",
        width: 800,
        height: 600,
        bytes: 1000,
        caption: "Bình gốm men lam",
        uploaded_by: null,
        created_at: "2026-11-01T00:00:00.000Z",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    try {
      const data = await jsonOf<{ page: { photos: Array<{ id: number; product_id: number; caption: string }> } }>(
        await open(e.id, await signInAs("delegate")),
      );
      expect(data.page.photos).toEqual([
        expect.objectContaining({ id: photo.id, product_id: product.id, caption: "Bình gốm men lam" }),
      ]);
    } finally {
      await getDb().deleteFrom("exhibitor_photos").where("id", "=", photo.id).execute();
    }
  });

  it("answers 404 for an application not approved, except to its owner and staff", async () => {
    const own = await exhibitorNamed("Hợp tác xã Nông sản Lục Ngạn");
    expect(own.status).toBe("submitted");
    expect((await open(own.id, await signInAs("delegate"))).status).toBe(404);
    expect((await open(own.id)).status).toBe(404);
    await setPublished(1);
    expect((await open(own.id)).status).toBe(404);
    const mine = await open(own.id, await signInAs("exhibitor"));
    expect(mine.status).toBe(200);
    expect((await jsonOf<{ page: { inCatalogue: boolean } }>(mine)).page.inCatalogue).toBe(false);
    expect((await open(own.id, await signInAs("organiser"))).status).toBe(200);
    expect((await open(own.id, await signInAs("secretariat"))).status).toBe(200);
    const rejected = await exhibitorNamed("Công ty Cổ phần Yến sào Nha Trang");
    expect((await open(rejected.id, await signInAs("exhibitor"))).status).toBe(404);
    expect((await open(987654, await signInAs("organiser"))).status).toBe(404);
  });

  it("sends a visitor to sign in before publication, and shows the page after", async () => {
    const e = await exhibitorNamed("Hợp tác xã Gốm sứ Bát Tràng");
    const before = await open(e.id);
    expect(before.status).toBe(302);
    expect(before.headers.get("Location")).toContain("/login?redirectTo=");
    await setPublished(1);
    expect((await open(e.id)).status).toBe(200);
  });
});
