import type { LoaderFunctionArgs } from "@remix-run/node";
import { translate } from "~/http/i18n.server";
import { foldForSearch } from "~/lib/text";
import { getBadge } from "~/features/registration/badges.server";
import { badgeDocument } from "~/features/registration/pdf/badge";
import { startDownload } from "~/http/download.server";
import { idOf } from "~/http/refusal.server";
import { pdfRefusal, pdfResponse, renderPdf } from "~/platform/pdf/render.server";

/** GET /admin/delegates/:id/badge.pdf: any delegate's badge, for staff who print them. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale, conference } = await startDownload(request, "print:badge", "badges.noConference");
  // A malformed id is a badge not found, said in the download's language.
  const id = idOf(params.id);
  const badge = id === null ? null : await getBadge(conference.id, id);
  if (!badge) return pdfRefusal(translate(locale, "badges.notFound"), 404);
  const bytes = await renderPdf(badgeDocument([badge], { locale, conference }));
  return pdfResponse(
    bytes,
    `badge-${conference.edition}-${badge.registrationId}-${foldForSearch(badge.fullName).replace(/ /g, "-")}.pdf`,
  );
}
