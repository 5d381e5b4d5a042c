/**
 * npm run bench:http — the built server (npm start's path, WEB_CONCURRENCY passed through) on a
 * database seeded to conference size (500 approved delegates, the full agenda with sign-ups, 500
 * meeting requests, the exhibition) and to 10× that; for each size and each rate (50, 100, 200,
 * 400 per second) autocannon at a fixed arrival rate on /healthz (the yardstick, before and after),
 * the read pages as their readers and the two writes through the real forms. Prints one JSON
 * object (size → rate → page) with the targets met or not, and a Markdown table on stderr.
 *
 * BENCH_SECONDS (5) per measurement, BENCH_RATES ("50,100,200,400"), BENCH_SIZES
 * ("conference,10x"), BENCH_PORT (3420); BENCH_QUICK=1 or --quick: conference size, 200/s, 2 s.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../db/client";
import { startBuiltServer, type BuiltServer } from "../helpers/built-server";
import { fixedRate, settle } from "./http-load";
import { HEALTHZ, markdownTable, targets, type Measured, type Results } from "./http-report";
import { seedBenchDatabase, type BenchSize } from "./http-seed";
import {
  BROWSER_HEADERS,
  PAGES,
  checkPages,
  cookieFor,
  freeWriterPairs,
  signInCast,
  type Cast,
  type Page,
} from "./http-setup";
import { checkWrites, meetingRequestWrite, registrationWrite, type Write } from "./http-writes";

const QUICK = process.env.BENCH_QUICK === "1" || process.argv.includes("--quick");
const list = (value: string | undefined, fallback: string) => (value || fallback).split(",").map((s) => s.trim());
const SECONDS = Number(process.env.BENCH_SECONDS || (QUICK ? 2 : 5));
const RATES = list(process.env.BENCH_RATES, QUICK ? "200" : "50,100,200,400").map(Number);
const SIZES = list(process.env.BENCH_SIZES, QUICK ? "conference" : "conference,10x") as BenchSize[];
const PORT = Number(process.env.BENCH_PORT || 3420);

const busyLines = (text: string) => (text.match(/SQLITE_BUSY|database is locked/g) ?? []).length;
const log = (line: string) => process.stderr.write(`[bench:http] ${line}\n`);

function registrationOrganisations(path: string): number[] {
  const { sqlite } = openDatabase(path);
  const rows = sqlite
    .prepare("select id from organisations where kind in ('province', 'ministry', 'mission') order by id")
    .all() as { id: number }[];
  sqlite.close();
  return rows.map((r) => r.id);
}

async function warmUp(url: string, cast: Cast) {
  for (const page of PAGES) {
    const cookie = cookieFor(cast, page.as);
    for (let i = 0; i < 5; i++)
      await (
        await fetch(`${url}${page.path}`, { headers: { ...BROWSER_HEADERS, ...(cookie ? { cookie } : {}) } })
      ).text();
  }
}

async function measureRate(
  server: BuiltServer,
  path: string,
  cast: Cast,
  pages: Page[],
  rate: number,
  size: BenchSize,
) {
  const { url } = server;
  const runs: Record<string, Measured> = {};
  const baseline = async (name: string) => {
    await settle(url);
    runs[name] = { kind: "baseline", ...(await fixedRate({ url: `${url}${HEALTHZ}`, rate, seconds: SECONDS })) };
  };
  await baseline(HEALTHZ);
  for (const page of pages) {
    await settle(url);
    const cookie = cookieFor(cast, page.as);
    const headers = { ...BROWSER_HEADERS, ...(cookie ? { cookie } : {}) };
    runs[page.name] = {
      kind: "read",
      ...(await fixedRate({ url: `${url}${page.path}`, rate, seconds: SECONDS, headers })),
    };
    log(`${size} ${rate}/s ${page.name}: p99 ${runs[page.name].p99_ms} ms, ${runs[page.name].achieved_rps}/s`);
  }
  const writes: Write[] = [
    registrationWrite(path, registrationOrganisations(path), `${size}-${rate}-${Date.now()}`),
    meetingRequestWrite(path, cast, freeWriterPairs(path, cast)),
  ];
  for (const write of writes) {
    await settle(url);
    const before = busyLines(server.stderr());
    const figures = await fixedRate({
      url,
      rate,
      seconds: SECONDS,
      requests: write.requests,
      expected: write.expected,
    });
    await settle(url);
    runs[write.name] = {
      kind: "write",
      ...figures,
      rows_written: write.collect(),
      sqlite_busy: busyLines(server.stderr()) - before,
    };
    log(`${size} ${rate}/s ${write.name}: p99 ${figures.p99_ms} ms, ${runs[write.name].rows_written} rows`);
  }
  await baseline(`${HEALTHZ} (after)`);
  return runs;
}

async function benchSize(size: BenchSize) {
  const dir = mkdtempSync(join(tmpdir(), "ngoaivu-bench-http-"));
  const path = join(dir, "bench.sqlite");
  try {
    const data = await seedBenchDatabase(path, size);
    log(`${size}: ${JSON.stringify(data)}`);
    const server = await startBuiltServer({
      port: PORT,
      databasePath: path,
      // The writes come from one address: the per-address registration limit is lifted for the bench.
      env: { DEMO_SIZE: "conference", REGISTRATION_LIMIT_PER_ADDRESS: "1000000" },
      timeoutMs: 600_000,
    });
    try {
      const cast = await signInCast(server.url, path);
      log(`${size}: signed in the organiser and ${cast.writers.size} delegates`);
      const pageProblems = await checkPages(server.url, cast);
      for (const [page, problem] of Object.entries(pageProblems)) log(`${size}: ${page}: ${problem}`);
      const measured = PAGES.filter((p) => !pageProblems[p.name]?.startsWith("not the page"));
      await checkWrites(server.url, [
        registrationWrite(path, registrationOrganisations(path), `${size}-check`),
        meetingRequestWrite(path, cast, freeWriterPairs(path, cast)),
      ]);
      await warmUp(server.url, cast);
      log(`${size}: pages and writes checked, warmed up`);
      const rates: Record<string, Record<string, Measured>> = {};
      for (const rate of RATES) rates[String(rate)] = await measureRate(server, path, cast, measured, rate, size);
      return {
        data: { ...data, writers: cast.writers.size },
        page_problems: pageProblems,
        rates,
        server_stderr_busy: busyLines(server.stderr()),
      };
    } finally {
      await server.kill();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each page answered 200 with its own marker before the runs (a problem is measured anyway, or skipped if not 200). */
function pagesTarget(sizes: Record<string, { page_problems: Record<string, string> }>) {
  const misses = Object.entries(sizes).flatMap(([size, s]) =>
    Object.entries(s.page_problems).map(([page, problem]) => `${size}: ${page}: ${problem}`),
  );
  return { rule: "every page answers 200 with its own title as its reader", met: misses.length === 0, misses };
}

async function main() {
  const startedAt = new Date().toISOString();
  const loadBefore = loadavg();
  const sizes: Record<string, Awaited<ReturnType<typeof benchSize>>> = {};
  for (const size of SIZES) sizes[size] = await benchSize(size);
  const results: Results = Object.fromEntries(Object.entries(sizes).map(([s, r]) => [s, r.rates]));
  const report = {
    bench: "http",
    started_at: startedAt,
    quick: QUICK,
    seconds_per_run: SECONDS,
    rates: RATES,
    web_concurrency: process.env.WEB_CONCURRENCY ?? null,
    cores: cpus().length,
    load_average: {
      before: loadBefore.map((l) => Math.round(l * 100) / 100),
      after: loadavg().map((l) => Math.round(l * 100) / 100),
    },
    targets: { ...targets(results), pages_are_themselves: pagesTarget(sizes) },
    sizes,
  };
  console.log(JSON.stringify(report, null, 2));
  process.stderr.write(`${markdownTable(results)}\n`);
  for (const [name, t] of Object.entries(report.targets))
    process.stderr.write(`${name}: ${t.met === null ? "not measured" : t.met ? "met" : "NOT met"} — ${t.rule}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
