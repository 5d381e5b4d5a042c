/**
 * How long background jobs' results are kept (app/platform/jobs pruneJobResults): the latest three
 * of each kind for a day at least; the proceedings' versions for good (each is a published edition).
 */
import { PROCEEDINGS_JOB } from "~/features/proceedings/rules";
import { pruneJobResults } from "~/platform/jobs/jobs.server";
import type { Db } from "~/platform/types";

export const KEPT_JOB_KINDS: readonly string[] = [PROCEEDINGS_JOB];
export const PRUNE_INTERVAL_MS = 3600_000;

export function pruneOldJobs(db?: Db): Promise<number> {
  return pruneJobResults(db, { keepLatest: 3, minAgeMs: 24 * 3600_000, keepKinds: KEPT_JOB_KINDS });
}

/** Prunes every hour in the serving process (unref'd: it never keeps the process alive). */
export function startJobPruning(): NodeJS.Timeout {
  const timer = setInterval(() => {
    pruneOldJobs().catch((error: unknown) => console.error("pruning old jobs failed", error));
  }, PRUNE_INTERVAL_MS);
  timer.unref();
  return timer;
}
