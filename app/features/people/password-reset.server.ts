import { getDb } from "~/platform/db.server";
import { translate } from "~/features/people/i18n";
import { CONFERENCE_ZONE, formatInstant } from "~/lib/time";
import { recordAudit } from "../../platform/audit.server";
import { invitationLink, issueInvitation } from "./invitations.server";
import { queueEmail } from "../../platform/outbox.server";
import { takeAllowance } from "../../platform/throttle.server";
import { tooMany, type Result } from "../../platform/types";

/**
 * "Quên mật khẩu?": a one-time link (an invitation of purpose "reset", 1 hour) to the account's
 * own mailbox. The answer is the same for a known and an unknown address; the limits apply to
 * both. Following the link sets the password and ends every other session (acceptInvitation).
 */
export const RESET_HOURS = 1;
export const RESETS_PER_ADDRESS_PER_HOUR = 10;
export const RESETS_PER_RECIPIENT_PER_HOUR = 3;

export async function requestPasswordReset(email: string, ip: string | null): Promise<Result> {
  return getDb()
    .transaction()
    .execute(async (trx): Promise<Result> => {
      const allowed = await takeAllowance(trx, [
        ...(ip ? [{ key: `reset:ip:${ip}`, limit: RESETS_PER_ADDRESS_PER_HOUR, windowMinutes: 60 }] : []),
        { key: `reset:to:${email}`, limit: RESETS_PER_RECIPIENT_PER_HOUR, windowMinutes: 60 },
      ]);
      if (!allowed.ok) return tooMany("reset.tooMany");
      const user = await trx
        .selectFrom("users")
        .select(["id", "full_name", "role", "organisation_id", "disabled_at"])
        .where("email", "=", email)
        .executeTakeFirst();
      if (!user || user.disabled_at) return { ok: true };
      const link = await issueInvitation(
        trx,
        { email, fullName: user.full_name, role: user.role, organisationId: user.organisation_id, invitedBy: null },
        { hours: RESET_HOURS, purpose: "reset" },
      );
      const body = (["vi", "en"] as const)
        .map((l) =>
          translate(l, "reset.mail.body", {
            name: user.full_name,
            expires: `${formatInstant(link.expiresAt, CONFERENCE_ZONE, l)} (${l === "vi" ? "giờ Hà Nội" : "Hà Nội time"})`,
            link: invitationLink(link.token),
          }),
        )
        .join("\n\n---\n\n");
      await queueEmail(trx, {
        to: email,
        subject: `${translate("vi", "reset.mail.subject")} / ${translate("en", "reset.mail.subject")}`,
        body,
        kind: "password.reset",
      });
      await recordAudit(trx, {
        actorId: null,
        action: "user.password_reset_request",
        entity: "user",
        entityId: user.id,
        ip,
      });
      return { ok: true };
    });
}
