import { getDb } from "~/platform/db.server";
import type { OrganisationKind } from "~/auth/roles";
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from "kysely";
import { searchKey } from "~/lib/text";
import { compactNeedle, organisationNeedles, organisationRank } from "./organisation-search";

export const ORGANISATION_PAGE_SIZE = 50;

export interface OrganisationQuery {
  q?: string | null;
  kind?: OrganisationKind | null;
  page?: number;
}

/**
 * The WHERE for an organisation search over a search_key column, as people type it
 * (organisation-search.ts): any needle of the query in the key, or with the spaces left out.
 * Null when the query is empty. Shared by /organisations and the meetings' party search.
 */
export function organisationSearchWhere<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: string,
  query: string | null | undefined,
): Expression<SqlBool> | null {
  const needles = organisationNeedles(query ?? "");
  if (needles.length === 0) return null;
  const ref = sql.ref(column);
  return eb.or(
    needles.flatMap((needle) => {
      const compact = compactNeedle(needle);
      return [
        sql<SqlBool>`${ref} like ${`%${needle}%`}`,
        ...(compact ? [sql<SqlBool>`replace(replace(${ref}, ' ', ''), '|', '') like ${`%${compact}%`}`] : []),
      ];
    }),
  );
}

/** Sorts search results best match first (a name that is what was typed before one that contains it), stably. */
export function byOrganisationRank<T extends { search_key: string; name_vi: string; name_en: string }>(
  rows: T[],
  query: string | null | undefined,
): T[] {
  const needles = organisationNeedles(query ?? "");
  if (needles.length === 0) return rows;
  return rows
    .map((row, i) => ({ row, i, rank: organisationRank(searchKey(row.name_vi, row.name_en), needles, row.search_key) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.row);
}

/** Organisations matching a diacritic-insensitive search, in the order people expect. */
export async function listOrganisations({ q, kind, page = 1 }: OrganisationQuery) {
  const db = getDb();
  let query = db.selectFrom("organisations");
  if (q) query = query.where((eb) => organisationSearchWhere(eb, "search_key", q) ?? sql<SqlBool>`1 = 1`);
  if (kind) query = query.where("kind", "=", kind);
  const [{ total }] = await query.select((eb) => eb.fn.countAll<number>().as("total")).execute();
  const all = await query
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
      "search_key",
    ])
    .orderBy("kind")
    .orderBy("name_vi")
    .execute();
  // A few hundred organisations at most: ranked here, best match first, then paged.
  const start = (Math.max(1, page) - 1) * ORGANISATION_PAGE_SIZE;
  const rows = byOrganisationRank(all, q)
    .slice(start, start + ORGANISATION_PAGE_SIZE)
    .map(({ search_key: _key, ...row }) => row);
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
