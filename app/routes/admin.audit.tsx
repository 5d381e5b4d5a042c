import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guards.server";
import { resolveLocale } from "~/auth/request.server";
import { pageMeta, useLocale, useT } from "~/components/i18n";
import { DataTable } from "~/components/data-table";
import { EmptyState, PageHeader, Pagination, parsePage } from "~/components/ui";
import { CONFERENCE_ZONE, formatInstant, zonedLocalToUtc } from "~/lib/time";
import { listAudit } from "~/platform/audit.server";
import {
  actionsOfKind,
  auditKindLabel,
  auditKindOf,
  auditSentence,
  AUDIT_KINDS,
  type AuditKind,
} from "~/platform/audit-sentences";

export const meta: MetaFunction = (args) => pageMeta(args, "audit.title");

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day in the conference's zone → its first instant (UTC), or null. */
function dayStart(day: string | null, plusDays = 0): string | null {
  if (!day || !DAY.test(day)) return null;
  const start = zonedLocalToUtc(`${day}T00:00`, CONFERENCE_ZONE);
  return start ? new Date(Date.parse(start) + plusDays * 86_400_000).toISOString() : null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:audit_log");
  const locale = resolveLocale(request, user.locale);
  const url = new URL(request.url);
  const page = parsePage(url.searchParams.get("page"));
  const action = url.searchParams.get("action");
  const kindParam = url.searchParams.get("kind") ?? "";
  const kind = (AUDIT_KINDS as readonly string[]).includes(kindParam) ? (kindParam as AuditKind) : null;
  const actorParam = url.searchParams.get("actor") ?? "";
  const actor = /^[\w-]{1,64}$/.test(actorParam) ? actorParam : null;
  const fromDay = url.searchParams.get("from") ?? "";
  const toDay = url.searchParams.get("to") ?? "";
  const result = await listAudit({
    page,
    action: action && /^[a-z_.]{1,60}$/.test(action) ? action : null,
    actions: kind ? actionsOfKind(kind) : null,
    actorId: actor,
    from: dayStart(fromDay),
    // "to" is the last day shown, whole.
    to: dayStart(toDay, 1),
  });
  // The sentences are written here, in the reader's language; the page gets words, not codes.
  const rows = result.rows.map((r) => ({
    id: r.id,
    at: r.at,
    ip: r.ip,
    action: r.action,
    actorName: r.actor_name,
    detail: r.detail,
    sentence: auditSentence(
      {
        action: r.action,
        detail: r.detail,
        actorName: r.actor_name,
        target: r.target ? r.target[locale] : null,
        entityId: r.entity_id,
      },
      locale,
    ),
    entity: `${r.entity}${r.entity_id ? ` #${r.entity_id}` : ""}`,
  }));
  const kinds = AUDIT_KINDS.filter((k) => result.actions.some((a) => auditKindOf(a) === k)).map((k) => ({
    value: k,
    label: auditKindLabel(k, locale),
  }));
  return json({
    rows,
    total: result.total,
    pageSize: result.pageSize,
    page,
    kinds,
    actors: result.actors.map((a) => ({ id: a.id, name: a.full_name || a.email })),
    filters: {
      kind: kind ?? "",
      actor: actor ?? "",
      from: DAY.test(fromDay) ? fromDay : "",
      to: DAY.test(toDay) ? toDay : "",
    },
  });
}

export default function AuditLog() {
  const { rows, total, pageSize, page, kinds, actors, filters } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const filtered = Boolean(filters.kind || filters.actor || filters.from || filters.to);
  return (
    <div>
      <PageHeader title={t("audit.title")}>
        <span data-testid="audit-count">{t("common.countOf", { shown: rows.length, total })}</span>
      </PageHeader>
      <Form
        method="get"
        className="no-print card mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto] lg:items-end"
        role="search"
        aria-label={t("audit.filters")}
      >
        <div>
          <label htmlFor="audit-actor" className="label">
            {t("audit.actor")}
          </label>
          <select id="audit-actor" name="actor" className="input" defaultValue={filters.actor}>
            <option value="">{t("common.all")}</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-kind" className="label">
            {t("audit.kind")}
          </label>
          <select id="audit-kind" name="kind" className="input" defaultValue={filters.kind}>
            <option value="">{t("common.all")}</option>
            {kinds.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-from" className="label">
            {t("audit.from")}
          </label>
          <input id="audit-from" name="from" type="date" className="input" defaultValue={filters.from} />
        </div>
        <div>
          <label htmlFor="audit-to" className="label">
            {t("audit.to")}
          </label>
          <input id="audit-to" name="to" type="date" className="input" defaultValue={filters.to} />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="btn-primary">
            {t("audit.apply")}
          </button>
          {filtered ? (
            <Link to="/admin/audit" className="btn-link">
              {t("common.clearFilters")}
            </Link>
          ) : null}
        </div>
      </Form>
      <DataTable
        empty={<EmptyState title={filtered ? t("audit.emptyFiltered") : t("audit.empty")} />}
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          {
            key: "at",
            header: t("audit.at"),
            className: "whitespace-nowrap align-top",
            cell: (r) => formatInstant(r.at, CONFERENCE_ZONE, locale),
          },
          {
            key: "what",
            header: t("audit.what"),
            className: "align-top",
            cell: (r) => (
              <div>
                <p className="text-slate-900" data-testid="audit-sentence">
                  {r.sentence}
                </p>
                <details className="mt-1 text-xs text-slate-600">
                  <summary className="cursor-pointer text-navy-700">{t("audit.raw")}</summary>
                  <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5">
                    <dt>{t("audit.action")}</dt>
                    <dd>
                      <code>{r.action}</code>
                    </dd>
                    <dt>{t("audit.entity")}</dt>
                    <dd>
                      <code>{r.entity}</code>
                    </dd>
                    {r.ip ? (
                      <>
                        <dt>{t("audit.ip")}</dt>
                        <dd>
                          <code>{r.ip}</code>
                        </dd>
                      </>
                    ) : null}
                    {r.detail ? (
                      <>
                        <dt>{t("audit.detail")}</dt>
                        <dd className="break-words">
                          <code>{r.detail}</code>
                        </dd>
                      </>
                    ) : null}
                  </dl>
                </details>
              </div>
            ),
          },
        ]}
      />
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}
