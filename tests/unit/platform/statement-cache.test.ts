import SQLite from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { withStatementCache } from "../../../db/client";

let sqlite: SQLite.Database;
afterEach(() => sqlite?.close());

function counting() {
  sqlite = new SQLite(":memory:");
  sqlite.exec("create table t (n integer)");
  const prepared: string[] = [];
  const original = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    prepared.push(source);
    return original(source);
  }) as typeof sqlite.prepare;
  return prepared;
}

describe("the connection's prepared statements", () => {
  it("prepares a query once and runs it again with fresh results", () => {
    const prepared = counting();
    const statements = withStatementCache(sqlite);
    const insert = "insert into t (n) values (?)";
    const count = "select count(*) as c from t";
    for (let i = 0; i < 5; i++) statements.prepare(insert).run([i]);
    expect(statements.prepare(count).all([])).toEqual([{ c: 5 }]);
    statements.prepare(insert).run([9]);
    expect(statements.prepare(count).all([])).toEqual([{ c: 6 }]);
    expect(prepared).toEqual([insert, count]);
  });

  it("prepares afresh while the kept statement is still iterating", () => {
    const prepared = counting();
    const statements = withStatementCache(sqlite);
    for (let i = 0; i < 3; i++) statements.prepare("insert into t (n) values (?)").run([i]);
    const query = "select n from t order by n";
    const outer = statements.prepare(query).iterate([]) as IterableIterator<{ n: number }>;
    expect(outer.next().value).toEqual({ n: 0 });
    // The same SQL inside the iteration: a second statement, not the busy one.
    expect(statements.prepare(query).all([])).toHaveLength(3);
    expect([...outer].map((r) => r.n)).toEqual([1, 2]);
    expect(prepared.filter((s) => s === query)).toHaveLength(2);
  });

  it("keeps at most its size, dropping the oldest", () => {
    const prepared = counting();
    const statements = withStatementCache(sqlite, 2);
    const q = (n: number) => `select ${n} as v`;
    statements.prepare(q(1));
    statements.prepare(q(2));
    statements.prepare(q(3)); // drops 1
    statements.prepare(q(2));
    statements.prepare(q(1));
    expect(prepared).toEqual([q(1), q(2), q(3), q(1)]);
  });
});
