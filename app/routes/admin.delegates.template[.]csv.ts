import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guards.server";
import { toCsvBytes } from "~/lib/csv";
import { templateRows } from "~/features/registration/delegate-import";
import { downloadLocale } from "~/http/download.server";

/** /admin/delegates/template.csv: the import's columns and one example row, UTF-8 with BOM. */
export async function loader({ request }: LoaderFunctionArgs) {
  // No conference needed: the template is the same for every edition.
  const user = await requirePermission(request, "import:registration");
  const locale = downloadLocale(request, user.locale);
  return new Response(toCsvBytes(templateRows(locale)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${locale === "en" ? "delegates-template" : "mau-nhap-dai-bieu"}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
