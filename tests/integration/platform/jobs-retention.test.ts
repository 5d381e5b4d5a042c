import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { KEPT_JOB_KINDS, pruneOldJobs } from "~/cli/job-retention";
import { PROCEEDINGS_JOB } from "~/features/proceedings/rules";
import { getDb } from "~/platform/db.server";
import { jobsDir } from "~/platform/jobs/files.server";
import { pruneJobResults, startJob } from "~/platform/jobs/jobs.server";
import { demoConference } from "../../helpers/factories";

const DAY = 24 * 3600_000;
const NOW = Date.parse("2026-12-10T00:00:00.000Z");

/** A finished job `daysAgo` days before NOW, with a result file when done. */
async function finishedJob(kind: string, conferenceId: number, daysAgo: number, state: "done" | "failed" = "done") {
  const at = new Date(NOW - daysAgo * DAY).toISOString();
  const row = await getDb()
    .insertInto("jobs")
    .values({ kind, conference_id: conferenceId, state: "queued", created_at: at })
    .returning("id")
    .executeTakeFirstOrThrow();
  const path = state === "done" ? `${row.id}-0000000000000000.pdf` : null;
  if (path) {
    mkdirSync(jobsDir(), { recursive: true });
    writeFileSync(join(jobsDir(), path), "%PDF");
  }
  await getDb()
    .updateTable("jobs")
    .set({ state, result_path: path, result_name: path ? "x.pdf" : null, finished_at: at, error: path ? null : "x" })
    .where("id", "=", row.id)
    .execute();
  return { id: row.id, path };
}

const ids = async () => (await getDb().selectFrom("jobs").select("id").orderBy("id").execute()).map((r) => r.id);

beforeEach(async () => {
  await getDb().deleteFrom("jobs").execute();
});

describe("pruning old background jobs", () => {
  it("keeps the latest three of a kind and conference and anything younger than a day; removes the rest and their files", async () => {
    const conference = await demoConference();
    const old: { id: number; path: string | null }[] = [];
    for (let d = 10; d >= 5; d--) old.push(await finishedJob("registration.badgeBatch", conference.id, d));
    const fresh = await finishedJob("registration.badgeBatch", conference.id, 0.5);
    const failed = await finishedJob("registration.badgeBatch", conference.id, 9, "failed");
    const otherKind = await finishedJob("meetings.signs", conference.id, 30);

    const removed = await pruneJobResults(getDb(), { keepLatest: 3, minAgeMs: DAY, now: NOW });

    // Newest three by id: fresh, failed and the last old one; the other five old ones go.
    expect(removed).toBe(5);
    expect(await ids()).toEqual([old[5].id, fresh.id, failed.id, otherKind.id]);
    for (const job of old.slice(0, 5)) expect(existsSync(join(jobsDir(), job.path!))).toBe(false);
    expect(existsSync(join(jobsDir(), old[5].path!))).toBe(true);
    expect(existsSync(join(jobsDir(), otherKind.path!))).toBe(true);
  });

  it("never removes a proceedings version, however old", async () => {
    const conference = await demoConference();
    expect(KEPT_JOB_KINDS).toContain(PROCEEDINGS_JOB);
    const versions: { id: number }[] = [];
    for (let d = 40; d >= 30; d--) versions.push(await finishedJob(PROCEEDINGS_JOB, conference.id, d));
    const badge: { id: number }[] = [];
    for (let d = 40; d >= 30; d--) badge.push(await finishedJob("registration.badgeBatch", conference.id, d));
    await pruneOldJobs(getDb());
    const left = await ids();
    for (const v of versions) expect(left).toContain(v.id);
    expect(left.filter((id) => badge.some((b) => b.id === id))).toHaveLength(3);
  });

  it("leaves queued and running jobs alone", async () => {
    const conference = await demoConference();
    for (let d = 10; d >= 5; d--) await finishedJob("registration.badgeBatch", conference.id, d);
    const running = await getDb()
      .insertInto("jobs")
      .values({
        kind: "registration.badgeBatch",
        conference_id: conference.id,
        state: "running",
        created_at: "2026-01-01T00:00:00.000Z",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await pruneJobResults(getDb(), { keepLatest: 0, minAgeMs: 0, now: NOW });
    expect(await ids()).toEqual([running.id]);
  });
});

describe("starting a job", () => {
  it("is audited: who started which kind", async () => {
    const conference = await demoConference();
    const organiser = await getDb()
      .selectFrom("users")
      .select("id")
      .where("role", "=", "organiser")
      .executeTakeFirstOrThrow();
    const started = await startJob(getDb(), {
      kind: "test.count",
      conferenceId: conference.id,
      input: {},
      actor: { id: organiser.id, ip: "203.0.113.9" },
      run: false,
    });
    if (!started.ok) throw new Error(JSON.stringify(started.refusal));
    const entry = await getDb()
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "job.start")
      .where("entity_id", "=", String(started.job.id))
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor_id: organiser.id, entity: "job", ip: "203.0.113.9" });
    expect(JSON.parse(entry.detail!)).toEqual({ kind: "test.count", conferenceId: conference.id });
  });

  it("a refused second start writes no audit entry", async () => {
    const conference = await demoConference();
    const count = async () =>
      Number(
        (
          await getDb()
            .selectFrom("audit_log")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("action", "=", "job.start")
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const start = {
      kind: "test.count",
      conferenceId: conference.id,
      input: {},
      actor: { id: null, ip: null },
      run: false,
    };
    const first = await startJob(getDb(), start);
    const second = await startJob(getDb(), start);
    expect(first.ok).toBe(true);
    expect(second.ok).toBe(false);
    expect((await count()) - before).toBe(1);
  });
});
