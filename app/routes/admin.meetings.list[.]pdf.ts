import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guards.server";
import { resolveLocale } from "~/auth/request.server";
import { isLocale, translate } from "~/lib/i18n";
import { getCurrentConference } from "~/models/conference.server";
import { meetingPrints } from "~/models/meeting-prints.server";
import { meetingListDocument } from "~/pdf/meeting-list";
import { pdfRefusal, pdfResponse, renderPdf } from "~/pdf/render.server";

/** GET /admin/meetings/list.pdf[?lang=]: every placed meeting of the block, grouped by slot. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "update:agenda");
  const asked = new URL(request.url).searchParams.get("lang");
  const locale = isLocale(asked) ? asked : resolveLocale(request, user.locale);
  const conference = await getCurrentConference();
  if (!conference) return pdfRefusal(translate(locale, "error.notFound.title"), 404);
  const prints = await meetingPrints(conference.id);
  if (!prints.ok || prints.meetings.length === 0) return pdfRefusal(translate(locale, "meetingsPrints.nothing"), 404);
  const bytes = await renderPdf(meetingListDocument(prints.meetings, { locale, conference }));
  return pdfResponse(bytes, `${locale === "en" ? "bilateral-meetings" : "danh-sach-gap-song-phuong"}-${conference.edition}.pdf`, "attachment");
}
