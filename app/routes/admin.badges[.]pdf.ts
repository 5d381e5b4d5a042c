import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guards.server";
import { resolveLocale } from "~/auth/request.server";
import { isLocale, translate } from "~/platform/i18n";
import { listBatchBadges } from "~/features/registration/badges.server";
import { getCurrentConference } from "~/features/people/conference.server";
import { badgeDocument } from "~/features/registration/pdf/badge";
import { pdfRefusal, pdfResponse, renderPdf } from "~/platform/pdf/render.server";

/** GET /admin/badges.pdf: every approved in-person delegate's badge, one per page, by organisation. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "print:badge");
  const asked = new URL(request.url).searchParams.get("lang");
  const locale = isLocale(asked) ? asked : resolveLocale(request, user.locale);
  const conference = await getCurrentConference();
  if (!conference) return pdfRefusal(translate(locale, "badges.noConference"), 404);
  const badges = await listBatchBadges(conference.id);
  if (badges.length === 0) return pdfRefusal(translate(locale, "badges.noneToPrint"), 404);
  const bytes = await renderPdf(badgeDocument(badges, { locale, conference }));
  return pdfResponse(bytes, `badges-hoi-nghi-ngoai-vu-${conference.edition}.pdf`, "attachment");
}
