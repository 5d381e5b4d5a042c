/**
 * What the cluster's primary relies on (app/cli/cluster.ts): its poll starts every queued job once,
 * and a worker's wait reads the job's row until it has finished.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { getJob, startJob } from "~/platform/jobs/jobs.server";
import { runQueuedJobs, waitForJobRow, whenJobFinished } from "~/platform/jobs/runner.server";
import { demoConference } from "../../helpers/factories";

process.env.JOBS_WORKER = "tests/helpers/job-worker.ts";
const actor = { id: null, ip: null };

beforeEach(async () => {
  await getDb().deleteFrom("jobs").execute();
});

async function queued(steps: number) {
  const conference = await demoConference();
  const started = await startJob(getDb(), {
    kind: "test.count",
    conferenceId: conference.id,
    input: { steps, delayMs: 100 },
    actor,
    run: false,
  });
  if (!started.ok) throw new Error(JSON.stringify(started.refusal));
  return started.job.id;
}

const stateOf = async (id: number) => {
  const found = await getJob(getDb(), id);
  return found.ok ? found.job.state : null;
};

describe("the primary's job poll", () => {
  it("starts a job left queued, once, however often it polls", async () => {
    const id = await queued(3);
    expect(await stateOf(id)).toBe("queued");
    expect(await runQueuedJobs()).toBe(1);
    // Polled again while it runs: nothing new to start.
    expect(await runQueuedJobs()).toBe(0);
    await whenJobFinished(id);
    expect(await stateOf(id)).toBe("done");
    expect(await runQueuedJobs()).toBe(0);
  });

  it("waits, reading the row, until the job another process runs is done", async () => {
    const id = await queued(6);
    const waiting = waitForJobRow(id).then(() => "finished");
    // Not started yet: the wait must not end while the row is queued.
    const early = await Promise.race([waiting, new Promise((r) => setTimeout(() => r("waiting"), 400))]);
    expect(early).toBe("waiting");
    await runQueuedJobs();
    expect(await waiting).toBe("finished");
    expect(await stateOf(id)).toBe("done");
  });

  it("ends the wait for a job that failed or is gone", async () => {
    const id = await queued(1);
    await getDb().updateTable("jobs").set({ state: "failed", error: "x" }).where("id", "=", id).execute();
    await expect(waitForJobRow(id)).resolves.toBeUndefined();
    await expect(waitForJobRow(id + 1000)).resolves.toBeUndefined();
  });
});
