import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requirePermission } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { pageMeta, useBilingual, useLocale, useT } from "~/components/i18n";
import { requestMessages } from "~/http/i18n.server";
import { StatusBadge } from "~/features/registration/components/registration-status";
import { countUnconfirmed, listUnconfirmed } from "~/features/registration/registration-requests.server";
import { DataTable } from "~/components/data-table";
import { EmptyState, FilterChips, Notice, PageHeader, Pagination } from "~/components/ui";
import {
  delegateFilterParams,
  parseDelegateFilters,
  type DelegateFilters,
  type DelegateSort,
} from "~/features/registration/delegate-filters";
import { can } from "~/auth/permissions";
import { MODES, STATUSES } from "~/features/registration/rules";
import { ORGANISATION_KINDS } from "~/auth/roles";
import { CONFERENCE_ZONE, formatInstant } from "~/lib/time";
import { requireConference } from "~/http/conference.server";
import { intent, parseIntent } from "~/http/intent.server";
import { z } from "zod";
import { listDelegates } from "~/features/registration/delegate-list.server";
import { getOrganisation } from "~/features/people/organisations.server";
import { decideRegistrations } from "~/features/registration/registrations.server";
import { flash, ownUrl } from "~/http/flash.server";

/**
 * What a decision did, kept for the page shown after the redirect (at most 30 names listed).
 * A function, called only by the loader and the action: the browser build drops it with them.
 */
const decided = () =>
  flash(
    "nv_delegates_done",
    "/admin/delegates",
    z.object({
      intent: z.enum(["approve", "reject"]),
      changed: z.number().int().min(0),
      promoted: z.number().int().min(0),
      skipped: z
        .array(z.object({ id: z.number().int(), name: z.string().max(200), reason: z.string().regex(/^[a-z][\w.]*$/) }))
        .max(30),
      moreSkipped: z.number().int().min(0),
    }),
  );
const SKIPPED_SHOWN = 30;

export const meta: MetaFunction = (args) => pageMeta(args, "nav.delegates");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:registration:any");
  const conference = await requireConference();
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
  const done = await decided().take(request);
  return json(
    {
      done: done.value,
      messages: await requestMessages(request, "registration"),
      ...list,
      filters,
      unconfirmedCount,
      unconfirmed,
      organisation: organisation ? { name_vi: organisation.name_vi, name_en: organisation.name_en } : null,
      canDecide: can(user.role, "update:registration:any"),
      canImport: can(user.role, "import:registration"),
      canExport: can(user.role, "export:registration"),
      canPrint: can(user.role, "print:badge"),
    },
    { headers: done.headers },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  // "approveOne": a row's own button (one click, whatever else is ticked); "approve"/"reject": the ticked rows.
  const Intent = z.discriminatedUnion("intent", [intent("approve"), intent("reject"), intent("approveOne")]);
  const user = await requirePermission(request, "update:registration:any");
  const conference = await requireConference();
  const form = await request.formData();
  const one = form.get("approveOne");
  const chosen = parseIntent(Intent, { intent: one !== null ? "approveOne" : String(form.get("intent") ?? "") }).intent;
  const ids = (chosen === "approveOne" ? [one] : form.getAll("ids"))
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  if (ids.length === 0) return json({ error: "delegates.noneSelected" }, { status: 400 });
  if (ids.length > 1000) return json({ error: "delegates.tooMany" }, { status: 400 });
  const result = await decideRegistrations(conference.id, ids, chosen === "reject" ? "rejected" : "approved", {
    id: user.id,
    ip: clientIp(context),
  });
  // Back to the list as it was (filters, page), without Remix's ?index: the outcome shows once.
  const cookie = await decided().set({
    intent: chosen === "reject" ? "reject" : "approve",
    changed: result.changed.length,
    promoted: result.promoted.length,
    skipped: result.skipped.slice(0, SKIPPED_SHOWN).map((x) => ({ ...x, name: x.name.slice(0, 200) })),
    moreSkipped: Math.max(0, result.skipped.length - SKIPPED_SHOWN),
  });
  return redirect(ownUrl(request), { headers: { "Set-Cookie": cookie } });
}

/** A sortable column's link (a second click on the current sort turns it round). */
function sortBy(filters: DelegateFilters, column: DelegateSort) {
  const active = filters.sort === column;
  const desc = active && !filters.desc;
  return {
    href: `?${delegateFilterParams(filters, { sort: column, desc, page: 1 })}`,
    direction: active ? (filters.desc ? ("descending" as const) : ("ascending" as const)) : undefined,
  };
}

export default function Delegates() {
  const {
    rows,
    total,
    all,
    pageSize,
    filters,
    organisation,
    canDecide,
    canImport,
    canExport,
    canPrint,
    unconfirmed,
    unconfirmedCount,
    done,
  } = useLoaderData<typeof loader>();
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
            {canImport ? (
              <Link to="/admin/delegates/import" className="btn-secondary">
                {t("delegates.import")}
              </Link>
            ) : null}
            {canExport ? (
              <a href={exportHref} className="btn-secondary" data-testid="export-link">
                {t("delegates.export")}
              </a>
            ) : null}
            {canPrint ? (
              // Starts the badge batch in the background and shows its progress (GET /admin/badges.pdf still serves scripts).
              <Form method="post" action="/admin/badges/batch">
                <button type="submit" name="intent" value="start" className="btn-secondary">
                  {t("delegates.printBadges")}
                </button>
              </Form>
            ) : null}
            {canDecide ? (
              <Link to="/admin/quotas" className="btn-secondary">
                {t("delegates.quotas")}
              </Link>
            ) : null}
          </div>
        }
      >
        <span data-testid="delegate-count">{t("common.countOf", { shown: total, total: all })}</span>
      </PageHeader>

      {data?.error ? <Notice tone="error">{t(data.error)}</Notice> : null}
      {done ? (
        <Notice tone={done.skipped.length ? "info" : "success"}>
          <p data-testid="decided">
            {t(done.intent === "approve" ? "delegates.approvedCount" : "delegates.rejectedCount", {
              n: done.changed,
            })}
          </p>
          {done.promoted ? <p>{t("delegates.promotedCount", { n: done.promoted })}</p> : null}
          {done.skipped.length ? (
            <ul className="mt-1 list-disc pl-5">
              {done.skipped.map((s) => (
                <li key={s.id}>
                  {s.name}: {t(s.reason)}
                </li>
              ))}
              {done.moreSkipped ? <li>{t("delegates.moreSkipped", { n: done.moreSkipped })}</li> : null}
            </ul>
          ) : null}
        </Notice>
      ) : null}

      <Form method="get" className="no-print mb-3 flex flex-wrap gap-2" role="search">
        {(["status", "mode", "kind", "sort"] as const).map((k) =>
          filters[k] && !(k === "sort" && filters.sort === "created") ? (
            <input key={k} type="hidden" name={k} value={String(filters[k])} />
          ) : null,
        )}
        {filters.desc ? <input type="hidden" name="dir" value="desc" /> : null}
        <label htmlFor="delegate-search" className="sr-only">
          {t("common.search")}
        </label>
        <input
          id="delegate-search"
          name="q"
          type="search"
          defaultValue={filters.q}
          className="input max-w-md flex-1"
          placeholder={t("delegates.searchPlaceholder")}
        />
        {filters.organisationId ? <input type="hidden" name="organisation" value={filters.organisationId} /> : null}
        <button type="submit" className="btn-primary">
          {t("common.search")}
        </button>
      </Form>
      {organisation ? (
        <p className="no-print mb-3 text-sm">
          {t("delegates.organisationFilter")}: <strong>{pick(organisation.name_vi, organisation.name_en)}</strong>{" "}
          <Link to={`?${delegateFilterParams(filters, { organisationId: null, page: 1 })}`} className="btn-link">
            ✕ {t("common.clearFilters")}
          </Link>
        </p>
      ) : null}
      <div className="no-print mb-4 space-y-2">
        <FilterChips
          name="status"
          label={t("delegates.status")}
          options={STATUSES.map((s) => ({ value: s, label: t(`registration.status.${s}`) }))}
        />
        <FilterChips
          name="mode"
          label={t("registration.field.mode")}
          options={MODES.map((m) => ({ value: m, label: t(`registration.mode.${m}`) }))}
        />
        <FilterChips
          name="kind"
          label={t("organisations.kind")}
          options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))}
        />
        <p className="text-sm">
          {unconfirmed ? (
            <Link to="/admin/delegates" className="btn-link">
              {t("delegates.unconfirmed.hide")}
            </Link>
          ) : (
            <Link to="/admin/delegates?unconfirmed=1" className="btn-link" data-testid="show-unconfirmed">
              {t("delegates.unconfirmed.show", { count: unconfirmedCount })}
            </Link>
          )}
        </p>
      </div>

      {unconfirmed ? (
        <section className="card mb-4" aria-labelledby="unconfirmed-title" data-testid="unconfirmed">
          <h2 id="unconfirmed-title" className="text-lg font-semibold">
            {t("delegates.unconfirmed.title")}
          </h2>
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
          {all === 0 ? (
            <p>{t("delegates.emptyAllHint")}</p>
          ) : (
            <Link to="/admin/delegates" className="btn-link">
              {t("common.clearFilters")}
            </Link>
          )}
        </EmptyState>
      ) : (
        <Form method="post">
          {canDecide ? (
            <div className="no-print mb-2 flex flex-wrap items-center gap-2">
              <span className="text-sm text-slate-600">{t("delegates.withSelected")}</span>
              <button type="submit" name="intent" value="approve" className="btn-primary" disabled={busy}>
                {t("delegates.approve")}
              </button>
              <button type="submit" name="intent" value="reject" className="btn-danger" disabled={busy}>
                {t("delegates.reject")}
              </button>
            </div>
          ) : null}
          <DataTable
            rows={rows}
            rowKey={(r) => r.id}
            columns={[
              canDecide && {
                key: "select",
                header: t("delegates.select"),
                hideHeader: true,
                className: "no-print",
                headerClassName: "no-print",
                cell: (r) => (
                  <input
                    type="checkbox"
                    name="ids"
                    value={r.id}
                    aria-label={t("delegates.selectOne", { name: r.full_name })}
                  />
                ),
              },
              {
                key: "name",
                header: t("registration.field.fullName"),
                sort: sortBy(filters, "name"),
                cell: (r) => (
                  <div>
                    {/* Plain links in rows: 100 router <Link>s cost more to render than the rest of the page. */}
                    <a href={`/admin/delegates/${r.id}`} className="font-semibold text-navy-800 hover:underline">
                      {t(`registration.honorific.${r.honorific}`)} {r.full_name}
                    </a>
                    <span className="block text-xs text-slate-500">{r.position}</span>
                  </div>
                ),
              },
              {
                key: "organisation",
                header: t("registration.field.organisation"),
                sort: sortBy(filters, "organisation"),
                cell: (r) => (
                  <a
                    href={`?${delegateFilterParams(filters, { organisationId: r.organisation_id, page: 1 })}`}
                    className="hover:underline"
                    title={t("delegates.filterByOrganisation")}
                  >
                    {pick(r.organisation_vi, r.organisation_en)}
                  </a>
                ),
              },
              { key: "mode", header: t("registration.field.mode"), cell: (r) => t(`registration.mode.${r.mode}`) },
              {
                key: "status",
                header: t("delegates.status"),
                sort: sortBy(filters, "status"),
                cell: (r) => (
                  <>
                    <StatusBadge status={r.status} />
                    {r.checked_in_at ? (
                      <span className="ml-1 text-xs text-emerald-700">✓ {t("delegates.present")}</span>
                    ) : null}
                  </>
                ),
              },
              canDecide && {
                key: "decide",
                header: t("delegates.actions"),
                className: "no-print",
                headerClassName: "no-print",
                // One click approves this row alone (the ticks above are for many at once).
                cell: (r) =>
                  r.status === "pending" || r.status === "waitlisted" ? (
                    <button
                      type="submit"
                      name="approveOne"
                      value={r.id}
                      className="btn-secondary min-h-11 whitespace-nowrap"
                      disabled={busy}
                      aria-label={t("delegates.approveOne", { name: r.full_name })}
                    >
                      {t("delegates.approve")}
                    </button>
                  ) : null,
              },
              {
                key: "created",
                header: t("delegates.registeredAt"),
                sort: sortBy(filters, "created"),
                className: "whitespace-nowrap",
                cell: (r) => formatInstant(r.created_at, CONFERENCE_ZONE, locale),
              },
            ]}
          />
        </Form>
      )}
      <Pagination page={filters.page} pageSize={pageSize} total={total} />
    </div>
  );
}
