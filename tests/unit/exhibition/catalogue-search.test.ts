import { describe, expect, it } from "vitest";
import { searchKey } from "~/lib/text";
import {
  entryKey,
  facetCounts,
  filterCatalogue,
  productKey,
  queryWords,
  type CatalogueEntry,
} from "~/features/exhibition/catalogue/search";

let nextId = 1;
function product(vi: string, en: string, category: CatalogueEntry["categories"][number], categoryVi: string) {
  const p = { id: nextId++, name_vi: vi, name_en: en, category, description_vi: "", description_en: "" };
  return { ...p, key: productKey(p), categoryKey: searchKey(categoryVi) };
}

function entry(
  vi: string,
  province: { id: number; name_vi: string; name_en: string } | null,
  booths: CatalogueEntry["booths"],
  products: CatalogueEntry["products"],
  zone: CatalogueEntry["zone"] = booths[0]?.zone ?? "ocop",
): CatalogueEntry {
  return {
    id: nextId++,
    name_vi: vi,
    name_en: "",
    province,
    booths,
    zone,
    categories: [...new Set(products.map((p) => p.category))],
    products,
    key: entryKey([vi, province?.name_vi, province?.name_en, ...booths.map((b) => b.code)]),
  };
}

const bacGiang = { id: 1, name_vi: "Bắc Giang", name_en: "Bac Giang" };
const daklak = { id: 2, name_vi: "Đắk Lắk", name_en: "Dak Lak" };
const lychee = product("Vải thiều Lục Ngạn", "Luc Ngan lychee", "fruit", "Trái cây");
const noodles = product("Mỳ Chũ", "Chu rice noodles", "rice", "Gạo và ngũ cốc");
const coffee = product("Cà phê Robusta", "Robusta coffee", "tea_coffee", "Chè và cà phê");
const ENTRIES = [
  entry(
    "Trung tâm Xúc tiến Thương mại tỉnh Bắc Giang",
    bacGiang,
    [
      { id: 101, code: "A101", zone: "ocop" },
      { id: 102, code: "A102", zone: "ocop" },
    ],
    [lychee, noodles],
  ),
  entry("Công ty Cà phê Buôn Ma Thuột", daklak, [{ id: 107, code: "A107", zone: "ocop" }], [coffee]),
  entry(
    "Hợp tác xã Gốm sứ Bát Tràng",
    null,
    [],
    [product("Gốm men lam", "Blue ceramics", "ceramics", "Gốm sứ")],
    "handicrafts",
  ),
];

const names = (filter: Parameters<typeof filterCatalogue>[1]) =>
  filterCatalogue(ENTRIES, filter).matches.map((m) => m.entry.name_vi);

describe("the catalogue's search", () => {
  it("ignores diacritics, case and đ, in either direction", () => {
    for (const q of ["vai thieu", "VẢI THIỀU", "vải thiều", "  Vai   Thieu "])
      expect(names({ q }), q).toEqual(["Trung tâm Xúc tiến Thương mại tỉnh Bắc Giang"]);
    expect(names({ q: "dak lak" })).toEqual(["Công ty Cà phê Buôn Ma Thuột"]);
    expect(names({ q: "đắk" })).toEqual(["Công ty Cà phê Buôn Ma Thuột"]);
  });

  it("needs every word, each at the start of a word", () => {
    expect(names({ q: "vai lychee" })).toHaveLength(1);
    expect(names({ q: "vai coffee" })).toEqual([]);
    // "ngan" starts a word of "Lục Ngạn"; "gan" is inside one and finds nothing.
    expect(names({ q: "ngan" })).toHaveLength(1);
    expect(names({ q: "gan" })).toEqual([]);
  });

  it("searches categories' names only when no name or description matches", () => {
    // "cà phê" is the coffee's name and part of the category "Chè và cà phê": a tea is not listed.
    const tea = product("Chè Tân Cương", "Tan Cuong tea", "tea_coffee", "Chè và cà phê");
    const withTea = [...ENTRIES, entry("Hợp tác xã Chè Tân Cương", null, [], [tea])];
    expect(filterCatalogue(withTea, { q: "ca phe" }).matches.map((m) => m.entry.name_vi)).toEqual([
      "Công ty Cà phê Buôn Ma Thuột",
    ]);
    expect(filterCatalogue(withTea, { q: "che va ca phe" }).matches).toHaveLength(2);
  });

  it("searches English names, categories, provinces and booth codes", () => {
    expect(names({ q: "lychee" })).toHaveLength(1);
    expect(names({ q: "trai cay" })).toHaveLength(1);
    expect(names({ q: "bac giang" })).toHaveLength(1);
    expect(names({ q: "a107" })).toEqual(["Công ty Cà phê Buôn Ma Thuột"]);
    expect(names({ q: "gom su" })).toEqual(["Hợp tác xã Gốm sứ Bát Tràng"]);
  });

  it("points at the products found, and shows all of an exhibitor found by its own name", () => {
    const byProduct = filterCatalogue(ENTRIES, { q: "my chu" }).matches[0]!;
    expect(byProduct.productIds).toEqual([noodles.id]);
    const byName = filterCatalogue(ENTRIES, { q: "bac giang" }).matches[0]!;
    expect(byName.productIds).toEqual([lychee.id, noodles.id]);
    expect(filterCatalogue(ENTRIES, { q: "vai thieu" }).productCount).toBe(1);
  });

  it("highlights the booths found only when something narrows the list", () => {
    expect(filterCatalogue(ENTRIES, {}).boothIds).toEqual([]);
    expect(filterCatalogue(ENTRIES, {}).matches).toHaveLength(3);
    expect(filterCatalogue(ENTRIES, { q: "vai thieu" }).boothIds).toEqual([101, 102]);
    expect(filterCatalogue(ENTRIES, { province: 2 }).boothIds).toEqual([107]);
    expect(filterCatalogue(ENTRIES, { booth: 102 }).matches.map((m) => m.entry.id)).toEqual([ENTRIES[0]!.id]);
  });

  it("filters by zone, category and province, and counts the chips over the others", () => {
    expect(names({ zone: "handicrafts" })).toEqual(["Hợp tác xã Gốm sứ Bát Tràng"]);
    expect(names({ category: "tea_coffee" })).toEqual(["Công ty Cà phê Buôn Ma Thuột"]);
    expect(names({ category: "tea_coffee", province: 1 })).toEqual([]);
    const facets = facetCounts(ENTRIES, { zone: "ocop" });
    expect(facets.zones).toEqual({ ocop: 2, handicrafts: 1 });
    expect(facets.categories).toEqual({ fruit: 1, rice: 1, tea_coffee: 1 });
    const category = filterCatalogue(ENTRIES, { category: "rice" }).matches[0]!;
    expect(category.productIds).toEqual([noodles.id]);
  });

  it("folds and cuts a query into words", () => {
    expect(queryWords(" Vải  thiều, vải! ")).toEqual(["vai", "thieu"]);
    expect(queryWords("x".repeat(300))[0]).toHaveLength(100);
    expect(queryWords("%_")).toEqual([]);
    expect(queryWords(null)).toEqual([]);
  });
});
