import type { LoaderFunctionArgs } from "@remix-run/node";
import { translate } from "~/http/i18n.server";
import { foldForSearch } from "~/lib/text";
import { getOwnBadge } from "~/features/registration/badges.server";
import { badgeDocument } from "~/features/registration/pdf/badge";
import { startDownload } from "~/http/download.server";
import { pdfRefusal, pdfResponse, renderPdf } from "~/platform/pdf/render.server";

/** GET /my-registration/badge.pdf: the signed-in delegate's own badge, once approved. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, locale, conference } = await startDownload(request, "register:self", "badges.noConference");
  const badge = await getOwnBadge(user!.id, conference.id);
  if (!badge) return pdfRefusal(translate(locale, "badges.noApprovedRegistration"), 404);
  const bytes = await renderPdf(badgeDocument([badge], { locale, conference }));
  return pdfResponse(bytes, `badge-${conference.edition}-${foldForSearch(badge.fullName).replace(/ /g, "-")}.pdf`);
}
