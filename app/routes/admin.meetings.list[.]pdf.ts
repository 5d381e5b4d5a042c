import type { LoaderFunctionArgs } from "@remix-run/node";
import { startDownload } from "~/http/download.server";
import { translate } from "~/http/i18n.server";
import { meetingPrints } from "~/features/meetings/meeting-prints.server";
import { meetingListDocument } from "~/features/meetings/pdf/meeting-list";
import { pdfRefusal, pdfResponse, renderPdf } from "~/platform/pdf/render.server";

/** GET /admin/meetings/list.pdf[?lang=]: every placed meeting of the block, grouped by slot. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { locale, conference } = await startDownload(request, "update:agenda");
  const prints = await meetingPrints(conference.id);
  if (!prints.ok || prints.meetings.length === 0) return pdfRefusal(translate(locale, "meetingsPrints.nothing"), 404);
  const bytes = await renderPdf(meetingListDocument(prints.meetings, { locale, conference }));
  return pdfResponse(
    bytes,
    `${locale === "en" ? "bilateral-meetings" : "danh-sach-gap-song-phuong"}-${conference.edition}.pdf`,
    "attachment",
  );
}
