import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guards.server";
import { useLocale, useT } from "~/components/i18n";
import { Badge, EmptyState, PageHeader, Pagination, parsePage } from "~/components/ui";
import { CONFERENCE_ZONE, formatInstant } from "~/lib/time";
import { listOutbox } from "~/models/outbox.server";

export const meta: MetaFunction = () => [{ title: "Thư đi · Hội nghị Ngoại vụ" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:outbox");
  const page = parsePage(new URL(request.url).searchParams.get("page"));
  return json({ ...(await listOutbox({ page })), page });
}

export default function Outbox() {
  const { rows, total, pageSize, page } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div>
      <PageHeader title={t("outbox.title")}>{t("outbox.intro")}</PageHeader>
      {rows.length === 0 ? (
        <EmptyState title={t("outbox.empty")} />
      ) : (
        <ul className="space-y-3">
          {rows.map((m) => (
            <li key={m.id} className="card">
              <details>
                <summary className="cursor-pointer">
                  <span className="font-semibold">{m.subject}</span>
                  <span className="ml-2 text-sm text-slate-600">→ {m.to_email}</span>
                  <span className="ml-2 text-xs text-slate-500">{formatInstant(m.created_at, CONFERENCE_ZONE, locale)}</span>
                  <span className="ml-2">{m.sent_at ? <Badge tone="green">{t("outbox.sent")}</Badge> : <Badge tone="grey">{t("outbox.queued")}</Badge>}</span>
                </summary>
                <pre className="mt-3 whitespace-pre-wrap break-words font-sans text-sm text-slate-700">{m.body_text}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}
