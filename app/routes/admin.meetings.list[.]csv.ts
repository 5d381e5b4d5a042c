import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guards.server";
import { resolveLocale } from "~/auth/request.server";
import { toCsvBytes } from "~/lib/csv";
import { isLocale, translate } from "~/lib/i18n";
import { meetingListCsvTable } from "~/lib/meeting-list";
import { zonedDate } from "~/lib/time";
import { getCurrentConference } from "~/models/conference.server";
import { meetingPrints } from "~/models/meeting-prints.server";
import { pdfRefusal } from "~/pdf/render.server";

/**
 * GET /admin/meetings/list.csv[?lang=][&sep=semicolon]: the list as CSV (UTF-8 with BOM, times
 * in Hà Nội). `sep=semicolon` suits Excel on Windows set to Vietnamese, as the delegate export.
 * With no meeting placed it is the header alone: an empty export is still a valid file.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "update:agenda");
  const url = new URL(request.url);
  const asked = url.searchParams.get("lang");
  const locale = isLocale(asked) ? asked : resolveLocale(request, user.locale);
  const conference = await getCurrentConference();
  if (!conference) return pdfRefusal(translate(locale, "error.notFound.title"), 404);
  const prints = await meetingPrints(conference.id);
  const meetings = prints.ok ? prints.meetings : [];
  const bytes = toCsvBytes(meetingListCsvTable(meetings, locale, conference.time_zone), url.searchParams.get("sep") === "semicolon" ? ";" : ",");
  const date = zonedDate(new Date().toISOString(), conference.time_zone);
  return new Response(bytes, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${locale === "en" ? "bilateral-meetings" : "gap-song-phuong"}-${date}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Meeting-Count": String(meetings.length),
    },
  });
}
