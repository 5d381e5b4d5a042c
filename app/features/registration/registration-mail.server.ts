import type { Locale } from "~/platform/i18n";
import { translate, type RegistrationKey } from "~/features/registration/i18n";
import type { AttendanceMode, WaitReason } from "~/features/registration/rules";
import { publicUrl } from "../people/invitations.server";
import { queueEmail } from "../../platform/outbox.server";
import type { Db } from "../../platform/types";

export type RegistrationMailKind = "received" | "waitlisted" | "promoted" | "approved" | "rejected" | "cancelled";

export interface MailRegistration {
  id: number;
  email: string;
  honorific: string;
  full_name: string;
  mode: AttendanceMode;
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
  db: Db,
  kind: RegistrationMailKind,
  r: MailRegistration,
  extra: { waitReason?: WaitReason; setPasswordLink?: string } = {},
) {
  const part = (l: Locale) => {
    const t = (key: RegistrationKey, p?: Record<string, string>) => translate(l, key, p);
    const params = {
      conference: l === "vi" ? r.conference_vi : r.conference_en,
      organisation: l === "vi" ? r.organisation_vi : r.organisation_en,
      mode: t(`registration.mode.${r.mode}` as RegistrationKey).toLowerCase(),
    };
    const bodyKey: RegistrationKey =
      kind === "approved"
        ? `mail.approved.body.${r.mode}`
        : kind === "waitlisted"
          ? `mail.waitlisted.body.${extra.waitReason ?? "capacity"}`
          : `mail.${kind}.body`;
    const lines = [
      t("mail.greeting", {
        honorific: t(`registration.honorific.${r.honorific}` as RegistrationKey),
        name: r.full_name,
      }),
      "",
      t(bodyKey, params),
      "",
      t("mail.myPage", { link: `${publicUrl()}/my-registration` }),
    ];
    if (extra.setPasswordLink) lines.push("", t("mail.setPassword", { link: extra.setPasswordLink }));
    lines.push("", t("mail.signoff", params));
    return { subject: t(`mail.${kind}.subject` as RegistrationKey, params), body: lines.join("\n") };
  };
  const vi = part("vi");
  const en = part("en");
  await queueEmail(db, {
    to: r.email,
    subject: `${vi.subject} / ${en.subject}`,
    body: `${vi.body}\n\n---\n\n${en.body}`,
    kind: `registration.${kind}`,
    registrationId: r.id,
  });
}

/** The registration as its e-mails name it: the person, the organisation and the conference. */
async function mailRow(db: Db, registrationId: number): Promise<MailRegistration> {
  return db
    .selectFrom("registrations as r")
    .innerJoin("organisations as o", "o.id", "r.organisation_id")
    .innerJoin("conferences as c", "c.id", "r.conference_id")
    .select([
      "r.id",
      "r.email",
      "r.honorific",
      "r.full_name",
      "r.mode",
      "o.name_vi as organisation_vi",
      "o.name_en as organisation_en",
      "c.title_vi as conference_vi",
      "c.title_en as conference_en",
    ])
    .where("r.id", "=", registrationId)
    .executeTakeFirstOrThrow();
}

/** Tells the person what became of their registration (queued in the caller's transaction). */
export async function notifyRegistration(
  db: Db,
  kind: RegistrationMailKind,
  registrationId: number,
  extra: Parameters<typeof queueRegistrationMail>[3] = {},
) {
  await queueRegistrationMail(db, kind, await mailRow(db, registrationId), extra);
}
