/**
 * What routes share about background jobs: who may see a job (whoever started it, and staff with
 * its kind's permission — the platform does not know permissions), its JSON view in the reader's
 * language, and starting a job then waiting for it (the download URLs that scripts call).
 */
import { requireUser } from "~/auth/guards.server";
import { can, type Permission } from "~/auth/permissions";
import { resolveLocale } from "~/auth/request.server";
import type { Locale } from "~/platform/i18n";
import { getDb } from "~/platform/db.server";
import { readResultFile } from "~/platform/jobs/files.server";
import { getJob, startJob, type Job, type StartJob } from "~/platform/jobs/jobs.server";
import { pdfRefusal, pdfResponse } from "~/platform/pdf/render.server";
import type { JobView } from "~/platform/jobs/protocol";
import { whenJobFinished } from "~/platform/jobs/runner.server";
import type { Result } from "~/platform/types";
import { isMessageKey, translate } from "./i18n.server";
import { parseId, throwRefusal } from "./refusal.server";

/** Each kind of job and the permission that lets staff see anyone's (kinds are named by their feature). */
export const JOB_PERMISSIONS: Record<string, Permission> = {
  "registration.badgeBatch": "print:badge",
  "meetings.schedules": "update:agenda",
  "meetings.signs": "update:agenda",
  "meetings.schedulePreview": "update:agenda",
  "proceedings.book": "build:proceedings",
  "proceedings.participants": "print:badge",
  "proceedings.namePlates": "print:badge",
  "proceedings.signInSheets": "print:badge",
};

/** A step or a reason: a key of the dictionary in the reader's language, or stored text as it is. */
function words(locale: Locale, text: string, params?: Record<string, string | number>): string {
  return isMessageKey(text) ? translate(locale, text, params) : text;
}

export function jobView(job: Job, locale: Locale): JobView {
  return {
    id: job.id,
    kind: job.kind,
    state: job.state,
    progress: job.progress,
    step: job.state === "failed" ? "" : words(locale, job.step, job.stepParams),
    error: job.error === null ? null : words(locale, job.error),
    download: job.result ? `/jobs/${job.id}/result` : null,
    resultName: job.result?.name ?? null,
    resultBytes: job.result?.bytes ?? null,
    finishedAt: job.finishedAt,
  };
}

/** May this person see the job: they started it, or their role holds the kind's permission. */
export function maySeeJob(user: { id: string; role: Parameters<typeof can>[0] }, job: Job): boolean {
  if (job.createdBy !== null && job.createdBy === user.id) return true;
  const permission = JOB_PERMISSIONS[job.kind];
  return permission !== undefined && can(user.role, permission);
}

/**
 * The job of the URL for a signed-in person who may see it; the 404 page otherwise (a job one may
 * not see is not confirmed to exist), sign-in for visitors.
 */
export async function requireJob(request: Request, idParam: string | undefined) {
  const user = await requireUser(request);
  const id = parseId(idParam);
  const found = await getJob(getDb(), id);
  if (!found.ok || !maySeeJob(user, found.job)) throwRefusal({ kind: "notFound", key: "jobs.error.notFound" });
  return { user, job: found.job, locale: resolveLocale(request, user.locale) };
}

/**
 * Starts a job, or joins the one of its kind already running, and waits until it has finished:
 * for the URLs scripts download from (GET /admin/badges.pdf), which answer with the file as before
 * while the drawing happens in the worker thread.
 */
export async function runAndWait(start: StartJob, timeoutMs = 10 * 60_000): Promise<Result<{ job: Job }>> {
  const db = getDb();
  const started = await startJob(db, start);
  let id: number;
  if (started.ok) id = started.job.id;
  else if (started.refusal.kind === "conflict" && Number(started.refusal.params?.jobId) > 0)
    id = Number(started.refusal.params!.jobId);
  else return started;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await whenJobFinished(id);
    const found = await getJob(db, id);
    if (!found.ok || found.job.state === "done" || found.job.state === "failed" || Date.now() > deadline) return found;
    // Run by another process (or not started yet): look again shortly.
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * A download route's whole-conference print through its job: the file once the job is done, or
 * the reason it failed as the plain sentence a browser tab shows.
 */
export async function downloadThroughJob(
  start: StartJob,
  locale: Locale,
  disposition: "inline" | "attachment" = "attachment",
): Promise<Response> {
  const result = await runAndWait(start);
  const bytes = result.ok && result.job.result ? readResultFile(result.job.result.path) : null;
  if (!result.ok || !bytes) {
    const reason = result.ok ? (jobView(result.job, locale).error ?? "") : translate(locale, result.refusal.key);
    return pdfRefusal(reason || translate(locale, "jobs.error.failed"), 409);
  }
  return pdfResponse(bytes, result.job.result!.name, disposition);
}
