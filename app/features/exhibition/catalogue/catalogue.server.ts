import type { Db } from "~/platform/types";
import { translate } from "../i18n";
import { type ProductCategory, type Zone, ZONES } from "../rules";
import { searchKey } from "~/lib/text";
import { entryKey, productKey, type CatalogueEntry } from "./search";

/**
 * The visitors' catalogue: approved exhibitors only, each with its province, its booths (allocated
 * ones), its products and the folded keys the search matches (catalogue/search.ts). Three queries
 * whatever the size; an exhibition of a few hundred exhibitors is a few tens of kilobytes.
 */
export async function exhibitionPublished(db: Db, conferenceId: number): Promise<boolean> {
  const settings = await db
    .selectFrom("exhibition_settings")
    .select("published")
    .where("conference_id", "=", conferenceId)
    .executeTakeFirst();
  return settings?.published === 1;
}

const categoryNames = (c: ProductCategory) => [
  translate("vi", `exhibition.category.${c}`),
  translate("en", `exhibition.category.${c}`),
];

function firstZone(stored: string): Zone | null {
  try {
    const zones: unknown = JSON.parse(stored);
    const first = Array.isArray(zones) ? zones[0] : null;
    return (ZONES as readonly unknown[]).includes(first) ? (first as Zone) : null;
  } catch {
    return null;
  }
}

export async function loadCatalogue(db: Db, conferenceId: number): Promise<CatalogueEntry[]> {
  const exhibitors = await db
    .selectFrom("exhibitors as e")
    .leftJoin("organisations as o", "o.id", "e.province_id")
    .select(["e.id", "e.name_vi", "e.name_en", "e.kind", "e.zone_wishes", "e.province_id"])
    .select(["o.name_vi as province_vi", "o.name_en as province_en"])
    .where("e.conference_id", "=", conferenceId)
    .where("e.status", "=", "approved")
    .execute();
  if (exhibitors.length === 0) return [];
  const ids = exhibitors.map((e) => e.id);
  const booths = await db
    .selectFrom("booth_allocations as a")
    .innerJoin("booths as b", "b.id", "a.booth_id")
    .select(["a.exhibitor_id", "b.id", "b.code", "b.zone"])
    .where("a.conference_id", "=", conferenceId)
    .where("a.exhibitor_id", "in", ids)
    .orderBy("b.code")
    .execute();
  const products = await db
    .selectFrom("exhibitor_products")
    .select(["id", "exhibitor_id", "name_vi", "name_en", "category", "description_vi", "description_en"])
    .where("exhibitor_id", "in", ids)
    .orderBy("exhibitor_id")
    .orderBy("position")
    .orderBy("id")
    .execute();
  const entries = exhibitors.map((e): CatalogueEntry => {
    const own = booths.filter((b) => b.exhibitor_id === e.id).map((b) => ({ id: b.id, code: b.code, zone: b.zone }));
    const items = products
      .filter((p) => p.exhibitor_id === e.id)
      .map((p) => ({
        id: p.id,
        name_vi: p.name_vi,
        name_en: p.name_en,
        category: p.category,
        description_vi: p.description_vi,
        description_en: p.description_en,
        key: productKey(p),
        categoryKey: searchKey(...categoryNames(p.category)),
      }));
    return {
      id: e.id,
      name_vi: e.name_vi,
      name_en: e.name_en,
      province:
        e.province_id !== null
          ? { id: e.province_id, name_vi: e.province_vi ?? "", name_en: e.province_en ?? "" }
          : null,
      booths: own,
      zone: own[0]?.zone ?? firstZone(e.zone_wishes),
      categories: [...new Set(items.map((p) => p.category))],
      products: items,
      key: entryKey([
        e.name_vi,
        e.name_en,
        e.province_vi,
        e.province_en,
        translate("vi", `exhibition.kind.${e.kind}`),
        translate("en", `exhibition.kind.${e.kind}`),
        ...own.map((b) => b.code),
      ]),
    };
  });
  // Vietnamese order of names, booths first: a visitor walks the hall with the list.
  const collator = new Intl.Collator("vi");
  return entries.sort(
    (a, b) =>
      Number(b.booths.length > 0) - Number(a.booths.length > 0) ||
      (a.booths[0] && b.booths[0] ? collator.compare(a.booths[0].code, b.booths[0].code) : 0) ||
      collator.compare(a.name_vi, b.name_vi),
  );
}

/** Provinces (organisation ids) with approved exhibitors in the conference, and how many each: /organisations links them. */
export async function provincesWithExhibitors(db: Db, conferenceId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom("exhibitors")
    .select(["province_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("conference_id", "=", conferenceId)
    .where("status", "=", "approved")
    .where("province_id", "is not", null)
    .groupBy("province_id")
    .execute();
  return new Map(rows.map((r) => [r.province_id!, Number(r.n)]));
}
