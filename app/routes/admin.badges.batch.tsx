import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requirePermission } from "~/auth/guards.server";
import { clientIp, resolveLocale } from "~/auth/request.server";
import { pageMeta, useT } from "~/components/i18n";
import { formatBytes, JobProgress } from "~/components/job-progress";
import { Notice, PageHeader } from "~/components/ui";
import { useLocale } from "~/components/i18n";
import { BADGE_BATCH_JOB } from "~/features/registration/badge-batch.server";
import { listBatchBadges } from "~/features/registration/badges.server";
import { requireConference } from "~/http/conference.server";
import { requestMessages } from "~/http/i18n.server";
import { pickIntent } from "~/http/intent.server";
import { jobView } from "~/http/jobs.server";
import { replyRefusal } from "~/http/refusal.server";
import { getDb } from "~/platform/db.server";
import { latestResult, listJobs, startJob } from "~/platform/jobs/jobs.server";
import { isActive } from "~/platform/jobs/protocol";
import { invalid } from "~/platform/types";

export const meta: MetaFunction = (args) => pageMeta(args, "badges.job.title");

/** GET /admin/badges/batch: the latest "print all badges" job with its progress, and the last finished print. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "print:badge");
  const conference = await requireConference();
  const locale = resolveLocale(request, user.locale);
  const db = getDb();
  const [latest] = await listJobs(db, { conferenceId: conference.id, kind: BADGE_BATCH_JOB, limit: 1 });
  // A failed or running print leaves the previous file downloadable.
  const done = latest?.state === "done" ? null : await latestResult(db, BADGE_BATCH_JOB, conference.id);
  return json({
    job: latest ? jobView(latest, locale) : null,
    previous: done ? jobView(done, locale) : null,
    badgeCount: (await listBatchBadges(conference.id)).length,
    messages: await requestMessages(request, "registration"),
  });
}

/** POST intent=start (from this page and the delegates list): starts the batch; a second start sees the running one. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "print:badge");
  const conference = await requireConference();
  pickIntent(["start"], Object.fromEntries([...(await request.formData())].map(([k, v]) => [k, String(v)])));
  if ((await listBatchBadges(conference.id)).length === 0) return replyRefusal(invalid("badges.noneToPrint").refusal);
  const started = await startJob(getDb(), {
    kind: BADGE_BATCH_JOB,
    conferenceId: conference.id,
    input: { locale: resolveLocale(request, user.locale) },
    actor: { id: user.id, ip: clientIp(context) },
  });
  if (!started.ok) return replyRefusal(started.refusal);
  return redirect("/admin/badges/batch");
}

export default function BadgeBatch() {
  const { job, previous, badgeCount } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  const error = actionData && "errors" in actionData ? actionData.errors[""] : null;
  const running = job !== null && isActive(job.state);
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader
        title={t("badges.job.title")}
        action={
          <Link to="/admin/delegates" className="btn-secondary">
            {t("nav.delegates")}
          </Link>
        }
      />
      <p className="text-slate-700">{t("badges.job.intro")}</p>
      {error ? (
        <Notice tone="error">{t(error, actionData && "params" in actionData ? actionData.params : undefined)}</Notice>
      ) : null}
      <Form method="post">
        <button
          type="submit"
          name="intent"
          value="start"
          className="btn-primary"
          disabled={running || navigation.state === "submitting" || badgeCount === 0}
        >
          {job ? t("badges.job.startAgain") : t("badges.job.start")} ({badgeCount})
        </button>
      </Form>
      {badgeCount === 0 ? <Notice tone="info">{t("badges.noneToPrint")}</Notice> : null}
      <section aria-label={t("jobs.progress.label")} className="card space-y-3">
        {job ? <JobProgress key={job.id} job={job} /> : <p className="text-slate-600">{t("badges.job.none")}</p>}
      </section>
      {previous?.download ? (
        <p className="text-sm">
          {t("badges.job.last")}:{" "}
          <a href={previous.download} className="underline" data-testid="previous-download">
            {previous.resultName} ({formatBytes(previous.resultBytes ?? 0, locale)})
          </a>
        </p>
      ) : null}
    </div>
  );
}
