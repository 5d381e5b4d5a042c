import type { LoaderFunctionArgs } from "@remix-run/node";
import { translate } from "~/http/i18n.server";
import { listBatchBadges } from "~/features/registration/badges.server";
import { badgeDocument } from "~/features/registration/pdf/badge";
import { startDownload } from "~/http/download.server";
import { pdfRefusal, pdfResponse, renderPdf } from "~/platform/pdf/render.server";

/** GET /admin/badges.pdf: every approved in-person delegate's badge, one per page, by organisation. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { locale, conference } = await startDownload(request, "print:badge", "badges.noConference");
  const badges = await listBatchBadges(conference.id);
  if (badges.length === 0) return pdfRefusal(translate(locale, "badges.noneToPrint"), 404);
  const bytes = await renderPdf(badgeDocument(badges, { locale, conference }));
  return pdfResponse(bytes, `badges-hoi-nghi-ngoai-vu-${conference.edition}.pdf`, "attachment");
}
