import { openDatabase, type DatabaseHandle } from "../../db/client";

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

/** Closes the process's handle (tests, shutdown). */
export async function closeDb(): Promise<void> {
  const handle = g.__conferenceDb;
  g.__conferenceDb = undefined;
  if (handle) await handle.db.destroy();
}

export { nowIso } from "~/lib/clock";
