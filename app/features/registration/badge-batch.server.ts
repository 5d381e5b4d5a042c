import { z } from "zod";
import { LOCALES, type Locale } from "~/platform/i18n";
import type { JobResult } from "~/platform/jobs/protocol";
import type { MessageParams } from "~/platform/types";
import { renderPdf } from "~/platform/pdf/render.server";
import type { Db } from "~/platform/types";
import { listBatchBadges } from "./badges.server";
import { badgeDocument, type BadgeData } from "./pdf/badge";

/** The job kind of "print all badges" (one per conference at a time), and who may start it. */
export const BADGE_BATCH_JOB = "registration.badgeBatch";

export const badgeBatchInput = z.object({ locale: z.enum(LOCALES as unknown as [Locale, ...Locale[]]) });
export type BadgeBatchInput = z.infer<typeof badgeBatchInput>;

/** The file name a batch is saved under. */
export const badgeBatchFileName = (edition: number) => `badges-hoi-nghi-ngoai-vu-${edition}.pdf`;

type Report = (progress: number, step: string, params?: MessageParams) => void;

/**
 * Which badge pdfmake is drawing when it has drawn `fraction` of the pages (one badge a page), and
 * whether that is worth a report: every ten badges and at each new organisation.
 */
export function drawingStep(badges: readonly BadgeData[], fraction: number, lastReported: number) {
  const index = Math.min(badges.length - 1, Math.max(0, Math.floor(fraction * badges.length)));
  const newOrganisation = index > 0 && badges[index].organisationVi !== badges[index - 1].organisationVi;
  const due = index !== lastReported && (index - lastReported >= 10 || newOrganisation || lastReported < 0);
  return { index, due };
}

/**
 * The badge batch, as a job's handler: every approved in-person delegate's badge in the printer's
 * order, one A6 page each. Progress: 5 % once the list is read, then the drawing by tens of badges
 * and by organisation (the step names the organisation being printed). Refuses (throws the key)
 * when there is no badge to print, so the job fails with that sentence.
 */
export async function renderBadgeBatch(
  db: Db,
  conferenceId: number,
  rawInput: unknown,
  report: Report,
): Promise<JobResult> {
  const { locale } = badgeBatchInput.parse(rawInput);
  report(1, "badges.job.reading");
  const conference = await db
    .selectFrom("conferences")
    .select(["edition", "title_vi", "title_en", "starts_at", "ends_at", "time_zone"])
    .where("id", "=", conferenceId)
    .executeTakeFirst();
  if (!conference) throw new Error("badges.noConference");
  const badges = await listBatchBadges(conferenceId, db);
  if (badges.length === 0) throw new Error("badges.noneToPrint");
  report(5, "badges.job.layout", { total: badges.length });
  let last = -1;
  const bytes = await renderPdf(badgeDocument(badges, { locale, conference }), {
    onProgress: (fraction) => {
      const { index, due } = drawingStep(badges, fraction, last);
      if (!due) return;
      last = index;
      const badge = badges[index];
      report(5 + (index / badges.length) * 94, "badges.job.drawing", {
        done: index + 1,
        total: badges.length,
        organisation: locale === "vi" ? badge.organisationVi : badge.organisationEn,
      });
    },
  });
  return { bytes, name: badgeBatchFileName(conference.edition), type: "application/pdf" };
}
