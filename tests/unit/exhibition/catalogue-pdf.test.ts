import { describe, expect, it } from "vitest";
import type { Content } from "pdfmake/interfaces";
import { catalogueDocument, catalogueSections, type CatalogueExhibitor } from "~/features/exhibition/pdf/catalogue";
import { boothSignsDocument, signNameSize } from "~/features/exhibition/pdf/booth-signs";
import type { FloorPlanData } from "~/features/exhibition/plan/plan-data";
import { translate } from "~/features/exhibition/i18n";
import { ZONES } from "~/features/exhibition/rules";

const plan: FloorPlanData = {
  halls: [
    {
      id: 1,
      code: "H1",
      name_vi: "Sảnh A",
      name_en: "Hall A",
      width_m: 20,
      depth_m: 10,
      outline: null,
      grid_m: 0.5,
      min_aisle_m: 3,
    },
  ],
  obstacles: [],
  booths: [
    {
      id: 1,
      hall_id: 1,
      code: "A01",
      zone: "ocop",
      type: "standard",
      x: 0,
      y: 0,
      w: 3,
      h: 3,
      area: 9,
      power: false,
      water: false,
      state: "confirmed",
      exhibitor: null,
    },
    {
      id: 2,
      hall_id: 1,
      code: "A02",
      zone: "ocop",
      type: "standard",
      x: 3,
      y: 0,
      w: 3,
      h: 3,
      area: 9,
      power: false,
      water: false,
      state: "free",
      exhibitor: null,
    },
  ],
};

let next = 0;
const exhibitor = (
  name_vi: string,
  zone: CatalogueExhibitor["zone"],
  extra: Partial<CatalogueExhibitor> = {},
): CatalogueExhibitor => ({
  id: ++next,
  name_vi,
  name_en: `${name_vi} EN`,
  province_vi: "Bắc Giang",
  province_en: "Bac Giang",
  zone,
  booths: [],
  contact_name: "Nguyễn Văn An",
  contact_phone: "0912 345 678",
  contact_email: "an@example.vn",
  website: "",
  products: [],
  ...extra,
});

/** Every string of a definition's content, in order. */
function texts(node: unknown): string[] {
  if (typeof node === "string") return [node];
  if (Array.isArray(node)) return node.flatMap(texts);
  if (node && typeof node === "object") {
    const o = node as Record<string, unknown>;
    return ["text", "stack", "columns"].flatMap((k) => (k in o ? texts(o[k]) : []));
  }
  return [];
}

describe("the catalogue's order", () => {
  it("lists zones in ZONES order and exhibitors in Vietnamese order within each", () => {
    const sections = catalogueSections([
      exhibitor("Đặc sản Điện Biên", "ocop"),
      exhibitor("Làng lụa Vạn Phúc", "handicrafts"),
      exhibitor("Ấm chè Thái Nguyên", "ocop"),
      exhibitor("Dừa Bến Tre", "ocop"),
      exhibitor("Bánh pía Sóc Trăng", "food"),
      exhibitor("Chưa chọn khu", null),
      exhibitor("Anh Đào", "ocop"),
    ]);
    expect(sections.map((s) => s.zone)).toEqual(["ocop", "handicrafts", "food", null]);
    // Vietnamese: A < Ấ (base letters equal, then marks), D < Đ; a code-point sort would put "Đ" and "Ấ" last.
    expect(sections[0].exhibitors.map((e) => e.name_vi)).toEqual([
      "Anh Đào",
      "Ấm chè Thái Nguyên",
      "Dừa Bến Tre",
      "Đặc sản Điện Biên",
    ]);
  });
});

describe("the catalogue's definition", () => {
  const data = {
    conference: {
      title_vi: "Hội nghị Ngoại vụ toàn quốc lần thứ 21",
      title_en: "21st National Conference on External Affairs",
    },
    plan,
    exhibitors: [
      exhibitor("Hợp tác xã Vải thiều Lục Ngạn", "ocop", {
        booths: ["A01"],
        products: [
          {
            name_vi: "Vải thiều sấy",
            name_en: "Dried lychee",
            category: "fruit",
            description_vi: "Sấy truyền thống",
            description_en: "Traditionally dried",
          },
        ],
      }),
      exhibitor("Làng lụa Vạn Phúc", "handicrafts"),
    ],
  };

  it("draws the plan first, then zone headings and exhibitors with both languages", () => {
    const doc = catalogueDocument(data, { locale: "vi" });
    const all = texts(doc.content);
    expect(all.indexOf("Sảnh A")).toBeLessThan(all.indexOf("Nông sản và OCOP"));
    expect(all.indexOf("Nông sản và OCOP")).toBeLessThan(all.indexOf("Thủ công mỹ nghệ"));
    for (const word of [
      "A01",
      "Hợp tác xã Vải thiều Lục Ngạn",
      "Vải thiều sấy",
      " / Dried lychee",
      "Sấy truyền thống",
      "Traditionally dried",
      "Bắc Giang",
    ])
      expect(all.join("\n")).toContain(word);
    expect(all.join("\n")).toContain("Liên hệ: Nguyễn Văn An · 0912 345 678 · an@example.vn");
    expect(all).toContain("Chưa có gian");
    const svg = (doc.content as Content[]).find((c) => typeof c === "object" && "svg" in c) as { svg: string };
    expect(svg.svg).toContain("<rect");
    // Booth codes are text over the drawing (absolutely placed), not SVG text.
    expect(svg.svg).not.toContain("<text");
  });

  it("speaks English when asked, keeping Vietnamese names and products", () => {
    const doc = catalogueDocument(data, { locale: "en" });
    const all = texts(doc.content).join("\n");
    expect(all).toContain("Exhibitor catalogue");
    expect(all).toContain("Agriculture and OCOP");
    expect(all).toContain("Hall A");
    expect(all).toContain("Hợp tác xã Vải thiều Lục Ngạn");
    expect(all).toContain("Bac Giang");
    const footer = doc.footer as (page: number, pages: number) => { text: string };
    expect(footer(2, 5).text).toBe("Page 2 of 5");
    expect(doc.info?.title).toContain("21st National Conference");
  });

  it("keeps each zone heading in one unbreakable block with its first exhibitor, so it never ends a page alone", () => {
    const doc = catalogueDocument(data, { locale: "vi" });
    const content = doc.content as Content[];
    const zoneNames = new Set(ZONES.map((z) => translate("vi", `exhibition.zone.${z}`)));
    const blocks = content.filter(
      (c): c is { stack: Content[]; unbreakable: boolean } =>
        typeof c === "object" &&
        c !== null &&
        "stack" in c &&
        zoneNames.has(texts([(c as { stack: Content[] }).stack[0]])[0] ?? ""),
    );
    expect(blocks.length).toBeGreaterThan(1);
    for (const block of blocks) {
      expect(block.unbreakable).toBe(true);
      expect(block.stack).toHaveLength(2);
      expect(texts([block.stack[1]]).join(" ")).toMatch(/\p{L}/u);
    }
    // No heading of a zone stands on its own at the top level.
    for (const c of content) expect(zoneNames.has(texts([c]).join(""))).toBe(false);
  });
});

describe("booth signs", () => {
  it("prints a landscape page per booth, in code order, in both languages", () => {
    const sign = (code: string) => ({
      code,
      zone: "food" as const,
      hall_vi: "Sảnh A",
      hall_en: "Hall A",
      name_vi: "Bánh pía Sóc Trăng",
      name_en: "Soc Trang pia cake",
      province_vi: "Sóc Trăng",
      province_en: "Soc Trang",
    });
    const doc = boothSignsDocument([sign("A10"), sign("A02")], {
      locale: "vi",
      conference: { title_vi: "Hội nghị", title_en: "Conference" },
    });
    expect(doc.pageOrientation).toBe("landscape");
    const pages = doc.content as Content[];
    expect(pages).toHaveLength(2);
    expect(texts(pages[0])[0]).toBe("A02");
    expect(texts(pages[1])).toEqual(
      expect.arrayContaining([
        "A10",
        "Bánh pía Sóc Trăng",
        "Soc Trang pia cake",
        "Sóc Trăng / Soc Trang",
        "Thực phẩm chế biến / Processed food",
      ]),
    );
    expect(pages[1]).toMatchObject({ pageBreak: "before" });
    expect(signNameSize(20)).toBeGreaterThan(signNameSize(100));
  });
});
