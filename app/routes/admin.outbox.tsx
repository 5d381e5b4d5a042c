import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { SubmitButton } from "~/components/submit-button";
import { pageMeta, useLocale, useT } from "~/components/i18n";
import { Badge, EmptyState, Notice, PageHeader, Pagination, parsePage } from "~/components/ui";
import { can } from "~/auth/permissions";
import { CONFERENCE_ZONE, formatInstant } from "~/lib/time";
import { MAX_ATTEMPTS, outboxDeliveryCounts, sendOutboxNow, smtpStatus } from "~/platform/mailer.server";
import { listOutbox } from "~/platform/outbox.server";
import { formValues } from "~/platform/forms/parse";
import { intent, parseIntent } from "~/http/intent.server";

export const meta: MetaFunction = (args) => pageMeta(args, "outbox.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:outbox");
  const page = parsePage(new URL(request.url).searchParams.get("page"));
  const [list, counts] = await Promise.all([listOutbox({ page }), outboxDeliveryCounts()]);
  const smtp = smtpStatus();
  // Reading the outbox is not enough to send it: sending is an organiser's act.
  const canSend = smtp.configured && can(user.role, "update:registration:any");
  return json({ ...list, page, counts, smtp, canSend, maxAttempts: MAX_ATTEMPTS });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:registration:any");
  // One action: "send".
  parseIntent(intent("send"), formValues(await request.formData()));
  if (!smtpStatus().configured) return json({ error: "mailer.notConfiguredError", result: null }, { status: 400 });
  const result = await sendOutboxNow({ id: user.id, ip: clientIp(context) });
  return json({ error: null, result });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

function DeliveryBadge({ m, configured, max }: { m: Row; configured: boolean; max: number }) {
  const t = useT();
  const locale = useLocale();
  if (m.sent_at)
    return (
      <Badge tone="green">
        ✓ {t("mailer.status.sentAt", { time: formatInstant(m.sent_at, CONFERENCE_ZONE, locale) })}
      </Badge>
    );
  if (m.attempts >= max) return <Badge tone="red">✕ {t("mailer.status.gaveUp", { max })}</Badge>;
  if (m.attempts > 0) return <Badge tone="amber">! {t("mailer.status.retrying", { attempts: m.attempts, max })}</Badge>;
  return <Badge tone="grey">{configured ? t("mailer.status.waiting") : t("outbox.queued")}</Badge>;
}

export default function Outbox() {
  const { rows, total, pageSize, page, counts, smtp, canSend, maxAttempts } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const sendButton = canSend ? (
    <Form method="post">
      <SubmitButton name="intent" value="send" busyLabel={t("mailer.sending")}>
        {t("mailer.sendNow")}
      </SubmitButton>
    </Form>
  ) : null;
  return (
    <div>
      <PageHeader title={t("outbox.title")} action={sendButton}>
        {t("outbox.intro")}
      </PageHeader>
      {data?.error ? <Notice tone="error">{t(data.error)}</Notice> : null}
      {data?.result ? (
        <Notice tone={data.result.stopped ? "error" : "success"}>
          {t("mailer.result", { sent: data.result.sent, failed: data.result.failed })}
          {data.result.stopped ? ` ${t("mailer.result.stopped")}` : null}
        </Notice>
      ) : null}
      <div className="card mb-6" data-testid="smtp-status">
        <p className="text-sm text-slate-700">
          {smtp.configured
            ? t("mailer.configured", { server: smtp.server ?? "", from: smtp.from ?? "" })
            : t("mailer.notConfigured")}
        </p>
        <dl aria-label={t("mailer.counts")} className="mt-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
          {(["sent", "waiting", "retrying", "gaveUp"] as const).map((k) => (
            <div key={k} className="rounded-md bg-slate-50 px-3 py-2">
              <dt className="text-slate-600">{t(`mailer.count.${k}`)}</dt>
              <dd className="text-lg font-semibold text-navy-900">{counts[k]}</dd>
            </div>
          ))}
        </dl>
      </div>
      {rows.length === 0 ? (
        <EmptyState title={t("outbox.empty")} />
      ) : (
        <ul className="space-y-3">
          {rows.map((m) => (
            <li key={m.id} className="card" data-testid="outbox-message">
              <details>
                <summary className="cursor-pointer">
                  <span className="font-semibold">{m.subject}</span>
                  <span className="ml-2 break-all text-sm text-slate-600">→ {m.to_email}</span>
                  <span className="ml-2 text-xs text-slate-500">
                    {formatInstant(m.created_at, CONFERENCE_ZONE, locale)}
                  </span>
                  <span className="ml-2">
                    <DeliveryBadge m={m} configured={smtp.configured} max={maxAttempts} />
                  </span>
                </summary>
                <pre className="mt-3 whitespace-pre-wrap break-words font-sans text-sm text-slate-700">
                  {m.body_text}
                </pre>
              </details>
              {m.error && !m.sent_at ? (
                <p className="mt-2 break-words text-sm text-accent-700">{t("mailer.error", { error: m.error })}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}
