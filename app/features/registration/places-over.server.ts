import type { OrganisationKind } from "~/auth/roles";
import { HOLDING_STATUSES, type RegistrationStatus } from "~/features/registration/rules";
import type { Db } from "../../platform/types";

/**
 * Who holds an in-person place beyond a lowered capacity or quota. Lowering never moves anyone by
 * itself: the organiser is warned before saving, then sees here who is over and decides (another
 * mode, a cancellation) on each delegate's page. "Beyond" are the last to have been given their
 * place (the latest status change), as a waiting list would have ordered them.
 */
export interface HeldPlace {
  id: number;
  full_name: string;
  status: RegistrationStatus;
  status_changed_at: string;
}

export interface OrganisationOver {
  organisationId: number;
  name_vi: string;
  name_en: string;
  quota: number;
  held: number;
  beyond: HeldPlace[];
}

export interface PlacesOver {
  capacity: number;
  held: number;
  /** Beyond the conference's capacity (empty when within). */
  beyond: HeldPlace[];
  organisations: OrganisationOver[];
}

interface HolderRow extends HeldPlace {
  organisation_id: number;
  kind: OrganisationKind;
  name_vi: string;
  name_en: string;
}

/** The in-person holders of a conference, latest first (one query). */
async function holders(db: Db, conferenceId: number): Promise<HolderRow[]> {
  return (await db
    .selectFrom("registrations as r")
    .innerJoin("organisations as o", "o.id", "r.organisation_id")
    .select([
      "r.id",
      "r.full_name",
      "r.status",
      "r.status_changed_at",
      "r.organisation_id",
      "o.kind",
      "o.name_vi",
      "o.name_en",
    ])
    .where("r.conference_id", "=", conferenceId)
    .where("r.mode", "=", "in_person")
    .where("r.status", "in", [...HOLDING_STATUSES])
    .orderBy("r.status_changed_at", "desc")
    .orderBy("r.id", "desc")
    .execute()) as HolderRow[];
}

/** Quotas as they would be: the stored ones with `change` applied (a kind's or one organisation's). */
export type QuotaChange =
  | { kind: OrganisationKind; places: number | null }
  | { organisationId: number; places: number | null }
  | { capacity: number };

export async function placesOver(db: Db, conferenceId: number, change?: QuotaChange): Promise<PlacesOver> {
  const [conference, rows, kindRows, ownRows] = await Promise.all([
    db.selectFrom("conferences").select("in_person_capacity").where("id", "=", conferenceId).executeTakeFirstOrThrow(),
    holders(db, conferenceId),
    db.selectFrom("kind_quotas").select(["kind", "places"]).where("conference_id", "=", conferenceId).execute(),
    db
      .selectFrom("organisation_quotas")
      .select(["organisation_id", "places"])
      .where("conference_id", "=", conferenceId)
      .execute(),
  ]);
  const byKind = new Map<string, number>(kindRows.map((k) => [k.kind, k.places]));
  const own = new Map<number, number>(ownRows.map((q) => [q.organisation_id, q.places]));
  let capacity = conference.in_person_capacity;
  if (change && "capacity" in change) capacity = change.capacity;
  else if (change && "kind" in change) {
    if (change.places === null) byKind.delete(change.kind);
    else byKind.set(change.kind, change.places);
  } else if (change && "organisationId" in change) {
    if (change.places === null) own.delete(change.organisationId);
    else own.set(change.organisationId, change.places);
  }
  const place = ({ id, full_name, status, status_changed_at }: HolderRow): HeldPlace => ({
    id,
    full_name,
    status,
    status_changed_at,
  });

  const groups = new Map<number, HolderRow[]>();
  for (const row of rows) groups.set(row.organisation_id, [...(groups.get(row.organisation_id) ?? []), row]);
  const organisations: OrganisationOver[] = [];
  for (const [organisationId, held] of groups) {
    const quota = own.get(organisationId) ?? byKind.get(held[0].kind);
    if (quota === undefined || held.length <= quota) continue;
    organisations.push({
      organisationId,
      name_vi: held[0].name_vi,
      name_en: held[0].name_en,
      quota,
      held: held.length,
      beyond: held.slice(0, held.length - quota).map(place),
    });
  }
  organisations.sort((a, b) => a.name_vi.localeCompare(b.name_vi, "vi"));
  const over = Math.max(0, rows.length - capacity);
  return { capacity, held: rows.length, beyond: rows.slice(0, over).map(place), organisations };
}

/** What a change would newly put over: places beyond, and the organisations affected (for the warning). */
export async function overAfter(db: Db, conferenceId: number, change: QuotaChange) {
  const [now, next] = await Promise.all([placesOver(db, conferenceId), placesOver(db, conferenceId, change)]);
  const before = new Map(now.organisations.map((o) => [o.organisationId, o.beyond.length]));
  const organisations = next.organisations.filter((o) => o.beyond.length > (before.get(o.organisationId) ?? 0));
  const conferenceBeyond = next.beyond.length > now.beyond.length ? next.beyond.length : 0;
  const places = organisations.reduce((n, o) => n + o.beyond.length, 0) + conferenceBeyond;
  return { places, organisations, conferenceBeyond };
}
