/**
 * What passes between the runner (web process) and the job worker (a worker thread): pure types
 * and the throttle that keeps progress writes to at most one per interval.
 */
import type { MessageParams } from "../types";

export const JOB_STATES = ["queued", "running", "done", "failed"] as const;
export type JobState = (typeof JOB_STATES)[number];
export const ACTIVE_JOB_STATES: readonly JobState[] = ["queued", "running"];

/** A cluster worker's message to the primary (npm start): run this queued job now. */
export const RUN_JOB_MESSAGE = "jobs.run";

/** Where the worker starts: the job, its input and the database it opens (its own handle). */
export interface JobWorkerData {
  jobId: number;
  kind: string;
  conferenceId: number | null;
  input: unknown;
  databasePath: string;
}

/** A handler's result: the file's bytes, its name for saving and its content type. */
export interface JobResult {
  bytes: Uint8Array;
  name: string;
  type: string;
  /** What the file is, kept with the job (a proceedings version: its page count, its sections). */
  meta?: Record<string, unknown>;
}

export type WorkerMessage =
  | { type: "progress"; progress: number; step: string; params?: MessageParams }
  | { type: "done"; result: JobResult }
  | { type: "failed"; error: string };

/** Progress as a whole percentage 0–100 (a fraction from pdfmake, NaN or out of range included). */
export function clampProgress(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(100, Math.max(0, Math.round(value)));
}

/**
 * Lets a report through at most once every `intervalMs` (the first at once). A report held back
 * is written when its interval ends (a timer), so a step that follows a burst shows even if the
 * next report is seconds away; flush() writes it at once (the job's end).
 */
export function throttle<T>(
  intervalMs: number,
  write: (value: T) => void,
  clock: () => number = Date.now,
  later: (fn: () => void, ms: number) => () => void = (fn, ms) => {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
) {
  let last = -Infinity;
  let pending: { value: T } | null = null;
  let cancel: (() => void) | null = null;
  const emit = () => {
    cancel?.();
    cancel = null;
    if (!pending) return;
    const { value } = pending;
    pending = null;
    last = clock();
    write(value);
  };
  return {
    push(value: T) {
      pending = { value };
      const wait = last + intervalMs - clock();
      if (wait <= 0) emit();
      else if (!cancel) cancel = later(emit, wait);
    },
    flush: emit,
  };
}

/** The result file's extension from its content type (the name on disk is `<id>-<random>.<ext>`). */
export function extensionOf(type: string): string {
  const known: Record<string, string> = {
    "application/pdf": "pdf",
    "text/csv": "csv",
    "text/plain": "txt",
    "application/json": "json",
    "application/zip": "zip",
  };
  return known[type.split(";")[0].trim().toLowerCase()] ?? "bin";
}

/** A job as the JSON route /jobs/:id and the progress component show it: the step and error in words. */
export interface JobView {
  id: number;
  kind: string;
  state: JobState;
  progress: number;
  step: string;
  error: string | null;
  download: string | null;
  resultName: string | null;
  resultBytes: number | null;
  finishedAt: string | null;
}

export const isActive = (state: JobState) => state === "queued" || state === "running";
