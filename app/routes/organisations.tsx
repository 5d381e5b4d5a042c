import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "~/auth/guards.server";
import { pageMeta, useBilingual, useLocale, useT } from "~/components/i18n";
import { DataTable } from "~/components/data-table";
import { EmptyState, FilterChips, PageHeader, Pagination, parsePage } from "~/components/ui";
import { ORGANISATION_KINDS, type OrganisationKind } from "~/auth/roles";
import { offsetLabel } from "~/lib/time";
import { listOrganisations } from "~/features/people/organisations.server";
import { nowIso } from "~/lib/clock";
import { resolveLocale } from "~/auth/request.server";
import { translate } from "~/http/i18n.server";
import { getDb } from "~/platform/db.server";
import { getCurrentConference } from "~/features/people/conference.server";
import { provincesWithExhibitors } from "~/features/exhibition/catalogue/catalogue.server";

export const meta: MetaFunction = (args) => pageMeta(args, "nav.organisations");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:organisation");
  const url = new URL(request.url);
  const kindParam = url.searchParams.get("kind");
  const kind = ORGANISATION_KINDS.includes(kindParam as OrganisationKind) ? (kindParam as OrganisationKind) : null;
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const page = parsePage(url.searchParams.get("page"));
  const result = await listOrganisations({ q, kind, page });
  // A province with approved exhibitors links to its booths on the plan (/exhibition?province=ID).
  const conference = await getCurrentConference();
  const locale = resolveLocale(request, user.locale);
  const exhibitors = conference ? await provincesWithExhibitors(getDb(), conference.id) : new Map<number, number>();
  const exhibitionLinks = Object.fromEntries(
    [...exhibitors].map(([id, count]) => [id, translate(locale, "exhibition.catalogue.organisationLink", { count })]),
  );
  return json({ ...result, page, q, now: nowIso(), exhibitionLinks });
}

export default function Organisations() {
  const { rows, total, pageSize, countsByKind, page, q, now, exhibitionLinks } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const [params] = useSearchParams();
  const all = Object.values(countsByKind).reduce((a, b) => a + (b ?? 0), 0);
  return (
    <div>
      <PageHeader title={t("organisations.title")}>
        <span data-testid="result-count">{t("common.countOf", { shown: total, total: all })}</span>
      </PageHeader>
      <Form method="get" className="no-print mb-4 flex flex-wrap gap-2" role="search">
        {params.get("kind") ? <input type="hidden" name="kind" value={params.get("kind")!} /> : null}
        <label htmlFor="org-search" className="sr-only">
          {t("common.search")}
        </label>
        <input
          id="org-search"
          name="q"
          type="search"
          defaultValue={q}
          className="input max-w-xl flex-1"
          placeholder={t("organisations.searchPlaceholder")}
        />
        <button type="submit" className="btn-primary">
          {t("common.search")}
        </button>
      </Form>
      <div className="mb-4">
        <FilterChips
          name="kind"
          label={t("organisations.kind")}
          options={ORGANISATION_KINDS.filter((k) => countsByKind[k]).map((k) => ({
            value: k,
            label: t(`orgKind.${k}`),
            count: countsByKind[k],
          }))}
        />
      </div>
      <DataTable
        empty={
          <EmptyState title={t("organisations.empty")}>
            <a href="/organisations" className="btn-link">
              {t("common.clearFilters")}
            </a>
          </EmptyState>
        }
        rows={rows}
        rowKey={(o) => o.id}
        columns={[
          {
            key: "name",
            header: t("organisations.name"),
            cell: (o) => (
              <>
                <span className="font-semibold">{pick(o.name_vi, o.name_en)}</span>
                {o.abbreviation ? <span className="ml-1 text-slate-500">({o.abbreviation})</span> : null}
                <span className="block text-xs text-slate-500" lang={locale === "vi" ? "en" : "vi"}>
                  {locale === "vi" ? o.name_en : o.name_vi}
                </span>
                {exhibitionLinks[o.id] ? (
                  <Link to={`/exhibition?province=${o.id}`} className="link text-xs">
                    {exhibitionLinks[o.id]}
                  </Link>
                ) : null}
              </>
            ),
          },
          {
            key: "kind",
            header: t("organisations.kind"),
            cell: (o) => (o.mission_type ? t(`missionType.${o.mission_type}`) : t(`orgKind.${o.kind}`)),
          },
          {
            key: "place",
            header: t("organisations.place"),
            cell: (o) =>
              o.region
                ? t(`region.${o.region}`)
                : [pick(o.city_vi, o.city_en), pick(o.country_vi, o.country_en)].filter(Boolean).join(", "),
          },
          {
            key: "timeZone",
            header: t("organisations.timeZone"),
            cell: (o) => (o.time_zone ? `${o.time_zone.replace(/_/g, " ")} (${offsetLabel(now, o.time_zone)})` : "—"),
          },
        ]}
      />
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}
