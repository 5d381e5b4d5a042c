/**
 * npm run bench:proceedings — the proceedings on the conference-size demo (about 450 delegates, at
 * least 40 speeches) and at 4× (delegates, speeches, meetings, agreements), each drawn in a child
 * process of its own (the same renderer as the job and the CLI) so that its peak RSS is its own;
 * then /healthz latency in the built server, idle and while a proceedings job runs. Prints JSON.
 * Targets: the demo under 15 s and 400 MB; 4× under 4.5 × the demo's time; /healthz within 2× idle.
 * BENCH_SKIP_SERVER=1: the renderings only; BENCH_ONLY_SERVER=1: the /healthz part only.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROCEEDINGS_SECTIONS } from "../../app/features/proceedings/rules";
import { openDatabase } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { seedDemo, seedReferenceData } from "../../seeds/seed";
import { scaleUp, topUpSpeeches } from "./proceedings-data";
import { healthzOnce, latencySummary, signIn, startServer } from "./server";

const PORT = Number(process.env.BENCH_PORT || 3419);
const SAMPLES = Number(process.env.BENCH_SAMPLES || 300);
const SPEECHES = 40;
const round = (n: number) => Math.round(n * 100) / 100;

/** The child's side: draws the book of DATABASE_PATH and prints {pages, seconds, peakRssMb}. */
async function renderHere() {
  const { getDb } = await import("~/platform/db.server");
  const { renderProceedings } = await import("~/features/proceedings/book/book.server");
  const db = getDb();
  const { id } = await db.selectFrom("conferences").select("id").executeTakeFirstOrThrow();
  const started = performance.now();
  const result = await renderProceedings(db, id, { language: "vi" }, () => {});
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `${JSON.stringify({ pages: result.meta?.pages, bytes: result.bytes.byteLength, seconds: round(seconds), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
  );
}

function renderInChild(databasePath: string) {
  const child = spawnSync(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "tests/bench/proceedings.ts", "--render"],
    {
      env: { ...process.env, DATABASE_PATH: databasePath },
      encoding: "utf8",
      timeout: 600_000,
    },
  );
  if (child.status !== 0) throw new Error(`rendering ${databasePath} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!) as {
    pages: number;
    bytes: number;
    seconds: number;
    peakRssMb: number;
  };
}

const ALL_SECTIONS = JSON.stringify(PROCEEDINGS_SECTIONS);

async function buildDatabases(dir: string) {
  const demo = join(dir, "demo.sqlite");
  const { db, sqlite } = openDatabase(demo);
  await migrateToLatest(db);
  await seedReferenceData(db);
  await seedDemo(db, { size: "conference" });
  const { id } = await db.selectFrom("conferences").select("id").executeTakeFirstOrThrow();
  const speeches = topUpSpeeches(sqlite, id, SPEECHES);
  sqlite
    .prepare(
      "insert or replace into proceedings_settings (conference_id, sections, foreword, updated_at) values (?, ?, ?, ?)",
    )
    .run(
      id,
      ALL_SECTIONS,
      "Cuốn kỷ yếu ghi lại các bài phát biểu, tham luận và kết quả của Hội nghị.",
      new Date().toISOString(),
    );
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  await db.destroy();
  const x4 = join(dir, "x4.sqlite");
  copyFileSync(demo, x4);
  const big = openDatabase(x4);
  const scaled = scaleUp(big.sqlite, id, 4);
  big.sqlite.pragma("wal_checkpoint(TRUNCATE)");
  await big.db.destroy();
  return { demo, x4, speeches, scaled };
}

async function healthzDuringJob() {
  process.env.DEMO_SIZE ||= "conference";
  const server = await startServer(PORT);
  const { db, sqlite } = openDatabase(server.databasePath);
  try {
    const { url } = server;
    const { id } = await db.selectFrom("conferences").select("id").executeTakeFirstOrThrow();
    topUpSpeeches(sqlite, id, SPEECHES);
    const cookie = await signIn(url, "thu-ky@ngoaivu.test", "ThuKy#2021");
    for (let i = 0; i < 50; i++) await healthzOnce(url);
    const idle: number[] = [];
    for (let i = 0; i < SAMPLES; i++) idle.push(await healthzOnce(url));
    const during: number[] = [];
    const jobSeconds: number[] = [];
    const sections = JSON.parse(ALL_SECTIONS) as string[];
    while (during.length < SAMPLES) {
      const body = new URLSearchParams({ intent: "generate", language: "vi" });
      for (const s of sections) body.append("order", s);
      for (const s of sections) body.append("sections", s);
      const start = await fetch(`${url}/admin/proceedings`, {
        method: "POST",
        headers: { cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body,
        redirect: "manual",
      });
      if (start.status !== 302) throw new Error(`generating answered ${start.status}: ${await start.text()}`);
      const job = await db.selectFrom("jobs").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
      let state = job.state;
      while (state === "queued" || state === "running") {
        for (let i = 0; i < 10; i++) during.push(await healthzOnce(url));
        state = (await db.selectFrom("jobs").select("state").where("id", "=", job.id).executeTakeFirstOrThrow()).state;
      }
      const done = await db.selectFrom("jobs").selectAll().where("id", "=", job.id).executeTakeFirstOrThrow();
      if (done.state !== "done") throw new Error(`the proceedings job failed: ${done.error}`);
      jobSeconds.push(round((Date.parse(done.finished_at!) - Date.parse(done.created_at)) / 1000));
    }
    const a = latencySummary(idle);
    const b = latencySummary(during);
    return {
      healthz_idle: a,
      healthz_during_proceedings_job: b,
      job_seconds: jobSeconds,
      ratio_p50: round(b.p50_ms / a.p50_ms),
      ratio_p99: round(b.p99_ms / a.p99_ms),
      within_2x: b.p50_ms <= 2 * a.p50_ms && b.p99_ms <= 2 * a.p99_ms,
    };
  } finally {
    await db.destroy();
    await server.stop();
  }
}

async function main() {
  if (process.env.BENCH_ONLY_SERVER) {
    console.log(JSON.stringify({ healthz: await healthzDuringJob() }, null, 2));
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "proceedings-bench-"));
  try {
    const { demo, x4, speeches, scaled } = await buildDatabases(dir);
    const a = renderInChild(demo);
    const b = renderInChild(x4);
    const ratio = round(b.seconds / a.seconds);
    const healthz = process.env.BENCH_SKIP_SERVER ? null : await healthzDuringJob();
    console.log(
      JSON.stringify(
        {
          demo: { ...a, speeches, delegates: scaled.before.registrations },
          x4: { ...b, scaled: scaled.after },
          ratio,
          targets: { demoUnder15s: a.seconds < 15, demoUnder400Mb: a.peakRssMb < 400, x4Under4_5x: ratio < 4.5 },
          healthz,
        },
        null,
        2,
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes("--render"))
  renderHere().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
else
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
