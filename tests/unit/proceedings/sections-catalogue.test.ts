import { describe, expect, it } from "vitest";
import { buildCatalogueSection } from "~/features/proceedings/book/sections/catalogue";
import { catalogueBody, catalogueDocument } from "~/features/exhibition/pdf/catalogue";
import { exhibitor, nodesOf, sectionContext, textsOf } from "./sections-fixtures";

describe("the catalogue section", () => {
  const exhibitors = [
    exhibitor(1, { zone: "food", name_vi: "Hợp tác xã Đồng Tháp" }),
    exhibitor(2, { zone: "ocop", name_vi: "Công ty Bình Định" }),
    exhibitor(3, { zone: "ocop", name_vi: "Công ty An Giang" }),
  ];

  it("is the catalogue's own body: zones in the catalogue's order, exhibitors in Vietnamese order", () => {
    const section = buildCatalogueSection({ exhibitors }, sectionContext("vi"));
    expect(section).toMatchObject({ id: "catalogue", title: "Triển lãm sản phẩm thương hiệu Việt Nam" });
    const texts = textsOf(section.content);
    expect(texts[0]).toBe("3 đơn vị tham gia trưng bày, theo khu vực triển lãm.");
    const order = [
      "Nông sản và OCOP",
      "Công ty An Giang",
      "Công ty Bình Định",
      "Thực phẩm chế biến",
      "Hợp tác xã Đồng Tháp",
    ];
    const at = order.map((text) => texts.indexOf(text));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // The same blocks as the catalogue PDF prints.
    expect(textsOf(section.content.slice(1))).toEqual(textsOf(catalogueBody(exhibitors, "vi")));
  });

  it("uses the book's sub-heading (level 2) for each zone, held with its first exhibitor", () => {
    const section = buildCatalogueSection({ exhibitors }, sectionContext("vi"));
    const zones = nodesOf(section.content).filter((n) => n.style === "subheading");
    expect(zones.map((z) => z.text)).toEqual(["Nông sản và OCOP", "Thực phẩm chế biến"]);
    expect(zones.every((z) => z.headlineLevel === 2)).toBe(true);
    const holders = section.content.filter(
      (c) => (c as { stack?: { style?: string }[] }).stack?.[0]?.style === "subheading",
    );
    expect(holders.every((h) => (h as { unbreakable?: boolean }).unbreakable)).toBe(true);
  });

  it("leaves the catalogue PDF as it was (zones in its own style)", () => {
    const plan = { halls: [], booths: [], obstacles: [] } as unknown as Parameters<typeof catalogueDocument>[0]["plan"];
    const doc = catalogueDocument(
      { conference: { title_vi: "Hội nghị", title_en: "Conference" }, plan, exhibitors },
      { locale: "vi" },
    );
    expect(nodesOf(doc.content).filter((n) => n.style === "zone")).toHaveLength(2);
  });

  it("says so in one line when the exhibition is empty", () => {
    expect(buildCatalogueSection({ exhibitors: [] }, sectionContext("vi")).content).toEqual([
      { text: "Không có đơn vị nào tham gia triển lãm.", style: "dataEmptySection" },
    ]);
  });
});
