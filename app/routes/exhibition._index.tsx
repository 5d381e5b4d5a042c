import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useMemo, useState } from "react";
import { getUser, requireUser } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { pageMeta, useBilingual, useT } from "~/components/i18n";
import { EmptyState, Notice, PageHeader } from "~/components/ui";
import { requestMessages } from "~/http/i18n.server";
import { getDb } from "~/platform/db.server";
import { getCurrentConference } from "~/features/people/conference.server";
import { exhibitionPublished, loadCatalogue } from "~/features/exhibition/catalogue/catalogue.server";
import { facetCounts, filterCatalogue, MAX_QUERY_LENGTH } from "~/features/exhibition/catalogue/search";
import { loadFloorPlan } from "~/features/exhibition/plan/plan.server";
import type { PlanBooth } from "~/features/exhibition/plan/plan-data";
import { catalogueVisible, PRODUCT_CATEGORIES, ZONES } from "~/features/exhibition/rules";
import { FloorPlan, PlanLegend } from "~/features/exhibition/components/floor-plan";
import { CatalogueList } from "~/features/exhibition/components/catalogue-list";
import { CataloguePanel } from "~/features/exhibition/components/catalogue-panel";
import { catalogueHref, CatalogueSearch } from "~/features/exhibition/components/catalogue-search";

export const meta: MetaFunction = (args) => pageMeta(args, "exhibition.catalogue.title");

/**
 * /exhibition, the visitors' plan and catalogue: signed-in people always, the public once the
 * organisers publish (anyone else is sent to sign in). Only approved exhibitors appear, on the plan
 * and in the list. ?q= searches (folded: no diacritics needed), ?zone= and ?category= filter,
 * ?province=<organisation id> and ?booth=<code> highlight; the page filters again as one types.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const messages = await requestMessages(request, "exhibition");
  const conference = await getCurrentConference();
  if (!conference) return json({ messages, conference: false as const });
  const db = getDb();
  const published = await exhibitionPublished(db, conference.id);
  const user = await getUser(request);
  if (!catalogueVisible(published, user !== null)) await requireUser(request);
  const [plan, entries] = await Promise.all([loadFloorPlan(db, conference.id), loadCatalogue(db, conference.id)]);
  // A booth names its exhibitor only when the exhibitor is in the catalogue (approved).
  const inCatalogue = new Set(entries.map((e) => e.id));
  plan.booths = plan.booths.map((b) => ({
    ...b,
    exhibitor: b.exhibitor && inCatalogue.has(b.exhibitor.id) ? b.exhibitor : null,
  }));
  const url = new URL(request.url);
  const get = (name: string) => (url.searchParams.get(name) ?? "").trim();
  const zone = (ZONES as readonly string[]).includes(get("zone")) ? get("zone") : "";
  const category = (PRODUCT_CATEGORIES as readonly string[]).includes(get("category")) ? get("category") : "";
  const provinceId = /^\d{1,9}$/.test(get("province")) ? Number(get("province")) : null;
  const province = provinceId
    ? await db
        .selectFrom("organisations")
        .select(["id", "name_vi", "name_en"])
        .where("id", "=", provinceId)
        .where("kind", "=", "province")
        .executeTakeFirst()
    : undefined;
  const booth = plan.booths.find((b) => b.code === get("booth").toUpperCase()) ?? null;
  return json({
    messages,
    conference: true as const,
    published,
    // Staff are told that visitors do not see it yet; delegates need not be.
    staffPreview: !published && user !== null && can(user.role, "read:exhibition:any"),
    plan,
    entries,
    province: province ?? null,
    params: {
      q: get("q").slice(0, MAX_QUERY_LENGTH),
      zone,
      category,
      province: province ? String(province.id) : "",
      booth: booth?.code ?? "",
    },
  });
}

export default function ExhibitionCatalogue() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  if (!data.conference) return <EmptyState title={t("exhibition.catalogue.noConference")} />;
  return <Catalogue data={data} />;
}

type Data = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { conference: true }>;

function Catalogue({ data }: { data: Data }) {
  const t = useT();
  const bi = useBilingual();
  const { plan, entries, province } = data;
  // What is typed filters at once; the address (and the page without JavaScript) follows on submit.
  const [q, setQ] = useState(data.params.q);
  useEffect(() => setQ(data.params.q), [data.params.q]);
  const params = { ...data.params, q };
  const chosen = plan.booths.find((b) => b.code === data.params.booth) ?? null;
  const filter = {
    q,
    zone: params.zone || null,
    category: params.category || null,
    province: province?.id ?? null,
    booth: chosen?.id ?? null,
  };
  const result = useMemo(
    () => filterCatalogue(entries, filter),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the filter is rebuilt from these each render
    [entries, q, params.zone, params.category, province?.id, chosen?.id],
  );
  const facets = useMemo(
    () => facetCounts(entries, filter),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- as above
    [entries, q, params.zone, params.category, province?.id, chosen?.id],
  );
  const byExhibitor = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  const highlighted = useMemo(
    () => new Set([...result.boothIds, ...(chosen ? [chosen.id] : [])]),
    [result.boothIds, chosen],
  );
  const [focused, setFocused] = useState<PlanBooth | null>(null);
  const [pinned, setPinned] = useState<PlanBooth | null>(chosen);
  useEffect(() => setPinned(chosen), [chosen]);
  const shownBooth = focused ?? pinned;
  const entryOf = (b: PlanBooth | null) => (b?.exhibitor ? (byExhibitor.get(b.exhibitor.id) ?? null) : null);
  const narrowed = result.narrowed;
  const empty = entries.length === 0;

  return (
    <div className="mx-auto max-w-7xl space-y-4">
      <PageHeader
        title={t("exhibition.catalogue.title")}
        action={
          <div className="no-print flex flex-wrap gap-2">
            <a href="/exhibition/catalogue.pdf" className="btn-secondary">
              {t("exhibition.catalogue.downloadPdf")}
            </a>
          </div>
        }
      >
        <p className="no-print text-sm text-slate-600">{t("exhibition.catalogue.intro")}</p>
      </PageHeader>
      {data.staffPreview ? <Notice tone="info">{t("exhibition.catalogue.notPublished")}</Notice> : null}
      {empty ? null : (
        <CatalogueSearch
          params={params}
          onQuery={(value) => {
            setQ(value);
            // The address follows what is typed (a reload or a shared link keeps the search) without a
            // request per key; the router's own state is kept so that back and forward still work.
            window.history.replaceState(window.history.state, "", catalogueHref({ ...params, q: value }));
          }}
          zoneCounts={facets.zones}
          categoryCounts={facets.categories}
        />
      )}
      {province ? (
        <h2 data-testid="province-heading">
          {result.matches.length
            ? t("exhibition.catalogue.province", { province: bi(province.name_vi, province.name_en) })
            : t("exhibition.catalogue.provinceNone", { province: bi(province.name_vi, province.name_en) })}
        </h2>
      ) : null}
      <div className="no-print flex flex-wrap items-center gap-x-4 gap-y-1 text-sm" aria-live="polite">
        {empty ? null : (
          <p data-testid="result-count" className="font-semibold text-navy-900">
            {t(narrowed ? "exhibition.catalogue.resultsFound" : "exhibition.catalogue.results", {
              exhibitors: result.matches.length,
              products: result.productCount,
            })}
          </p>
        )}
        {narrowed ? (
          <Link to="/exhibition" className="btn-link" onClick={() => setQ("")}>
            {t("exhibition.catalogue.clear")}
          </Link>
        ) : null}
      </div>
      {plan.halls.length === 0 ? (
        <EmptyState title={t("exhibition.catalogue.noPlan")}>{t("exhibition.catalogue.noPlanHint")}</EmptyState>
      ) : (
        <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem] print:hidden">
          <div className="min-w-0 space-y-2">
            {/* A keyboard passes every booth otherwise: let it jump to the list. */}
            <a href="#catalogue-list" className="btn-link sr-only focus:not-sr-only">
              {t("exhibition.catalogue.skipPlan")}
            </a>
            <PlanLegend />
            <FloorPlan
              plan={plan}
              label={t("exhibition.catalogue.planLabel")}
              highlighted={highlighted}
              onBoothFocus={setFocused}
              onBoothActivate={(b) => {
                setPinned(b);
                // On a phone the panel is below the plan: bring it up to the booth just tapped.
                if (window.matchMedia("(max-width: 1023px)").matches)
                  document.getElementById("booth-panel")?.scrollIntoView({ block: "nearest", behavior: "smooth" });
              }}
              boothHref={(b) => (b.exhibitor ? `/exhibition/exhibitors/${b.exhibitor.id}` : undefined)}
              describeBooth={(b) =>
                [
                  highlighted.has(b.id) ? t("exhibition.catalogue.found") : "",
                  ...(entryOf(b)?.products.map((p) => bi(p.name_vi, p.name_en)) ?? []),
                ]
                  .filter(Boolean)
                  .join(", ")
              }
            />
          </div>
          <CataloguePanel
            booth={shownBooth}
            entry={entryOf(shownBooth)}
            found={shownBooth ? highlighted.has(shownBooth.id) : false}
          />
        </div>
      )}
      <section aria-labelledby="catalogue-list" className="space-y-3">
        <h2 id="catalogue-list" tabIndex={-1}>
          {t("exhibition.catalogue.listHeading")}
        </h2>
        {empty ? (
          <EmptyState title={t("exhibition.catalogue.empty")}>{t("exhibition.catalogue.emptyHint")}</EmptyState>
        ) : result.matches.length === 0 ? (
          <EmptyState title={t("exhibition.catalogue.none")}>
            <p>{t("exhibition.catalogue.noneHint")}</p>
            <Link
              to={catalogueHref({ q: "", zone: "", category: "", province: "", booth: "" })}
              className="btn-link"
              onClick={() => setQ("")}
            >
              {t("exhibition.catalogue.clear")}
            </Link>
          </EmptyState>
        ) : (
          <CatalogueList matches={result.matches} />
        )}
      </section>
    </div>
  );
}
