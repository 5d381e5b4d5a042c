import { getHandle } from "~/platform/db.server";

/**
 * Counts the SQL statements the app runs while `work` runs. Kysely's SQLite driver prepares every
 * statement it executes (transactions' begin/commit included) through the process's one handle's
 * `statements` (db/client.ts: prepared statements are cached there, so better-sqlite3's own prepare
 * runs once per distinct SQL), so wrapping its `prepare` sees every query without a hook in the app. The
 * statements are kept too, so that a failing test can say which one ran once per row.
 */
export async function countQueries<T>(work: () => Promise<T>): Promise<{ count: number; sql: string[]; result: T }> {
  const statements = getHandle().statements;
  const original = statements.prepare;
  const sql: string[] = [];
  statements.prepare = function (this: typeof statements, source: string) {
    sql.push(source);
    return original.call(this, source);
  };
  try {
    const result = await work();
    return { count: sql.length, sql, result };
  } finally {
    statements.prepare = original;
  }
}

/** The statements of `after` that ran more often than in `before`, with how many more times: the per-row queries. */
export function grownStatements(before: string[], after: string[]): string[] {
  const tally = (list: string[]) => {
    const counts = new Map<string, number>();
    for (const s of list) counts.set(s, (counts.get(s) ?? 0) + 1);
    return counts;
  };
  const was = tally(before);
  return [...tally(after)]
    .filter(([s, n]) => n > (was.get(s) ?? 0))
    .map(([s, n]) => `+${n - (was.get(s) ?? 0)} × ${s.length > 160 ? `${s.slice(0, 160)}…` : s}`);
}
