import { describe, expect, it } from "vitest";
import {
  buildAgreementsSignedSection,
  formatSignedOn,
  groupByParty,
} from "~/features/proceedings/book/sections/agreements-signed";
import { sectionContext, signedAgreement, textsOf } from "./sections-fixtures";

const rows = [
  signedAgreement(1, { organisationId: 10, partyVi: "Ủy ban nhân dân tỉnh Quảng Ninh", signedOn: "2026-12-15" }),
  signedAgreement(2, {
    organisationId: 11,
    partyVi: "Ủy ban nhân dân tỉnh Đắk Lắk",
    partyEn: "Dak Lak",
    countryCode: "FR",
  }),
  signedAgreement(3, { organisationId: 12, partyVi: "Ủy ban nhân dân tỉnh Dak Nong" }),
  signedAgreement(4, { organisationId: 10, partyVi: "Ủy ban nhân dân tỉnh Quảng Ninh", signedOn: "2026-12-14" }),
  signedAgreement(5, { organisationId: 13, partyVi: "Bộ Công Thương", missionVi: null, missionEn: null }),
];

describe("the agreements signed section", () => {
  it("groups by Vietnamese party in Vietnamese collation (Đ after D), each party's by date", () => {
    const groups = groupByParty(rows);
    expect(groups.map((g) => g[0].partyVi)).toEqual([
      "Bộ Công Thương",
      "Ủy ban nhân dân tỉnh Dak Nong",
      "Ủy ban nhân dân tỉnh Đắk Lắk",
      "Ủy ban nhân dân tỉnh Quảng Ninh",
    ]);
    expect(groups[3].map((a) => a.id)).toEqual([4, 1]);
  });

  it("is one table with its header repeated, a row per party and per agreement", () => {
    const section = buildAgreementsSignedSection(rows, sectionContext("vi"));
    expect(section).toMatchObject({ id: "agreements", title: "Các thỏa thuận quốc tế đã ký" });
    const table = section.content[1] as { table: { headerRows: number; dontBreakRows: boolean; body: unknown[][] } };
    expect(table.table.headerRows).toBe(1);
    expect(table.table.dontBreakRows).toBe(true);
    expect(table.table.body).toHaveLength(1 + 4 + 5);
    const texts = textsOf(section.content);
    expect(texts[0]).toBe("5 thỏa thuận quốc tế được ký kết tại hoặc nhân dịp hội nghị.");
    for (const text of [
      "Hàn Quốc",
      "Pháp",
      "Bản ghi nhớ",
      "Đầu tư",
      "14/12/2026",
      "Hà Nội",
      "Đại sứ quán Việt Nam tại Hàn Quốc",
      "—",
    ])
      expect(texts).toContain(text);
  });

  it("names countries and dates in the book's language", () => {
    const texts = textsOf(buildAgreementsSignedSection(rows, sectionContext("en")).content);
    expect(texts).toContain("South Korea");
    expect(texts).toContain("France");
    expect(texts).toContain("Dak Lak");
    expect(texts).toContain("14 Dec 2026");
    expect(texts).toContain("Memorandum of understanding");
    expect(formatSignedOn("", "vi")).toBe("—");
  });

  it("says so when nothing has been signed", () => {
    expect(buildAgreementsSignedSection([], sectionContext("vi")).content).toEqual([
      { text: "Chưa có thỏa thuận quốc tế nào được ký.", style: "dataEmptySection" },
    ]);
  });
});
