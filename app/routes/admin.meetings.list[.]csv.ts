import type { LoaderFunctionArgs } from "@remix-run/node";
import { startDownload } from "~/http/download.server";
import { toCsvBytes } from "~/lib/csv";
import { meetingListCsvTable } from "~/features/meetings/meeting-list";
import { zonedDate } from "~/lib/time";
import { meetingPrints } from "~/features/meetings/meeting-prints.server";
import { nowIso } from "~/lib/clock";

/**
 * GET /admin/meetings/list.csv[?lang=][&sep=semicolon]: the list as CSV (UTF-8 with BOM, times
 * in Hà Nội). `sep=semicolon` suits Excel on Windows set to Vietnamese, as the delegate export.
 * With no meeting placed it is the header alone: an empty export is still a valid file.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { url, locale, conference } = await startDownload(request, "update:agenda");
  const prints = await meetingPrints(conference.id);
  const meetings = prints.ok ? prints.meetings : [];
  const bytes = toCsvBytes(
    meetingListCsvTable(meetings, locale, conference.time_zone),
    url.searchParams.get("sep") === "semicolon" ? ";" : ",",
  );
  const date = zonedDate(nowIso(), conference.time_zone);
  return new Response(bytes, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${locale === "en" ? "bilateral-meetings" : "gap-song-phuong"}-${date}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Meeting-Count": String(meetings.length),
    },
  });
}
