import { createHash, randomBytes } from "node:crypto";
import type { Invitation, InvitationPurpose } from "../../../db/schema";
import { getDb, nowIso } from "~/platform/db.server";
import { hashPassword } from "~/auth/password.server";
import { createSession, getLucia, sessionCookie } from "~/auth/lucia.server";
import type { Locale } from "~/platform/i18n";
import { translate } from "~/features/people/i18n";
import type { Role } from "~/auth/roles";
import { formatInstant, CONFERENCE_ZONE } from "~/lib/time";
import { recordAudit } from "../../platform/audit.server";
import { queueEmail } from "../../platform/outbox.server";
import { invalid, notFound, type Actor, type Db, type Result, type Trx } from "../../platform/types";
import { createUser } from "./users.server";
import { nowMs } from "~/lib/clock";

export const INVITATION_DAYS = 7;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function publicUrl(): string {
  return (process.env.PUBLIC_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, "");
}

export type InviteResult = Result<{ link: string; expiresAt: string; invitationId: number }>;

/**
 * Invites a person: a random token goes into the link, only its hash is kept.
 * Inviting the same e-mail again withdraws the earlier pending invitation.
 */
export async function createInvitation(
  input: { email: string; fullName: string; role: Role; organisationId: number | null },
  actor: Actor & { locale: Locale },
): Promise<InviteResult> {
  const db = getDb();
  return db.transaction().execute(async (trx): Promise<InviteResult> => {
    // An existing account is invited all the same: following the link proves the mailbox, and
    // accepting ends the account's other sessions before the new role applies.
    if (input.organisationId !== null) {
      const org = await trx
        .selectFrom("organisations")
        .select("id")
        .where("id", "=", input.organisationId)
        .executeTakeFirst();
      if (!org) return invalid("errors.unknownOrganisation", "organisationId");
    }
    const { id: invitationId, token, expiresAt } = await issueInvitation(trx, { ...input, invitedBy: actor.id });
    const link = invitationLink(token);
    // The invitee's language is unknown: the e-mail is in Vietnamese with English below.
    const body = (["vi", "en"] as const)
      .map((l) =>
        translate(l, "email.invite.body", {
          name: input.fullName,
          role: translate(l, `role.${input.role}`),
          expires: `${formatInstant(expiresAt, CONFERENCE_ZONE, l)} (${l === "vi" ? "giờ Hà Nội" : "Hà Nội time"})`,
          link,
        }),
      )
      .join("\n\n---\n\n");
    await queueEmail(trx, {
      to: input.email,
      subject: `${translate("vi", "email.invite.subject")} / ${translate("en", "email.invite.subject")}`,
      body,
      kind: "invitation",
    });
    await recordAudit(trx, {
      actorId: actor.id,
      action: "invitation.create",
      entity: "invitation",
      entityId: invitationId,
      detail: { email: input.email, role: input.role },
      ip: actor.ip,
    });
    return { ok: true, link, expiresAt, invitationId };
  });
}

export const invitationLink = (token: string) => `${publicUrl()}/invite/${token}`;

/**
 * Creates a one-time set-password token for an e-mail (in the caller's transaction),
 * withdrawing any earlier pending one. Returns the raw token once.
 */
export async function issueInvitation(
  trx: Db,
  input: { email: string; fullName: string; role: Role; organisationId: number | null; invitedBy: string | null },
  options: { hours?: number; purpose?: InvitationPurpose } = {},
) {
  const now = nowIso();
  const purpose = options.purpose ?? "invite";
  // A new link replaces the earlier one of the same purpose only (a reset does not withdraw an invitation).
  await trx
    .updateTable("invitations")
    .set({ revoked_at: now })
    .where("email", "=", input.email)
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .execute();
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(nowMs() + (options.hours ?? INVITATION_DAYS * 24) * 3_600_000).toISOString();
  const row = await trx
    .insertInto("invitations")
    .values({
      email: input.email,
      full_name: input.fullName,
      role: input.role,
      organisation_id: input.organisationId,
      token_hash: hashToken(token),
      expires_at: expiresAt,
      used_at: null,
      revoked_at: null,
      invited_by: input.invitedBy,
      created_at: now,
      purpose,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, token, expiresAt };
}

export type InvitationState = "valid" | "invalid" | "expired" | "used" | "revoked";

export async function findInvitation(token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { state: "invalid" as const, invitation: null };
  const invitation = await getDb()
    .selectFrom("invitations")
    .selectAll()
    .where("token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!invitation) return { state: "invalid" as const, invitation: null };
  const state: InvitationState = invitation.used_at
    ? "used"
    : invitation.revoked_at
      ? "revoked"
      : invitation.expires_at <= nowIso()
        ? "expired"
        : "valid";
  return { state, invitation };
}

/** What else follows from a used invitation, in the same transaction; its answer comes back as `followUp`. */
export type AcceptHook<T> = (trx: Trx, invitationId: number, userId: string) => Promise<T>;

/**
 * Uses an invitation: sets the password (creating the account if needed), runs the caller's
 * `onAccepted` in the same transaction (the invitation page turns a registration sent through the
 * public form into a registration there), ends the account's other sessions and opens a new one.
 * Marking it used is conditional, so two tabs cannot both use it; a disabled account is refused
 * (and the claim rolled back).
 */
export async function acceptInvitation<T = null>(
  token: string,
  password: string,
  ip: string | null,
  hooks: { onAccepted?: AcceptHook<T> } = {},
) {
  const found = await findInvitation(token);
  if (found.state !== "valid" || !found.invitation) return { ok: false as const, state: found.state };
  const hash = await hashPassword(password);
  const outcome = await getDb()
    .transaction()
    .execute((trx) => claimAndApply(trx, found.invitation!, hash, ip, hooks.onAccepted))
    .catch((error: unknown) => {
      if (error instanceof DisabledAccount) return "disabled" as const;
      throw error;
    });
  if (outcome === "disabled") return { ok: false as const, state: "revoked" as InvitationState };
  if (!outcome) return { ok: false as const, state: "used" as InvitationState };
  // No role, new or old, is ever granted to a session opened before the link was followed.
  await getLucia().invalidateUserSessions(outcome.id);
  const session = await createSession(outcome.id);
  return { ok: true as const, sessionCookie: sessionCookie(session), followUp: outcome.followUp };
}

/** Thrown inside the accepting transaction so that its claim on the link rolls back. */
class DisabledAccount extends Error {}

async function claimAndApply<T>(
  trx: Trx,
  inv: Invitation,
  hash: string,
  ip: string | null,
  onAccepted: AcceptHook<T> | undefined,
) {
  const claimed = await trx
    .updateTable("invitations")
    .set({ used_at: nowIso() })
    .where("id", "=", inv.id)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", nowIso())
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return null;
  const existing = await trx
    .selectFrom("users")
    .select(["id", "disabled_at", "organisation_id"])
    .where("email", "=", inv.email)
    .executeTakeFirst();
  // A link never reopens a disabled account (an organiser enables it on /admin/people).
  if (existing?.disabled_at) throw new DisabledAccount();
  let id: string;
  if (existing) {
    id = existing.id;
    // Heading an organisation does not travel to another one.
    const moved = existing.organisation_id !== inv.organisation_id;
    await trx
      .updateTable("users")
      .set({
        password_hash: hash,
        role: inv.role,
        organisation_id: inv.organisation_id,
        updated_at: nowIso(),
        ...(moved ? { heads_organisation: 0 } : {}),
      })
      .where("id", "=", id)
      .execute();
  } else {
    id = await createUser(trx, {
      email: inv.email,
      fullName: inv.full_name,
      role: inv.role,
      organisationId: inv.organisation_id,
      passwordHash: hash,
    });
  }
  await recordAudit(trx, { actorId: id, action: "invitation.accept", entity: "invitation", entityId: inv.id, ip });
  const followUp = onAccepted ? await onAccepted(trx, inv.id, id) : null;
  return { id, followUp };
}

export async function listPendingInvitations() {
  return getDb()
    .selectFrom("invitations as i")
    .leftJoin("organisations as o", "o.id", "i.organisation_id")
    .select([
      "i.id",
      "i.email",
      "i.full_name",
      "i.role",
      "i.expires_at",
      "i.created_at",
      "o.name_vi as organisation_vi",
      "o.name_en as organisation_en",
    ])
    .where("i.used_at", "is", null)
    .where("i.revoked_at", "is", null)
    .where("i.expires_at", ">", nowIso())
    .orderBy("i.created_at", "desc")
    .execute();
}

/** Withdraws a pending invitation; one already used or withdrawn, or none, is refused as not found. */
export async function revokeInvitation(id: number, actor: Actor): Promise<Result> {
  const db = getDb();
  return db.transaction().execute(async (trx): Promise<Result> => {
    const res = await trx
      .updateTable("invitations")
      .set({ revoked_at: nowIso() })
      .where("id", "=", id)
      .where("used_at", "is", null)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return notFound();
    await recordAudit(trx, {
      actorId: actor.id,
      action: "invitation.revoke",
      entity: "invitation",
      entityId: id,
      ip: actor.ip,
    });
    return { ok: true };
  });
}
