import type { LoaderFunctionArgs } from "@remix-run/node";
import { translate } from "~/platform/i18n";
import { meetingDownload } from "~/features/meetings/meeting-downloads.server";
import { meetingPrints } from "~/features/meetings/meeting-prints.server";
import { meetingListDocument } from "~/features/meetings/pdf/meeting-list";
import { pdfRefusal, pdfResponse, renderPdf } from "~/platform/pdf/render.server";

/** GET /admin/meetings/list.pdf[?lang=]: every placed meeting of the block, grouped by slot. */
export async function loader({ request }: LoaderFunctionArgs) {
  const download = await meetingDownload(request);
  if (!download.ok) return download.response;
  const { locale, conference } = download;
  const prints = await meetingPrints(conference.id);
  if (!prints.ok || prints.meetings.length === 0) return pdfRefusal(translate(locale, "meetingsPrints.nothing"), 404);
  const bytes = await renderPdf(meetingListDocument(prints.meetings, { locale, conference }));
  return pdfResponse(bytes, `${locale === "en" ? "bilateral-meetings" : "danh-sach-gap-song-phuong"}-${conference.edition}.pdf`, "attachment");
}
