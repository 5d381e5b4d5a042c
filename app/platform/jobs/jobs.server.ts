import { sql, type Selectable } from "kysely";
import type { JobsTable } from "../../../db/schema";
import { getDb, inTransaction, nowIso } from "../db.server";
import { nowMs } from "~/lib/clock";
import { conflict, notFound, type Actor, type Db, type MessageParams, type Result } from "../types";
import { recordAudit } from "../audit.server";
import { removeResultFile } from "./files.server";
import { ACTIVE_JOB_STATES, type JobState } from "./protocol";
import { scheduleJob } from "./runner.server";

export type JobRow = Selectable<JobsTable>;

/** A job as pages and the JSON route see it (the step and error still as keys or text). */
export interface Job {
  id: number;
  conferenceId: number | null;
  kind: string;
  input: unknown;
  state: JobState;
  progress: number;
  step: string;
  stepParams: MessageParams;
  error: string | null;
  result: { name: string; type: string; bytes: number; path: string; meta: Record<string, unknown> } | null;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function toJob(row: JobRow): Job {
  return {
    id: row.id,
    conferenceId: row.conference_id,
    kind: row.kind,
    input: parseJson(row.input, {}),
    state: row.state,
    progress: row.progress,
    step: row.step,
    stepParams: parseJson<MessageParams>(row.step_params, {}),
    error: row.error,
    result:
      row.state === "done" && row.result_path
        ? {
            name: row.result_name ?? "",
            type: row.result_type ?? "",
            bytes: row.result_bytes ?? 0,
            path: row.result_path,
            meta: parseJson<Record<string, unknown>>(row.result_meta, {}),
          }
        : null,
    createdBy: row.created_by,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

export const ACTIVE_STATES = ACTIVE_JOB_STATES;

const isUniqueViolation = (error: unknown) =>
  typeof error === "object" && error !== null && (error as { code?: unknown }).code === "SQLITE_CONSTRAINT_UNIQUE";

/** The queued or running job of a kind for a conference, if any. */
export async function findActiveJob(db: Db, kind: string, conferenceId: number | null): Promise<Job | null> {
  let query = db
    .selectFrom("jobs")
    .selectAll()
    .where("kind", "=", kind)
    .where("state", "in", ACTIVE_STATES as JobState[]);
  query =
    conferenceId === null ? query.where("conference_id", "is", null) : query.where("conference_id", "=", conferenceId);
  const row = await query.executeTakeFirst();
  return row ? toJob(row) : null;
}

export interface StartJob {
  kind: string;
  conferenceId: number | null;
  input: unknown;
  actor: Actor;
  /** false: only queue it (tests of the queue itself); the runner is started by default. */
  run?: boolean;
}

/**
 * Queues a job and starts its worker. One job of a kind per conference at a time: the unique
 * partial index decides between two simultaneous starts, and the loser is refused (conflict) with
 * the active job's id, so its page can show that one instead.
 */
export async function startJob(db: Db, start: StartJob): Promise<Result<{ job: Job }>> {
  let row: JobRow;
  try {
    // The job and who started it, together (the audit log says who printed the badges, and when).
    row = await inTransaction(db, async (trx) => {
      const inserted = await trx
        .insertInto("jobs")
        .values({
          conference_id: start.conferenceId,
          kind: start.kind,
          input: JSON.stringify(start.input ?? {}),
          state: "queued",
          step: "jobs.step.queued",
          created_by: start.actor.id,
          created_at: nowIso(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actorId: start.actor.id,
        action: "job.start",
        entity: "job",
        entityId: inserted.id,
        detail: { kind: start.kind, conferenceId: start.conferenceId },
        ip: start.actor.ip,
      });
      return inserted;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const active = await findActiveJob(db, start.kind, start.conferenceId);
    return conflict("jobs.error.alreadyRunning", { jobId: active?.id ?? 0 });
  }
  if (start.run !== false) scheduleJob(row.id);
  return { ok: true, job: toJob(row) };
}

/** One job by id; who may see it is the caller's decision (it knows the kind's permission). */
export async function getJob(db: Db, id: number): Promise<Result<{ job: Job }>> {
  const row = await db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? { ok: true, job: toJob(row) } : notFound("jobs.error.notFound");
}

export interface JobFilter {
  conferenceId?: number | null;
  kind?: string;
  createdBy?: string;
  limit?: number;
}

/** Jobs newest first. */
export async function listJobs(db: Db, filter: JobFilter = {}): Promise<Job[]> {
  let query = db
    .selectFrom("jobs")
    .selectAll()
    .orderBy("id", "desc")
    .limit(filter.limit ?? 20);
  if (filter.conferenceId !== undefined)
    query =
      filter.conferenceId === null
        ? query.where("conference_id", "is", null)
        : query.where("conference_id", "=", filter.conferenceId);
  if (filter.kind) query = query.where("kind", "=", filter.kind);
  if (filter.createdBy) query = query.where("created_by", "=", filter.createdBy);
  return (await query.execute()).map(toJob);
}

/** The latest job of a kind that finished with a file (what a page offers for download). */
export async function latestResult(db: Db, kind: string, conferenceId: number): Promise<Job | null> {
  const row = await db
    .selectFrom("jobs")
    .selectAll()
    .where("kind", "=", kind)
    .where("conference_id", "=", conferenceId)
    .where("state", "=", "done")
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row ? toJob(row) : null;
}

export const INTERRUPTED = "jobs.error.interrupted";

/**
 * At start-up: a job still queued or running belongs to a process that is gone (a restart, a
 * crash), so it will never finish. Marked failed with the reason, which also frees its kind to be
 * started again. Returns how many.
 */
export async function recoverInterruptedJobs(db: Db = getDb()): Promise<number> {
  const result = await db
    .updateTable("jobs")
    .set({ state: "failed", error: INTERRUPTED, finished_at: nowIso() })
    .where("state", "in", ACTIVE_STATES as JobState[])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The runner's writes. */
export async function markRunning(db: Db, id: number): Promise<JobRow | undefined> {
  return db
    .updateTable("jobs")
    .set({ state: "running", started_at: nowIso(), step: "jobs.step.starting" })
    .where("id", "=", id)
    .where("state", "=", "queued")
    .returningAll()
    .executeTakeFirst();
}

export async function saveProgress(db: Db, id: number, progress: number, step: string, params: MessageParams = {}) {
  await db
    .updateTable("jobs")
    .set({ progress, step, step_params: JSON.stringify(params) })
    .where("id", "=", id)
    .where("state", "=", "running")
    .execute();
}

export async function finishJob(
  db: Db,
  id: number,
  result: { path: string; name: string; type: string; bytes: number; meta?: Record<string, unknown> },
): Promise<boolean> {
  const updated = await db
    .updateTable("jobs")
    .set({
      state: "done",
      progress: 100,
      step: "jobs.step.done",
      step_params: "{}",
      result_path: result.path,
      result_name: result.name,
      result_type: result.type,
      result_bytes: result.bytes,
      result_meta: JSON.stringify(result.meta ?? {}),
      finished_at: nowIso(),
    })
    .where("id", "=", id)
    .where("state", "=", "running")
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 1) return true;
  // Marked failed meanwhile (recovered by another process): the file would belong to nobody.
  removeResultFile(result.path);
  return false;
}

export async function failJob(db: Db, id: number, error: string): Promise<void> {
  await db
    .updateTable("jobs")
    .set({ state: "failed", error: error.slice(0, 2000) || "jobs.error.failed", finished_at: nowIso() })
    .where("id", "=", id)
    .where("state", "in", ACTIVE_STATES as JobState[])
    .execute();
}

export interface PruneOptions {
  /** Finished jobs kept per kind and conference, newest first, whatever their age. */
  keepLatest?: number;
  /** Finished jobs younger than this are kept (someone may still be downloading). */
  minAgeMs?: number;
  /** Kinds whose every result is a record to keep (the proceedings' versions). */
  keepKinds?: readonly string[];
  now?: number;
}

/**
 * Removes old finished jobs and their result files (a badge batch is about 1 MB, printed again
 * and again): beyond the latest few of each kind and conference and older than a day, except the
 * kinds kept for good. Returns how many rows went. The rows go first, in one statement: a file
 * whose row is gone can no longer be asked for, while a row without its file would be a broken link.
 */
export async function pruneJobResults(db: Db = getDb(), options: PruneOptions = {}): Promise<number> {
  const { keepLatest = 3, minAgeMs = 24 * 3600_000, keepKinds = [], now = nowMs() } = options;
  const before = new Date(now - minAgeMs).toISOString();
  const ranked = await sql<{ id: number; kind: string; result_path: string | null }>`
    select id, kind, result_path from (
      select id, kind, result_path, finished_at,
        row_number() over (partition by kind, ifnull(conference_id, 0) order by id desc) as rank
      from jobs where state in ('done', 'failed')
    ) where rank > ${keepLatest} and finished_at < ${before}`.execute(db);
  const keep = new Set(keepKinds);
  const gone = ranked.rows.filter((r) => !keep.has(r.kind));
  if (gone.length === 0) return 0;
  await db
    .deleteFrom("jobs")
    .where(
      "id",
      "in",
      gone.map((r) => r.id),
    )
    .execute();
  for (const row of gone) if (row.result_path) removeResultFile(row.result_path);
  return gone.length;
}
