import { foldForSearch, searchKey } from "~/lib/text";
import type { ProductCategory, Zone } from "../rules";

/**
 * The visitors' catalogue and its search, pure: the server filters with it for a page without
 * JavaScript (?q=), and the page filters with it again as the visitor types. Diacritics never
 * matter ("vai thieu" finds "vải thiều"): every text is folded (lib/text) into a key once, on the
 * server; a query matches when each of its words is found in the exhibitor's keys.
 */
export interface CatalogueProduct {
  id: number;
  name_vi: string;
  name_en: string;
  category: ProductCategory;
  description_vi: string;
  description_en: string;
  /** Folded names and description. */
  key: string;
  /** Its category's names in both languages, folded: searched when no name or description matches. */
  categoryKey: string;
}

export interface CatalogueEntry {
  id: number;
  name_vi: string;
  name_en: string;
  province: { id: number; name_vi: string; name_en: string } | null;
  /** The booths allocated to it (none until the allocation). */
  booths: Array<{ id: number; code: string; zone: Zone }>;
  /** Its booths' zone, or before the allocation the zone it wished first. */
  zone: Zone | null;
  categories: ProductCategory[];
  products: CatalogueProduct[];
  /** Folded names, province, booth codes. */
  key: string;
}

export interface CatalogueFilter {
  q?: string;
  zone?: string | null;
  category?: string | null;
  province?: number | null;
  /** A booth's id (?booth=A101 from an exhibitor's page): its exhibitor. */
  booth?: number | null;
}

export interface CatalogueMatch {
  entry: CatalogueEntry;
  /** The products the query's words point at (all of them when there is no query). */
  productIds: number[];
}

export interface CatalogueResult {
  matches: CatalogueMatch[];
  /** The booths of the exhibitors found, for the plan's highlight (empty when nothing narrows the list). */
  boothIds: number[];
  /** Products listed in the matches. */
  productCount: number;
  /** Whether a query or filter narrows the catalogue. */
  narrowed: boolean;
}

/** The longest query taken into account (a pasted page is cut here). */
export const MAX_QUERY_LENGTH = 100;

/** A query's folded words, duplicates dropped. */
export function queryWords(q: string | undefined | null): string[] {
  return [
    ...new Set(
      foldForSearch((q ?? "").slice(0, MAX_QUERY_LENGTH))
        .split(" ")
        .filter(Boolean),
    ),
  ];
}

/** A word of the query starts a word of the key ("ca" finds "cà phê" and "Cà Mau", "an" not "Lục Ngạn"). */
function hasWord(key: string, word: string): boolean {
  return key.includes(` ${word}`);
}

export function filterCatalogue(entries: readonly CatalogueEntry[], filter: CatalogueFilter): CatalogueResult {
  const words = queryWords(filter.q);
  const narrowed =
    words.length > 0 ||
    Boolean(filter.zone) ||
    Boolean(filter.category) ||
    Boolean(filter.province) ||
    Boolean(filter.booth);
  const candidates = entries.filter(
    (entry) =>
      (!filter.province || entry.province?.id === filter.province) &&
      (!filter.booth || entry.booths.some((b) => b.id === filter.booth)) &&
      (!filter.zone || entry.zone === filter.zone) &&
      (!filter.category || entry.categories.includes(filter.category as ProductCategory)),
  );
  // Names and descriptions first; a category's name ("trái cây") only when they find nothing, so that
  // "cà phê" lists the coffee and not every tea of the category "Chè và cà phê".
  let matches = search(candidates, words, filter, (p) => p.key);
  if (matches.length === 0 && words.length > 0)
    matches = search(candidates, words, filter, (p) => p.key + p.categoryKey);
  return {
    matches,
    boothIds: narrowed ? [...new Set(matches.flatMap((m) => m.entry.booths.map((b) => b.id)))] : [],
    productCount: matches.reduce((n, m) => n + m.productIds.length, 0),
    narrowed,
  };
}

function search(
  entries: readonly CatalogueEntry[],
  words: readonly string[],
  filter: CatalogueFilter,
  keyOf: (p: CatalogueProduct) => string,
): CatalogueMatch[] {
  const matches: CatalogueMatch[] = [];
  for (const entry of entries) {
    const all = entry.key + entry.products.map(keyOf).join("");
    if (!words.every((w) => hasWord(all, w))) continue;
    // Products the words point at; an exhibitor found by its own name or province shows them all.
    const byEntry = words.filter((w) => hasWord(entry.key, w));
    const pointed = entry.products.filter(
      (p) =>
        (!filter.category || p.category === filter.category) &&
        (words.length === 0 || words.some((w) => hasWord(keyOf(p), w) && !byEntry.includes(w))),
    );
    matches.push({ entry, productIds: (pointed.length ? pointed : entry.products).map((p) => p.id) });
  }
  return matches;
}

/** Counts per zone and per category over the entries a query (and the other filter) leaves, for the chips. */
export function facetCounts(
  entries: readonly CatalogueEntry[],
  filter: CatalogueFilter,
): { zones: Record<string, number>; categories: Record<string, number> } {
  const zones: Record<string, number> = {};
  const categories: Record<string, number> = {};
  for (const m of filterCatalogue(entries, { ...filter, zone: null }).matches)
    if (m.entry.zone) zones[m.entry.zone] = (zones[m.entry.zone] ?? 0) + 1;
  for (const m of filterCatalogue(entries, { ...filter, category: null }).matches)
    for (const c of m.entry.categories) categories[c] = (categories[c] ?? 0) + 1;
  return { zones, categories };
}

/** The exhibitor's key: names, kind words, province, booth codes (both languages, folded). */
export function entryKey(parts: Array<string | null | undefined>): string {
  return searchKey(...parts);
}

/** A product's key: names and descriptions in both languages, folded. */
export function productKey(
  product: Pick<CatalogueProduct, "name_vi" | "name_en" | "description_vi" | "description_en">,
): string {
  return searchKey(product.name_vi, product.name_en, product.description_vi, product.description_en);
}
