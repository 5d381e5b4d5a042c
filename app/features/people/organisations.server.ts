import { getDb } from "~/platform/db.server";
import type { OrganisationKind } from "~/auth/roles";
import { searchPattern } from "~/lib/text";

export const ORGANISATION_PAGE_SIZE = 50;

export interface OrganisationQuery {
  q?: string | null;
  kind?: OrganisationKind | null;
  page?: number;
}

/** Organisations matching a diacritic-insensitive search, in the order people expect. */
export async function listOrganisations({ q, kind, page = 1 }: OrganisationQuery) {
  const db = getDb();
  const pattern = q ? searchPattern(q) : null;
  let query = db.selectFrom("organisations");
  if (pattern) query = query.where("search_key", "like", pattern);
  if (kind) query = query.where("kind", "=", kind);
  const [{ total }] = await query.select((eb) => eb.fn.countAll<number>().as("total")).execute();
  const rows = await query
    .select([
      "id",
      "code",
      "kind",
      "name_vi",
      "name_en",
      "abbreviation",
      "mission_type",
      "country_vi",
      "country_en",
      "city_vi",
      "city_en",
      "time_zone",
      "region",
    ])
    .orderBy("kind")
    .orderBy("name_vi")
    .limit(ORGANISATION_PAGE_SIZE)
    .offset((Math.max(1, page) - 1) * ORGANISATION_PAGE_SIZE)
    .execute();
  const counts = await db
    .selectFrom("organisations")
    .select(["kind", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("kind")
    .execute();
  return {
    rows,
    total: Number(total),
    pageSize: ORGANISATION_PAGE_SIZE,
    countsByKind: Object.fromEntries(counts.map((c) => [c.kind, Number(c.n)])) as Partial<
      Record<OrganisationKind, number>
    >,
  };
}

export async function getOrganisation(id: number) {
  return getDb().selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Id and names of every organisation, for choosers. */
export async function listOrganisationOptions() {
  return getDb()
    .selectFrom("organisations")
    .select(["id", "kind", "name_vi", "name_en"])
    .orderBy("kind")
    .orderBy("name_vi")
    .execute();
}
