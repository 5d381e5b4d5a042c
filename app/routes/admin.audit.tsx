import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guards.server";
import { useLocale, useT } from "~/components/i18n";
import { EmptyState, FilterChips, PageHeader, Pagination, parsePage } from "~/components/ui";
import { CONFERENCE_ZONE, formatInstant } from "~/lib/time";
import { listAudit } from "~/platform/audit.server";

export const meta: MetaFunction = () => [{ title: "Nhật ký thao tác · Hội nghị Ngoại vụ" }];

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
      {rows.length === 0 ? (
        <EmptyState title={t("audit.empty")} />
      ) : (
        <div className="card overflow-x-auto p-0">
          <table className="table table-stack">
            <thead>
              <tr>
                <th scope="col">{t("audit.at")}</th>
                <th scope="col">{t("audit.actor")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.entity")}</th>
                <th scope="col">{t("audit.detail")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td data-label={t("audit.at")} className="whitespace-nowrap">{formatInstant(r.at, CONFERENCE_ZONE, locale)}</td>
                  <td data-label={t("audit.actor")}>{r.actor_name ?? t("audit.system")}<span className="block text-xs text-slate-500">{r.ip ?? ""}</span></td>
                  <td data-label={t("audit.action")}><code className="text-xs">{r.action}</code></td>
                  <td data-label={t("audit.entity")}>{r.entity}{r.entity_id ? ` #${r.entity_id}` : ""}</td>
                  <td data-label={t("audit.detail")} className="max-w-xs break-words text-xs text-slate-600">{r.detail ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}
