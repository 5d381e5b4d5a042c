import type { LoaderFunctionArgs } from "@remix-run/node";
import { translate } from "~/platform/i18n";
import { meetingDownload } from "~/features/meetings/meeting-downloads.server";
import { partySchedules } from "~/features/meetings/meeting-grid.server";
import { meetingScheduleDocument } from "~/features/meetings/pdf/meeting-schedule";
import { pdfRefusal, pdfResponse, renderPdf } from "~/platform/pdf/render.server";

/** GET /admin/meetings/schedule.pdf[?party=<organisation id>][&lang=]: each party's meeting schedule, a page per party. */
export async function loader({ request }: LoaderFunctionArgs) {
  const download = await meetingDownload(request);
  if (!download.ok) return download.response;
  const { url, locale, conference } = download;
  const party = url.searchParams.get("party");
  const parties = (await partySchedules(conference.id)).filter((p) => party === null || String(p.id) === party);
  if (parties.length === 0) return pdfRefusal(translate(locale, "meetingsAdmin.pdfNothing"), 404);
  const bytes = await renderPdf(meetingScheduleDocument(parties, { locale, conference }));
  return pdfResponse(bytes, `lich-gap-song-phuong-${conference.edition}.pdf`, "attachment");
}
