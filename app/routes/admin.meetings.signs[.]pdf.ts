import type { LoaderFunctionArgs } from "@remix-run/node";
import { clientIp } from "~/auth/request.server";
import { refuseDownload, startDownload } from "~/http/download.server";
import { downloadThroughJob } from "~/http/jobs.server";
import { MEETING_SIGNS_JOB } from "~/features/meetings/print-jobs.server";
import { translate } from "~/http/i18n.server";
import { meetingPrints } from "~/features/meetings/meeting-prints.server";
import { meetingTableSignsDocument } from "~/features/meetings/pdf/meeting-table-signs";
import { pdfRefusal, pdfResponse, renderPdf } from "~/platform/pdf/render.server";

/** GET /admin/meetings/signs.pdf[?slot=<slot id>][&lang=]: a table sign per placed meeting, a page each. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const download = await startDownload(request, "update:agenda");
  const { url, locale, conference, user } = download;
  const slot = url.searchParams.get("slot");
  const prints = await meetingPrints(conference.id, slot);
  if (!prints.ok) return refuseDownload(download, prints.refusal);
  if (prints.meetings.length === 0)
    return pdfRefusal(
      translate(locale, slot === null ? "meetingsPrints.nothing" : "meetingsPrints.nothingInSlot"),
      404,
    );
  // Every slot's: drawn by the background job in its worker thread (one slot's signs stay here).
  if (slot === null)
    return downloadThroughJob(
      {
        kind: MEETING_SIGNS_JOB,
        conferenceId: conference.id,
        input: { locale },
        actor: { id: user.id, ip: clientIp(context) },
      },
      locale,
    );
  const bytes = await renderPdf(meetingTableSignsDocument(prints.meetings, { locale, conference }));
  const suffix = slot === null ? "" : `-luot-${prints.meetings[0].slot_number}`;
  return pdfResponse(bytes, `bien-ban-gap-song-phuong-${conference.edition}${suffix}.pdf`, "attachment");
}
