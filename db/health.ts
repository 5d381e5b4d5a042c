import type SQLite from "better-sqlite3";
import { migrations } from "./migrations/index";

/**
 * What a database file is, before anyone serves it or restores it: its integrity, its pragmas and
 * where its schema stands against this version's migrations (the kysely_migration table).
 */
export interface SchemaState {
  applied: string[];
  /** This version's migrations the file has not had. */
  pending: string[];
  /** Migrations the file has had that this version does not know: it comes from a newer version. */
  unknown: string[];
}

export function schemaState(sqlite: SQLite.Database): SchemaState {
  const known = Object.keys(migrations).sort();
  const hasTable = sqlite
    .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
    .get();
  const applied = hasTable
    ? (sqlite.prepare("select name from kysely_migration order by name").all() as { name: string }[]).map((r) => r.name)
    : [];
  const done = new Set(applied);
  const ours = new Set(known);
  return {
    applied,
    pending: known.filter((name) => !done.has(name)),
    unknown: applied.filter((name) => !ours.has(name)),
  };
}

/** SQLite's own check of every page and index: "ok", or what is wrong (the first ten findings). */
export function integrityProblems(sqlite: SQLite.Database): string[] {
  const rows = sqlite.pragma("integrity_check(10)") as { integrity_check: string }[];
  const problems = rows.map((r) => r.integrity_check).filter((r) => r !== "ok");
  const orphans = sqlite.pragma("foreign_key_check") as { table: string; rowid: number; parent: string }[];
  for (const o of orphans.slice(0, 10)) problems.push(`${o.table} row ${o.rowid} points to a missing ${o.parent} row`);
  return problems;
}

/** Pragmas every serving connection needs (db/client.ts sets them): what is not as it should be. */
export function pragmaProblems(sqlite: SQLite.Database): string[] {
  const problems: string[] = [];
  const one = (name: string) => sqlite.pragma(name, { simple: true }) as unknown;
  if (one("foreign_keys") !== 1) problems.push("foreign_keys is off (referential integrity would not be enforced)");
  if (String(one("journal_mode")).toLowerCase() !== "wal")
    problems.push(`journal_mode is ${String(one("journal_mode"))}, not wal (readers would block the writer)`);
  if (Number(one("busy_timeout")) < 1000) problems.push("busy_timeout is under a second (writers would fail at once)");
  return problems;
}

/**
 * Why this database may not be served by this version, in words that say what to run; empty: it may.
 * Checked after start-up has migrated, so a pending migration here means migrating failed or was skipped.
 */
export function servingProblems(sqlite: SQLite.Database): string[] {
  const state = schemaState(sqlite);
  const problems = pragmaProblems(sqlite);
  if (state.unknown.length)
    problems.push(
      `the database was migrated by a newer version of the app (${state.unknown.join(", ")}): run that version, or restore a backup made by this one with npm run db:restore -- FILE`,
    );
  if (state.pending.length)
    problems.push(
      `the database lacks ${state.pending.length} migration(s) (${state.pending.join(", ")}): run npm run db:migrate`,
    );
  return problems;
}
