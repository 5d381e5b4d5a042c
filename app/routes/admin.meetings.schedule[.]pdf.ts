import type { LoaderFunctionArgs } from "@remix-run/node";
import { clientIp } from "~/auth/request.server";
import { startDownload } from "~/http/download.server";
import { downloadThroughJob } from "~/http/jobs.server";
import { MEETING_SCHEDULES_JOB } from "~/features/meetings/print-jobs.server";
import { translate } from "~/http/i18n.server";
import { partySchedules } from "~/features/meetings/meeting-grid.server";
import { meetingScheduleDocument } from "~/features/meetings/pdf/meeting-schedule";
import { pdfRefusal, pdfResponse, renderPdf } from "~/platform/pdf/render.server";

/** GET /admin/meetings/schedule.pdf[?party=<organisation id>][&lang=]: each party's meeting schedule, a page per party. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { url, locale, conference, user } = await startDownload(request, "update:agenda");
  const party = url.searchParams.get("party");
  const parties = (await partySchedules(conference.id)).filter((p) => party === null || String(p.id) === party);
  if (parties.length === 0) return pdfRefusal(translate(locale, "meetingsAdmin.pdfNothing"), 404);
  // Every party's: drawn by the background job in its worker thread (one party's page stays here).
  if (party === null)
    return downloadThroughJob(
      {
        kind: MEETING_SCHEDULES_JOB,
        conferenceId: conference.id,
        input: { locale },
        actor: { id: user.id, ip: clientIp(context) },
      },
      locale,
    );
  const bytes = await renderPdf(meetingScheduleDocument(parties, { locale, conference }));
  return pdfResponse(bytes, `lich-gap-song-phuong-${conference.edition}.pdf`, "attachment");
}
