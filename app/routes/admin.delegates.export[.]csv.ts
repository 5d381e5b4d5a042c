import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requirePermission } from "~/auth/guards.server";
import { resolveLocale } from "~/auth/request.server";
import { parseDelegateFilters } from "~/features/registration/delegate-filters";
import { isLocale } from "~/platform/i18n";
import { zonedDate } from "~/lib/time";
import { getCurrentConference } from "~/features/people/conference.server";
import { exportDelegatesCsv } from "~/features/registration/delegate-export.server";
import { nowIso } from "~/lib/clock";

/**
 * /admin/delegates/export.csv?<the list's filters>[&lang=vi|en][&sep=semicolon]
 * The delegate list as CSV (UTF-8 with BOM). Comma by default; `sep=semicolon`
 * suits Excel on Windows set to Vietnamese, whose list separator is ";".
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "export:registration");
  const conference = await getCurrentConference();
  if (!conference) throw json({ message: "error.notFound.title" }, { status: 404 });
  const url = new URL(request.url);
  const lang = url.searchParams.get("lang");
  const locale = isLocale(lang) ? lang : resolveLocale(request, user.locale);
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
