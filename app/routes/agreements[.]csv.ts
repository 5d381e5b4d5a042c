import type { LoaderFunctionArgs } from "@remix-run/node";
import { refuseDownload, startDownload } from "~/http/download.server";
import { translate } from "~/http/i18n.server";
import { toCsvBytes } from "~/lib/csv";
import { nowIso } from "~/lib/clock";
import { zonedDate } from "~/lib/time";
import { getDb } from "~/platform/db.server";
import { agreementScope } from "~/features/proceedings/agreements/access.server";
import { agreementCsvTable } from "~/features/proceedings/agreements/agreement-csv";
import { filteredAgreements } from "~/features/proceedings/agreements/agreement-list.server";
import { filtersFromUrl } from "~/features/proceedings/agreements/schema";

/**
 * GET /agreements.csv[?filters][&lang=][&sep=semicolon]: staff's register with the list's filters, as
 * CSV (UTF-8 with BOM, cells guarded against formulas). `sep=semicolon` suits Excel set to Vietnamese.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const download = await startDownload(request, "read:agreement:any");
  const { url, locale, conference, user } = download;
  const access = await agreementScope(getDb(), user, conference.id);
  if (!access.ok) return refuseDownload(download, access.refusal);
  const today = zonedDate(nowIso(), conference.time_zone);
  const filters = { ...filtersFromUrl(url.searchParams), page: 1 };
  const rows = await filteredAgreements(getDb(), access.scope, filters, today);
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
  const bytes = toCsvBytes(agreementCsvTable(rows, locale, t), url.searchParams.get("sep") === "semicolon" ? ";" : ",");
  const name = t("proceedings.agreements.csv.filename");
  return new Response(bytes, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}-${today}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Agreement-Count": String(rows.length),
    },
  });
}
