import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseDelegateFilters } from "~/features/registration/delegate-filters";
import { zonedDate } from "~/lib/time";
import { exportDelegatesCsv } from "~/features/registration/delegate-export.server";
import { startDownload } from "~/http/download.server";
import { nowIso } from "~/lib/clock";

/**
 * /admin/delegates/export.csv?<the list's filters>[&lang=vi|en][&sep=semicolon]
 * The delegate list as CSV (UTF-8 with BOM). Comma by default; `sep=semicolon`
 * suits Excel on Windows set to Vietnamese, whose list separator is ";".
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { url, locale, conference } = await startDownload(request, "export:registration");
  const { bytes, count } = await exportDelegatesCsv(conference.id, parseDelegateFilters(url.searchParams), {
    locale,
    zone: conference.time_zone,
    delimiter: url.searchParams.get("sep") === "semicolon" ? ";" : ",",
  });
  const date = zonedDate(nowIso(), conference.time_zone);
  return new Response(bytes, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${locale === "en" ? "delegates" : "dai-bieu"}-${date}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Delegate-Count": String(count),
    },
  });
}
