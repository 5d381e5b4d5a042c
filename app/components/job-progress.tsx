import { useFetcher, useRevalidator } from "@remix-run/react";
import { useEffect, useId, useRef } from "react";
import { isActive, type JobView } from "~/platform/jobs/protocol";
import { useLocale, useT } from "./i18n";
import { Notice } from "./ui";

/** Polling interval of the progress bar (the row itself changes at most every 200 ms). */
export const POLL_MS = 1000;

export function formatBytes(bytes: number, locale: string): string {
  const units = ["B", "kB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

/**
 * A background job's progress: a bar with the current step in words, then the download or the
 * reason it failed. With JavaScript it polls /jobs/:id every second (and reloads the page's data
 * when the job ends); without, the page it sits on refreshes itself (a meta refresh inside
 * <noscript>) until the job has finished.
 */
export function JobProgress({ job }: { job: JobView }) {
  const t = useT();
  const locale = useLocale();
  const labelId = useId();
  const fetcher = useFetcher<JobView>();
  const current = fetcher.data && fetcher.data.id === job.id ? fetcher.data : job;
  const active = isActive(current.state);
  const { load } = fetcher;

  // Once the job has finished while watched, the page's own data (its buttons, earlier files) is read again.
  const { revalidate } = useRevalidator();
  const wasActive = useRef(active);
  useEffect(() => {
    if (wasActive.current && !active) revalidate();
    wasActive.current = active;
  }, [active, revalidate]);

  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(() => load(`/jobs/${job.id}`), POLL_MS);
    return () => clearTimeout(timer);
  }, [active, current, job.id, load]);

  return (
    <div data-testid="job-progress" data-state={current.state} className="space-y-2">
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <span id={labelId} className="font-semibold text-navy-900">
          {t("jobs.progress.label")}: {t(`jobs.state.${current.state}`)}
        </span>
        <span className="tabular-nums text-slate-700">{current.progress}%</span>
      </div>
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={current.progress}
        aria-valuetext={`${current.progress}% ${current.step}`.trim()}
        className="h-4 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={`h-full rounded-full transition-[width] duration-500 ${current.state === "failed" ? "bg-red-600" : "bg-navy-600"}`}
          style={{ width: `${current.progress}%` }}
        />
      </div>
      <p className="text-sm text-slate-700" aria-live="polite" data-testid="job-step">
        {current.step}
      </p>
      {current.state === "failed" ? (
        <Notice tone="error">
          {t("jobs.state.failed")}. {current.error ? t("jobs.error.reason", { reason: current.error }) : null}
        </Notice>
      ) : null}
      {current.download ? (
        <a href={current.download} className="btn-primary inline-block" data-testid="job-download" download>
          {t("jobs.download", {
            name: current.resultName ?? "",
            size: formatBytes(current.resultBytes ?? 0, locale),
          })}
        </a>
      ) : null}
      {active ? (
        <noscript>
          <meta httpEquiv="refresh" content="2" />
          <p className="text-sm text-slate-600">{t("jobs.refreshHint")}</p>
        </noscript>
      ) : null}
    </div>
  );
}
