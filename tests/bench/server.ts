import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";

/**
 * Starts the built app (npm start's path) on a fresh database in a temporary folder. BENCH_PROFILE=DIR
 * writes a CPU profile of each server process into DIR when it stops (node --cpu-prof).
 */
export async function startServer(
  port: number,
): Promise<{ url: string; databasePath: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "ngoaivu-bench-"));
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child: ChildProcess = spawn(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", ...profile, "app/cli/start.ts"],
    {
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_PATH: join(dir, "bench.sqlite"),
        PUBLIC_URL: `http://localhost:${port}`,
        NODE_ENV: "production",
        // The benchmarks grow the minimal demo to the sizes they measure (the README's figures).
        DEMO_SIZE: process.env.DEMO_SIZE || "minimal",
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error("the server did not start");
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    databasePath: join(dir, "bench.sqlite"),
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the real form and returns the session cookie. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password }),
    redirect: "manual",
  });
  const cookie = res.headers.get("set-cookie");
  if (res.status !== 302 || !cookie) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  return cookie.split(";")[0];
}

export interface Figures {
  requests: number;
  rps: number;
  p50_ms: number;
  p99_ms: number;
  non2xx: number;
  errors: number;
  statuses: Record<string, number>;
}

export async function measure(options: autocannon.Options): Promise<Figures> {
  const result = await autocannon({ connections: 50, ...options });
  return {
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statuses: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, (s as { count: number }).count]),
    ),
  };
}

/** Sequential /healthz timings (shared by the job benchmarks: badge batch, proceedings). */
export async function healthzOnce(url: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${url}/healthz`);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`/healthz answered ${res.status}`);
  return performance.now() - started;
}

const round2 = (ms: number) => Math.round(ms * 100) / 100;

/** n, p50, p99 and max of latency samples in milliseconds. */
export function latencySummary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { n: sorted.length, p50_ms: round2(q(0.5)), p99_ms: round2(q(0.99)), max_ms: round2(sorted.at(-1) ?? 0) };
}
