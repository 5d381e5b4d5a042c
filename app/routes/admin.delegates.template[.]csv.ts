import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guards.server";
import { resolveLocale } from "~/auth/request.server";
import { toCsvBytes } from "~/lib/csv";
import { templateRows } from "~/features/registration/delegate-import";
import { isLocale } from "~/platform/i18n";

/** /admin/delegates/template.csv: the import's columns and one example row, UTF-8 with BOM. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "import:registration");
  const lang = new URL(request.url).searchParams.get("lang");
  const locale = isLocale(lang) ? lang : resolveLocale(request, user.locale);
  return new Response(toCsvBytes(templateRows(locale)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${locale === "en" ? "delegates-template" : "mau-nhap-dai-bieu"}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
