/**
 * npm run bench:jobs — the built server on the conference-size demo (DEMO_SIZE=conference), its
 * approved in-person delegates topped up to 500 (BENCH_BADGES): /healthz latency over sequential
 * requests, idle and while the badge batch runs as a background job (in its worker thread), with
 * the job's time. The target: within twice the idle figures. Prints JSON.
 */
import { openDatabase } from "../../db/client";
import { signIn, startServer } from "./server";

const PORT = Number(process.env.BENCH_PORT || 3418);
const SAMPLES = Number(process.env.BENCH_SAMPLES || 400);

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const round = (ms: number) => Math.round(ms * 100) / 100;

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50_ms: round(quantile(sorted, 0.5)),
    p99_ms: round(quantile(sorted, 0.99)),
    max_ms: round(sorted.at(-1) ?? 0),
  };
}

async function healthz(url: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${url}/healthz`);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`/healthz answered ${res.status}`);
  return performance.now() - started;
}

/** Tops the approved in-person delegates up to `target` (copies of one, each with its own e-mail and code): the 500-badge batch. */
async function topUpBadges(db: ReturnType<typeof openDatabase>["db"], conferenceId: number, target: number) {
  const rows = await db
    .selectFrom("registrations")
    .selectAll()
    .where("conference_id", "=", conferenceId)
    .where("status", "=", "approved")
    .where("mode", "=", "in_person")
    .execute();
  await db.transaction().execute(async (trx) => {
    // Room for them all (a trigger guards the in-person capacity).
    await trx
      .updateTable("conferences")
      .set({ in_person_capacity: target + 100 })
      .where("id", "=", conferenceId)
      .execute();
    for (let i = rows.length; i < target; i++) {
      const { id: _id, ...row } = rows[i % rows.length];
      const code = `BENCH${String(i).padStart(6, "0")}`;
      await trx
        .insertInto("registrations")
        .values({
          ...row,
          user_id: null,
          email: `bench-badge-${i}@tinh.gov.vn`,
          badge_code: code,
          full_name: `${row.full_name} ${i}`,
        })
        .execute();
    }
  });
  return Math.max(rows.length, target);
}

async function main() {
  process.env.DEMO_SIZE ||= "conference";
  const server = await startServer(PORT);
  const { db } = openDatabase(server.databasePath);
  try {
    const { url } = server;
    const organiser = await signIn(url, "to-chuc@ngoaivu.test", "ToChuc#2021");
    const conference = await db.selectFrom("conferences").select("id").executeTakeFirstOrThrow();
    const badges = await topUpBadges(db, conference.id, Number(process.env.BENCH_BADGES || 500));

    for (let i = 0; i < 50; i++) await healthz(url); // warm-up
    const idle: number[] = [];
    for (let i = 0; i < SAMPLES; i++) idle.push(await healthz(url));

    // While a batch runs, sample; when it ends before enough samples, start the next.
    const during: number[] = [];
    const jobSeconds: number[] = [];
    while (during.length < SAMPLES) {
      const start = await fetch(`${url}/admin/badges/batch`, {
        method: "POST",
        headers: { cookie: organiser, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ intent: "start" }),
        redirect: "manual",
      });
      if (start.status !== 302) throw new Error(`starting the batch answered ${start.status}: ${await start.text()}`);
      const job = await db.selectFrom("jobs").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
      let state = job.state;
      while (state === "queued" || state === "running") {
        for (let i = 0; i < 10; i++) during.push(await healthz(url));
        state = (await db.selectFrom("jobs").select("state").where("id", "=", job.id).executeTakeFirstOrThrow()).state;
      }
      const done = await db.selectFrom("jobs").selectAll().where("id", "=", job.id).executeTakeFirstOrThrow();
      if (done.state !== "done") throw new Error(`the batch failed: ${done.error}`);
      jobSeconds.push(round((Date.parse(done.finished_at!) - Date.parse(done.created_at)) / 1000));
    }

    const a = summary(idle);
    const b = summary(during);
    console.log(
      JSON.stringify(
        {
          demo: process.env.DEMO_SIZE,
          badges: Number(badges),
          healthz_idle: a,
          healthz_during_badge_job: b,
          jobs_run: jobSeconds.length,
          job_seconds: jobSeconds,
          ratio_p50: round(b.p50_ms / a.p50_ms),
          ratio_p99: round(b.p99_ms / a.p99_ms),
          within_2x: b.p50_ms <= 2 * a.p50_ms && b.p99_ms <= 2 * a.p99_ms,
        },
        null,
        2,
      ),
    );
  } finally {
    await db.destroy();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
