import { describe, expect, it } from "vitest";
import { catalogueDocument, type CatalogueExhibitor } from "~/features/exhibition/pdf/catalogue";
import { boothSignsDocument } from "~/features/exhibition/pdf/booth-signs";
import { renderPdf } from "~/platform/pdf/render.server";

/**
 * The prints with the longest texts the forms accept (names of 200 characters, four products with
 * 160-character names and 600-character descriptions in both languages, words without a space):
 * nothing may vanish. pdfmake drops an unbreakable block taller than a page, whole.
 */
const W = (n: number) => "W".repeat(n);
const conference = { title_vi: "Hội nghị Ngoại vụ toàn quốc", title_en: "National Conference", edition: 21 };
const plan = { halls: [], obstacles: [], booths: [] };

function exhibitor(id: number, description: number): CatalogueExhibitor {
  return {
    id,
    name_vi: W(200),
    name_en: W(200),
    province_vi: "Bắc Giang",
    province_en: "Bac Giang",
    zone: "ocop",
    booths: [`A0${id}`],
    contact_name: W(120),
    contact_phone: "+84 204 3882 123",
    contact_email: "lien-he@lucngan.test",
    website: `https://${"x".repeat(280)}.vn`,
    products: [1, 2, 3, 4].map(() => ({
      name_vi: W(160),
      name_en: W(160),
      category: "fruit",
      description_vi: W(description),
      description_en: W(description),
    })),
  };
}

/** Uncompressed, a PDF's text is shown by Tj/TJ operators: one or more per line drawn. */
async function textRuns(definition: Parameters<typeof renderPdf>[0]) {
  const pdf = (await renderPdf({ ...definition, compress: false })).toString("latin1");
  return {
    runs: pdf.match(/\bT[jJ]\b/g)?.length ?? 0,
    pages: pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0,
  };
}

describe("the catalogue PDF with the longest texts", () => {
  it("prints every exhibitor however long its texts: more text draws more lines, never fewer", async () => {
    const short = await textRuns(
      catalogueDocument({ conference, plan, exhibitors: [exhibitor(1, 10), exhibitor(2, 10)] }, { locale: "vi" }),
    );
    const long = await textRuns(
      catalogueDocument({ conference, plan, exhibitors: [exhibitor(1, 600), exhibitor(2, 600)] }, { locale: "vi" }),
    );
    // Before: each long block (taller than a page) was dropped, leaving pages with their header and footer only.
    expect(long.runs).toBeGreaterThan(short.runs);
    expect(long.pages).toBeGreaterThan(short.pages);
  });
});

describe("booth signs with the longest names", () => {
  it("stay one page per booth, whatever the names", async () => {
    const signs = [1, 2, 3].map((i) => ({
      code: `A0${i}`,
      zone: "ocop" as const,
      hall_vi: "Sảnh A",
      hall_en: "Hall A",
      name_vi: i === 1 ? W(200) : "Hợp tác xã Nông nghiệp ".repeat(9).slice(0, 200),
      name_en: W(200),
      province_vi: "Bắc Giang",
      province_en: "Bac Giang",
    }));
    const { pages } = await textRuns(boothSignsDocument(signs, { locale: "vi", conference }));
    expect(pages).toBe(3);
  });
});
