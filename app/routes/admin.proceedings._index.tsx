import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requirePermission } from "~/auth/guards.server";
import { clientIp, resolveLocale } from "~/auth/request.server";
import { SelectField, TextAreaField, TextField, useZodForm, ZodForm } from "~/components/form";
import { pageMeta, useT } from "~/components/i18n";
import { JobProgress } from "~/components/job-progress";
import { Notice, PageHeader } from "~/components/ui";
import { BookVersions } from "~/features/proceedings/book/components/versions-table";
import { SectionPicker } from "~/features/proceedings/book/components/section-picker";
import { bookTitlePageSchema } from "~/features/proceedings/book/schema";
import { fullOrder, readBuilderForm, readIntent } from "~/features/proceedings/book/builder.server";
import { getBookSettings, saveBookSettings } from "~/features/proceedings/book/settings.server";
import { listVersions, startGeneration } from "~/features/proceedings/book/versions.server";
import { requireConference } from "~/http/conference.server";
import { requestMessages } from "~/http/i18n.server";
import { unknownIntent } from "~/http/intent.server";
import { jobView } from "~/http/jobs.server";
import { replyRefusal } from "~/http/refusal.server";
import { formatInstant } from "~/lib/time";
import { getDb } from "~/platform/db.server";
import { findActiveJob } from "~/platform/jobs/jobs.server";
import { PROCEEDINGS_JOB } from "~/features/proceedings/rules";
import { isActive } from "~/platform/jobs/protocol";

export const meta: MetaFunction = (args) => pageMeta(args, "proceedings.book.page.title");

/** GET /admin/proceedings: the builder (sections, title page, foreword), the latest generation's progress, the versions. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "build:proceedings");
  const conference = await requireConference();
  const locale = resolveLocale(request, user.locale);
  const db = getDb();
  const settings = await getBookSettings(db, conference.id);
  if (!settings) throw json({ message: "proceedings.errors.notFound" }, { status: 404 });
  const versions = await listVersions(db, conference.id);
  const latest = versions[0]?.job ?? null;
  return json({
    settings,
    order: fullOrder(settings.sections),
    latest: latest ? jobView(latest, locale) : null,
    versions: versions.map((v) => ({
      id: v.job.id,
      state: v.job.state,
      version: v.version,
      pages: v.pages,
      language: v.language,
      byName: v.byName,
      at: formatInstant(v.job.finishedAt ?? v.job.createdAt, conference.time_zone, locale, "dateTime"),
      view: jobView(v.job, locale),
    })),
    messages: await requestMessages(request, "proceedings"),
  });
}

/**
 * POST intent=save | move:up:<section> | move:down:<section> (saves with the new order) | generate
 * (saves, then starts the job and shows its progress).
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "build:proceedings");
  const conference = await requireConference();
  const actor = { id: user.id, ip: clientIp(context) };
  const formData = await request.formData();
  const intent = readIntent(String(formData.get("intent") ?? ""));
  if (!intent) throw unknownIntent();
  const form = readBuilderForm(formData, intent);
  if (!form.ok)
    return json(
      {
        intent: intent.intent,
        errors: form.errors,
        values: form.values,
        order: form.order,
        ticked: form.ticked,
        saved: false,
      },
      { status: 400 },
    );
  const db = getDb();
  // A book already being made: refused before anything is saved (a refusal writes nothing).
  const running = intent.intent === "generate" ? await findActiveJob(db, PROCEEDINGS_JOB, conference.id) : null;
  if (running)
    return replyRefusal(
      { kind: "conflict", key: "jobs.error.alreadyRunning", params: { jobId: running.id } },
      { intent: intent.intent, values: form.values, order: form.order },
    );
  const saved = await saveBookSettings(db, conference.id, form.data, actor);
  if (!saved.ok) return replyRefusal(saved.refusal, { intent: intent.intent, values: form.values });
  if (intent.intent === "generate") {
    const started = await startGeneration(db, conference.id, form.data.language, actor);
    if (!started.ok)
      return replyRefusal(started.refusal, { intent: intent.intent, values: form.values, order: form.order });
    return redirect("/admin/proceedings");
  }
  return json({
    intent: intent.intent,
    saved: true,
    order: form.order,
    values: form.values,
    ticked: form.data.sections as string[],
  });
}

export default function ProceedingsBuilder() {
  const { settings, order, latest, versions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const feedback = actionData && "errors" in actionData ? actionData : null;
  const state = useZodForm(bookTitlePageSchema, {
    defaultValues: {
      title: settings.title,
      subtitle: settings.subtitle,
      editionLabel: settings.editionLabel,
      theme: settings.theme,
      datesLabel: settings.datesLabel,
      venue: settings.venue,
      publisher: settings.publisher,
      foreword: settings.foreword,
      language: settings.language,
    },
    feedback: feedback ? { errors: feedback.errors, values: feedback.values } : null,
  });
  const running = latest !== null && isActive(latest.state);
  const busy = navigation.state !== "idle";
  const shownOrder = (actionData && "order" in actionData && actionData.order) || order;
  const shownTicked = (actionData && "ticked" in actionData && actionData.ticked) || settings.sections;
  const sectionsError = feedback?.errors && "sections" in feedback.errors ? String(feedback.errors.sections) : null;
  return (
    <div className="min-w-0 max-w-4xl space-y-6">
      <PageHeader title={t("proceedings.book.page.title")} />
      <p className="text-slate-700">{t("proceedings.book.page.intro")}</p>
      {actionData && "saved" in actionData && actionData.saved ? (
        <Notice tone="success">{t("proceedings.book.page.saved")}</Notice>
      ) : null}
      <ZodForm state={state} className="space-y-6">
        <SectionPicker key={shownOrder.join(",")} order={shownOrder} ticked={shownTicked} error={sectionsError} />
        <fieldset className="card min-w-0 space-y-4">
          <legend className="text-lg font-semibold text-navy-900">{t("proceedings.book.page.titlePage")}</legend>
          <TextField state={state} name="title" label={t("proceedings.book.field.title")} />
          <TextField state={state} name="subtitle" label={t("proceedings.book.field.subtitle")} />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField state={state} name="editionLabel" label={t("proceedings.book.field.editionLabel")} />
            <SelectField
              state={state}
              name="language"
              label={t("proceedings.book.field.language")}
              options={[
                { value: "vi", label: t("proceedings.language.vi") },
                { value: "en", label: t("proceedings.language.en") },
              ]}
            />
          </div>
          <TextField state={state} name="theme" label={t("proceedings.book.field.theme")} />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField state={state} name="datesLabel" label={t("proceedings.book.field.datesLabel")} />
            <TextField state={state} name="venue" label={t("proceedings.book.field.venue")} />
          </div>
          <TextField state={state} name="publisher" label={t("proceedings.book.field.publisher")} />
          <TextAreaField
            state={state}
            name="foreword"
            rows={10}
            label={t("proceedings.book.field.foreword")}
            hint={t("proceedings.book.field.forewordHint")}
          />
        </fieldset>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" name="intent" value="save" className="btn-secondary" disabled={busy}>
            {t("proceedings.book.page.save")}
          </button>
          <button type="submit" name="intent" value="generate" className="btn-primary" disabled={busy || running}>
            {t("proceedings.book.page.generate")}
          </button>
          <p className="text-sm text-slate-600">{t("proceedings.book.page.generateHint")}</p>
        </div>
      </ZodForm>
      {feedback?.errors && "" in feedback.errors ? (
        <Notice tone="error">
          {t(
            String(feedback.errors[""]),
            "params" in feedback ? (feedback.params as Record<string, string>) : undefined,
          )}
        </Notice>
      ) : null}
      <section aria-label={t("proceedings.book.page.progress")} className="card space-y-3">
        <h2 className="text-lg font-semibold text-navy-900">{t("proceedings.book.page.progress")}</h2>
        {latest ? (
          <JobProgress key={latest.id} job={latest} />
        ) : (
          <p className="text-slate-600">{t("proceedings.book.page.none")}</p>
        )}
      </section>
      <BookVersions versions={versions} />
    </div>
  );
}
