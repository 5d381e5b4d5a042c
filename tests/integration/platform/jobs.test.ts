import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { jobsDir } from "~/platform/jobs/files.server";
import { getJob, listJobs, recoverInterruptedJobs, startJob } from "~/platform/jobs/jobs.server";
import { runJob, whenJobFinished } from "~/platform/jobs/runner.server";
import { demoConference } from "../../helpers/factories";
import { inProcesses } from "../../helpers/processes";

process.env.JOBS_WORKER = "tests/helpers/job-worker.ts";
const actor = { id: null, ip: null };

async function finished(id: number) {
  await whenJobFinished(id);
  const found = await getJob(getDb(), id);
  if (!found.ok) throw new Error("job vanished");
  return found.job;
}

beforeEach(async () => {
  await getDb().deleteFrom("jobs").execute();
});

describe("a background job", () => {
  it("runs in a worker thread: queued → running with progress → done with its result file", async () => {
    const conference = await demoConference();
    const started = await startJob(getDb(), {
      kind: "test.count",
      conferenceId: conference.id,
      input: { steps: 8, delayMs: 150 },
      actor,
    });
    if (!started.ok) throw new Error(JSON.stringify(started.refusal));
    expect(started.job.state).toBe("queued");

    // While the worker counts, the row moves (throttled writes, at most one per 200 ms). The
    // thread's start (tsx in the thread) can take seconds on a loaded machine: wait for it, not a fixed time.
    const seen = new Set<number>();
    for (let i = 0; i < 600 && seen.size < 2; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const now = await getJob(getDb(), started.job.id);
      if (now.ok && now.job.state === "running" && now.job.step === "test.step") seen.add(now.job.progress);
      if (now.ok && (now.job.state === "done" || now.job.state === "failed")) break;
    }
    expect(seen.size).toBeGreaterThanOrEqual(2);

    const job = await finished(started.job.id);
    expect(job.state).toBe("done");
    expect(job.progress).toBe(100);
    expect(job.step).toBe("jobs.step.done");
    expect(job.startedAt).not.toBeNull();
    expect(job.finishedAt).not.toBeNull();
    expect(job.result).toMatchObject({ name: "count.txt", type: "text/plain", bytes: 12 });
    expect(job.result!.path).toMatch(new RegExp(`^${job.id}-[0-9a-f]{16}\\.txt$`));
    expect(readFileSync(join(jobsDir(), job.result!.path), "utf8")).toBe("counted to 8");
  });

  it("reads the database through its own read-only handle", async () => {
    const conference = await demoConference();
    const started = await startJob(getDb(), { kind: "test.conference", conferenceId: conference.id, input: {}, actor });
    if (!started.ok) throw new Error("refused");
    const job = await finished(started.job.id);
    expect(job.state).toBe("done");
    expect(readFileSync(join(jobsDir(), job.result!.path), "utf8")).toBe(conference.title_vi);
  });

  it("fails with the handler's reason, writes no file and leaves the earlier result untouched", async () => {
    const conference = await demoConference();
    const first = await startJob(getDb(), {
      kind: "test.count",
      conferenceId: conference.id,
      input: { steps: 1, delayMs: 1 },
      actor,
    });
    if (!first.ok) throw new Error("refused");
    const earlier = await finished(first.job.id);
    expect(earlier.state).toBe("done");

    const failing = await startJob(getDb(), { kind: "test.fail", conferenceId: conference.id, input: {}, actor });
    if (!failing.ok) throw new Error("refused");
    const job = await finished(failing.job.id);
    expect(job.state).toBe("failed");
    expect(job.error).toBe("the printer caught fire");
    expect(job.result).toBeNull();
    const row = await getDb().selectFrom("jobs").selectAll().where("id", "=", job.id).executeTakeFirstOrThrow();
    expect(row.result_path).toBeNull();
    expect(existsSync(join(jobsDir(), earlier.result!.path))).toBe(true);
    const again = await getJob(getDb(), earlier.id);
    expect(again.ok && again.job.state).toBe("done");
  });

  it("reads only: a handler that writes fails, and the database is unchanged", async () => {
    const conference = await demoConference();
    const started = await startJob(getDb(), { kind: "test.write", conferenceId: conference.id, input: {}, actor });
    if (!started.ok) throw new Error("refused");
    const job = await finished(started.job.id);
    expect(job.state).toBe("failed");
    expect(job.error).toMatch(/readonly/i);
    const row = await getDb()
      .selectFrom("conferences")
      .select("title_vi")
      .where("id", "=", conference.id)
      .executeTakeFirstOrThrow();
    expect(row.title_vi).toBe(conference.title_vi);
  });

  it("fails with a translated reason when its thread dies", async () => {
    const started = await startJob(getDb(), { kind: "test.crash", conferenceId: null, input: {}, actor });
    if (!started.ok) throw new Error("refused");
    const job = await finished(started.job.id);
    expect([job.state, job.error, job.result]).toEqual(["failed", "jobs.error.crashed", null]);
  });

  it("fails an unknown kind with a translated reason", async () => {
    const started = await startJob(getDb(), { kind: "test.nobody", conferenceId: null, input: {}, actor });
    if (!started.ok) throw new Error("refused");
    expect((await finished(started.job.id)).error).toBe("jobs.error.unknownKind");
  });

  it("admits one job of a kind per conference at a time: of two starts at once, one wins", async () => {
    const conference = await demoConference();
    const input = { steps: 3, delayMs: 50 };
    const [a, b] = await Promise.all([
      startJob(getDb(), { kind: "test.count", conferenceId: conference.id, input, actor, run: false }),
      startJob(getDb(), { kind: "test.count", conferenceId: conference.id, input, actor, run: false }),
    ]);
    const winners = [a, b].filter((r) => r.ok);
    const losers = [a, b].filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const winner = winners[0] as Extract<typeof a, { ok: true }>;
    expect(losers[0]).toEqual({
      ok: false,
      refusal: { kind: "conflict", key: "jobs.error.alreadyRunning", params: { jobId: winner.job.id } },
    });
    // Another kind, or another conference's (none here: null), is not held up.
    const other = await startJob(getDb(), { kind: "test.count", conferenceId: null, input, actor, run: false });
    expect(other.ok).toBe(true);
    // Once the first has finished, the kind may start again.
    await runJob(winner.job.id);
    expect((await finished(winner.job.id)).state).toBe("done");
    const next = await startJob(getDb(), { kind: "test.count", conferenceId: conference.id, input, actor, run: false });
    expect(next.ok).toBe(true);
  });

  it("between processes too: of four starting the same kind at once, exactly one wins", async () => {
    const conference = await demoConference();
    const results = await inProcesses<{
      ok: boolean;
      id?: number;
      refusal?: { kind: string; params: { jobId: number } };
    }>(
      4,
      { module: "~/../tests/helpers/job-race", fn: "startQueued" },
      Array.from({ length: 4 }, () => ["test.count", conference.id]),
    );
    const values = results.map((r) => (r.ok ? r.value : { ok: false, error: r.error }));
    const winners = values.filter((v) => v.ok);
    expect(winners, JSON.stringify(values)).toHaveLength(1);
    const id = (winners[0] as { id: number }).id;
    for (const loser of values.filter((v) => !v.ok))
      expect(loser).toMatchObject({ refusal: { kind: "conflict", params: { jobId: id } } });
    expect(await getDb().selectFrom("jobs").select("id").execute()).toEqual([{ id }]);
  });

  it("at start-up, marks jobs a previous process left queued or running as failed, so they can run again", async () => {
    const conference = await demoConference();
    const queued = await startJob(getDb(), {
      kind: "test.count",
      conferenceId: conference.id,
      input: {},
      actor,
      run: false,
    });
    const running = await startJob(getDb(), {
      kind: "test.fail",
      conferenceId: conference.id,
      input: {},
      actor,
      run: false,
    });
    if (!queued.ok || !running.ok) throw new Error("refused");
    await getDb()
      .updateTable("jobs")
      .set({ state: "running", progress: 40 })
      .where("id", "=", running.job.id)
      .execute();

    expect(await recoverInterruptedJobs(getDb())).toBe(2);
    const jobs = await listJobs(getDb(), { conferenceId: conference.id });
    expect(jobs.map((j) => [j.id, j.state, j.error])).toEqual([
      [running.job.id, "failed", "jobs.error.interrupted"],
      [queued.job.id, "failed", "jobs.error.interrupted"],
    ]);
    expect(jobs.every((j) => j.finishedAt !== null)).toBe(true);
    const again = await startJob(getDb(), {
      kind: "test.count",
      conferenceId: conference.id,
      input: {},
      actor,
      run: false,
    });
    expect(again.ok).toBe(true);
    expect(await recoverInterruptedJobs(getDb())).toBe(1);
  });

  it("the progress check refuses a value outside 0–100", async () => {
    await expect(
      getDb().insertInto("jobs").values({ kind: "x", progress: 101, created_at: "2026-12-01T00:00:00.000Z" }).execute(),
    ).rejects.toThrow(/CHECK/);
  });
});
