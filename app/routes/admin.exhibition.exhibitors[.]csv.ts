import type { LoaderFunctionArgs } from "@remix-run/node";
import { exhibitorsCsv } from "~/features/exhibition/allocation/prints.server";
import { startDownload } from "~/http/download.server";
import { nowIso } from "~/lib/clock";
import { zonedDate } from "~/lib/time";
import { getDb } from "~/platform/db.server";

/**
 * GET /admin/exhibition/exhibitors.csv[?lang=vi|en][&sep=semicolon]: every application with its
 * booths, as CSV with a UTF-8 BOM (organisers and secretariat). `sep=semicolon` suits Excel on
 * Windows set to Vietnamese, whose list separator is ";".
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { url, locale, conference } = await startDownload(request, "read:exhibition:any");
  const { bytes, count } = await exhibitorsCsv(getDb(), conference.id, {
    locale,
    delimiter: url.searchParams.get("sep") === "semicolon" ? ";" : ",",
  });
  const date = zonedDate(nowIso(), conference.time_zone);
  return new Response(bytes, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${locale === "en" ? "exhibitors" : "don-vi-trung-bay"}-${date}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Exhibitor-Count": String(count),
    },
  });
}
