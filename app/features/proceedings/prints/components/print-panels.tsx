/**
 * The panels of /admin/prints: each print's choices, its running job's progress and the latest
 * file. The in-request prints are plain GET forms (they answer with the PDF); the jobs are POSTs.
 */
import type { ReactNode } from "react";
import { useId } from "react";
import { useLocale, useT } from "~/components/i18n";
import { formatBytes, JobProgress } from "~/components/job-progress";
import type { JobView } from "~/platform/jobs/protocol";

export interface PanelJobs {
  job: JobView | null;
  previous: JobView | null;
}

export function JobPanel({
  id,
  title,
  intro,
  jobs,
  inRequest,
  startForm,
}: {
  id: string;
  title: string;
  intro: string;
  jobs: PanelJobs;
  inRequest?: ReactNode;
  startForm: ReactNode;
}) {
  const t = useT();
  const locale = useLocale();
  const headingId = `${id}-heading`;
  return (
    <section aria-labelledby={headingId} className="card space-y-4" data-testid={`panel-${id}`}>
      <h2 id={headingId} className="text-lg font-semibold text-navy-900">
        {title}
      </h2>
      <p className="text-sm text-slate-700">{intro}</p>
      {inRequest ? <div className="border-b border-slate-200 pb-4">{inRequest}</div> : null}
      {startForm}
      <div aria-label={t("jobs.progress.label")}>
        {jobs.job ? (
          <JobProgress key={jobs.job.id} job={jobs.job} />
        ) : (
          <p className="text-sm text-slate-600">{t("proceedings.prints.none")}</p>
        )}
      </div>
      {jobs.previous?.download ? (
        <p className="text-sm">
          {t("proceedings.prints.last")}:{" "}
          <a href={jobs.previous.download} className="underline" data-testid={`previous-${id}`}>
            {jobs.previous.resultName} ({formatBytes(jobs.previous.resultBytes ?? 0, locale)})
          </a>
        </p>
      ) : null}
    </section>
  );
}

/** A required choice of session; the reason the last print was refused sits under it. */
export function SessionSelect({
  name,
  label,
  sessions,
  defaultValue,
  error,
}: {
  name: string;
  label: string;
  sessions: Array<{ id: number; title: string; when: string }>;
  defaultValue: string;
  error: string | null;
}) {
  const t = useT();
  const id = useId();
  return (
    <div className="w-full min-w-0 sm:w-auto sm:flex-1">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        name={name}
        className="input w-full"
        required
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">{t("proceedings.prints.chooseSession")}</option>
        {sessions.map((s) => (
          <option key={s.id} value={s.id}>
            {s.when} · {s.title}
          </option>
        ))}
      </select>
      {error ? (
        <span id={`${id}-error`} className="field-error block">
          {t(error)}
        </span>
      ) : null}
      {sessions.length === 0 ? (
        <span className="block text-sm text-slate-600">{t("proceedings.prints.noSessions")}</span>
      ) : null}
    </div>
  );
}
