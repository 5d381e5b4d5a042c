import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { clientIp, resolveLocale } from "~/auth/request.server";
import { ORGANISATION_KINDS } from "~/auth/roles";
import { pageMeta, useLocale, useT } from "~/components/i18n";
import { Notice, PageHeader } from "~/components/ui";
import { loadParticipants } from "~/features/proceedings/prints/participants.server";
import { PRINT_KINDS, startPrintJob, type PrintKind } from "~/features/proceedings/prints/print-start.server";
import { listPrintSessions } from "~/features/proceedings/prints/prints.server";
import { JobPanel, SessionSelect, type PanelJobs } from "~/features/proceedings/prints/components/print-panels";
import { requireConference } from "~/http/conference.server";
import { requestMessages } from "~/http/i18n.server";
import { parseIntent } from "~/http/intent.server";
import { jobView } from "~/http/jobs.server";
import { replyRefusal } from "~/http/refusal.server";
import { getDb } from "~/platform/db.server";
import { latestResult, listJobs } from "~/platform/jobs/jobs.server";
import { formatInstant } from "~/lib/time";
import type { Locale } from "~/platform/i18n";
import { invalid } from "~/platform/types";

export const meta: MetaFunction = (args) => pageMeta(args, "proceedings.prints.title");

/** The refusals the two in-request prints send back here (anything else in the URL is ignored). */
const BACK_ERRORS = ["proceedings.prints.error.noSession", "proceedings.prints.error.noHeadTable"];

async function jobsOf(conferenceId: number, locale: Locale): Promise<Record<PrintKind, PanelJobs>> {
  const db = getDb();
  const entries = await Promise.all(
    (Object.keys(PRINT_KINDS) as PrintKind[]).map(async (kind) => {
      const [latest] = await listJobs(db, { conferenceId, kind: PRINT_KINDS[kind], limit: 1 });
      // A failed or running print leaves the previous file downloadable.
      const done = latest?.state === "done" ? null : await latestResult(db, PRINT_KINDS[kind], conferenceId);
      return [kind, { job: latest ? jobView(latest, locale) : null, previous: done ? jobView(done, locale) : null }];
    }),
  );
  return Object.fromEntries(entries);
}

/** GET /admin/prints: the three panels (participant list, name plates, sign-in sheets) with their jobs. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "print:badge");
  const conference = await requireConference();
  const locale = resolveLocale(request, user.locale);
  const url = new URL(request.url);
  const db = getDb();
  const sessions = await listPrintSessions(db, conference.id, conference.time_zone);
  const participants = await loadParticipants(db, conference.id);
  const backError = (name: string) => {
    const key = url.searchParams.get(name);
    return key && BACK_ERRORS.includes(key) ? key : null;
  };
  return json({
    sessions: sessions.map((s) => ({
      id: s.id,
      title: locale === "en" ? s.title_en : s.title_vi,
      when: `${formatInstant(s.starts_at, conference.time_zone, locale, "date")} ${formatInstant(s.starts_at, conference.time_zone, locale, "time")}`,
    })),
    days: [...new Set(sessions.map((s) => s.day))],
    listed: participants?.participants.length ?? 0,
    jobs: await jobsOf(conference.id, locale),
    sheetError: backError("sheetError"),
    plateError: backError("plateError"),
    messages: await requestMessages(request, "proceedings"),
  });
}

/** POST intent=participants|plates|sheets: starts that whole-conference print as a job (audited). */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "print:badge");
  const conference = await requireConference();
  const values = Object.fromEntries([...(await request.formData())].map(([k, v]) => [k, String(v)]));
  const intent = parseIntent(
    z.discriminatedUnion("intent", [
      z.object({ intent: z.literal("participants") }),
      z.object({ intent: z.literal("plates"), who: z.string() }),
      z.object({ intent: z.literal("sheets"), scope: z.string() }),
    ]),
    values,
  );
  const locale = resolveLocale(request, user.locale);
  const db = getDb();
  let kind: PrintKind;
  let input: Record<string, unknown>;
  if (intent.intent === "participants") {
    kind = "participants";
    input = { locale };
  } else if (intent.intent === "plates") {
    const who = z.enum(["all", ...ORGANISATION_KINDS]).safeParse(intent.who);
    if (!who.success) return replyRefusal(invalid("proceedings.prints.error.nobody", "who").refusal);
    kind = "namePlates";
    input = { locale, kind: who.data };
  } else {
    const days = new Set((await listPrintSessions(db, conference.id, conference.time_zone)).map((s) => s.day));
    if (intent.scope !== "all" && !days.has(intent.scope))
      return replyRefusal(invalid("proceedings.prints.error.noSessions", "scope").refusal);
    kind = "signInSheets";
    input = { locale, day: intent.scope };
  }
  const started = await startPrintJob(db, kind, conference.id, input, { id: user.id, ip: clientIp(context) });
  if (!started.ok) return replyRefusal(started.refusal);
  return redirect("/admin/prints");
}

export default function Prints() {
  const { sessions, days, listed, jobs, sheetError, plateError } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const errors = actionData && "errors" in actionData ? (actionData.errors as Record<string, string>) : {};
  const busy = navigation.state === "submitting";
  const dayLabel = (day: string) => formatInstant(`${day}T05:00:00Z`, "UTC", locale, "longDate");
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader title={t("proceedings.prints.title")} />
      <p className="text-slate-700">{t("proceedings.prints.intro")}</p>
      {errors[""] ? (
        <Notice tone="error">
          {t(errors[""], actionData && "params" in actionData ? (actionData.params ?? undefined) : undefined)}
        </Notice>
      ) : null}

      <JobPanel
        id="participants"
        title={t("proceedings.prints.list.heading")}
        intro={t("proceedings.prints.list.intro")}
        jobs={jobs.participants}
        startForm={
          <Form method="post" className="flex flex-wrap items-center gap-3">
            <p className="text-sm text-slate-700" data-testid="listed-count">
              {t("proceedings.prints.list.count", { count: listed })}
            </p>
            <button type="submit" name="intent" value="participants" className="btn-primary" disabled={busy}>
              {jobs.participants.job ? t("proceedings.prints.startAgain") : t("proceedings.prints.start")}
            </button>
          </Form>
        }
      />

      <JobPanel
        id="plates"
        title={t("proceedings.prints.plates.heading")}
        intro={t("proceedings.prints.plates.intro")}
        jobs={jobs.namePlates}
        inRequest={
          <form method="get" action="/admin/prints/plates.pdf" className="flex flex-wrap items-end gap-3">
            <SessionSelect
              name="session"
              label={t("proceedings.prints.plates.session")}
              sessions={sessions}
              defaultValue={params.get("plateSession") ?? ""}
              error={plateError}
            />
            <button type="submit" className="btn-secondary">
              {t("proceedings.prints.plates.printSession")}
            </button>
          </form>
        }
        startForm={
          <Form method="post" className="flex flex-wrap items-end gap-3">
            <div>
              <label className="label" htmlFor="print-who">
                {t("proceedings.prints.plates.who")}
              </label>
              <select
                id="print-who"
                name="who"
                className="input"
                defaultValue="all"
                aria-invalid={errors.who ? true : undefined}
                aria-describedby={errors.who ? "who-error" : undefined}
              >
                <option value="all">{t("proceedings.prints.plates.everyone")}</option>
                {ORGANISATION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t("proceedings.prints.plates.ofKind", { kind: t(`proceedings.prints.kind.${k}`) })}
                  </option>
                ))}
              </select>
              {errors.who ? (
                <span id="who-error" className="field-error">
                  {t(errors.who)}
                </span>
              ) : null}
            </div>
            <button type="submit" name="intent" value="plates" className="btn-primary" disabled={busy}>
              {jobs.namePlates.job ? t("proceedings.prints.startAgain") : t("proceedings.prints.start")}
            </button>
          </Form>
        }
      />

      <JobPanel
        id="sheets"
        title={t("proceedings.prints.sheets.heading")}
        intro={t("proceedings.prints.sheets.intro", { blank: 10 })}
        jobs={jobs.signInSheets}
        inRequest={
          <form method="get" action="/admin/prints/sheet.pdf" className="flex flex-wrap items-end gap-3">
            <SessionSelect
              name="session"
              label={t("proceedings.prints.sheets.session")}
              sessions={sessions}
              defaultValue={params.get("sheetSession") ?? ""}
              error={sheetError}
            />
            <button type="submit" className="btn-secondary">
              {t("proceedings.prints.sheets.printSession")}
            </button>
          </form>
        }
        startForm={
          <Form method="post" className="flex flex-wrap items-end gap-3">
            <div>
              <label className="label" htmlFor="print-scope">
                {t("proceedings.prints.sheets.scope")}
              </label>
              <select
                id="print-scope"
                name="scope"
                className="input"
                defaultValue="all"
                aria-invalid={errors.scope ? true : undefined}
                aria-describedby={errors.scope ? "scope-error" : undefined}
              >
                <option value="all">{t("proceedings.prints.sheets.all")}</option>
                {days.map((d) => (
                  <option key={d} value={d}>
                    {t("proceedings.prints.sheets.day", { date: dayLabel(d) })}
                  </option>
                ))}
              </select>
              {errors.scope ? (
                <span id="scope-error" className="field-error">
                  {t(errors.scope)}
                </span>
              ) : null}
            </div>
            <button type="submit" name="intent" value="sheets" className="btn-primary" disabled={busy}>
              {jobs.signInSheets.job ? t("proceedings.prints.startAgain") : t("proceedings.prints.start")}
            </button>
          </Form>
        }
      />
    </div>
  );
}
