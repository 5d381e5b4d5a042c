import { publicUrl } from "~/features/people/invitations.server";
import type { Locale } from "~/platform/i18n";
import { queueEmail } from "~/platform/outbox.server";
import type { Db } from "~/platform/types";
import { translate } from "../i18n";

/**
 * Tells an exhibitor the booth(s) it now has (allocated by hand or by a committed run), in both
 * languages, Vietnamese first, written to the outbox in the caller's transaction.
 */
export async function mailBoothAllocated(db: Db, exhibitorId: number): Promise<void> {
  const row = await db
    .selectFrom("exhibitors as e")
    .innerJoin("conferences as c", "c.id", "e.conference_id")
    .select(["e.contact_name", "e.contact_email", "e.name_vi", "e.name_en", "c.title_vi", "c.title_en"])
    .where("e.id", "=", exhibitorId)
    .executeTakeFirst();
  if (!row || !row.contact_email) return;
  const booths = await db
    .selectFrom("booth_allocations as a")
    .innerJoin("booths as b", "b.id", "a.booth_id")
    .innerJoin("exhibition_halls as h", "h.id", "b.hall_id")
    .select(["b.code", "b.zone", "b.area", "h.name_vi", "h.name_en"])
    .where("a.exhibitor_id", "=", exhibitorId)
    .orderBy("b.code")
    .execute();
  if (booths.length === 0) return;
  const part = (l: Locale) => {
    const t = (key: string, p?: Record<string, string | number>) => translate(l, key, p);
    const params = {
      name: row.contact_name,
      exhibitor: l === "en" && row.name_en ? row.name_en : row.name_vi,
      conference: l === "en" ? row.title_en : row.title_vi,
      booths: booths.map((b) => b.code).join(", "),
      hall: l === "en" ? booths[0].name_en : booths[0].name_vi,
      zone: t(`exhibition.zone.${booths[0].zone}`),
      area: booths.reduce((sum, b) => sum + b.area, 0),
    };
    return {
      subject: t("exhibition.allocation.mail.subject", params),
      body: [
        t("exhibition.allocation.mail.greeting", params),
        "",
        t("exhibition.allocation.mail.body", params),
        "",
        t("exhibition.allocation.mail.link", { link: `${publicUrl()}/exhibition/apply` }),
        "",
        t("exhibition.allocation.mail.signoff", params),
      ].join("\n"),
    };
  };
  const vi = part("vi");
  const en = part("en");
  await queueEmail(db, {
    to: row.contact_email,
    subject: `${vi.subject} / ${en.subject}`,
    body: `${vi.body}\n\n---\n\n${en.body}`,
    kind: "exhibition.allocated",
  });
}
