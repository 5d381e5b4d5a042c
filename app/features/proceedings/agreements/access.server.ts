import { can } from "~/auth/permissions";
import type { Role } from "~/auth/roles";
import { organisationAuthority } from "~/auth/organisation-authority.server";
import { forbidden, type Result } from "~/platform/types";

/** Kinds of organisation that sign agreements under Law 70/2020: localities and ministries. */
export const SIGNING_KINDS = ["province", "ministry"] as const;

/**
 * Who sees and changes which agreements: the one rule for the loaders and the actions.
 * Staff with read:agreement:any see every one; a delegate only those of the organisation they have
 * authority over (organisationAuthority: an approved registration for a province or ministry).
 */
export interface AgreementScope {
  conferenceId: number;
  userId: string;
  /** null: every organisation (staff). */
  organisationId: number | null;
  /** May record the Ministry's opinion, step back, and change any agreement. */
  staffUpdate: boolean;
}

/** The refusal keys a page explains (how to get authority). */
export const NO_AUTHORITY_KEYS = {
  "meetings.errors.noOrganisation": "proceedings.agreements.errors.noOrganisation",
  "meetings.errors.notApproved": "proceedings.agreements.errors.notApproved",
  "meetings.errors.notHead": "proceedings.agreements.errors.notSigningKind",
} as const;

export async function agreementScope(
  db: Parameters<typeof organisationAuthority>[0],
  user: { id: string; role: Role },
  conferenceId: number,
): Promise<Result<{ scope: AgreementScope }>> {
  if (can(user.role, "read:agreement:any"))
    return {
      ok: true,
      scope: {
        conferenceId,
        userId: user.id,
        organisationId: null,
        staffUpdate: can(user.role, "update:agreement:any"),
      },
    };
  const authority = await organisationAuthority(db, user.id, conferenceId);
  if (!authority.ok) return forbidden(NO_AUTHORITY_KEYS[authority.key]);
  if (!(SIGNING_KINDS as readonly string[]).includes(authority.kind))
    return forbidden("proceedings.agreements.errors.notSigningKind");
  return {
    ok: true,
    scope: { conferenceId, userId: user.id, organisationId: authority.organisationId, staffUpdate: false },
  };
}
