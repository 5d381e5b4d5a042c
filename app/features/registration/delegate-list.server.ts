import type { SelectQueryBuilder } from "kysely";
import { getDb } from "~/platform/db.server";
import type { DelegateFilters } from "~/features/registration/delegate-filters";
import { searchPattern } from "~/lib/text";
import type { Database } from "../../../db/schema";

export const DELEGATE_PAGE_SIZE = 50;

type DelegateQuery = SelectQueryBuilder<
  Database & { r: Database["registrations"]; o: Database["organisations"] },
  "r" | "o",
  object
>;

/** The registrations of a conference, joined with their organisation, narrowed by the filters. */
export function filteredDelegates(conferenceId: number, f: DelegateFilters): DelegateQuery {
  let q = getDb()
    .selectFrom("registrations as r")
    .innerJoin("organisations as o", "o.id", "r.organisation_id")
    .where("r.conference_id", "=", conferenceId) as unknown as DelegateQuery;
  const pattern = f.q ? searchPattern(f.q) : null;
  if (pattern) q = q.where("r.search_key", "like", pattern);
  if (f.status) q = q.where("r.status", "=", f.status);
  if (f.mode) q = q.where("r.mode", "=", f.mode);
  if (f.kind) q = q.where("o.kind", "=", f.kind);
  if (f.organisationId) q = q.where("r.organisation_id", "=", f.organisationId);
  return q;
}

/** Sorted by the chosen column, ties broken by id so that pages never overlap. */
export function sortedDelegates(q: DelegateQuery, f: DelegateFilters): DelegateQuery {
  const dir = f.desc ? "desc" : "asc";
  // Folded keys sort Vietnamese names as people expect (SQLite's binary order puts "Đ" after "Z").
  const sorted =
    f.sort === "name"
      ? q.orderBy("r.search_key", dir)
      : f.sort === "organisation"
        ? q.orderBy("o.search_key", dir).orderBy("r.search_key", "asc")
        : f.sort === "status"
          ? q.orderBy("r.status", dir).orderBy("r.created_at", "asc")
          : q.orderBy("r.created_at", dir);
  return sorted.orderBy("r.id", dir);
}

export const delegateColumns = [
  "r.id",
  "r.honorific",
  "r.full_name",
  "r.position",
  "r.email",
  "r.phone",
  "r.mode",
  "r.status",
  "r.interpretation",
  "r.dietary",
  "r.consent_to_list",
  "r.badge_code",
  "r.checked_in_at",
  "r.created_at",
  "r.waitlisted_at",
  "r.organisation_id",
  "o.code as organisation_code",
  "o.name_vi as organisation_vi",
  "o.name_en as organisation_en",
  "o.kind as organisation_kind",
] as const;

/** What the list page shows (the export takes all of delegateColumns). */
const listColumns = [
  "r.id",
  "r.honorific",
  "r.full_name",
  "r.position",
  "r.mode",
  "r.status",
  "r.checked_in_at",
  "r.created_at",
  "r.organisation_id",
  "o.name_vi as organisation_vi",
  "o.name_en as organisation_en",
] as const;

export async function listDelegates(conferenceId: number, f: DelegateFilters) {
  const base = filteredDelegates(conferenceId, f);
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as("total")).execute();
  const rows = await sortedDelegates(base, f)
    .select([...listColumns])
    .limit(DELEGATE_PAGE_SIZE)
    .offset((f.page - 1) * DELEGATE_PAGE_SIZE)
    .execute();
  const [{ all }] = await getDb()
    .selectFrom("registrations")
    .select((eb) => eb.fn.countAll<number>().as("all"))
    .where("conference_id", "=", conferenceId)
    .execute();
  return { rows, total: Number(total), all: Number(all), pageSize: DELEGATE_PAGE_SIZE };
}
