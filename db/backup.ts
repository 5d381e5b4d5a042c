import { existsSync, renameSync, rmSync, statSync } from "node:fs";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { integrityProblems, schemaState } from "./health";
import { migrateToLatest } from "./migrate";

/**
 * A consistent copy of the live database while the server runs (SQLite's online backup API copies
 * page by page and starts over when a writer changes a page it copied), and the way back: a
 * restore that checks the file first, brings an older schema up to date and keeps what it replaces.
 */

export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
  seconds: number;
}

export class RestoreRefused extends Error {}

const sidecars = (path: string) => [`${path}-wal`, `${path}-shm`];

export async function backupDatabase(source: string, target: string): Promise<BackupResult> {
  const started = performance.now();
  if (!existsSync(source)) throw new RestoreRefused(`there is no database at ${source}`);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const live = new SQLite(source, { fileMustExist: true });
  try {
    live.pragma("busy_timeout = 5000");
    const { totalPages } = await live.backup(partial);
    const copy = new SQLite(partial, { readonly: true });
    try {
      const problems = integrityProblems(copy);
      if (problems.length) throw new Error(`the copy failed its integrity check: ${problems.join("; ")}`);
    } finally {
      copy.close();
    }
    renameSync(partial, target);
    return {
      file: target,
      bytes: statSync(target).size,
      pages: totalPages,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    live.close();
    rmSync(partial, { force: true });
  }
}

export interface RestoreResult {
  restored: string;
  /** Where the database that was there went (null: there was none). */
  kept: string | null;
  /** Migrations applied to bring the backup up to this version. */
  migrated: string[];
}

/**
 * Restores `backup` as the database at `livePath`. Refuses a damaged file or one from a newer
 * version; the server must be stopped (a running one would keep writing to the replaced file).
 */
export async function restoreDatabase(backup: string, livePath: string, stamp: string): Promise<RestoreResult> {
  if (!existsSync(backup)) throw new RestoreRefused(`there is no file at ${backup}`);
  let source: SQLite.Database;
  try {
    source = new SQLite(backup, { readonly: true, fileMustExist: true });
    source.pragma("schema_version");
  } catch (error) {
    throw new RestoreRefused(`${backup} is not an SQLite database (${(error as Error).message})`);
  }
  const restoring = `${livePath}.restoring`;
  try {
    let problems: string[];
    try {
      problems = integrityProblems(source);
    } catch (error) {
      problems = [(error as Error).message];
    }
    if (problems.length) throw new RestoreRefused(`${backup} failed its integrity check: ${problems.join("; ")}`);
    const state = schemaState(source);
    if (state.applied.length === 0) throw new RestoreRefused(`${backup} is not a database of this app (no migrations)`);
    if (state.unknown.length)
      throw new RestoreRefused(
        `${backup} comes from a newer version of the app (${state.unknown.join(", ")}): restore it with that version`,
      );
    for (const path of [restoring, ...sidecars(restoring)]) rmSync(path, { force: true });
    await source.backup(restoring);
  } finally {
    source.close();
  }

  // An older backup is brought up to this version before it replaces anything.
  const copy = new SQLite(restoring);
  copy.pragma("foreign_keys = ON");
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: copy }) });
  let migrated: string[];
  try {
    migrated = await migrateToLatest(db);
  } finally {
    await db.destroy();
  }

  let kept: string | null = null;
  if (existsSync(livePath)) {
    // Fold the live WAL into its file first: a WAL left beside the restored file would be replayed into it.
    const live = new SQLite(livePath);
    live.pragma("wal_checkpoint(TRUNCATE)");
    live.close();
    kept = `${livePath}.before-restore-${stamp}`;
    renameSync(livePath, kept);
  }
  for (const path of sidecars(livePath)) rmSync(path, { force: true });
  renameSync(restoring, livePath);
  for (const path of sidecars(restoring)) rmSync(path, { force: true });
  return { restored: livePath, kept, migrated };
}
