import { Form } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useT } from "~/components/i18n";
import { FilterChips } from "~/components/ui";
import { PRODUCT_CATEGORIES, ZONES } from "../rules";
import { MAX_QUERY_LENGTH } from "../catalogue/search";

export interface CatalogueParams {
  q: string;
  zone: string;
  category: string;
  province: string;
  booth: string;
}

/** The page's address for these parameters (empty ones dropped). */
export function catalogueHref(params: CatalogueParams, change: Partial<CatalogueParams> = {}): string {
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...params, ...change })) if (v) next.set(k, v);
  const s = next.toString();
  return s ? `/exhibition?${s}` : "/exhibition";
}

/**
 * The catalogue's search: a GET form (?q=, works without JavaScript) whose box also filters as
 * the visitor types (onQuery), and chips for zone and category that keep what was typed.
 */
export function CatalogueSearch({
  params,
  onQuery,
  zoneCounts,
  categoryCounts,
}: {
  params: CatalogueParams;
  onQuery: (q: string) => void;
  zoneCounts: Record<string, number>;
  categoryCounts: Record<string, number>;
}) {
  const t = useT();
  // Words typed before the page came alive are in the box but not in the state: take them up.
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (box.current && box.current.value !== params.q) onQuery(box.current.value);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on hydration
  }, []);
  return (
    <div className="no-print space-y-3">
      <Form method="get" action="/exhibition" role="search" className="flex flex-wrap items-end gap-2">
        {(["zone", "category", "province"] as const).map((k) =>
          params[k] ? <input key={k} type="hidden" name={k} value={params[k]} /> : null,
        )}
        <div className="min-w-0 flex-1 basis-64">
          <label htmlFor="catalogue-q" className="label">
            {t("exhibition.catalogue.search")}
          </label>
          <input
            ref={box}
            id="catalogue-q"
            name="q"
            type="search"
            value={params.q}
            maxLength={MAX_QUERY_LENGTH}
            onChange={(e) => onQuery(e.currentTarget.value)}
            className="input"
            placeholder={t("exhibition.catalogue.searchPlaceholder")}
            aria-describedby="catalogue-q-hint"
            autoComplete="off"
          />
        </div>
        <button type="submit" className="btn-primary">
          {t("exhibition.catalogue.searchButton")}
        </button>
        <p id="catalogue-q-hint" className="w-full text-xs text-slate-600">
          {t("exhibition.catalogue.searchHint")}
        </p>
      </Form>
      <FilterChips
        name="zone"
        label={t("exhibition.catalogue.zone")}
        current={params.zone}
        href={(zone) => catalogueHref(params, { zone, booth: "" })}
        options={ZONES.filter((z) => zoneCounts[z] || params.zone === z).map((z) => ({
          value: z,
          label: t(`exhibition.zone.${z}`),
          count: zoneCounts[z] ?? 0,
        }))}
      />
      <FilterChips
        name="category"
        label={t("exhibition.catalogue.category")}
        current={params.category}
        href={(category) => catalogueHref(params, { category, booth: "" })}
        options={PRODUCT_CATEGORIES.filter((c) => categoryCounts[c] || params.category === c).map((c) => ({
          value: c,
          label: t(`exhibition.category.${c}`),
          count: categoryCounts[c] ?? 0,
        }))}
      />
    </div>
  );
}
