import type { LoaderFunctionArgs } from "@remix-run/node";
import { startDownload } from "~/http/download.server";
import { translate } from "~/http/i18n.server";
import { partySchedules } from "~/features/meetings/meeting-grid.server";
import { meetingScheduleDocument } from "~/features/meetings/pdf/meeting-schedule";
import { pdfRefusal, pdfResponse, renderPdf } from "~/platform/pdf/render.server";

/** GET /admin/meetings/schedule.pdf[?party=<organisation id>][&lang=]: each party's meeting schedule, a page per party. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { url, locale, conference } = await startDownload(request, "update:agenda");
  const party = url.searchParams.get("party");
  const parties = (await partySchedules(conference.id)).filter((p) => party === null || String(p.id) === party);
  if (parties.length === 0) return pdfRefusal(translate(locale, "meetingsAdmin.pdfNothing"), 404);
  const bytes = await renderPdf(meetingScheduleDocument(parties, { locale, conference }));
  return pdfResponse(bytes, `lich-gap-song-phuong-${conference.edition}.pdf`, "attachment");
}
