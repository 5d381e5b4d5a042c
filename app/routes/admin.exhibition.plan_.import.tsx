import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import {
  json,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { DataTable } from "~/components/data-table";
import { pageMeta, useT } from "~/components/i18n";
import { SubmitButton } from "~/components/submit-button";
import { Badge, Notice, PageHeader } from "~/components/ui";
import {
  commitBoothImport,
  MAX_BOOTH_ROWS,
  previewBoothImport,
  type ImportMessage,
} from "~/features/exhibition/plan/booth-import.server";
import { requireConference } from "~/http/conference.server";
import { requestMessages } from "~/http/i18n.server";
import { pickIntent } from "~/http/intent.server";
import { statusOf } from "~/http/refusal.server";
import { getDb } from "~/platform/db.server";
import type { Translate } from "~/platform/i18n";

export const meta: MetaFunction = (args) => pageMeta(args, "exhibition.plan.import.title");

const MAX_FILE_MB = 2;
const MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024;
/** The confirm form carries the file as base64 (4/3 of its size). */
const MAX_PART_BYTES = Math.ceil((MAX_FILE_BYTES * 4) / 3) + 1024;
const SHOWN_ROWS = 500;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "update:exhibition");
  await requireConference();
  // The file-level problems (not UTF-8, a workbook…) are the CSV words of the registration.
  return json({
    messages: await requestMessages(request, "registration", "exhibition"),
    maxMb: MAX_FILE_MB,
    maxRows: MAX_BOOTH_ROWS,
  });
}

const problem = (m: ImportMessage, status = 400) => json({ stage: "error" as const, problem: m }, { status });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:exhibition");
  const conference = await requireConference();
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data"))
    return problem({ key: "exhibition.plan.import.badUpload" });
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_PART_BYTES }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError)
      return problem({ key: "exhibition.plan.import.tooLarge", params: { max: MAX_FILE_MB } }, 413);
    return problem({ key: "exhibition.plan.import.badUpload" });
  }
  const intent = pickIntent(["preview", "commit"], { intent: String(form.get("intent") ?? "") });
  const db = getDb();
  if (intent === "preview") {
    const file = form.get("file");
    if (!file || typeof file === "string" || file.size === 0) return problem({ key: "exhibition.plan.import.noFile" });
    if (file.size > MAX_FILE_BYTES)
      return problem({ key: "exhibition.plan.import.tooLarge", params: { max: MAX_FILE_MB } }, 413);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const preview = await previewBoothImport(db, conference.id, bytes);
    if (!preview.ok) return problem(preview.problem);
    // Rows with errors first: they are what the organiser has to fix.
    const rows = [...preview.rows].sort((a, b) => Number(!b.booth) - Number(!a.booth) || a.line - b.line);
    return json({
      stage: "preview" as const,
      fileName: file.name.slice(0, 200),
      counts: preview.counts,
      rows: rows.slice(0, SHOWN_ROWS),
      content: Buffer.from(bytes).toString("base64"),
      digest: preview.digest,
    });
  }
  const content = form.get("content");
  const bytes = new Uint8Array(Buffer.from(typeof content === "string" ? content : "", "base64"));
  if (bytes.length === 0) return problem({ key: "exhibition.plan.import.noFile" });
  if (bytes.length > MAX_FILE_BYTES)
    return problem({ key: "exhibition.plan.import.tooLarge", params: { max: MAX_FILE_MB } }, 413);
  let result: Awaited<ReturnType<typeof commitBoothImport>>;
  try {
    const digest = form.get("digest");
    result = await commitBoothImport(db, conference.id, bytes, typeof digest === "string" ? digest : "", {
      id: user.id,
      ip: clientIp(context),
    });
  } catch (error) {
    // Rolled back: say so plainly instead of a bare 500 page.
    console.error(error);
    return problem({ key: "exhibition.plan.import.failed" }, 500);
  }
  if (!result.ok)
    return problem({ key: result.refusal.key, params: result.refusal.params }, statusOf(result.refusal.kind));
  return json({ stage: "done" as const, created: result.created, skipped: result.skipped });
}

function messageOf(t: Translate, m: ImportMessage): string {
  const params = { ...(m.params ?? {}) };
  if (typeof params.kind === "string" && params.kind.startsWith("exhibition.obstacle.")) params.kind = t(params.kind);
  return t(m.key, params);
}

export default function ImportBooths() {
  const { maxMb, maxRows } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("exhibition.plan.import.title")}
        action={
          <div className="flex flex-wrap gap-2">
            <a className="btn-secondary" href="/admin/exhibition/plan/template.csv" download>
              {t("exhibition.plan.import.template")}
            </a>
            <Link className="btn-secondary" to="/admin/exhibition/plan">
              {t("exhibition.plan.import.back")}
            </Link>
          </div>
        }
      >
        {t("exhibition.plan.import.intro")}
      </PageHeader>
      {data?.stage === "error" ? (
        <Notice tone="error">
          <span data-testid="import-problem">{messageOf(t, data.problem)}</span>
        </Notice>
      ) : null}
      {data?.stage === "done" ? (
        <Notice tone="success">
          <p data-testid="import-done">
            {t("exhibition.plan.import.done", { created: data.created, skipped: data.skipped })}
          </p>
          <Link className="btn-link mt-2 inline-block" to="/admin/exhibition/plan">
            {t("exhibition.plan.import.back")}
          </Link>
        </Notice>
      ) : null}
      {data?.stage === "preview" ? (
        <Preview data={data} />
      ) : (
        <section className="card">
          <Form method="post" encType="multipart/form-data" className="space-y-4">
            <div>
              <label htmlFor="csv-file" className="label">
                {t("exhibition.plan.import.file")}
              </label>
              <input
                id="csv-file"
                name="file"
                type="file"
                accept=".csv,text/csv"
                required
                className="input"
                aria-describedby="csv-file-hint"
              />
              <p id="csv-file-hint" className="mt-1 text-xs text-slate-500">
                {t("exhibition.plan.import.fileHint", { max: maxMb, rows: maxRows })}
              </p>
            </div>
            <SubmitButton name="intent" value="preview">
              {t("exhibition.plan.import.preview")}
            </SubmitButton>
          </Form>
        </section>
      )}
    </div>
  );
}

function Preview({ data }: { data: Extract<SerializeFrom<typeof action>, { stage: "preview" }> }) {
  const t = useT();
  return (
    <section className="space-y-4" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t("exhibition.plan.import.previewTitle", { file: data.fileName })}</h2>
      <Notice tone={data.counts.error ? "error" : "info"}>
        <p data-testid="import-counts">{t("exhibition.plan.import.counts", { ...data.counts })}</p>
        <p className="mt-1">{t("exhibition.plan.import.nothingWritten")}</p>
      </Notice>
      <div className="flex flex-wrap items-center gap-3">
        {data.counts.valid > 0 ? (
          <Form method="post" encType="multipart/form-data">
            <input type="hidden" name="content" value={data.content} />
            <input type="hidden" name="digest" value={data.digest} />
            <SubmitButton name="intent" value="commit" busyLabel={t("common.saving")}>
              {t("exhibition.plan.import.confirm", { count: data.counts.valid })}
            </SubmitButton>
          </Form>
        ) : (
          <p className="text-sm text-slate-700">{t("exhibition.plan.import.noValidRows")}</p>
        )}
        <Link className="btn-secondary" to="/admin/exhibition/plan/import">
          {t("exhibition.plan.import.otherFile")}
        </Link>
      </div>
      <DataTable
        testId="import-preview"
        rows={data.rows}
        rowKey={(r) => r.line}
        rowProps={(r) => ({ "data-action": r.booth ? "ok" : "error" })}
        columns={[
          { key: "line", header: t("exhibition.plan.import.line"), cell: (r) => r.line },
          {
            key: "booth",
            header: t("exhibition.plan.import.booth"),
            cell: (r) => (
              <>
                <span className="font-medium">{r.values.code || "—"}</span>
                <span className="block text-xs text-slate-600">
                  {r.values.hall} · {r.values.zone} · {r.values.type}
                </span>
              </>
            ),
          },
          {
            key: "place",
            header: t("exhibition.plan.place"),
            cell: (r) =>
              r.booth
                ? t("exhibition.plan.placeValue", { x: r.booth.x, y: r.booth.y, w: r.booth.w, h: r.booth.h })
                : `${r.values.x}, ${r.values.y} · ${r.values.width} × ${r.values.depth}`,
          },
          {
            key: "result",
            header: t("exhibition.plan.import.result"),
            cell: (r) =>
              r.booth ? (
                <Badge tone="green">{t("exhibition.plan.import.rowOk")}</Badge>
              ) : (
                <>
                  <Badge tone="red">{t("exhibition.plan.import.rowError")}</Badge>
                  <ul className="mt-1 list-disc space-y-1 pl-4 text-accent-700">
                    {r.errors.map((e, i) => (
                      <li key={i}>
                        {e.column ? <strong>{t(`exhibition.plan.csv.column.${e.column}`)}: </strong> : null}
                        {messageOf(t, e)}
                      </li>
                    ))}
                  </ul>
                </>
              ),
          },
        ]}
      />
    </section>
  );
}
