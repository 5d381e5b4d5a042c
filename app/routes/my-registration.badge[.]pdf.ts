import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guards.server";
import { resolveLocale } from "~/auth/request.server";
import { isLocale, translate } from "~/platform/i18n";
import { foldForSearch } from "~/lib/text";
import { getOwnBadge } from "~/features/registration/badges.server";
import { getCurrentConference } from "~/features/people/conference.server";
import { badgeDocument } from "~/features/registration/pdf/badge";
import { pdfRefusal, pdfResponse, renderPdf } from "~/platform/pdf/render.server";

/** GET /my-registration/badge.pdf: the signed-in delegate's own badge, once approved. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "register:self");
  const asked = new URL(request.url).searchParams.get("lang");
  const locale = isLocale(asked) ? asked : resolveLocale(request, user.locale);
  const conference = await getCurrentConference();
  if (!conference) return pdfRefusal(translate(locale, "badges.noConference"), 404);
  const badge = await getOwnBadge(user.id, conference.id);
  if (!badge) return pdfRefusal(translate(locale, "badges.noApprovedRegistration"), 404);
  const bytes = await renderPdf(badgeDocument([badge], { locale, conference }));
  return pdfResponse(bytes, `badge-${conference.edition}-${foldForSearch(badge.fullName).replace(/ /g, "-")}.pdf`);
}
