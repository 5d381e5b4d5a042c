/**
 * npm run bench:pages — what each page costs the server, one request at a time (no queueing), on
 * the built server with the conference-size demo: for every read page of every role, the median
 * and p90 of the answer's time after warm-up, the bytes sent (gzip) and the target (home
 * and programme under 4 ms, every other page under 8 ms). BENCH_PROFILE=DIR writes a CPU profile
 * of the server into DIR (tests/bench/server.ts; open it in Chrome's DevTools); BENCH_ONLY=PATH,PATH measures
 * only those pages. Prints JSON.
 */
import { gzipSync } from "node:zlib";
import { openDatabase } from "../../db/client";
import { signIn, startServer } from "./server";

const PORT = Number(process.env.BENCH_PORT || 3402);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 150);
const WARMUP = 25;

type Who = "visitor" | "delegate" | "ambassador" | "organiser" | "exhibitor";
interface Page {
  who: Who;
  path: string;
  /** Home and programme: 4 ms; everything else 8 ms. */
  target: number;
}

async function ids(path: string) {
  const { db } = openDatabase(path);
  const session = await db.selectFrom("sessions").select("id").orderBy("id").executeTakeFirstOrThrow();
  const registration = await db
    .selectFrom("registrations")
    .select("id")
    .where("email", "=", "dai-bieu.bacgiang@ngoaivu.test")
    .executeTakeFirstOrThrow();
  await db.destroy();
  return { session: session.id, registration: registration.id };
}

function pages(id: { session: number; registration: number }): Page[] {
  const fast = (who: Who, path: string): Page => ({ who, path, target: 4 });
  const page = (who: Who, path: string): Page => ({ who, path, target: 8 });
  return [
    fast("visitor", "/"),
    fast("visitor", "/programme"),
    fast("delegate", "/"),
    fast("delegate", "/programme"),
    page("visitor", `/programme/sessions/${id.session}`),
    page("visitor", "/register"),
    page("visitor", "/login"),
    page("delegate", "/exhibition"),
    page("delegate", "/my-registration"),
    page("delegate", "/my-agenda"),
    page("delegate", "/meetings"),
    page("delegate", "/account"),
    page("delegate", "/agreements"),
    page("ambassador", "/meetings"),
    page("exhibitor", "/exhibition/apply"),
    page("organiser", "/admin/dashboard"),
    page("organiser", "/admin/delegates"),
    page("organiser", `/admin/delegates/${id.registration}`),
    page("organiser", "/admin/checkin"),
    page("organiser", "/admin/quotas"),
    page("organiser", "/admin/agenda"),
    page("organiser", `/admin/agenda/${id.session}`),
    page("organiser", "/admin/rooms"),
    page("organiser", "/admin/conference"),
    page("organiser", "/admin/people"),
    page("organiser", "/organisations"),
    page("organiser", "/admin/audit"),
    page("organiser", "/admin/outbox"),
    page("organiser", "/admin/meetings"),
    page("organiser", "/admin/meetings/settings"),
    page("organiser", "/admin/exhibition"),
    page("organiser", "/admin/exhibition/applications"),
    page("organiser", "/admin/exhibition/plan"),
    page("organiser", "/admin/documents"),
    page("organiser", "/admin/prints"),
    page("organiser", "/admin/proceedings"),
    page("organiser", "/admin/badges/batch"),
    page("organiser", "/agreements"),
  ];
}

const ACCOUNTS: Record<Exclude<Who, "visitor">, [string, string]> = {
  delegate: ["dai-bieu.bacgiang@ngoaivu.test", "DaiBieu#2021"],
  ambassador: ["dai-su.nhatban@ngoaivu.test", "DaiSu#2021"],
  organiser: ["to-chuc@ngoaivu.test", "ToChuc#2021"],
  exhibitor: ["trung-bay@ngoaivu.test", "TrungBay#2021"],
};

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const round2 = (ms: number) => Math.round(ms * 100) / 100;

async function timeOnce(
  url: string,
  cookie: string | undefined,
): Promise<{ ms: number; status: number; body: Buffer }> {
  const started = performance.now();
  const res = await fetch(url, {
    headers: { ...(cookie ? { cookie } : {}), "accept-encoding": "gzip" },
    redirect: "manual",
  });
  const body = Buffer.from(await res.arrayBuffer());
  return { ms: performance.now() - started, status: res.status, body };
}

async function main() {
  process.env.DEMO_SIZE ||= "conference";
  process.env.WEB_CONCURRENCY ||= "1";
  const server = await startServer(PORT);
  const results: Array<Record<string, unknown>> = [];
  try {
    const { url } = server;
    const cookies: Partial<Record<Who, string>> = {};
    for (const [who, [email, password]] of Object.entries(ACCOUNTS))
      cookies[who as Who] = await signIn(url, email, password);
    const baseline: number[] = [];
    for (let i = 0; i < WARMUP + ROUNDS; i++) {
      const { ms } = await timeOnce(`${url}/healthz`, undefined);
      if (i >= WARMUP) baseline.push(ms);
    }
    baseline.sort((a, b) => a - b);
    const healthz = quantile(baseline, 0.5);
    // BENCH_ONLY=/programme,/meetings measures only the pages whose path is listed.
    const only = process.env.BENCH_ONLY?.split(",");
    for (const page of pages(await ids(server.databasePath)).filter((p) => !only || only.includes(p.path))) {
      const samples: number[] = [];
      let first: { status: number; body: Buffer } | null = null;
      for (let i = 0; i < WARMUP + ROUNDS; i++) {
        const answer = await timeOnce(`${url}${page.path}`, cookies[page.who]);
        first ??= answer;
        if (answer.status !== 200) throw new Error(`${page.who} ${page.path} answered ${answer.status}`);
        if (i >= WARMUP) samples.push(answer.ms);
      }
      samples.sort((a, b) => a - b);
      const p50 = quantile(samples, 0.5);
      results.push({
        who: page.who,
        path: page.path,
        p50_ms: round2(p50),
        p90_ms: round2(quantile(samples, 0.9)),
        // What the page itself costs: its time less that of /healthz (the HTTP round trip).
        page_ms: round2(p50 - healthz),
        target_ms: page.target,
        met: p50 - healthz < page.target,
        html_kb: round2((first?.body.byteLength ?? 0) / 1024),
        gzip_kb: round2(gzipSync(first?.body ?? Buffer.alloc(0)).byteLength / 1024),
      });
    }
    console.log(
      JSON.stringify(
        {
          machine: { cores: (await import("node:os")).cpus().length, node: process.version },
          demo: process.env.DEMO_SIZE,
          rounds: ROUNDS,
          healthz_p50_ms: round2(healthz),
          pages: results,
          met: results.filter((r) => r.met).length,
          missed: results.filter((r) => !r.met).map((r) => `${r.who} ${r.path}`),
        },
        null,
        2,
      ),
    );
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
