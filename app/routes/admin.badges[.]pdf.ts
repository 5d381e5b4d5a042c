import type { LoaderFunctionArgs } from "@remix-run/node";
import { clientIp } from "~/auth/request.server";
import { BADGE_BATCH_JOB } from "~/features/registration/badge-batch.server";
import { listBatchBadges } from "~/features/registration/badges.server";
import { startDownload } from "~/http/download.server";
import { translate } from "~/http/i18n.server";
import { downloadThroughJob } from "~/http/jobs.server";
import { pdfRefusal } from "~/platform/pdf/render.server";

/**
 * GET /admin/badges.pdf: every approved in-person delegate's badge, one per page, by organisation,
 * for scripts and old links. The drawing runs as the badge batch job in its worker thread (joining
 * the one already running, whose language then wins); this request waits for it and answers with
 * the file. People start the batch from the delegates list and watch /admin/badges/batch.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { locale, conference, user } = await startDownload(request, "print:badge", "badges.noConference");
  if ((await listBatchBadges(conference.id)).length === 0)
    return pdfRefusal(translate(locale, "badges.noneToPrint"), 404);
  return downloadThroughJob(
    {
      kind: BADGE_BATCH_JOB,
      conferenceId: conference.id,
      input: { locale },
      actor: { id: user.id, ip: clientIp(context) },
    },
    locale,
  );
}
