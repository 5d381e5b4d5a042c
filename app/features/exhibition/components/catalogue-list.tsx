import { Link } from "@remix-run/react";
import { useBilingual, useLocale, useT } from "~/components/i18n";
import type { CatalogueMatch } from "../catalogue/search";

/** The catalogue's results: each exhibitor with its province, booths and the products found (printable). */
export function CatalogueList({ matches }: { matches: readonly CatalogueMatch[] }) {
  const t = useT();
  const bi = useBilingual();
  const locale = useLocale();
  const other = locale === "vi" ? "en" : "vi";
  return (
    <ul className="grid gap-3 md:grid-cols-2 print:block" data-testid="catalogue-results">
      {matches.map(({ entry, productIds }) => {
        const shown = entry.products.filter((p) => productIds.includes(p.id));
        const otherName = locale === "vi" ? entry.name_en : entry.name_vi;
        return (
          // min-w-0 and wrapping anywhere: a name of one long word wraps instead of widening the page.
          <li
            key={entry.id}
            className="card min-w-0 break-inside-avoid [overflow-wrap:anywhere] print:mb-3 print:p-2"
            data-exhibitor={entry.id}
          >
            <h3 className="text-base font-semibold text-navy-900">
              <Link to={`/exhibition/exhibitors/${entry.id}`} className="link">
                {bi(entry.name_vi, entry.name_en)}
              </Link>
            </h3>
            {otherName ? (
              <p className="text-xs text-slate-600" lang={other}>
                {otherName}
              </p>
            ) : null}
            <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
              {entry.province ? (
                <Link to={`/exhibition?province=${entry.province.id}`} className="link">
                  {bi(entry.province.name_vi, entry.province.name_en)}
                </Link>
              ) : null}
              {entry.booths.length ? (
                entry.booths.map((b) => (
                  <Link
                    key={b.id}
                    to={`/exhibition?booth=${encodeURIComponent(b.code)}`}
                    className="rounded bg-navy-50 px-2 py-0.5 font-mono font-semibold text-navy-800 hover:underline"
                    aria-label={t("exhibition.catalogue.booth", { code: b.code })}
                  >
                    {b.code}
                  </Link>
                ))
              ) : (
                <span className="text-slate-500">{t("exhibition.catalogue.noBooth")}</span>
              )}
            </p>
            {shown.length ? (
              <ul className="mt-2 space-y-1 text-sm" aria-label={t("exhibition.catalogue.products")}>
                {shown.map((p) => (
                  <li key={p.id}>
                    <span className="font-medium">{bi(p.name_vi, p.name_en)}</span>
                    <span className="text-slate-500"> · {t(`exhibition.category.${p.category}`)}</span>
                    {(locale === "vi" ? p.name_en : p.name_vi) ? (
                      <span className="block text-xs text-slate-500" lang={other}>
                        {locale === "vi" ? p.name_en : p.name_vi}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
