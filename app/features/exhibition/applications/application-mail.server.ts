import { publicUrl } from "~/features/people/invitations.server";
import type { Locale } from "~/platform/i18n";
import { queueEmail } from "~/platform/outbox.server";
import type { Db } from "~/platform/types";
import { translate, type ExhibitionKey } from "../i18n";

/**
 * The applications' e-mails, bilingual with Vietnamese first (as the registration's): the decision
 * to the applicant's contact, a change request to every organiser, the organisers' answer back.
 */
type Params = Record<string, string>;

function bilingual(
  build: (t: (key: ExhibitionKey, p?: Params) => string, l: Locale) => { subject: string; body: string },
) {
  const part = (l: Locale) => build((key, p) => translate(l, key, p), l);
  const vi = part("vi");
  const en = part("en");
  return { subject: `${vi.subject} / ${en.subject}`, body: `${vi.body}\n\n---\n\n${en.body}` };
}

const M = "exhibition.applications.mail";

interface MailExhibitor {
  id: number;
  name_vi: string;
  name_en: string;
}

const nameIn = (e: MailExhibitor, l: Locale) => (l === "en" && e.name_en ? e.name_en : e.name_vi);

/** The decision (approved, or rejected with its reason) to the applicant's contact. */
export async function mailDecision(
  db: Db,
  e: MailExhibitor & { contact_email: string; contact_name: string },
  decision: "approved" | "rejected",
  reason: string,
) {
  const mail = bilingual((t, l) => {
    const p = { name: e.contact_name, exhibitor: nameIn(e, l), reason, link: `${publicUrl()}/exhibition/apply` };
    const lines = [t(`${M}.greeting`, p), "", t(`${M}.${decision}.body`, p)];
    if (decision === "rejected") lines.push("", t(`${M}.reason`, p));
    lines.push("", t(`${M}.link`, p), "", t(`${M}.signoff`));
    return { subject: t(`${M}.${decision}.subject`, p), body: lines.join("\n") };
  });
  await queueEmail(db, { to: e.contact_email, ...mail, kind: `exhibition.${decision}` });
}

/** A change request after allocation, to every active organiser. */
export async function mailChangeRequest(db: Db, e: MailExhibitor, request: string) {
  const organisers = await db
    .selectFrom("users")
    .select("email")
    .where("role", "=", "organiser")
    .where("disabled_at", "is", null)
    .execute();
  const mail = bilingual((t, l) => {
    const p = { exhibitor: nameIn(e, l), request, link: `${publicUrl()}/admin/exhibition/applications/${e.id}` };
    return {
      subject: t(`${M}.changeRequest.subject`, p),
      body: [t(`${M}.changeRequest.body`, p), "", request, "", t(`${M}.changeRequest.link`, p)].join("\n"),
    };
  });
  for (const o of organisers) await queueEmail(db, { to: o.email, ...mail, kind: "exhibition.changeRequest" });
}

/** The organisers' answer to a change request, to the applicant's contact. */
export async function mailAnswer(
  db: Db,
  e: MailExhibitor & { contact_email: string; contact_name: string },
  answer: string,
) {
  const mail = bilingual((t, l) => {
    const p = { name: e.contact_name, exhibitor: nameIn(e, l), link: `${publicUrl()}/exhibition/apply` };
    return {
      subject: t(`${M}.answer.subject`, p),
      body: [
        t(`${M}.greeting`, p),
        "",
        t(`${M}.answer.body`, p),
        "",
        answer,
        "",
        t(`${M}.link`, p),
        "",
        t(`${M}.signoff`),
      ].join("\n"),
    };
  });
  await queueEmail(db, { to: e.contact_email, ...mail, kind: "exhibition.changeAnswer" });
}
