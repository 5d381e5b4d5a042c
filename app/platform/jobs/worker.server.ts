import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { Database } from "../../../db/schema";
import { withStatementCache } from "../../../db/client";
import { adoptHandle } from "../db.server";
import type { MessageParams } from "../types";
import type { JobResult, JobWorkerData, WorkerMessage } from "./protocol";

export interface JobContext {
  /** A read-only handle of the job's own (the web process's handle stays in the web process). */
  db: Kysely<Database>;
  conferenceId: number | null;
  jobId: number;
  /** progress 0–100, the step's dictionary key (or text) and its parameters; throttled by the runner. */
  report(progress: number, step: string, params?: MessageParams): void;
}

export type JobHandler = (input: unknown, context: JobContext) => Promise<JobResult>;
export type JobHandlers = Record<string, JobHandler>;

/** Opens the database read-only for the job (WAL lets it read while the web process writes). */
function openReadOnly(path: string): { db: Kysely<Database>; close(): Promise<void> } {
  const sqlite = new SQLite(path, { readonly: true, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  const statements = withStatementCache(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statements }) });
  // Models the handler calls through getDb() use it too (this thread has no other handle).
  adoptHandle({ db, sqlite, statements, path });
  return { db, close: () => db.destroy() };
}

/**
 * Lowers this thread's scheduling priority (Linux: a thread has its own nice value, and
 * /proc/thread-self names its id), so that on a busy machine the web thread is served first and
 * /healthz stays quick while a PDF is drawn. Best effort: elsewhere it does nothing.
 */
export function yieldToWebThread(): boolean {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, 15);
    return true;
  } catch {
    return false;
  }
}

/** The worker thread's side: runs the one job it was started for and posts its result or failure. */
export async function serveJob(handlers: JobHandlers): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error("serveJob runs only in a worker thread");
  const job = (workerData as { job: JobWorkerData }).job;
  const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  yieldToWebThread();
  const handler = handlers[job.kind];
  if (!handler) return post({ type: "failed", error: "jobs.error.unknownKind" });
  const { db, close } = openReadOnly(job.databasePath);
  try {
    const result = await handler(job.input, {
      db,
      conferenceId: job.conferenceId,
      jobId: job.jobId,
      report: (progress, step, params) => post({ type: "progress", progress, step, params }),
    });
    // A copy the thread owns, handed over without copying again.
    const bytes = new Uint8Array(result.bytes);
    post({ type: "done", result: { ...result, bytes } }, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    post({ type: "failed", error: error instanceof Error ? error.message || "jobs.error.failed" : String(error) });
  } finally {
    await close();
  }
}
