import { Link } from "@remix-run/react";
import { useBilingual, useLocale, useT } from "~/components/i18n";
import type { PlanBooth } from "../plan/plan-data";
import type { CatalogueEntry } from "../catalogue/search";
import { formatArea } from "./floor-plan";

/**
 * What a booth holds, beside the plan: its code, zone, type and size, and its exhibitor with the
 * products. Filled on hover, focus or tap (the plan's onBoothFocus/onBoothActivate); a live region,
 * so a screen reader hears it too. Sticky beside the plan on wide screens, below it on phones.
 */
export function CataloguePanel({
  booth,
  entry,
  found,
}: {
  booth: PlanBooth | null;
  entry: CatalogueEntry | null;
  found: boolean;
}) {
  const t = useT();
  const bi = useBilingual();
  const locale = useLocale();
  const other = locale === "vi" ? "en" : "vi";
  return (
    <section
      aria-label={t("exhibition.catalogue.panel")}
      aria-live="polite"
      id="booth-panel"
      data-testid="booth-panel"
      // A name of one long word wraps inside the panel instead of widening the page.
      className="card min-w-0 [overflow-wrap:anywhere] lg:sticky lg:top-4 lg:self-start"
    >
      <h2 className="text-base">{t("exhibition.catalogue.panel")}</h2>
      {booth ? (
        <div className="mt-2 space-y-2 text-sm">
          <p className="flex flex-wrap items-baseline gap-x-2">
            <span className="font-mono text-lg font-bold text-navy-900">{booth.code}</span>
            <span className="text-slate-600">
              {t(`exhibition.zone.${booth.zone}`)} · {t(`exhibition.boothType.${booth.type}`)} ·{" "}
              {t("exhibition.area", { area: formatArea(booth.area) })}
            </span>
            {found ? (
              <span className="rounded bg-red-50 px-1.5 text-xs font-semibold text-red-800">
                {t("exhibition.catalogue.found")}
              </span>
            ) : null}
          </p>
          {entry ? (
            <>
              <p className="text-base font-semibold">{bi(entry.name_vi, entry.name_en)}</p>
              {entry.province ? (
                <p className="text-slate-600">{bi(entry.province.name_vi, entry.province.name_en)}</p>
              ) : null}
              <ul className="space-y-1" aria-label={t("exhibition.catalogue.products")}>
                {entry.products.map((p) => (
                  <li key={p.id}>
                    <span className="font-medium">{bi(p.name_vi, p.name_en)}</span>
                    {(locale === "vi" ? p.name_en : p.name_vi) ? (
                      <span className="text-slate-500" lang={other}>
                        {" "}
                        ({locale === "vi" ? p.name_en : p.name_vi})
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
              <Link to={`/exhibition/exhibitors/${entry.id}`} className="btn-secondary w-full sm:w-auto">
                {t("exhibition.catalogue.openExhibitor")}
              </Link>
            </>
          ) : (
            <p className="text-slate-600">
              {booth.state === "held"
                ? t("exhibition.catalogue.heldBooth")
                : booth.state === "free"
                  ? t("exhibition.catalogue.freeBooth")
                  : t(`exhibition.boothState.${booth.state}`)}
            </p>
          )}
        </div>
      ) : (
        <p className="mt-2 text-sm text-slate-600">{t("exhibition.catalogue.panelHint")}</p>
      )}
    </section>
  );
}
