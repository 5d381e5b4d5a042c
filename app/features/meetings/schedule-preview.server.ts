import type { JobResult } from "~/platform/jobs/protocol";
import { readResultFile } from "~/platform/jobs/files.server";
import { findActiveJob, getJob, startJob, type Job } from "~/platform/jobs/jobs.server";
import { whenJobFinished } from "~/platform/jobs/runner.server";
import type { Actor, Db, MessageParams } from "~/platform/types";
import { buildInstance } from "./meeting-schedule.server";
import { scheduleMeetings, type ScheduleResult } from "./scheduler/schedule";

/**
 * The scheduler's preview, in the request for a block of conference size and as a background job
 * beyond (at 4× the conference the solver takes seconds, which would hold up every other page of
 * a single process). Either way the page gets the same ScheduleResult; the job's is a JSON file.
 */
export const SCHEDULE_PREVIEW_JOB = "meetings.schedulePreview";

/** Requests a preview solves in the request; more go to a job (SCHEDULER_INLINE_MAX_REQUESTS). */
export function inlineMaxRequests(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.SCHEDULER_INLINE_MAX_REQUESTS);
  return Number.isInteger(value) && value >= 0 ? value : 800;
}

/** How long the page waits for a job before it shows the progress bar instead. */
const WAIT_MS = 1500;

export type PreviewRun = { kind: "ready"; result: ScheduleResult } | { kind: "running"; job: Job };

const previewInput = (job: Job) => (job.input ?? {}) as { blockId?: unknown };

/** The job handler (the worker thread: its read-only handle is the one getDb() gives there). */
export async function renderSchedulePreview(
  input: unknown,
  report: (progress: number, step: string, params?: MessageParams) => void,
): Promise<JobResult> {
  const blockId = Number((input as { blockId?: unknown })?.blockId);
  if (!Number.isInteger(blockId) || blockId <= 0) throw new Error("error.notFound.title");
  report(5, "meetingsAdmin.previewJob.building");
  const { instance } = await buildInstance(blockId);
  report(20, "meetingsAdmin.previewJob.solving", { requests: instance.requests.length });
  const result = await scheduleMeetings(instance);
  return {
    bytes: new TextEncoder().encode(JSON.stringify(result)),
    name: `schedule-preview-${blockId}.json`,
    type: "application/json",
    meta: { blockId, requests: instance.requests.length, placed: result.meetings.length },
  };
}

/** A finished preview job's result, or null when the file is gone or unreadable. */
function resultOf(job: Job): ScheduleResult | null {
  const bytes = job.result ? readResultFile(job.result.path) : null;
  if (!bytes) return null;
  try {
    return JSON.parse(bytes.toString("utf8")) as ScheduleResult;
  } catch {
    return null;
  }
}

/**
 * The preview of a block: solved at once when small, else through its job — `jobId` (from the
 * page's address) names a job already started; a job of another block or conference is ignored.
 * Returns "running" with the job while it works (or when it failed: the page says why).
 */
export async function runSchedulePreview(
  db: Db,
  blockId: number,
  conferenceId: number,
  actor: Actor,
  jobId: number | null,
): Promise<PreviewRun> {
  if (jobId !== null) {
    const found = await getJob(db, jobId);
    const job = found.ok ? found.job : null;
    if (
      job &&
      job.kind === SCHEDULE_PREVIEW_JOB &&
      job.conferenceId === conferenceId &&
      Number(previewInput(job).blockId) === blockId
    ) {
      const result = job.state === "done" ? resultOf(job) : null;
      if (result) return { kind: "ready", result };
      if (job.state !== "done") return { kind: "running", job };
    }
  }
  const { instance } = await buildInstance(blockId);
  if (instance.requests.length <= inlineMaxRequests())
    return { kind: "ready", result: await scheduleMeetings(instance) };

  // One preview job per conference at a time: join the running one when it is this block's.
  const active = await findActiveJob(db, SCHEDULE_PREVIEW_JOB, conferenceId);
  let job: Job | null = active && Number(previewInput(active).blockId) === blockId ? active : null;
  if (!job) {
    const started = await startJob(db, { kind: SCHEDULE_PREVIEW_JOB, conferenceId, input: { blockId }, actor });
    if (started.ok) job = started.job;
    else {
      const other = await findActiveJob(db, SCHEDULE_PREVIEW_JOB, conferenceId);
      if (!other) throw new Error("the scheduler's preview job could neither start nor be found");
      job = other; // another block's preview: the page shows it running, then this block's can start
    }
  }
  await Promise.race([whenJobFinished(job.id), new Promise((resolve) => setTimeout(resolve, WAIT_MS))]);
  const now = await getJob(db, job.id);
  if (now.ok && now.job.state === "done" && Number(previewInput(now.job).blockId) === blockId) {
    const result = resultOf(now.job);
    if (result) return { kind: "ready", result };
  }
  return { kind: "running", job: now.ok ? now.job : job };
}
