import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guards.server";
import { resolveLocale } from "~/auth/request.server";
import { isLocale, translate } from "~/lib/i18n";
import { getCurrentConference } from "~/models/conference.server";
import { meetingBlockOverview, partySchedules } from "~/models/meeting-grid.server";
import { meetingScheduleDocument } from "~/pdf/meeting-schedule";
import { pdfRefusal, pdfResponse, renderPdf } from "~/pdf/render.server";

/** GET /admin/meetings/schedule.pdf[?lang=]: each party's meeting schedule, a page per party. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "update:agenda");
  const asked = new URL(request.url).searchParams.get("lang");
  const locale = isLocale(asked) ? asked : resolveLocale(request, user.locale);
  const conference = await getCurrentConference();
  if (!conference) return pdfRefusal(translate(locale, "error.notFound.title"), 404);
  const { block } = await meetingBlockOverview(conference.id);
  const parties = block ? await partySchedules(block.id) : [];
  if (parties.length === 0) return pdfRefusal(translate(locale, "meetingsAdmin.pdfNothing"), 404);
  const bytes = await renderPdf(meetingScheduleDocument(parties, { locale, conference }));
  return pdfResponse(bytes, `lich-gap-song-phuong-${conference.edition}.pdf`, "attachment");
}
