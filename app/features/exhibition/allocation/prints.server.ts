/** The data of the prints (catalogue, booth signs) and the exhibitor list as CSV. */
import { toCsvBytes, type Delimiter } from "~/lib/csv";
import type { Locale } from "~/platform/i18n";
import type { Db } from "~/platform/types";
import { translate } from "../i18n";
import type { CatalogueExhibitor } from "../pdf/catalogue";
import type { BoothSign } from "../pdf/booth-signs";
import { loadFloorPlan } from "../plan/plan.server";
import { MAX_ZONE_WISHES, ZONES, type Zone } from "../rules";
import { parseWishes } from "./instance-build";

async function exhibitorsWithBooths(db: Db, conferenceId: number, approvedOnly: boolean) {
  let query = db
    .selectFrom("exhibitors as e")
    .leftJoin("organisations as o", "o.id", "e.province_id")
    .selectAll("e")
    .select(["o.name_vi as province_vi", "o.name_en as province_en"])
    .where("e.conference_id", "=", conferenceId);
  if (approvedOnly) query = query.where("e.status", "=", "approved");
  const [exhibitors, booths] = await Promise.all([
    query.orderBy("e.id").execute(),
    db
      .selectFrom("booth_allocations as a")
      .innerJoin("booths as b", "b.id", "a.booth_id")
      .select(["a.exhibitor_id", "a.locked", "a.confirmed_at", "b.code", "b.zone"])
      .where("a.conference_id", "=", conferenceId)
      .orderBy("b.code")
      .execute(),
  ]);
  const byExhibitor = new Map<number, typeof booths>();
  for (const b of booths) byExhibitor.set(b.exhibitor_id, [...(byExhibitor.get(b.exhibitor_id) ?? []), b]);
  return exhibitors.map((e) => ({ ...e, booths: byExhibitor.get(e.id) ?? [] }));
}

/** The catalogue's plan and approved exhibitors with their products. */
export async function catalogueData(db: Db, conferenceId: number) {
  const [plan, exhibitors, products] = await Promise.all([
    loadFloorPlan(db, conferenceId, { withExhibitors: false }),
    exhibitorsWithBooths(db, conferenceId, true),
    db
      .selectFrom("exhibitor_products as p")
      .innerJoin("exhibitors as e", "e.id", "p.exhibitor_id")
      .select(["p.exhibitor_id", "p.name_vi", "p.name_en", "p.category", "p.description_vi", "p.description_en"])
      .where("e.conference_id", "=", conferenceId)
      .where("e.status", "=", "approved")
      .orderBy("p.position")
      .orderBy("p.id")
      .execute(),
  ]);
  return {
    plan,
    exhibitors: exhibitors.map((e): CatalogueExhibitor => ({
      id: e.id,
      name_vi: e.name_vi,
      name_en: e.name_en,
      province_vi: e.province_vi,
      province_en: e.province_en,
      zone: e.booths[0]?.zone ?? (parseWishes(e.zone_wishes, ZONES, MAX_ZONE_WISHES)[0] as Zone | undefined) ?? null,
      booths: e.booths.map((b) => b.code),
      contact_name: e.contact_name,
      contact_phone: e.contact_phone,
      contact_email: e.contact_email,
      website: e.website,
      products: products.filter((p) => p.exhibitor_id === e.id).map(({ exhibitor_id: _, ...p }) => p),
    })),
  };
}

/** One sign per allocated booth. */
export async function boothSigns(db: Db, conferenceId: number): Promise<BoothSign[]> {
  return db
    .selectFrom("booth_allocations as a")
    .innerJoin("booths as b", "b.id", "a.booth_id")
    .innerJoin("exhibition_halls as h", "h.id", "b.hall_id")
    .innerJoin("exhibitors as e", "e.id", "a.exhibitor_id")
    .leftJoin("organisations as o", "o.id", "e.province_id")
    .select([
      "b.code",
      "b.zone",
      "h.name_vi as hall_vi",
      "h.name_en as hall_en",
      "e.name_vi",
      "e.name_en",
      "o.name_vi as province_vi",
      "o.name_en as province_en",
    ])
    .where("a.conference_id", "=", conferenceId)
    .orderBy("b.code")
    .execute();
}

const CSV_COLUMNS = [
  "id",
  "status",
  "name_vi",
  "name_en",
  "kind",
  "province",
  "booths",
  "zone",
  "allocation",
  "booths_needed",
  "min_area",
  "zone_wishes",
  "contact_name",
  "contact_email",
  "contact_phone",
  "website",
] as const;

/** Every application of the conference, with its booth(s), as CSV bytes with a UTF-8 BOM (Excel reads Vietnamese). */
export async function exhibitorsCsv(
  db: Db,
  conferenceId: number,
  options: { locale: Locale; delimiter?: Delimiter },
): Promise<{ bytes: Uint8Array<ArrayBuffer>; count: number }> {
  const t = (key: string) => translate(options.locale, key);
  const rows = await exhibitorsWithBooths(db, conferenceId, false);
  const collator = new Intl.Collator("vi");
  rows.sort((a, b) => collator.compare(a.name_vi, b.name_vi) || a.id - b.id);
  const state = (r: (typeof rows)[number]) =>
    r.booths.length === 0
      ? ""
      : r.booths.every((b) => b.confirmed_at !== null)
        ? t("exhibition.boothState.confirmed")
        : r.booths.every((b) => b.locked === 1 || b.confirmed_at !== null)
          ? t("exhibition.allocation.locked")
          : t("exhibition.boothState.allocated");
  const table = [
    CSV_COLUMNS.map((c) => t(`exhibition.allocation.csv.${c}`)),
    ...rows.map((r) => [
      r.id,
      t(`exhibition.status.${r.status}`),
      r.name_vi,
      r.name_en,
      t(`exhibition.kind.${r.kind}`),
      (options.locale === "en" ? r.province_en : r.province_vi) ?? "",
      r.booths.map((b) => b.code).join(" "),
      r.booths[0] ? t(`exhibition.zone.${r.booths[0].zone}`) : "",
      state(r),
      r.booths_needed,
      r.min_area,
      parseWishes(r.zone_wishes, ZONES, MAX_ZONE_WISHES)
        .map((z) => t(`exhibition.zone.${z}`))
        .join("; "),
      r.contact_name,
      r.contact_email,
      r.contact_phone,
      r.website,
    ]),
  ];
  return { bytes: toCsvBytes(table, options.delimiter ?? ","), count: rows.length };
}
