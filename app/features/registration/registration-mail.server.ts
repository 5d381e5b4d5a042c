import type { Transaction } from "kysely";
import { translate, type Locale, type MessageKey } from "~/platform/i18n";
import type { Database } from "../../../db/schema";
import { publicUrl } from "../people/invitations.server";
import { queueEmail } from "../../platform/outbox.server";

export type RegistrationMailKind = "received" | "waitlisted" | "promoted" | "approved" | "rejected" | "cancelled";

export interface MailRegistration {
  id: number;
  email: string;
  honorific: string;
  full_name: string;
  mode: "in_person" | "online";
  organisation_vi: string;
  organisation_en: string;
  conference_vi: string;
  conference_en: string;
}

/**
 * Queues a registration e-mail in both languages (Vietnamese first): the
 * delegate's language is not known for sure, and officials forward these.
 */
export async function queueRegistrationMail(
  trx: Transaction<Database>,
  kind: RegistrationMailKind,
  r: MailRegistration,
  extra: { waitReason?: "capacity" | "quota"; setPasswordLink?: string } = {},
) {
  const part = (l: Locale) => {
    const t = (key: MessageKey, p?: Record<string, string>) => translate(l, key, p);
    const params = {
      conference: l === "vi" ? r.conference_vi : r.conference_en,
      organisation: l === "vi" ? r.organisation_vi : r.organisation_en,
      mode: t(`registration.mode.${r.mode}` as MessageKey).toLowerCase(),
    };
    const bodyKey: MessageKey =
      kind === "approved" ? `mail.approved.body.${r.mode}` : kind === "waitlisted" ? `mail.waitlisted.body.${extra.waitReason ?? "capacity"}` : `mail.${kind}.body`;
    const lines = [
      t("mail.greeting", { honorific: t(`registration.honorific.${r.honorific}` as MessageKey), name: r.full_name }),
      "",
      t(bodyKey, params),
      "",
      t("mail.myPage", { link: `${publicUrl()}/my-registration` }),
    ];
    if (extra.setPasswordLink) lines.push("", t("mail.setPassword", { link: extra.setPasswordLink }));
    lines.push("", t("mail.signoff", params));
    return { subject: t(`mail.${kind}.subject` as MessageKey, params), body: lines.join("\n") };
  };
  const vi = part("vi");
  const en = part("en");
  await queueEmail(trx, {
    to: r.email,
    subject: `${vi.subject} / ${en.subject}`,
    body: `${vi.body}\n\n---\n\n${en.body}`,
    kind: `registration.${kind}`,
    registrationId: r.id,
  });
}
