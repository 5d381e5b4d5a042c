import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useDeferredValue, useMemo } from "react";
import { z } from "zod";
import { forbidden, requireUser } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { clientIp } from "~/auth/request.server";
import { TextAreaField, useZodForm, ZodForm } from "~/components/form";
import { pageMeta, useBilingual, useLocale, useT } from "~/components/i18n";
import { SubmitButton } from "~/components/submit-button";
import { Badge, Notice, PageHeader } from "~/components/ui";
import { MarkdownView } from "~/features/proceedings/documents/components/markdown-view";
import { SUMMARY_DONE } from "~/features/proceedings/documents/done";
import { summarySchema } from "~/features/proceedings/documents/schema";
import {
  reopenSummary,
  saveSummary,
  sessionSummaries,
  summarySession,
  summaryWriter,
} from "~/features/proceedings/documents/summaries.server";
import { DOCUMENT_LANGUAGES, DOCUMENT_LIMITS, type DocumentLanguage } from "~/features/proceedings/rules";
import { requireConference } from "~/http/conference.server";
import { flash } from "~/http/flash.server";
import { requestMessages } from "~/http/i18n.server";
import { parseIntent } from "~/http/intent.server";
import { notFound, parseId, replyOrNotFound } from "~/http/refusal.server";
import { getDb } from "~/platform/db.server";
import { formValues, parseWith, type FieldErrors } from "~/platform/forms/fields";

/** The one-time outcome of a save (post/redirect/get). */
const summaryFlash = () => flash("nv_summary", "/programme/sessions", z.object({ done: z.enum(SUMMARY_DONE) }));

export const meta: MetaFunction = (args) => pageMeta(args, "proceedings.documents.session.writeSummary");

/**
 * The session's summary, written by its rapporteurs (an approved registration of theirs with the role
 * "rapporteur" in this session) or by staff with update:document. Anyone else: 403 (a visitor is sent
 * to sign in); a session that is not this conference's, or unpublished for a rapporteur: 404.
 */
async function authorise(request: Request, params: { id?: string }) {
  const user = await requireUser(request);
  const conference = await requireConference();
  const id = parseId(params.id);
  const db = getDb();
  const session = await summarySession(db, conference.id, id);
  const staff = can(user.role, "update:document");
  if (!session || (!staff && !session.published)) notFound();
  const writer = await summaryWriter(db, conference.id, id, { id: user.id, staff });
  if (!writer) forbidden();
  return { user, conference, session, writer, db };
}

const languageOf = (value: string | null): DocumentLanguage =>
  (DOCUMENT_LANGUAGES as readonly string[]).includes(value ?? "") ? (value as DocumentLanguage) : "vi";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session, db } = await authorise(request, params);
  const language = languageOf(new URL(request.url).searchParams.get("language"));
  const [summaries, done] = await Promise.all([sessionSummaries(db, session.id), summaryFlash().take(request)]);
  const current = summaries.find((s) => s.language === language) ?? null;
  return json(
    {
      messages: await requestMessages(request, "proceedings"),
      session: { id: session.id, kind: session.kind, title_vi: session.title_vi, title_en: session.title_en },
      language,
      summary: current ? { id: current.id, state: current.state, body: current.body } : null,
      others: summaries.map((s) => ({ language: s.language, state: s.state })),
      done: done.value?.done ?? null,
    },
    { headers: done.headers },
  );
}

type ActionData = {
  intent: string;
  errors: FieldErrors;
  values?: Record<string, string>;
  params?: Record<string, string | number>;
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const Intent = z.object({ intent: z.enum(["save", "final", "reopen"]) }).passthrough();
  const { user, conference, session, writer, db } = await authorise(request, params);
  const values = formValues(await request.formData());
  const { intent } = parseIntent(Intent, values);
  const actor = { id: user.id, ip: clientIp(context) };
  const language = languageOf(values.language ?? null);
  const back = async (done: "savedDraft" | "savedFinal" | "reopened") =>
    redirect(`/programme/sessions/${session.id}/summary?language=${language}`, {
      headers: { "Set-Cookie": await summaryFlash().set({ done }) },
    });
  if (intent === "reopen") {
    const result = await reopenSummary(db, conference.id, session.id, language, writer, actor);
    return result.ok ? back("reopened") : replyOrNotFound(result.refusal, { intent, values });
  }
  const parsed = parseWith(summarySchema, values);
  // The text typed comes back on any refusal.
  if (!parsed.ok) return json<ActionData>({ intent, errors: parsed.errors, values }, { status: 400 });
  const state = intent === "final" ? "final" : "draft";
  const result = await saveSummary(db, conference.id, session.id, { ...parsed.data, state }, writer, actor);
  if (!result.ok) return replyOrNotFound(result.refusal, { intent, values });
  return back(state === "final" ? "savedFinal" : "savedDraft");
}

const M = "proceedings.documents.summary";

export default function SummaryPage() {
  const { session, language, summary, others, done } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const t = useT();
  const pick = useBilingual();
  const locale = useLocale();
  const feedback = useMemo(() => (data ? { errors: data.errors, values: data.values } : null), [data]);
  const state = useZodForm(summarySchema, {
    defaultValues: { language, body: summary?.body ?? "" },
    feedback,
  });
  const body = state.form.watch("body") ?? state.defaults.body ?? "";
  const preview = useDeferredValue(typeof body === "string" ? body : "");
  const title = pick(session.title_vi, session.title_en);
  return (
    <div className="mx-auto max-w-5xl space-y-5">
      <PageHeader title={t(`${M}.title`, { session: title })}>
        <Link to={`/programme/sessions/${session.id}`} className="link">
          {t("proceedings.documents.session.link")}
        </Link>
        <p className="mt-1">{t(`${M}.intro`)}</p>
      </PageHeader>
      {done ? <Notice tone="success">{t(`${M}.${done}`)}</Notice> : null}
      {session.kind !== "discussion" ? (
        <Notice tone="info">{t(`${M}.notDiscussion`)}</Notice>
      ) : (
        <>
          <nav aria-label={t(`${M}.language`)} className="flex flex-wrap gap-2">
            {DOCUMENT_LANGUAGES.map((l) => {
              const other = others.find((o) => o.language === l);
              return (
                <Link
                  key={l}
                  to={`?language=${l}`}
                  aria-current={l === language ? "page" : undefined}
                  className={l === language ? "btn-primary" : "btn-secondary"}
                >
                  {t(`proceedings.language.${l}`)}
                  {other ? ` · ${t(`proceedings.documentState.${other.state}`)}` : ""}
                </Link>
              );
            })}
          </nav>
          {summary ? (
            <p className="text-sm" data-testid="summary-state">
              <Badge tone={summary.state === "final" ? "green" : "grey"}>
                {t(`${M}.state`, { state: t(`proceedings.documentState.${summary.state}`) })}
              </Badge>
            </p>
          ) : null}
          {data && data.errors[""] ? <Notice tone="error">{t(data.errors[""], data.params)}</Notice> : null}
          <ZodForm state={state} className="grid gap-4 lg:grid-cols-2">
            <input type="hidden" name="language" value={language} />
            <div className="space-y-3">
              <TextAreaField
                state={state}
                name="body"
                label={t(`${M}.body`)}
                hint={t("proceedings.documents.field.bodyHint", {
                  max: new Intl.NumberFormat(locale).format(DOCUMENT_LIMITS.body),
                })}
                required
                rows={20}
                className="[&_textarea]:font-mono [&_textarea]:text-sm"
              />
              <div className="flex flex-wrap gap-2">
                <SubmitButton name="intent" value="save" className="btn-secondary">
                  {t(`${M}.saveDraft`)}
                </SubmitButton>
                <SubmitButton name="intent" value="final">
                  {t(`${M}.saveFinal`)}
                </SubmitButton>
              </div>
            </div>
            <section aria-labelledby="summary-preview" className="min-w-0">
              <h2 id="summary-preview" className="label">
                {t("proceedings.documents.preview")}
              </h2>
              <div className="card max-h-[36rem] overflow-y-auto" lang={language}>
                <MarkdownView markdown={preview} imageSrc={() => undefined} headingOffset={1} />
              </div>
            </section>
          </ZodForm>
          {summary?.state === "final" ? (
            <Form method="post">
              <input type="hidden" name="language" value={language} />
              <SubmitButton name="intent" value="reopen" className="btn-secondary">
                {t(`${M}.reopen`)}
              </SubmitButton>
            </Form>
          ) : null}
        </>
      )}
    </div>
  );
}
