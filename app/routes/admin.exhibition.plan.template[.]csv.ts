import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guards.server";
import { toCsvBytes } from "~/lib/csv";
import { boothTemplateRows } from "~/features/exhibition/plan/booth-import.server";
import { downloadLocale } from "~/http/download.server";

/** /admin/exhibition/plan/template.csv: the booth import's columns and two example rows, UTF-8 with BOM. */
export async function loader({ request }: LoaderFunctionArgs) {
  // No conference needed: the columns are the same for every edition.
  const user = await requirePermission(request, "update:exhibition");
  const locale = downloadLocale(request, user.locale);
  return new Response(toCsvBytes(boothTemplateRows(locale)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${locale === "en" ? "booths-template" : "mau-nhap-gian"}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
