import { openDatabase, type DatabaseHandle } from "../../db/client";
import type { Db, Refused, Trx } from "./types";

/**
 * One database handle per process (indie-stack's singleton): kept on globalThis
 * so that rebuilds in development do not open a second connection.
 */
const g = globalThis as typeof globalThis & { __conferenceDb?: DatabaseHandle };

export function getHandle(): DatabaseHandle {
  if (!g.__conferenceDb) g.__conferenceDb = openDatabase();
  return g.__conferenceDb;
}

export function getDb() {
  return getHandle().db;
}

/**
 * Makes `handle` the process's (thread's) one handle: the job worker's read-only connection, so
 * that models a job calls through getDb() read with it, and any write they attempt fails.
 */
export function adoptHandle(handle: DatabaseHandle): void {
  g.__conferenceDb = handle;
}

/** Closes the process's handle (tests, shutdown). */
export async function closeDb(): Promise<void> {
  const handle = g.__conferenceDb;
  g.__conferenceDb = undefined;
  if (handle) await handle.db.destroy();
}

/** Carries a refusal out of a transaction that it rolls back. */
class RolledBack extends Error {
  constructor(readonly refused: Refused) {
    super("refused");
  }
}

const isRefused = (value: unknown): value is Refused =>
  typeof value === "object" && value !== null && (value as { ok?: unknown }).ok === false && "refusal" in value;

/**
 * Runs `work` in the caller's transaction when `db` is one, else in a transaction of its own, so
 * that a function taking `db` first writes all or nothing either way. In a transaction of its own,
 * a refusal (`{ ok: false, refusal }`) rolls back what `work` wrote before refusing; in the
 * caller's, the caller decides (it throws to roll back, as the CSV import does).
 */
export async function inTransaction<T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Trx);
  try {
    return await db.transaction().execute(async (trx) => {
      const result = await work(trx);
      if (isRefused(result)) throw new RolledBack(result);
      return result;
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.refused as T;
    throw error;
  }
}

export { nowIso } from "~/lib/clock";
