import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requirePermission } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { useBilingual, useLocale, useT } from "~/components/i18n";
import { StatusBadge } from "~/features/registration/components/registration-status";
import { countUnconfirmed, listUnconfirmed } from "~/features/registration/registration-requests.server";
import { EmptyState, FilterChips, Notice, PageHeader, Pagination } from "~/components/ui";
import { delegateFilterParams, parseDelegateFilters, type DelegateSort } from "~/features/registration/delegate-filters";
import { can } from "~/auth/permissions";
import { MODES, STATUSES } from "~/features/registration/rules";
import { ORGANISATION_KINDS } from "~/auth/roles";
import { CONFERENCE_ZONE, formatInstant } from "~/lib/time";
import { getCurrentConference } from "~/features/people/conference.server";
import { listDelegates } from "~/features/registration/delegate-list.server";
import { getOrganisation } from "~/features/people/organisations.server";
import { decideRegistrations } from "~/features/registration/registrations.server";

export const meta: MetaFunction = () => [{ title: "Đại biểu · Hội nghị Ngoại vụ" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:registration:any");
  const conference = await getCurrentConference();
  if (!conference) throw json({ message: "error.notFound.title" }, { status: 404 });
  const url = new URL(request.url);
  const filters = parseDelegateFilters(url.searchParams);
  // Registrations not confirmed by their e-mailed link are not delegates yet: shown only on request.
  const showUnconfirmed = url.searchParams.get("unconfirmed") === "1";
  const [list, unconfirmedCount, unconfirmed] = await Promise.all([
    listDelegates(conference.id, filters),
    countUnconfirmed(conference.id),
    showUnconfirmed ? listUnconfirmed(conference.id) : null,
  ]);
  const organisation = filters.organisationId ? await getOrganisation(filters.organisationId) : null;
  return json({
    ...list,
    filters,
    unconfirmedCount,
    unconfirmed,
    organisation: organisation ? { name_vi: organisation.name_vi, name_en: organisation.name_en } : null,
    canDecide: can(user.role, "update:registration:any"),
    canImport: can(user.role, "import:registration"),
    canExport: can(user.role, "export:registration"),
    canPrint: can(user.role, "print:badge"),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:registration:any");
  const conference = await getCurrentConference();
  if (!conference) throw json({ message: "error.notFound.title" }, { status: 404 });
  const form = await request.formData();
  const intent = form.get("intent");
  const ids = form.getAll("ids").map(Number).filter((n) => Number.isInteger(n) && n > 0);
  if (intent !== "approve" && intent !== "reject") return json({ error: "errors.choice", result: null }, { status: 400 });
  if (ids.length === 0) return json({ error: "delegates.noneSelected", result: null }, { status: 400 });
  if (ids.length > 1000) return json({ error: "delegates.tooMany", result: null }, { status: 400 });
  const result = await decideRegistrations(conference.id, ids, intent === "approve" ? "approved" : "rejected", { id: user.id, ip: clientIp(context) });
  return json({ error: null, result: { ...result, intent } });
}

function SortHeader({ column, label }: { column: DelegateSort; label: string }) {
  const { filters } = useLoaderData<typeof loader>();
  const active = filters.sort === column;
  const desc = active && !filters.desc;
  const href = `?${delegateFilterParams(filters, { sort: column, desc, page: 1 })}`;
  return (
    <th scope="col" aria-sort={active ? (filters.desc ? "descending" : "ascending") : undefined}>
      <Link to={href} className="hover:underline" preventScrollReset>
        {label} {active ? (filters.desc ? "↓" : "↑") : ""}
      </Link>
    </th>
  );
}

export default function Delegates() {
  const { rows, total, all, pageSize, filters, organisation, canDecide, canImport, canExport, canPrint, unconfirmed, unconfirmedCount } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const exportHref = `/admin/delegates/export.csv?${delegateFilterParams(filters, { page: 1 })}`;
  const busy = navigation.state === "submitting";
  return (
    <div>
      <PageHeader
        title={t("nav.delegates")}
        action={
          <div className="flex flex-wrap gap-2">
            {canImport ? <Link to="/admin/delegates/import" className="btn-secondary">{t("delegates.import")}</Link> : null}
            {canExport ? <a href={exportHref} className="btn-secondary" data-testid="export-link">{t("delegates.export")}</a> : null}
            {canPrint ? <a href="/admin/badges.pdf" className="btn-secondary">{t("delegates.printBadges")}</a> : null}
            {canDecide ? <Link to="/admin/quotas" className="btn-secondary">{t("delegates.quotas")}</Link> : null}
          </div>
        }
      >
        <span data-testid="delegate-count">{t("common.countOf", { shown: total, total: all })}</span>
      </PageHeader>

      {data?.error ? <Notice tone="error">{t(data.error)}</Notice> : null}
      {data?.result ? (
        <Notice tone={data.result.skipped.length ? "info" : "success"}>
          <p>{t(data.result.intent === "approve" ? "delegates.approvedCount" : "delegates.rejectedCount", { n: data.result.changed.length })}</p>
          {data.result.promoted.length ? <p>{t("delegates.promotedCount", { n: data.result.promoted.length })}</p> : null}
          {data.result.skipped.length ? (
            <ul className="mt-1 list-disc pl-5">
              {data.result.skipped.map((s) => (
                <li key={s.id}>{s.name}: {t(s.reason)}</li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}

      <Form method="get" className="no-print mb-3 flex flex-wrap gap-2" role="search">
        {(["status", "mode", "kind", "sort"] as const).map((k) =>
          filters[k] && !(k === "sort" && filters.sort === "created") ? <input key={k} type="hidden" name={k} value={String(filters[k])} /> : null,
        )}
        {filters.desc ? <input type="hidden" name="dir" value="desc" /> : null}
        <label htmlFor="delegate-search" className="sr-only">{t("common.search")}</label>
        <input id="delegate-search" name="q" type="search" defaultValue={filters.q} className="input max-w-md flex-1" placeholder={t("delegates.searchPlaceholder")} />
        {filters.organisationId ? <input type="hidden" name="organisation" value={filters.organisationId} /> : null}
        <button type="submit" className="btn-primary">{t("common.search")}</button>
      </Form>
      {organisation ? (
        <p className="no-print mb-3 text-sm">
          {t("delegates.organisationFilter")}: <strong>{pick(organisation.name_vi, organisation.name_en)}</strong>{" "}
          <Link to={`?${delegateFilterParams(filters, { organisationId: null, page: 1 })}`} className="btn-link">✕ {t("common.clearFilters")}</Link>
        </p>
      ) : null}
      <div className="no-print mb-4 space-y-2">
        <FilterChips name="status" label={t("delegates.status")} options={STATUSES.map((s) => ({ value: s, label: t(`registration.status.${s}`) }))} />
        <FilterChips name="mode" label={t("registration.field.mode")} options={MODES.map((m) => ({ value: m, label: t(`registration.mode.${m}`) }))} />
        <FilterChips name="kind" label={t("organisations.kind")} options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))} />
        <p className="text-sm">
          {unconfirmed ? (
            <Link to="/admin/delegates" className="btn-link">{t("delegates.unconfirmed.hide")}</Link>
          ) : (
            <Link to="/admin/delegates?unconfirmed=1" className="btn-link" data-testid="show-unconfirmed">{t("delegates.unconfirmed.show", { count: unconfirmedCount })}</Link>
          )}
        </p>
      </div>

      {unconfirmed ? (
        <section className="card mb-4" aria-labelledby="unconfirmed-title" data-testid="unconfirmed">
          <h2 id="unconfirmed-title" className="text-lg font-semibold">{t("delegates.unconfirmed.title")}</h2>
          <p className="text-sm text-slate-600">{t("delegates.unconfirmed.hint")}</p>
          {unconfirmed.length === 0 ? (
            <EmptyState title={t("delegates.unconfirmed.none")} />
          ) : (
            <table className="table mt-2">
              <thead>
                <tr>
                  <th scope="col">{t("registration.field.fullName")}</th>
                  <th scope="col">{t("registration.field.email")}</th>
                  <th scope="col">{t("registration.field.organisation")}</th>
                  <th scope="col">{t("delegates.unconfirmed.expires")}</th>
                </tr>
              </thead>
              <tbody>
                {unconfirmed.map((u) => (
                  <tr key={u.id}>
                    <td>{u.full_name}</td>
                    <td>{u.email}</td>
                    <td>{pick(u.organisation_vi, u.organisation_en)}</td>
                    <td>{formatInstant(u.expires_at, CONFERENCE_ZONE, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}

      {rows.length === 0 ? (
        <EmptyState title={all === 0 ? t("delegates.emptyAll") : t("delegates.empty")}>
          {all === 0 ? <p>{t("delegates.emptyAllHint")}</p> : <Link to="/admin/delegates" className="btn-link">{t("common.clearFilters")}</Link>}
        </EmptyState>
      ) : (
        <Form method="post">
          {canDecide ? (
            <div className="no-print mb-2 flex flex-wrap items-center gap-2">
              <span className="text-sm text-slate-600">{t("delegates.withSelected")}</span>
              <button type="submit" name="intent" value="approve" className="btn-primary" disabled={busy}>{t("delegates.approve")}</button>
              <button type="submit" name="intent" value="reject" className="btn-danger" disabled={busy}>{t("delegates.reject")}</button>
            </div>
          ) : null}
          <div className="card overflow-x-auto p-0">
            <table className="table table-stack">
              <thead>
                <tr>
                  {canDecide ? <th scope="col" className="no-print"><span className="sr-only">{t("delegates.select")}</span></th> : null}
                  <SortHeader column="name" label={t("registration.field.fullName")} />
                  <SortHeader column="organisation" label={t("registration.field.organisation")} />
                  <th scope="col">{t("registration.field.mode")}</th>
                  <SortHeader column="status" label={t("delegates.status")} />
                  <SortHeader column="created" label={t("delegates.registeredAt")} />
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    {canDecide ? (
                      <td className="no-print">
                        <input type="checkbox" name="ids" value={r.id} aria-label={t("delegates.selectOne", { name: r.full_name })} />
                      </td>
                    ) : null}
                    <td data-label={t("registration.field.fullName")}>
                      <div>
                        {/* Plain links in rows: 100 router <Link>s cost more to render than the rest of the page. */}
                        <a href={`/admin/delegates/${r.id}`} className="font-semibold text-navy-800 hover:underline">
                          {t(`registration.honorific.${r.honorific}`)} {r.full_name}
                        </a>
                        <span className="block text-xs text-slate-500">{r.position}</span>
                      </div>
                    </td>
                    <td data-label={t("registration.field.organisation")}>
                      <a href={`?${delegateFilterParams(filters, { organisationId: r.organisation_id, page: 1 })}`} className="hover:underline" title={t("delegates.filterByOrganisation")}>
                        {pick(r.organisation_vi, r.organisation_en)}
                      </a>
                    </td>
                    <td data-label={t("registration.field.mode")}>{t(`registration.mode.${r.mode}`)}</td>
                    <td data-label={t("delegates.status")}>
                      <StatusBadge status={r.status} />
                      {r.checked_in_at ? <span className="ml-1 text-xs text-emerald-700">✓ {t("delegates.present")}</span> : null}
                    </td>
                    <td data-label={t("delegates.registeredAt")} className="whitespace-nowrap">{formatInstant(r.created_at, CONFERENCE_ZONE, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Form>
      )}
      <Pagination page={filters.page} pageSize={pageSize} total={total} />
    </div>
  );
}
