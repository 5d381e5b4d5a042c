import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/guards.server";
import { DataTable } from "~/components/data-table";
import { pageMeta, useBilingual, useLocale, useT } from "~/components/i18n";
import { FilterChips, FilterSelect, Notice, PageHeader, Pagination } from "~/components/ui";
import { agreementScope } from "~/features/proceedings/agreements/access.server";
import {
  filteredAgreements,
  listAgreements,
  partyChoices,
  recordedCountries,
} from "~/features/proceedings/agreements/agreement-list.server";
import { DeadlineFlags } from "~/features/proceedings/agreements/components/deadline-flags";
import { NoAuthority } from "~/features/proceedings/agreements/components/no-authority";
import { countryName } from "~/features/proceedings/agreements/countries";
import {
  AGREEMENTS_PAGE_SIZE,
  filtersFromUrl,
  filtersToQuery,
  LATENESS_FILTERS,
} from "~/features/proceedings/agreements/schema";
import { AGREEMENT_FIELDS, AGREEMENT_KINDS, AGREEMENT_STATES } from "~/features/proceedings/rules";
import { requireConference } from "~/http/conference.server";
import { flash } from "~/http/flash.server";
import { requestMessages } from "~/http/i18n.server";
import { nowIso } from "~/lib/clock";
import { zonedDate } from "~/lib/time";
import { getDb } from "~/platform/db.server";

export const meta: MetaFunction = (args) => pageMeta(args, "proceedings.agreements.title");

/** The outcome of a delete on /agreements/:id, shown here after the redirect (the same cookie as there). */
const agreementsFlash = () => flash("nv_agreements", "/agreements", z.object({ done: z.enum(["deleted"]) }));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const conference = await requireConference();
  const db = getDb();
  const messages = await requestMessages(request, "proceedings");
  const access = await agreementScope(db, user, conference.id);
  if (!access.ok) return json({ noAuthority: access.refusal.key, messages } as const, { status: 403 });
  const { scope } = access;
  const url = new URL(request.url);
  const filters = filtersFromUrl(url.searchParams);
  const today = zonedDate(nowIso(), conference.time_zone);
  const staff = scope.organisationId === null;
  const [page, everything, parties, countries, own, outcome] = await Promise.all([
    listAgreements(db, scope, filters, today),
    // The chips' counts: the whole register the viewer sees, before its filters.
    filteredAgreements(db, scope, {}, today),
    staff ? partyChoices(db) : Promise.resolve(null),
    recordedCountries(db, scope),
    scope.organisationId === null
      ? Promise.resolve(null)
      : db
          .selectFrom("organisations")
          .select(["name_vi", "name_en"])
          .where("id", "=", scope.organisationId)
          .executeTakeFirst(),
    agreementsFlash().take(request),
  ]);
  const byState = Object.fromEntries(
    AGREEMENT_STATES.map((s) => [s, everything.filter((a) => a.state === s).length]),
  ) as Record<(typeof AGREEMENT_STATES)[number], number>;
  const late = {
    opinion: everything.filter((a) => a.opinionLate).length,
    report: everything.filter((a) => a.reportLate).length,
    any: everything.filter((a) => a.opinionLate || a.reportLate).length,
  };
  return json(
    {
      noAuthority: null,
      messages,
      staff,
      mayRecord: !staff || scope.staffUpdate,
      organisation: own ? { nameVi: own.name_vi, nameEn: own.name_en } : null,
      page,
      filters,
      query: filtersToQuery(filters),
      byState,
      late,
      parties,
      countries,
      done: outcome.value?.done ?? null,
    },
    { headers: outcome.headers },
  );
}

function FilterForm() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const [params] = useSearchParams();
  if (data.noAuthority !== null) return null;
  const A = "proceedings.agreements";
  const collator = new Intl.Collator(locale);
  const countries = data.countries
    .map((c) => ({ value: c, label: countryName(c, locale) }))
    .sort((a, b) => collator.compare(a.label, b.label));
  const select = (name: string, label: string, options: { value: string; label: string }[]) => (
    <FilterSelect
      name={name}
      label={label}
      value={params.get(name) ?? ""}
      options={options}
      anyLabel={t(`${A}.filter.any`)}
    />
  );
  return (
    <Form method="get" className="card grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="agreement-filters">
      {/* The chips' choices stay when the form is sent. */}
      {["state", "late"].map((name) =>
        params.get(name) ? <input key={name} type="hidden" name={name} value={params.get(name) ?? ""} /> : null,
      )}
      {data.parties
        ? select(
            "organisation",
            t(`${A}.filter.organisation`),
            data.parties.map((p) => ({ value: String(p.id), label: pick(p.nameVi, p.nameEn) })),
          )
        : null}
      {select("country", t(`${A}.filter.country`), countries)}
      {select(
        "field",
        t(`${A}.filter.field`),
        AGREEMENT_FIELDS.map((f) => ({ value: f, label: t(`proceedings.agreementField.${f}`) })),
      )}
      {select(
        "kind",
        t(`${A}.filter.kind`),
        AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`proceedings.agreementKind.${k}`) })),
      )}
      <div className="sm:col-span-2 lg:col-span-3">
        <label className="label" htmlFor="filter-q">
          {t(`${A}.filter.search`)}
        </label>
        <input id="filter-q" name="q" type="search" className="input" defaultValue={params.get("q") ?? ""} />
      </div>
      <div className="flex items-end gap-3">
        <button type="submit" className="btn-secondary">
          {t(`${A}.filter.apply`)}
        </button>
        {data.query ? (
          <Link to="/agreements" className="btn-link">
            {t(`${A}.clearFilters`)}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

export default function AgreementsPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  if (data.noAuthority !== null) return <NoAuthority reason={data.noAuthority} />;
  const A = "proceedings.agreements";
  const { page } = data;
  return (
    <div className="space-y-4">
      <PageHeader
        title={t(`${A}.title`)}
        action={
          <div className="flex flex-wrap gap-2">
            {data.mayRecord ? (
              <Link to="/agreements/new" className="btn-primary">
                {t(`${A}.record`)}
              </Link>
            ) : null}
            {data.staff ? (
              <a href={`/agreements.csv${data.query}`} className="btn-secondary" download>
                {t(`${A}.downloadCsv`)}
              </a>
            ) : null}
          </div>
        }
      >
        {data.organisation
          ? t(`${A}.ownIntro`, { organisation: pick(data.organisation.nameVi, data.organisation.nameEn) })
          : t(`${A}.intro`)}
      </PageHeader>
      {data.done === "deleted" ? <Notice tone="success">{t(`${A}.done.deleted`)}</Notice> : null}
      <div className="space-y-2">
        <FilterChips
          name="state"
          label={t(`${A}.filter.state`)}
          options={AGREEMENT_STATES.map((s) => ({
            value: s,
            label: t(`proceedings.agreementState.${s}`),
            count: data.byState[s],
          }))}
        />
        <FilterChips
          name="late"
          label={t(`${A}.filter.late`)}
          options={LATENESS_FILTERS.map((l) => ({ value: l, label: t(`${A}.late.${l}`), count: data.late[l] }))}
        />
      </div>
      <FilterForm />
      <p className="text-sm text-slate-700" data-testid="agreement-count">
        {t(`${A}.count`, { count: page.total })}
      </p>
      <DataTable
        testId="agreement-table"
        caption={t(`${A}.title`)}
        rows={page.rows}
        rowKey={(r) => r.id}
        rowProps={(r) => ({ "data-testid": `agreement-${r.id}` })}
        empty={<p className="card text-sm text-slate-600">{t(data.query ? `${A}.emptyFiltered` : `${A}.empty`)}</p>}
        columns={[
          {
            key: "agreement",
            header: t(`${A}.col.agreement`),
            rowHeader: true,
            cell: (r) => (
              <span>
                <Link to={`/agreements/${r.id}`} className="font-semibold text-navy-700 hover:underline">
                  {r.title}
                </Link>
                <span className="block text-xs font-normal text-slate-600">
                  {r.foreignParty} · {t(`proceedings.agreementKind.${r.kind}`)} ·{" "}
                  {t(`proceedings.agreementField.${r.field}`)}
                </span>
              </span>
            ),
          },
          data.staff && { key: "party", header: t(`${A}.col.party`), cell: (r) => pick(r.partyVi, r.partyEn) },
          { key: "country", header: t(`${A}.col.country`), cell: (r) => countryName(r.countryCode, locale) },
          { key: "state", header: t(`${A}.col.state`), cell: (r) => t(`proceedings.agreementState.${r.state}`) },
          {
            key: "deadlines",
            header: t(`${A}.col.deadlines`),
            cell: (r) => (
              <DeadlineFlags
                lateness={r}
                opinionReceived={r.opinion_received_on !== null}
                reported={r.reported_on !== null}
              />
            ),
          },
        ]}
      />
      <Pagination page={page.page} pageSize={AGREEMENTS_PAGE_SIZE} total={page.total} />
    </div>
  );
}
