import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import { databasePath } from "../../../db/client";
import { extensionOf } from "./protocol";

/**
 * Where result files live: JOBS_DIR, else `jobs/` beside the database (the data folder), never
 * under public/: a result is served only by /jobs/:id/result, which checks who asks.
 */
export function jobsDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.JOBS_DIR || join(dirname(databasePath(env)), "jobs"));
}

/** Writes a job's result as `<id>-<random>.<ext>` and returns the name stored on the row. */
export function writeResultFile(jobId: number, type: string, bytes: Uint8Array): string {
  const dir = jobsDir();
  mkdirSync(dir, { recursive: true });
  const name = `${jobId}-${randomBytes(8).toString("hex")}.${extensionOf(type)}`;
  writeFileSync(join(dir, name), bytes, { mode: 0o600 });
  return name;
}

/** The stored name's full path, refusing anything that would leave the jobs folder. */
function pathOf(stored: string): string | null {
  const dir = jobsDir();
  const full = resolve(dir, stored);
  return full.startsWith(dir + sep) ? full : null;
}

export function readResultFile(stored: string): Buffer | null {
  const full = pathOf(stored);
  if (!full) return null;
  try {
    return readFileSync(full);
  } catch {
    return null;
  }
}

export function removeResultFile(stored: string): void {
  const full = pathOf(stored);
  if (full) rmSync(full, { force: true });
}
