import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guards.server";
import { pageMeta, useLocale, useT } from "~/components/i18n";
import { DataTable } from "~/components/data-table";
import { EmptyState, FilterChips, PageHeader, Pagination, parsePage } from "~/components/ui";
import { CONFERENCE_ZONE, formatInstant } from "~/lib/time";
import { listAudit } from "~/platform/audit.server";

export const meta: MetaFunction = (args) => pageMeta(args, "audit.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:audit_log");
  const url = new URL(request.url);
  const page = parsePage(url.searchParams.get("page"));
  const action = url.searchParams.get("action");
  const result = await listAudit({ page, action: action && /^[a-z_.]{1,60}$/.test(action) ? action : null });
  return json({ ...result, page });
}

export default function AuditLog() {
  const { rows, total, pageSize, actions, page } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div>
      <PageHeader title={t("audit.title")}>{t("common.countOf", { shown: rows.length, total })}</PageHeader>
      <div className="mb-4">
        <FilterChips name="action" label={t("audit.action")} options={actions.map((a) => ({ value: a, label: a }))} />
      </div>
      <DataTable
        empty={<EmptyState title={t("audit.empty")} />}
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          {
            key: "at",
            header: t("audit.at"),
            className: "whitespace-nowrap",
            cell: (r) => formatInstant(r.at, CONFERENCE_ZONE, locale),
          },
          {
            key: "actor",
            header: t("audit.actor"),
            cell: (r) => (
              <>
                {r.actor_name ?? t("audit.system")}
                <span className="block text-xs text-slate-500">{r.ip ?? ""}</span>
              </>
            ),
          },
          { key: "action", header: t("audit.action"), cell: (r) => <code className="text-xs">{r.action}</code> },
          {
            key: "entity",
            header: t("audit.entity"),
            cell: (r) => `${r.entity}${r.entity_id ? ` #${r.entity_id}` : ""}`,
          },
          {
            key: "detail",
            header: t("audit.detail"),
            className: "max-w-xs break-words text-xs text-slate-600",
            cell: (r) => r.detail ?? "",
          },
        ]}
      />
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}
