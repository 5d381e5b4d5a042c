/**
 * The book's versions: every job of PROCEEDINGS_JOB (done ones are the versions, with their file,
 * page count, language and who made them; failed ones say why), and starting a new generation.
 */
import { recordAudit } from "~/platform/audit.server";
import { listJobs, startJob, type Job } from "~/platform/jobs/jobs.server";
import type { Actor, Db, Result } from "~/platform/types";
import { PROCEEDINGS_JOB, type DocumentLanguage } from "../rules";

export interface BookVersion {
  job: Job;
  /** 1 for the first finished book, and so on; null for a job that did not finish. */
  version: number | null;
  pages: number | null;
  language: string | null;
  byName: string | null;
}

export async function listVersions(db: Db, conferenceId: number, limit = 50): Promise<BookVersion[]> {
  const jobs = await listJobs(db, { conferenceId, kind: PROCEEDINGS_JOB, limit });
  const ids = [...new Set(jobs.map((j) => j.createdBy).filter((id): id is string => id !== null))];
  const names = new Map(
    ids.length
      ? (await db.selectFrom("users").select(["id", "full_name"]).where("id", "in", ids).execute()).map((u) => [
          u.id,
          u.full_name,
        ])
      : [],
  );
  return jobs.map((job) => {
    const meta = job.result?.meta ?? {};
    return {
      job,
      version: typeof meta.version === "number" ? meta.version : null,
      pages: typeof meta.pages === "number" ? meta.pages : null,
      language: typeof meta.language === "string" ? meta.language : null,
      byName: job.createdBy ? (names.get(job.createdBy) ?? null) : null,
    };
  });
}

/** Starts a generation (one at a time per conference: a second start is refused with the running one's id). */
export async function startGeneration(
  db: Db,
  conferenceId: number,
  language: DocumentLanguage,
  actor: Actor,
): Promise<Result<{ job: Job }>> {
  const started = await startJob(db, { kind: PROCEEDINGS_JOB, conferenceId, input: { language }, actor });
  if (!started.ok) return started;
  await recordAudit(db, {
    actorId: actor.id,
    action: "proceedings.book.generate",
    entity: "job",
    entityId: started.job.id,
    detail: { language },
    ip: actor.ip,
  });
  return started;
}
