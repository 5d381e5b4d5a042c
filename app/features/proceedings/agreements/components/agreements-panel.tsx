import { Link } from "@remix-run/react";
import { BarList, type BarTone } from "~/components/charts";
import { useLocale, useT } from "~/components/i18n";
import { AGREEMENT_STATES, type AgreementState } from "../../rules";
import { countryName } from "../countries";
import type { AgreementCounts } from "../figures.server";

const STATE_TONE: Record<AgreementState, BarTone> = {
  drafted: "slate",
  sent_for_opinion: "light",
  opinion_received: "navy",
  signed: "green",
  reported: "green",
  in_force: "green",
  ended: "slate",
};

const TOP_COUNTRIES = 5;

/** The dashboard's "International agreements" panel: counts that link into /agreements filtered. */
export function AgreementsPanel({ counts }: { counts: AgreementCounts }) {
  const t = useT();
  const locale = useLocale();
  const A = "proceedings.agreements";
  const viewList = (count: number, label: string) => t(`${A}.dashboard.viewList`, { count, label });
  const late = [
    { key: "opinion", label: t(`${A}.dashboard.lateOpinion`), value: counts.late.opinion },
    { key: "report", label: t(`${A}.dashboard.lateReport`), value: counts.late.report },
  ];
  return (
    <section className="card space-y-4" aria-labelledby="agreements-heading" data-testid="agreements-panel">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="agreements-heading">{t(`${A}.dashboard.title`)}</h2>
        <Link to="/agreements" className="btn-link text-sm">
          {t(`${A}.dashboard.open`)}
        </Link>
      </div>
      {counts.total === 0 ? (
        <p className="text-sm text-slate-600">{t(`${A}.dashboard.empty`)}</p>
      ) : (
        <>
          <p className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700">
            <span>
              {t(`${A}.dashboard.total`)}:{" "}
              <span className="font-bold tabular-nums text-navy-900" data-testid="agreements-total">
                {counts.total}
              </span>
            </span>
            <span>
              {t(`${A}.dashboard.signed`)}:{" "}
              <span className="font-bold tabular-nums text-navy-900" data-testid="agreements-signed">
                {counts.signed}
              </span>
            </span>
          </p>
          <ul className="grid gap-2 sm:grid-cols-2">
            {late.map((l) => (
              <li
                key={l.key}
                data-testid={`agreements-late-${l.key}`}
                className={`flex items-center justify-between gap-3 rounded-md px-3 py-2 text-sm ${l.value > 0 ? "bg-red-50 text-red-900" : "bg-slate-50 text-slate-700"}`}
              >
                <span>
                  {l.value > 0 ? <span aria-hidden="true">! </span> : null}
                  {l.label}
                </span>
                {l.value > 0 ? (
                  <Link
                    to={`/agreements?late=${l.key}`}
                    aria-label={viewList(l.value, l.label)}
                    className="font-bold tabular-nums underline-offset-2 hover:underline"
                  >
                    {l.value}
                  </Link>
                ) : (
                  <span className="font-bold tabular-nums">0</span>
                )}
              </li>
            ))}
          </ul>
          <div className="grid gap-6 lg:grid-cols-3">
            <div>
              <h3 className="mb-3 text-sm font-semibold text-slate-700">{t(`${A}.dashboard.byState`)}</h3>
              <BarList
                label={t(`${A}.dashboard.byState`)}
                items={AGREEMENT_STATES.map((s) => ({
                  key: `agreement-state-${s}`,
                  label: t(`proceedings.agreementState.${s}`),
                  value: counts.byState[s],
                  tone: STATE_TONE[s],
                  href: `/agreements?state=${s}`,
                  linkLabel: viewList(counts.byState[s], t(`proceedings.agreementState.${s}`)),
                }))}
              />
            </div>
            <div>
              <h3 className="mb-3 text-sm font-semibold text-slate-700">{t(`${A}.dashboard.byRegion`)}</h3>
              <BarList
                label={t(`${A}.dashboard.byRegion`)}
                items={counts.byRegion.map((r) => ({
                  key: `agreement-region-${r.region ?? "none"}`,
                  label: r.region ? t(`region.${r.region}`) : t(`${A}.dashboard.noRegion`),
                  value: r.count,
                }))}
              />
            </div>
            <div>
              <h3 className="mb-3 text-sm font-semibold text-slate-700">{t(`${A}.dashboard.topCountries`)}</h3>
              <BarList
                label={t(`${A}.dashboard.topCountries`)}
                items={counts.byCountry.slice(0, TOP_COUNTRIES).map((c) => ({
                  key: `agreement-country-${c.countryCode}`,
                  label: countryName(c.countryCode, locale),
                  value: c.count,
                  href: `/agreements?country=${c.countryCode}`,
                  linkLabel: viewList(c.count, countryName(c.countryCode, locale)),
                }))}
              />
            </div>
          </div>
        </>
      )}
    </section>
  );
}
