/**
 * npm start's processes (node:cluster): the primary checks and migrates the database, then forks
 * WEB_CONCURRENCY workers that serve HTTP on the one shared PORT, and alone runs the background
 * work — the outbox dispatcher, job pruning and every background job — so that no mail or job is
 * ever handled by two processes. Workers tell the primary by IPC when they queue a job or a mail.
 *
 * WEB_CONCURRENCY: unset or empty → one worker per core (os.availableParallelism()); a number n ≥ 1
 * → a primary and n workers; 0 or "inline" → one process that serves and runs the background work
 * itself (what start.ts did before the cluster; handy for profiling one process).
 */
import cluster, { type Worker } from "node:cluster";
import { availableParallelism } from "node:os";
import type { Server } from "node:http";

/** How many workers to fork; 0 means no cluster at all. */
export function webConcurrency(env: Record<string, string | undefined> = process.env): number {
  const text = (env.WEB_CONCURRENCY ?? "").trim().toLowerCase();
  if (text === "") return availableParallelism();
  if (text === "inline") return 0;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`WEB_CONCURRENCY must be a whole number or "inline", not "${text}"`);
  return n;
}

/** A worker that died is replaced after this, doubled for each death in a row (at most MAX). */
export const RESTART_DELAY_MS = 500;
const MAX_RESTART_DELAY_MS = 30_000;
/** A worker that served this long without dying resets the back-off. */
const STABLE_AFTER_MS = 60_000;
/** How long graceful stopping may take before the rest is killed. */
const STOP_TIMEOUT_MS = 10_000;
/** The primary's poll for queued jobs a lost IPC message would otherwise leave behind. */
export const JOB_POLL_MS = 500;

/** The outbox dispatcher, job pruning and the job runner: in exactly one process. */
export async function startBackgroundWork(): Promise<() => void> {
  const { startOutboxDispatcher, stopOutboxDispatcher } = await import("../platform/mailer.server");
  const { startJobPruning } = await import("./job-retention");
  startOutboxDispatcher();
  const pruning = startJobPruning();
  return () => {
    stopOutboxDispatcher();
    clearInterval(pruning);
  };
}

/** The primary: forks the workers, replaces those that die, runs the background work, stops cleanly. */
export async function runPrimary(workers: number, describe: string): Promise<void> {
  const { runJob, runQueuedJobs } = await import("../platform/jobs/runner.server");
  const { RUN_JOB_MESSAGE } = await import("../platform/jobs/protocol");
  const { kickOutbox, KICK_OUTBOX_MESSAGE } = await import("../platform/mailer.server");
  const stopBackground = await startBackgroundWork();

  let stopping = false;
  let deaths = 0;
  const startedAt = new Map<Worker, number>();
  const fork = () => {
    if (stopping) return;
    startedAt.set(cluster.fork(), Date.now());
  };

  cluster.on("message", (_worker, message: { type?: string; id?: unknown }) => {
    if (message?.type === RUN_JOB_MESSAGE && Number.isInteger(message.id)) void runJob(message.id as number);
    else if (message?.type === KICK_OUTBOX_MESSAGE) kickOutbox();
  });
  cluster.on("exit", (worker, code, signal) => {
    const served = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (stopping) return;
    deaths = served > STABLE_AFTER_MS ? 1 : deaths + 1;
    const delay = Math.min(MAX_RESTART_DELAY_MS, RESTART_DELAY_MS * 2 ** (deaths - 1));
    console.error(`worker ${worker.process.pid} died (${signal ?? `exit ${code}`}); replacing it in ${delay} ms`);
    // Delayed, so a crash loop does not spin, and so a stop signal that reached the whole group has
    // set `stopping` before anything is forked again.
    setTimeout(fork, delay);
  });
  let listening = 0;
  cluster.on("listening", () => {
    if (++listening === workers) console.log(`${describe} (${workers} worker(s), pid ${process.pid})`);
  });

  const poll = setInterval(() => {
    runQueuedJobs().catch((error: unknown) => console.error("starting queued jobs failed", error));
  }, JOB_POLL_MS);

  const stop = () => {
    if (stopping) return;
    stopping = true;
    clearInterval(poll);
    stopBackground();
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    // disconnect(): each worker closes its server (finishing the requests it is answering), then exits.
    for (const worker of alive) worker.disconnect();
    const force = setTimeout(() => {
      for (const worker of alive) if (!worker.isDead()) worker.process.kill("SIGKILL");
      process.exit(0);
    }, STOP_TIMEOUT_MS);
    force.unref();
    void Promise.all(alive.map((w) => (w.isDead() ? Promise.resolve() : new Promise((r) => w.once("exit", r))))).then(
      () => process.exit(0),
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);

  for (let i = 0; i < workers; i++) fork();
}

/**
 * A worker: serves until its primary asks it to stop (disconnect) or is gone (a SIGKILLed primary
 * closes the IPC channel), so that no orphan keeps holding the port.
 */
export function runWorker(server: Server): void {
  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), STOP_TIMEOUT_MS).unref();
  };
  process.on("disconnect", close);
  // The group's SIGTERM/SIGINT (Ctrl-C, the tests' kill) reaches the workers too: stop the same way.
  process.on("SIGTERM", close);
  process.on("SIGINT", close);
}
