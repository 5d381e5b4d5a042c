import { getDb } from "~/platform/db.server";
import type { Db } from "~/platform/types";
import type { BadgeData } from "~/features/registration/pdf/badge";
import { ORGANISATION_KINDS } from "~/auth/roles";

/** Badge rows: a registration with its organisation, in BadgeData's shape. */
function badgeQuery(db: Db = getDb()) {
  return db
    .selectFrom("registrations as r")
    .innerJoin("organisations as o", "o.id", "r.organisation_id")
    .select([
      "r.id as registrationId",
      "r.badge_code as badgeCode",
      "r.honorific",
      "r.full_name as fullName",
      "r.position",
      "o.name_vi as organisationVi",
      "o.name_en as organisationEn",
      "o.kind as organisationKind",
      "r.mode",
      "r.status",
    ]);
}

/** The signed-in delegate's own badge: ownership in the WHERE, and only once approved. */
export async function getOwnBadge(userId: string, conferenceId: number): Promise<BadgeData | null> {
  return (
    (await badgeQuery()
      .where("r.user_id", "=", userId)
      .where("r.conference_id", "=", conferenceId)
      .where("r.status", "=", "approved")
      .executeTakeFirst()) ?? null
  );
}

/** Any registration's badge, for staff (a badge that is not approved says so on its face). */
export async function getBadge(conferenceId: number, registrationId: number): Promise<BadgeData | null> {
  return (
    (await badgeQuery()
      .where("r.conference_id", "=", conferenceId)
      .where("r.id", "=", registrationId)
      .executeTakeFirst()) ?? null
  );
}

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });
const kindRank = (kind: string) => ORGANISATION_KINDS.indexOf(kind as (typeof ORGANISATION_KINDS)[number]);

/**
 * Every approved in-person delegate, in one query, ordered for the printer's
 * stack: by organisation kind (ministries, provinces, missions…), then
 * organisation and person in Vietnamese alphabetical order (SQLite's binary
 * order would put "Đ" after "Z", so names are compared with a collator).
 * `db`: the batch job's own read-only handle in its worker thread.
 */
export async function listBatchBadges(conferenceId: number, db: Db = getDb()): Promise<BadgeData[]> {
  const rows = await badgeQuery(db)
    .where("r.conference_id", "=", conferenceId)
    .where("r.status", "=", "approved")
    .where("r.mode", "=", "in_person")
    .execute();
  return rows.sort(
    (a, b) =>
      kindRank(a.organisationKind) - kindRank(b.organisationKind) ||
      collator.compare(a.organisationVi, b.organisationVi) ||
      collator.compare(a.fullName, b.fullName) ||
      a.registrationId - b.registrationId,
  );
}
