import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guards.server";
import { DataTable } from "~/components/data-table";
import { pageMeta, useBilingual, useT } from "~/components/i18n";
import { Badge, FilterChips, FilterSelect, PageHeader } from "~/components/ui";
import { listApplications } from "~/features/exhibition/applications/review.server";
import { ApplicationStatusBadge } from "~/features/exhibition/components/application-status";
import { APPLICATION_STATUSES, EXHIBITOR_KINDS, ZONES } from "~/features/exhibition/rules";
import { requireConference } from "~/http/conference.server";
import { requestMessages } from "~/http/i18n.server";
import { idOf } from "~/http/refusal.server";
import { getDb } from "~/platform/db.server";

export const meta: MetaFunction = (args) => pageMeta(args, "exhibition.applications.admin.title");

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | "" =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : "";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:exhibition:any");
  const conference = await requireConference();
  const params = new URL(request.url).searchParams;
  const filters = {
    status: oneOf(APPLICATION_STATUSES, params.get("status")),
    zone: oneOf(ZONES, params.get("zone")),
    kind: oneOf(EXHIBITOR_KINDS, params.get("kind")),
    province: idOf(params.get("province")),
    q: (params.get("q") ?? "").slice(0, 200),
  };
  const list = await listApplications(getDb(), conference.id, filters);
  return json({ messages: await requestMessages(request, "exhibition"), filters, ...list });
}

const A = "exhibition.applications.admin";

export default function ApplicationsList() {
  const { rows, counts, shown, total, provinces, filters } = useLoaderData<typeof loader>();
  const t = useT();
  const bi = useBilingual();
  return (
    <div className="space-y-4">
      <PageHeader title={t(`${A}.title`)}>
        {t(`${A}.intro`)} <span data-testid="application-count">{t(`${A}.count`, { shown, total })}</span>
      </PageHeader>
      <FilterChips
        name="status"
        label={t(`${A}.filter.status`)}
        options={APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`exhibition.status.${s}`), count: counts[s] }))}
      />
      <Form method="get" role="search" className="no-print grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
        {filters.status ? <input type="hidden" name="status" value={filters.status} /> : null}
        <div className="lg:col-span-2">
          <label htmlFor="application-search" className="label">
            {t(`${A}.filter.search`)}
          </label>
          <input
            id="application-search"
            name="q"
            type="search"
            defaultValue={filters.q}
            className="input"
            placeholder={t(`${A}.filter.searchPlaceholder`)}
          />
        </div>
        <FilterSelect
          anyLabel={t(`${A}.filter.any`)}
          name="zone"
          label={t(`${A}.filter.zone`)}
          value={filters.zone}
          options={ZONES.map((z) => ({ value: z, label: t(`exhibition.zone.${z}`) }))}
        />
        <FilterSelect
          anyLabel={t(`${A}.filter.any`)}
          name="province"
          label={t(`${A}.filter.province`)}
          value={filters.province ? String(filters.province) : ""}
          options={provinces.map((p) => ({ value: String(p.id), label: bi(p.name_vi, p.name_en) }))}
        />
        <FilterSelect
          anyLabel={t(`${A}.filter.any`)}
          name="kind"
          label={t(`${A}.filter.kind`)}
          value={filters.kind}
          options={EXHIBITOR_KINDS.map((k) => ({ value: k, label: t(`exhibition.kind.${k}`) }))}
        />
        <div className="flex gap-2 lg:col-span-5">
          <button type="submit" className="btn-primary">
            {t(`${A}.filter.apply`)}
          </button>
          <Link to="/admin/exhibition/applications" className="btn-secondary">
            {t(`${A}.filter.clear`)}
          </Link>
        </div>
      </Form>
      <DataTable
        testId="applications"
        rows={rows}
        rowKey={(r) => r.id}
        rowProps={(r) => ({ "data-status": r.status })}
        empty={<p className="card text-sm text-slate-700">{t(`${A}.empty`)}</p>}
        columns={[
          {
            key: "name",
            header: t(`${A}.col.name`),
            rowHeader: true,
            cell: (r) => (
              <>
                <Link to={`/admin/exhibition/applications/${r.id}`} className="font-semibold text-navy-700 underline">
                  {bi(r.name_vi, r.name_en)}
                </Link>
                <span className="block break-all text-xs text-slate-500">
                  {r.contact_name} · {r.contact_email}
                </span>
                {r.changeRequested ? <Badge tone="amber">{t(`${A}.changeFlag`)}</Badge> : null}
              </>
            ),
          },
          { key: "province", header: t(`${A}.col.province`), cell: (r) => bi(r.province_vi, r.province_en) },
          { key: "kind", header: t(`${A}.col.kind`), cell: (r) => t(`exhibition.kind.${r.kind}`) },
          { key: "status", header: t(`${A}.col.status`), cell: (r) => <ApplicationStatusBadge status={r.status} /> },
          {
            key: "zones",
            header: t(`${A}.col.zones`),
            cell: (r) =>
              r.zones.length ? r.zones.map((z, i) => `${i + 1}. ${t(`exhibition.zone.${z}`)}`).join("; ") : "—",
          },
          {
            key: "booths",
            header: t(`${A}.col.booths`),
            cell: (r) => (r.booths.length ? r.booths.join(", ") : "—"),
          },
        ]}
      />
    </div>
  );
}
