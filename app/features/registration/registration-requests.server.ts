import { getDb, nowIso } from "~/platform/db.server";
import { translate } from "~/features/registration/i18n";
import type { RegistrationInput } from "~/features/registration/schema";
import { CONFERENCE_ZONE, formatInstant } from "~/lib/time";
import type { Conference } from "../../../db/schema";
import { invitationLink, issueInvitation, publicUrl } from "../people/invitations.server";
import { queueEmail } from "../../platform/outbox.server";
import { recordAudit } from "../../platform/audit.server";
import { invalid, tooMany, type Db, type Result } from "../../platform/types";
import { createRegistration } from "./registrations.server";
import { takeAllowance } from "../../platform/throttle.server";

/**
 * The public form proves nothing yet (decision 011): it records a registration request and
 * mails a one-time link. Following it proves the mailbox, sets the password, and only then makes
 * the registration (pending, or on the waiting list). An e-mail that already has an account or a
 * registration gets a note instead, and the form answers the same either way.
 */
export const CONFIRM_HOURS = 48;
/**
 * A province's office may register its delegation from one address; a flood may not.
 * REGISTRATION_LIMIT_PER_ADDRESS raises it (a venue's shared network; the load benchmark).
 */
export const REGISTRATIONS_PER_ADDRESS_PER_HOUR = Number(process.env.REGISTRATION_LIMIT_PER_ADDRESS) || 20;
export const MAILS_PER_RECIPIENT_PER_HOUR = 3;

export async function requestRegistration(
  input: RegistrationInput,
  ctx: { conference: Conference; ip: string | null },
): Promise<Result> {
  return getDb()
    .transaction()
    .execute(async (trx): Promise<Result> => {
      const organisation = await trx
        .selectFrom("organisations")
        .select("id")
        .where("id", "=", input.organisationId)
        .executeTakeFirst();
      if (!organisation) return invalid("errors.unknownOrganisation", "organisationId");
      // The same limits whether or not the address is known, so they tell nothing about it.
      const allowed = await takeAllowance(trx, [
        ...(ctx.ip
          ? [{ key: `register:ip:${ctx.ip}`, limit: REGISTRATIONS_PER_ADDRESS_PER_HOUR, windowMinutes: 60 }]
          : []),
        { key: `register:to:${input.email}`, limit: MAILS_PER_RECIPIENT_PER_HOUR, windowMinutes: 60 },
      ]);
      if (!allowed.ok) return tooMany("registration.tooMany");
      const now = nowIso();
      await trx
        .deleteFrom("registration_requests")
        .where("expires_at", "<=", now)
        .where("confirmed_at", "is", null)
        .execute();
      const account = await trx.selectFrom("users").select("id").where("email", "=", input.email).executeTakeFirst();
      const registered = await trx
        .selectFrom("registrations")
        .select("id")
        .where("conference_id", "=", ctx.conference.id)
        .where("email", "=", input.email)
        .executeTakeFirst();
      if (account || registered) {
        await queueEmail(trx, {
          to: input.email,
          subject: bilingualSubject("registration.knownAddress.subject"),
          body: knownAddressBody(),
          kind: "registration.known_address",
        });
        await recordAudit(trx, {
          actorId: null,
          action: "registration.request_known_address",
          entity: "user",
          entityId: account?.id ?? null,
          ip: ctx.ip,
        });
        return { ok: true };
      }
      // A second try replaces the first: one live link per address.
      const earlier = await trx
        .selectFrom("registration_requests")
        .select(["id", "invitation_id"])
        .where("conference_id", "=", ctx.conference.id)
        .where("email", "=", input.email)
        .where("confirmed_at", "is", null)
        .execute();
      if (earlier.length)
        await trx
          .deleteFrom("registration_requests")
          .where(
            "id",
            "in",
            earlier.map((r) => r.id),
          )
          .execute();
      const invitation = await issueInvitation(
        trx,
        {
          email: input.email,
          fullName: input.fullName,
          role: "delegate",
          organisationId: input.organisationId,
          invitedBy: null,
        },
        { hours: CONFIRM_HOURS, purpose: "registration" },
      );
      const row = await trx
        .insertInto("registration_requests")
        .values({
          conference_id: ctx.conference.id,
          invitation_id: invitation.id,
          email: input.email,
          full_name: input.fullName,
          organisation_id: input.organisationId,
          input: JSON.stringify(input),
          ip: ctx.ip,
          created_at: now,
          expires_at: invitation.expiresAt,
          registration_id: null,
          confirmed_at: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const link = invitationLink(invitation.token);
      const body = (["vi", "en"] as const)
        .map((l) =>
          translate(l, "registration.confirm.body", {
            name: input.fullName,
            conference: l === "vi" ? ctx.conference.title_vi : ctx.conference.title_en,
            expires: `${formatInstant(invitation.expiresAt, CONFERENCE_ZONE, l)} (${l === "vi" ? "giờ Hà Nội" : "Hà Nội time"})`,
            link,
          }),
        )
        .join("\n\n---\n\n");
      await queueEmail(trx, {
        to: input.email,
        subject: bilingualSubject("registration.confirm.subject"),
        body,
        kind: "registration.confirm",
      });
      await recordAudit(trx, {
        actorId: null,
        action: "registration.request",
        entity: "registration_request",
        entityId: row.id,
        detail: { organisationId: input.organisationId },
        ip: ctx.ip,
      });
      return { ok: true };
    });
}

/**
 * Called when an invitation is accepted, inside its transaction (the hook the invitation page
 * gives acceptInvitation): a registration request behind it becomes the registration. Returns
 * its id, or the refusal (e.g. the address registered meanwhile by other means), or null when the
 * invitation was not a registration's.
 */
export async function confirmRegistrationRequest(
  db: Db,
  invitationId: number,
  userId: string,
  ip: string | null,
): Promise<Result<{ registrationId: number }> | null> {
  const request = await db
    .selectFrom("registration_requests")
    .selectAll()
    .where("invitation_id", "=", invitationId)
    .where("confirmed_at", "is", null)
    .executeTakeFirst();
  if (!request) return null;
  const input = JSON.parse(request.input) as RegistrationInput;
  const created = await createRegistration(db, input, {
    conferenceId: request.conference_id,
    userId,
    attachExistingAccount: false,
    actor: { id: userId, ip },
  });
  if (!created.ok) return created;
  await db
    .updateTable("registration_requests")
    .set({ confirmed_at: nowIso(), registration_id: created.registrationId })
    .where("id", "=", request.id)
    .execute();
  return { ok: true, registrationId: created.registrationId };
}

const unconfirmedOf = (conferenceId: number) =>
  getDb()
    .selectFrom("registration_requests as q")
    .where("q.conference_id", "=", conferenceId)
    .where("q.confirmed_at", "is", null)
    .where("q.expires_at", ">", nowIso());

/** How many registrations of the conference wait for their link to be followed. */
export async function countUnconfirmed(conferenceId: number): Promise<number> {
  return Number(
    (
      await unconfirmedOf(conferenceId)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

/** Unconfirmed registrations of the conference, newest first (the organisers' filter). */
export async function listUnconfirmed(conferenceId: number) {
  return unconfirmedOf(conferenceId)
    .innerJoin("organisations as o", "o.id", "q.organisation_id")
    .select([
      "q.id",
      "q.email",
      "q.full_name",
      "q.created_at",
      "q.expires_at",
      "o.name_vi as organisation_vi",
      "o.name_en as organisation_en",
    ])
    .orderBy("q.created_at", "desc")
    .limit(500)
    .execute();
}

function bilingualSubject(key: string): string {
  return `${translate("vi", key)} / ${translate("en", key)}`;
}

function knownAddressBody(): string {
  const links = { login: `${publicUrl()}/login`, reset: `${publicUrl()}/forgot-password` };
  return (["vi", "en"] as const).map((l) => translate(l, "registration.knownAddress.body", links)).join("\n\n---\n\n");
}
