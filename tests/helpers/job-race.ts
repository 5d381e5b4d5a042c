// What each process of the jobs race test runs (tests/helpers/processes.ts): one start, queued only.
import { getDb } from "~/platform/db.server";
import { startJob } from "~/platform/jobs/jobs.server";

export async function startQueued(kind: string, conferenceId: number) {
  const result = await startJob(getDb(), { kind, conferenceId, input: {}, actor: { id: null, ip: null }, run: false });
  return result.ok ? { ok: true, id: result.job.id } : { ok: false, refusal: result.refusal };
}
