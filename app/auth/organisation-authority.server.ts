import type { OrganisationKind } from "~/auth/roles";
import { getDb } from "~/platform/db.server";
import type { Db } from "~/platform/types";

/**
 * Who may act for an organisation, and read its meeting requests and meetings: the one rule
 * (decision 011). Authority comes from an organiser's decision, never from what a person typed:
 * - a mission abroad or a foreign partner speaks through its **designated head** only (an organiser
 *   makes an account the head, on /admin/people);
 * - a province, ministry or other organisation through a delegate whose **registration for it in
 *   this conference is approved** (the registration, not the account, names the organisation).
 * Every loader and action that touches an organisation's meetings asks this function.
 */
export type OrganisationAuthority =
  | { ok: true; organisationId: number; kind: OrganisationKind; basis: "designated_head" | "approved_registration" }
  | { ok: false; key: AuthorityRefusal; organisationId: number | null };

export type AuthorityRefusal =
  "meetings.errors.noOrganisation" | "meetings.errors.notApproved" | "meetings.errors.notHead";

/** Kinds that speak only through a designated head. */
export const HEADED_KINDS: readonly OrganisationKind[] = ["mission", "foreign"];

export async function organisationAuthority(
  db: Db,
  userId: string,
  conferenceId: number,
): Promise<OrganisationAuthority> {
  const user = await db
    .selectFrom("users as u")
    .leftJoin("organisations as o", "o.id", "u.organisation_id")
    .select(["u.organisation_id", "u.heads_organisation", "u.disabled_at", "o.kind"])
    .where("u.id", "=", userId)
    .executeTakeFirst();
  if (!user || user.disabled_at !== null)
    return { ok: false, key: "meetings.errors.noOrganisation", organisationId: null };
  if (user.heads_organisation === 1 && user.organisation_id !== null && user.kind) {
    return {
      ok: true,
      organisationId: user.organisation_id,
      kind: user.kind as OrganisationKind,
      basis: "designated_head",
    };
  }
  const registration = await db
    .selectFrom("registrations as r")
    .innerJoin("organisations as o", "o.id", "r.organisation_id")
    .select(["r.organisation_id", "r.status", "o.kind"])
    .where("r.user_id", "=", userId)
    .where("r.conference_id", "=", conferenceId)
    .executeTakeFirst();
  if (!registration) {
    // Staff of a mission or partner: only the head speaks for it.
    const headed = user.kind !== null && HEADED_KINDS.includes(user.kind as OrganisationKind);
    return {
      ok: false,
      key: headed ? "meetings.errors.notHead" : "meetings.errors.noOrganisation",
      organisationId: user.organisation_id,
    };
  }
  const kind = registration.kind as OrganisationKind;
  if (HEADED_KINDS.includes(kind))
    return { ok: false, key: "meetings.errors.notHead", organisationId: registration.organisation_id };
  if (registration.status !== "approved")
    return { ok: false, key: "meetings.errors.notApproved", organisationId: registration.organisation_id };
  return { ok: true, organisationId: registration.organisation_id, kind, basis: "approved_registration" };
}

/**
 * The refusal key when the user may not act for this organisation in this conference, else null.
 * `otherwise` names the refusal for someone who speaks for a different organisation.
 */
export async function refusalToActFor(
  db: Db,
  userId: string,
  conferenceId: number,
  organisationId: number,
  otherwise = "meetings.errors.notYours",
): Promise<string | null> {
  const authority = await organisationAuthority(db, userId, conferenceId);
  if (!authority.ok) {
    if (authority.organisationId === organisationId || authority.key === "meetings.errors.noOrganisation")
      return authority.key;
    return otherwise;
  }
  return authority.organisationId === organisationId ? null : otherwise;
}

/** organisationAuthority on the process's database handle, for loaders and actions. */
export function authorityOf(userId: string, conferenceId: number): Promise<OrganisationAuthority> {
  return organisationAuthority(getDb(), userId, conferenceId);
}
