import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsvBytes } from "~/lib/csv";
import { translate } from "~/platform/i18n";
import { meetingListCsvTable } from "~/features/meetings/meeting-list";
import { zonedDate } from "~/lib/time";
import { meetingDownload } from "~/features/meetings/meeting-downloads.server";
import { meetingPrints } from "~/features/meetings/meeting-prints.server";
import { pdfRefusal } from "~/platform/pdf/render.server";
import { nowIso } from "~/lib/clock";

/**
 * GET /admin/meetings/list.csv[?lang=][&sep=semicolon]: the list as CSV (UTF-8 with BOM, times
 * in Hà Nội). `sep=semicolon` suits Excel on Windows set to Vietnamese, as the delegate export.
 * With no meeting placed it is the header alone: an empty export is still a valid file.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const download = await meetingDownload(request);
  if (!download.ok) return download.response;
  const { url, locale, conference } = download;
  const prints = await meetingPrints(conference.id);
  const meetings = prints.ok ? prints.meetings : [];
  const bytes = toCsvBytes(meetingListCsvTable(meetings, locale, conference.time_zone), url.searchParams.get("sep") === "semicolon" ? ";" : ",");
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
