import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import {
  json,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { requirePermission } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { SubmitButton } from "~/components/submit-button";
import { pageMeta, useBilingual, useLocale, useT } from "~/components/i18n";
import { requestMessages } from "~/http/i18n.server";
import { DataTable } from "~/components/data-table";
import { Badge, Notice, PageHeader } from "~/components/ui";
import type { PreviewRow } from "~/features/registration/delegate-import";
import { MAX_IMPORT_ROWS, messageText, type Message } from "~/features/registration/import-message";
import { getCurrentConference } from "~/features/people/conference.server";
import { commitImport, previewImport } from "~/features/registration/delegate-import.server";
import { intent, parseIntent } from "~/http/intent.server";
import { statusOf } from "~/http/refusal.server";
import { z } from "zod";

export const meta: MetaFunction = (args) => pageMeta(args, "csv.import.pageTitle");

const MAX_FILE_MB = 5;
const MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024;
/** The confirm form carries the file as base64 (4/3 of its size) plus a few small fields. */
const MAX_PART_BYTES = Math.ceil((MAX_FILE_BYTES * 4) / 3) + 1024;
const MAX_REQUEST_BYTES = MAX_PART_BYTES + 64 * 1024;
const SHOWN_ROWS = 500;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "import:registration");
  return json({
    messages: await requestMessages(request, "registration"),
    maxMb: MAX_FILE_MB,
    maxRows: MAX_IMPORT_ROWS,
  });
}

type DisplayAction = PreviewRow["action"] | "unchanged";
interface DisplayRow {
  line: number;
  action: DisplayAction;
  name: string;
  email: string;
  organisation: { vi: string; en: string } | null;
  organisationText: string;
  reasons: Array<Message & { column: string | null }>;
  changes: string[];
  approve: boolean;
}

const displayAction = (r: PreviewRow): DisplayAction =>
  r.action === "update" && r.changes.length === 0 ? "unchanged" : r.action;
const ORDER: Record<DisplayAction, number> = { error: 0, new: 1, update: 2, unchanged: 3 };

function toDisplay(r: PreviewRow): DisplayRow {
  return {
    line: r.line,
    action: displayAction(r),
    name: r.input?.fullName ?? r.values.fullName ?? "",
    email: r.input?.email ?? r.values.email ?? "",
    organisation: r.organisation ? { vi: r.organisation.name_vi, en: r.organisation.name_en } : null,
    organisationText: r.values.organisationCode || r.values.organisation || "",
    reasons: r.reasons,
    changes: r.changes,
    approve: r.approve,
  };
}

const refuse = (problem: Message, status = 400) => json({ stage: "error" as const, problem }, { status });

export async function action({ request, context }: ActionFunctionArgs) {
  const Intent = z.discriminatedUnion("intent", [intent("preview"), intent("commit")]);
  const user = await requirePermission(request, "import:registration");
  const conference = await getCurrentConference();
  if (!conference) return refuse({ key: "csv.error.noConference" });
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data"))
    return refuse({ key: "csv.error.badUpload" });
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_REQUEST_BYTES)
    return refuse({ key: "csv.error.tooLarge", params: { max: MAX_FILE_MB } }, 413);
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_PART_BYTES }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError)
      return refuse({ key: "csv.error.tooLarge", params: { max: MAX_FILE_MB } }, 413);
    return refuse({ key: "csv.error.badUpload" });
  }

  const chosen = parseIntent(Intent, { intent: String(form.get("intent") ?? "") }).intent;
  if (chosen === "preview") {
    const file = form.get("file");
    if (!file || typeof file === "string" || file.size === 0) return refuse({ key: "csv.error.noFile" });
    if (file.size > MAX_FILE_BYTES) return refuse({ key: "csv.error.tooLarge", params: { max: MAX_FILE_MB } }, 413);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const preview = await previewImport(conference.id, bytes);
    if (!preview.ok) return refuse(preview.problem);
    const rows = [...preview.rows].sort((a, b) => ORDER[displayAction(a)] - ORDER[displayAction(b)] || a.line - b.line);
    return json({
      stage: "preview" as const,
      fileName: file.name.slice(0, 200),
      counts: preview.counts,
      ignoredHeaders: preview.ignoredHeaders,
      rows: rows.slice(0, SHOWN_ROWS).map(toDisplay),
      content: Buffer.from(bytes).toString("base64"),
      digest: preview.digest,
      plan: preview.plan,
    });
  }

  // chosen === "commit"
  const field = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const bytes = new Uint8Array(Buffer.from(field("content"), "base64"));
  if (bytes.length === 0) return refuse({ key: "csv.error.noFile" });
  if (bytes.length > MAX_FILE_BYTES) return refuse({ key: "csv.error.tooLarge", params: { max: MAX_FILE_MB } }, 413);
  let result: Awaited<ReturnType<typeof commitImport>>;
  try {
    result = await commitImport(
      conference.id,
      bytes,
      field("digest"),
      { id: user.id, ip: clientIp(context) },
      field("plan"),
    );
  } catch (error) {
    // Rolled back: say so plainly instead of a bare 500 page.
    console.error(error);
    return refuse({ key: "csv.error.failed" }, 500);
  }
  // The file changed since its preview, or a row the rules refuse now (a conflict, 409).
  if (!result.ok)
    return refuse({ key: result.refusal.key, params: result.refusal.params }, statusOf(result.refusal.kind));
  return json({ stage: "done" as const, result });
}

const ACTION_TONE = { new: "green", update: "navy", unchanged: "grey", error: "red" } as const;
const ACTION_ICON = { new: "+", update: "✎", unchanged: "=", error: "!" } as const;

export default function ImportDelegates() {
  const { maxMb, maxRows } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const t = useT();
  const pick = useBilingual();
  const locale = useLocale();
  const [fileError, setFileError] = useState<string | null>(null);

  const templateLink = (
    <div className="flex flex-wrap gap-2">
      <a className="btn-secondary" href="/admin/delegates/template.csv" download>
        {t("csv.import.template")}
      </a>
      <Link className="btn-secondary" to="/admin/delegates">
        {t("csv.import.backToList")}
      </Link>
    </div>
  );

  const uploadForm = (
    <section className="card">
      <Form
        method="post"
        encType="multipart/form-data"
        className="space-y-4"
        onSubmit={(e) => fileError && e.preventDefault()}
      >
        <input type="hidden" name="intent" value="preview" />
        <div>
          <label htmlFor="csv-file" className="label">
            {t("csv.import.file")}
            <span className="ml-1 text-accent-700" aria-hidden="true">
              *
            </span>
          </label>
          <input
            id="csv-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            className="input"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? "csv-file-hint csv-file-error" : "csv-file-hint"}
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              setFileError(
                f && f.size > maxMb * 1024 * 1024
                  ? t("csv.error.tooLarge", { max: maxMb })
                  : f && f.size === 0
                    ? t("csv.error.empty")
                    : null,
              );
            }}
          />
          <p id="csv-file-hint" className="mt-1 text-xs text-slate-500">
            {t("csv.import.fileHint", {
              max: maxMb,
              rows: maxRows.toLocaleString(locale === "vi" ? "vi-VN" : "en-GB"),
            })}
          </p>
          {fileError ? (
            <p id="csv-file-error" className="field-error">
              {fileError}
            </p>
          ) : null}
        </div>
        <SubmitButton name="intent" value="preview">
          {t("csv.import.preview")}
        </SubmitButton>
      </Form>
    </section>
  );

  return (
    <div className="space-y-6">
      <PageHeader title={t("csv.import.title")} action={templateLink}>
        {t("csv.import.intro")}
      </PageHeader>

      {data?.stage === "error" ? (
        <Notice tone="error">
          <span data-testid="import-problem">{messageText(t, data.problem)}</span>
        </Notice>
      ) : null}

      {data?.stage === "done" ? (
        <Notice tone="success">
          <p data-testid="import-done">
            {t("csv.import.done", {
              created: data.result.created,
              approved: data.result.approved,
              waitlisted: data.result.waitlisted,
              updated: data.result.updated,
              unchanged: data.result.unchanged,
              skipped: data.result.skipped,
            })}
          </p>
          <Link className="btn-link mt-2 inline-block" to="/admin/delegates">
            {t("csv.import.backToList")}
          </Link>
        </Notice>
      ) : null}

      {data?.stage === "preview" ? <Preview data={data} pick={pick} /> : null}

      {data?.stage !== "preview" ? uploadForm : null}
    </div>
  );
}

function Preview({
  data,
  pick,
}: {
  data: Extract<SerializeFrom<typeof action>, { stage: "preview" }>;
  pick: ReturnType<typeof useBilingual>;
}) {
  const t = useT();
  const writable = data.counts.new + data.counts.update;
  return (
    <section className="space-y-4" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t("csv.import.previewTitle", { file: data.fileName })}</h2>
      <Notice tone={data.counts.error ? "error" : "info"}>
        <p data-testid="import-counts">{t("csv.import.counts", { ...data.counts })}</p>
        <p className="mt-1">{t("csv.import.nothingWritten")}</p>
        {data.ignoredHeaders.length ? (
          <p className="mt-1">{t("csv.import.ignoredColumns", { value: data.ignoredHeaders.join(", ") })}</p>
        ) : null}
      </Notice>

      <div className="flex flex-wrap items-center gap-3">
        {writable > 0 ? (
          <Form method="post" encType="multipart/form-data">
            <input type="hidden" name="intent" value="commit" />
            <input type="hidden" name="content" value={data.content} />
            <input type="hidden" name="digest" value={data.digest} />
            <input type="hidden" name="plan" value={data.plan} />
            <SubmitButton name="intent" value="commit" busyLabel={t("csv.import.working")}>
              {t("csv.import.confirm", { count: writable })}
            </SubmitButton>
          </Form>
        ) : (
          <p className="text-sm text-slate-700">{t("csv.error.noValidRows")}</p>
        )}
        <Link className="btn-secondary" to="/admin/delegates/import">
          {t("csv.import.otherFile")}
        </Link>
      </div>

      {data.rows.length < data.counts.total ? (
        <p className="text-sm text-slate-600">
          {t("csv.import.shownFirst", { shown: data.rows.length, total: data.counts.total })}
        </p>
      ) : null}
      <DataTable
        testId="import-preview"
        rows={data.rows}
        rowKey={(r) => r.line}
        rowProps={(r) => ({ "data-action": r.action })}
        columns={[
          { key: "line", header: t("csv.import.line"), cell: (r) => r.line },
          {
            key: "action",
            header: t("csv.import.action"),
            className: "whitespace-nowrap",
            cell: (r) => (
              <Badge tone={ACTION_TONE[r.action]}>
                <span aria-hidden="true">{ACTION_ICON[r.action]} </span>
                {t(`csv.import.action.${r.action}`)}
              </Badge>
            ),
          },
          {
            key: "delegate",
            header: t("csv.import.delegate"),
            cell: (r) => (
              <>
                {r.name}
                <span className="block break-all text-xs text-slate-500">{r.email}</span>
              </>
            ),
          },
          {
            key: "organisation",
            header: t("csv.column.organisation"),
            cell: (r) => (r.organisation ? pick(r.organisation.vi, r.organisation.en) : r.organisationText),
          },
          {
            key: "details",
            header: t("csv.import.details"),
            cell: (r) => (
              <>
                {r.reasons.length ? (
                  <ul className="list-disc space-y-1 pl-4 text-accent-700">
                    {r.reasons.map((reason, i) => (
                      <li key={i}>
                        {reason.column ? <strong>{t(`csv.column.${reason.column}`)}: </strong> : null}
                        {messageText(t, reason)}
                      </li>
                    ))}
                  </ul>
                ) : r.action === "update" ? (
                  t("csv.import.changes", { list: r.changes.map((c) => t(`csv.column.${c}`)).join(", ") })
                ) : null}
                {r.approve && r.action !== "error" ? (
                  <span className="block text-xs text-slate-600">{t("csv.import.approve")}</span>
                ) : null}
              </>
            ),
          },
        ]}
      />
    </section>
  );
}
