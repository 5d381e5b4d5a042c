import cluster from "node:cluster";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { databasePath } from "../../../db/client";
import { getDb } from "../db.server";
import { writeResultFile } from "./files.server";
import { failJob, finishJob, markRunning, saveProgress } from "./jobs.server";
import {
  ACTIVE_JOB_STATES,
  RUN_JOB_MESSAGE,
  clampProgress,
  throttle,
  type JobWorkerData,
  type WorkerMessage,
} from "./protocol";

/** At most one progress write per job every 200 ms: a handler may report thousands of times. */
export const PROGRESS_INTERVAL_MS = 200;

/**
 * The worker's files, found from the working directory (npm start, vitest and the e2e server all
 * run from the repository's root; this module itself may be inside Remix's build/index.js). The
 * bootstrap is plain JavaScript that registers tsx in the thread, then imports the TypeScript entry
 * (JOBS_WORKER, else app/cli/job-worker.ts, which holds the registry of kinds).
 */
const bootPath = () => resolve(process.cwd(), "app/platform/jobs/worker-boot.mjs");
const entryPath = () => resolve(process.cwd(), process.env.JOBS_WORKER || join("app", "cli", "job-worker.ts"));

const running = new Map<number, Promise<void>>();

/** How often a cluster worker looks at a job's row while it waits for the primary to finish it. */
export const FINISHED_POLL_MS = 200;

/**
 * Resolves when the job has finished. In the process that runs it, from the in-memory map (at once
 * when it runs none by that id); in a cluster worker, whose jobs run in the primary, by reading the
 * row until it is done or failed (or gone).
 */
export function whenJobFinished(id: number): Promise<void> {
  const mine = running.get(id);
  if (mine || !cluster.isWorker) return mine ?? Promise.resolve();
  return waitForJobRow(id);
}

/** Resolves once the job's row is done or failed (or gone), whichever process runs it. */
export async function waitForJobRow(id: number): Promise<void> {
  for (;;) {
    const row = await getDb().selectFrom("jobs").select("state").where("id", "=", id).executeTakeFirst();
    if (!row || !ACTIVE_JOB_STATES.includes(row.state)) return;
    await new Promise((r) => setTimeout(r, FINISHED_POLL_MS));
  }
}

/**
 * Starts a queued job: here, or, in a cluster worker (npm start), in the primary, which runs every
 * job (told at once by IPC; its poll of queued rows catches anything a lost message left behind).
 */
export function scheduleJob(id: number): void {
  if (cluster.isWorker && process.send) process.send({ type: RUN_JOB_MESSAGE, id });
  else void runJob(id);
}

/**
 * Runs every queued job not running yet (the primary's poll). markRunning's claim is atomic, so a
 * job another process took meanwhile is skipped. Returns how many were started.
 */
export async function runQueuedJobs(): Promise<number> {
  const queued = await getDb().selectFrom("jobs").select("id").where("state", "=", "queued").orderBy("id").execute();
  const fresh = queued.filter((row) => !running.has(row.id));
  for (const row of fresh) void runJob(row.id);
  return fresh.length;
}

/** Jobs this process is running now. */
export function runningJobIds(): number[] {
  return [...running.keys()];
}

/** Runs a queued job in a worker thread; never rejects (a failure is written on the row). */
export function runJob(id: number): Promise<void> {
  const existing = running.get(id);
  if (existing) return existing;
  const done = execute(id)
    .catch(async (error: unknown) => {
      await failJob(getDb(), id, error instanceof Error ? error.message : String(error)).catch(() => {});
    })
    .finally(() => running.delete(id));
  running.set(id, done);
  return done;
}

async function execute(id: number): Promise<void> {
  const db = getDb();
  const row = await markRunning(db, id);
  if (!row) return; // taken or failed meanwhile
  const data: JobWorkerData = {
    jobId: id,
    kind: row.kind,
    conferenceId: row.conference_id,
    input: JSON.parse(row.input),
    databasePath: databasePath(),
  };
  // Progress writes are chained so they land in order and before the final state.
  let writes: Promise<void> = Promise.resolve();
  const progress = throttle<{ progress: number; step: string; params?: Record<string, string | number> }>(
    PROGRESS_INTERVAL_MS,
    (p) => {
      writes = writes.then(() => saveProgress(db, id, clampProgress(p.progress), p.step.slice(0, 200), p.params));
    },
  );

  await new Promise<void>((settle) => {
    let finished = false;
    const end = (work: () => Promise<unknown>) => {
      if (finished) return;
      finished = true;
      progress.flush();
      writes = writes.then(work).then(() => undefined);
      void writes.finally(settle);
    };
    const worker = new Worker(bootPath(), {
      workerData: { entry: pathToFileURL(entryPath()).href, job: data },
      env: process.env,
      stdout: false,
      stderr: false,
    });
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "progress") progress.push(message);
      else if (message.type === "done") {
        end(async () => {
          const { bytes, name, type, meta } = message.result;
          const path = writeResultFile(id, type, bytes);
          await finishJob(db, id, { path, name, type, bytes: bytes.byteLength, meta });
        });
        void worker.terminate();
      } else if (message.type === "failed") {
        end(() => failJob(db, id, message.error));
        void worker.terminate();
      }
    });
    worker.on("error", (error) => end(() => failJob(db, id, error.message)));
    worker.on("exit", (code) => end(() => failJob(db, id, code === 0 ? "jobs.error.noResult" : "jobs.error.crashed")));
  });
}
