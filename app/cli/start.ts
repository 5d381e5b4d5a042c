/**
 * npm start: migrate, seed the demo when the database is empty, build when the
 * sources are newer than the build, then serve on PORT (default 3000) with one
 * worker per core (WEB_CONCURRENCY, app/cli/cluster.ts); the background work runs
 * in the primary only.
 */
import { spawnSync } from "node:child_process";
import cluster from "node:cluster";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseTrustProxy } from "../lib/security";
import { runPrimary, runWorker, startBackgroundWork, webConcurrency } from "./cluster";

process.env.NODE_ENV ??= "production";

const BUILD = "build/index.js";
const SOURCES = ["app", "db", "remix.config.js", "tailwind.config.ts", "package.json"];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function buildIfNeeded() {
  const built = existsSync(BUILD) ? statSync(BUILD).mtimeMs : 0;
  if (built && Math.max(...SOURCES.map(newestMtime)) <= built) return;
  console.log("building the app (remix build)…");
  const result = spawnSync(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "build"], {
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("remix build failed");
}

function refuseToServe(path: string, problems: string[]): never {
  console.error(`Refusing to serve ${path}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}

/** Listens on PORT with the built app (a cluster worker, or the one process when inline). */
async function serve(onListening: (port: number) => void) {
  const trustProxy = parseTrustProxy(process.env.TRUST_PROXY);
  const build = await import(pathToFileURL(join(process.cwd(), BUILD)).href);
  const { createHttpApp } = await import("./http.server");
  const port = Number(process.env.PORT || 3000);
  const app = createHttpApp(build, { publicUrl: process.env.PUBLIC_URL!, trustProxy });
  return app.listen(port, () => onListening(port));
}

async function main() {
  if (cluster.isWorker) {
    // The primary has checked, migrated and built; this process only serves (its own connection).
    runWorker(await serve(() => {}));
    return;
  }
  parseTrustProxy(process.env.TRUST_PROXY); // a bad value stops the start here, once
  const workers = webConcurrency();
  const { databasePath, openDatabase } = await import("../../db/client");
  const { migrateToLatest } = await import("../../db/migrate");
  const { seedIfEmpty } = await import("../../seeds/seed");
  const { schemaState, servingProblems } = await import("../../db/health");
  const path = databasePath();
  const { db, sqlite } = openDatabase(path);
  // A database from a newer version is never migrated "down" or served: say what to do instead.
  const newer = schemaState(sqlite).unknown;
  if (newer.length) refuseToServe(path, servingProblems(sqlite));
  await migrateToLatest(db);
  const problems = servingProblems(sqlite);
  if (problems.length) refuseToServe(path, problems);
  if (await seedIfEmpty(db)) console.log(`seeded the demo conference into ${path}`);
  // Jobs a previous process left queued or running will never finish: failed, so they can run again.
  const interrupted = await (await import("../platform/jobs/jobs.server")).recoverInterruptedJobs(db);
  if (interrupted > 0) console.log(`${interrupted} background job(s) interrupted by the restart marked failed`);
  // Mails a killed sending pass had claimed go back to the queue now, not after the claim's 10 minutes.
  const released = await (await import("../platform/mailer.server")).releaseOrphanedClaims(db);
  if (released > 0) console.log(`${released} e-mail(s) claimed by an interrupted sending pass back in the queue`);
  const pruned = await (await import("./job-retention")).pruneOldJobs(db);
  if (pruned > 0) console.log(`${pruned} old background job(s) and their files removed`);
  await db
    .deleteFrom("auth_sessions")
    .where("expires_at", "<=", (await import("../lib/clock")).nowIso())
    .execute();
  await db.destroy();

  buildIfNeeded();
  const port = Number(process.env.PORT || 3000);
  process.env.PUBLIC_URL ||= `http://localhost:${port}`; // before forking: the workers inherit it
  const describe = `Hội nghị Ngoại vụ: http://localhost:${port} (database ${path})`;
  if (workers > 0) return runPrimary(workers, describe);

  // WEB_CONCURRENCY=inline: one process serves and runs the background work.
  const server = await serve(() => console.log(`${describe} (one process)`));
  const stopBackground = await startBackgroundWork();
  const stop = () => {
    stopBackground();
    server.close(() => process.exit(0));
    server.closeIdleConnections();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
