import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guards.server";
import { resolveLocale } from "~/auth/request.server";
import { isLocale, translate } from "~/platform/i18n";
import { foldForSearch } from "~/lib/text";
import { getBadge } from "~/features/registration/badges.server";
import { getCurrentConference } from "~/features/people/conference.server";
import { badgeDocument } from "~/features/registration/pdf/badge";
import { pdfRefusal, pdfResponse, renderPdf } from "~/platform/pdf/render.server";

/** GET /admin/delegates/:id/badge.pdf: any delegate's badge, for staff who print them. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "print:badge");
  const asked = new URL(request.url).searchParams.get("lang");
  const locale = isLocale(asked) ? asked : resolveLocale(request, user.locale);
  const conference = await getCurrentConference();
  if (!conference) return pdfRefusal(translate(locale, "badges.noConference"), 404);
  const id = /^\d{1,15}$/.test(params.id ?? "") ? Number(params.id) : null;
  const badge = id === null ? null : await getBadge(conference.id, id);
  if (!badge) return pdfRefusal(translate(locale, "badges.notFound"), 404);
  const bytes = await renderPdf(badgeDocument([badge], { locale, conference }));
  return pdfResponse(bytes, `badge-${conference.edition}-${badge.registrationId}-${foldForSearch(badge.fullName).replace(/ /g, "-")}.pdf`);
}
