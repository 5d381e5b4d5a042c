import { beforeEach, describe, expect, it } from "vitest";
import { decodeCsvBytes, parseCsv } from "~/lib/csv";
import { getDb, nowIso } from "~/platform/db.server";
import { catalogueData } from "~/features/exhibition/allocation/prints.server";
import { loader as catalogueLoader } from "~/routes/exhibition.catalogue[.]pdf";
import { loader as signsLoader } from "~/routes/admin.exhibition.signs[.]pdf";
import { loader as csvLoader } from "~/routes/admin.exhibition.exhibitors[.]csv";
import { call, signInAs } from "../../helpers/remix";
import { allocate, exhibitor, hallWith, resetExhibition, ROW } from "./allocation-data";

const pageCount = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

beforeEach(resetExhibition);

/** Three approved exhibitors, two with booths (one of them two booths), one product each; one draft. */
async function exhibition() {
  const { conferenceId, ids } = await hallWith(ROW);
  const lychee = await exhibitor({
    name: "Hợp tác xã Vải thiều Lục Ngạn",
    province: "prov-bac-giang",
    zones: ["ocop"],
  });
  const silk = await exhibitor({
    name: "Làng lụa Vạn Phúc",
    province: "prov-ha-noi",
    booths: 2,
    zones: ["handicrafts"],
  });
  const waiting = await exhibitor({ name: "Ấm chè Thái Nguyên", zones: ["ocop"] });
  await exhibitor({ name: "Bản nháp", status: "draft" });
  await allocate(lychee, ids.A01, { confirmed: true });
  await allocate(silk, ids.A04);
  await allocate(silk, ids.A05);
  const now = nowIso();
  await getDb()
    .insertInto("exhibitor_products")
    .values({
      exhibitor_id: lychee,
      name_vi: "Vải thiều sấy khô",
      name_en: "Dried lychee",
      category: "fruit",
      description_vi: "Vải thiều Lục Ngạn sấy",
      description_en: "Luc Ngan lychee, dried",
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { conferenceId, lychee, silk, waiting };
}

describe("the catalogue", () => {
  it("holds the approved exhibitors with booths, zones, provinces and products", async () => {
    const { conferenceId, lychee, silk, waiting } = await exhibition();
    const data = await catalogueData(getDb(), conferenceId);
    expect(data.plan.booths).toHaveLength(6);
    const byId = new Map(data.exhibitors.map((e) => [e.id, e]));
    expect([...byId.keys()].sort()).toEqual([lychee, silk, waiting].sort());
    expect(byId.get(lychee)).toMatchObject({
      booths: ["A01"],
      zone: "ocop",
      province_vi: "Bắc Giang",
      products: [{ name_vi: "Vải thiều sấy khô", name_en: "Dried lychee", category: "fruit" }],
    });
    expect(byId.get(silk)).toMatchObject({ booths: ["A04", "A05"], zone: "handicrafts", province_vi: "Hà Nội" });
    // No booth yet: listed under the zone it wished first.
    expect(byId.get(waiting)).toMatchObject({ booths: [], zone: "ocop" });
  });

  it("answers a PDF to a delegate and the organisers, and to the public only once published", async () => {
    await exhibition();
    const delegate = await call(catalogueLoader, {
      path: "/exhibition/catalogue.pdf",
      cookie: await signInAs("delegate"),
    });
    expect(delegate.status).toBe(200);
    expect(delegate.headers.get("Content-Type")).toBe("application/pdf");
    expect((await bytesOf(delegate)).subarray(0, 5).toString()).toBe("%PDF-");
    const organiser = await call(catalogueLoader, {
      path: "/exhibition/catalogue.pdf?lang=en",
      cookie: await signInAs("organiser"),
    });
    expect(organiser.status).toBe(200);
    expect(organiser.headers.get("Content-Disposition")).toContain("exhibitor-catalogue");
    const hidden = await call(catalogueLoader, { path: "/exhibition/catalogue.pdf" });
    expect(hidden.status).toBe(403);
    expect(await hidden.text()).toContain("chưa được công bố");
    const conferenceId = (
      await getDb().selectFrom("conferences").select("id").orderBy("id", "desc").executeTakeFirstOrThrow()
    ).id;
    await getDb()
      .insertInto("exhibition_settings")
      .values({ conference_id: conferenceId, published: 1, updated_at: nowIso() })
      .execute();
    const open = await call(catalogueLoader, { path: "/exhibition/catalogue.pdf" });
    expect(open.status).toBe(200);
  });
});

describe("booth signs and the CSV", () => {
  it("prints one landscape page per allocated booth for organisers and secretariat, not for delegates", async () => {
    await exhibition();
    const response = await call(signsLoader, {
      path: "/admin/exhibition/signs.pdf",
      cookie: await signInAs("secretariat"),
    });
    expect(response.status).toBe(200);
    expect(pageCount(await bytesOf(response))).toBe(3);
    const delegate = await call(signsLoader, {
      path: "/admin/exhibition/signs.pdf",
      cookie: await signInAs("delegate"),
    });
    expect(delegate.status).toBe(403);
  });

  it("says so when no booth is allocated", async () => {
    await hallWith(ROW);
    const response = await call(signsLoader, {
      path: "/admin/exhibition/signs.pdf",
      cookie: await signInAs("organiser"),
    });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Chưa có gian nào được phân");
  });

  it("exports every application with translated headers, booths and a BOM", async () => {
    const { lychee, silk } = await exhibition();
    const response = await call(csvLoader, {
      path: "/admin/exhibition/exhibitors.csv?lang=en",
      cookie: await signInAs("organiser"),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const decoded = decodeCsvBytes(bytes);
    if (!decoded.ok) throw new Error("not UTF-8");
    const parsed = parseCsv(decoded.text);
    if (!parsed.ok) throw new Error("not CSV");
    const [header, ...rows] = parsed.records.map((r) => r.cells);
    expect(header.slice(0, 3)).toEqual(["Application number", "Status", "Name (Vietnamese)"]);
    expect(rows).toHaveLength(4);
    const row = (id: number) => rows.find((r) => r[0] === String(id))!;
    expect(row(silk)[header.indexOf("Booths")]).toBe("A04 A05");
    expect(row(lychee)[header.indexOf("Allocation")]).toBe("Confirmed");
    expect(row(lychee)[header.indexOf("Province")]).toBe("Bac Giang");
    // Vietnamese order: "Ấm chè" (A) before "Bản nháp" (B) before "Hợp tác xã" (H) before "Làng lụa" (L).
    expect(rows.map((r) => r[2])).toEqual([
      "Ấm chè Thái Nguyên",
      "Bản nháp",
      "Hợp tác xã Vải thiều Lục Ngạn",
      "Làng lụa Vạn Phúc",
    ]);
    const delegate = await call(csvLoader, {
      path: "/admin/exhibition/exhibitors.csv",
      cookie: await signInAs("delegate"),
    });
    expect(delegate.status).toBe(403);
  });
});
