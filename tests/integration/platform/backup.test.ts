// npm run db:backup / db:restore and the start-up check: a consistent copy taken while a writer
// keeps writing, a restore that refuses damaged or newer files and brings an older one up to date.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { Migrator } from "kysely";
import { describe, expect, it } from "vitest";
import { backupDatabase, restoreDatabase, RestoreRefused } from "../../../db/backup";
import { openDatabase } from "../../../db/client";
import { schemaState, servingProblems } from "../../../db/health";
import { migrations } from "../../../db/migrations/index";

const root = resolve(__dirname, "../../..");
const dir = mkdtempSync(join(tmpdir(), "backup-"));
const LATEST = Object.keys(migrations).sort().at(-1)!;

/** A copy of the tests' migrated and seeded template. */
function liveCopy(name: string): string {
  const path = join(dir, `${name}.sqlite`);
  copyFileSync(process.env.TEST_TEMPLATE_DATABASE!, path);
  return path;
}

const count = (path: string, table: string) => {
  const db = new SQLite(path, { readonly: true });
  try {
    return (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

function cli(args: string[], env: Record<string, string>) {
  const child = spawnSync(process.execPath, [join(root, "node_modules/tsx/dist/cli.mjs"), ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, ...env },
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe("npm run db:backup", () => {
  it("copies the live database consistently while another connection keeps writing", async () => {
    const live = liveCopy("busy");
    const { sqlite } = openDatabase(live);
    const insert = sqlite.prepare("insert into throttle_events (key, at) values (?, ?)");
    let written = 0;
    const writer = setInterval(() => {
      sqlite.transaction(() => {
        for (let i = 0; i < 50; i++) insert.run(`backup-test-${written}`, new Date().toISOString());
      })();
      written += 1;
    }, 1);
    const target = join(dir, "busy-copy.sqlite");
    const result = await backupDatabase(live, target);
    clearInterval(writer);
    expect(written).toBeGreaterThan(0);
    expect(result).toMatchObject({ file: target, pages: expect.any(Number) });
    expect(result.bytes).toBeGreaterThan(0);

    const copy = new SQLite(target, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    // Whole transactions only: a multiple of 50 rows, never half of one.
    const rows = (
      copy.prepare("select count(*) as n from throttle_events where key like 'backup-test-%'").get() as {
        n: number;
      }
    ).n;
    expect(rows % 50).toBe(0);
    expect(schemaState(copy)).toMatchObject({ pending: [], unknown: [] });
    copy.close();
    sqlite.close();
  });

  it("from the command line: one JSON line; without a file, the usage and exit code 2", () => {
    const live = liveCopy("cli");
    const target = join(dir, "cli-copy.sqlite");
    const ok = cli(["app/cli/db.ts", "backup", target], { DATABASE_PATH: live });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout.trim())).toMatchObject({ file: target });
    expect(count(target, "organisations")).toBe(count(live, "organisations"));
    const bad = cli(["app/cli/db.ts", "backup"], { DATABASE_PATH: live });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/usage/);
  });
});

describe("npm run db:restore", () => {
  it("restores a backup over the live database, keeping the one it replaces", async () => {
    const live = liveCopy("restore-live");
    const backup = join(dir, "restore-backup.sqlite");
    await backupDatabase(live, backup);
    const before = count(live, "organisations");
    const { sqlite } = openDatabase(live);
    sqlite.prepare("delete from throttle_events").run();
    sqlite.prepare("insert into throttle_events (key, at) values ('after-backup', '2026-01-01')").run();
    sqlite.close();

    const result = await restoreDatabase(backup, live, "stamp");
    expect(result).toEqual({ restored: live, kept: `${live}.before-restore-stamp`, migrated: [] });
    expect(count(live, "organisations")).toBe(before);
    const restored = new SQLite(live, { readonly: true });
    expect(restored.prepare("select count(*) as n from throttle_events where key = 'after-backup'").get()).toEqual({
      n: 0,
    });
    restored.close();
    expect(count(result.kept!, "throttle_events")).toBe(1);
  });

  it("brings a backup from an older version up to date", async () => {
    const old = join(dir, "old.sqlite");
    const { db } = openDatabase(old);
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const names = Object.keys(migrations).sort();
    await migrator.migrateTo(names[names.length - 2]);
    await db.destroy();
    const live = join(dir, "fresh-machine.sqlite");
    const result = await restoreDatabase(old, live, "x");
    expect(result).toEqual({ restored: live, kept: null, migrated: [LATEST] });
    const restored = new SQLite(live, { readonly: true });
    expect(schemaState(restored).pending).toEqual([]);
    restored.close();
  });

  it("refuses a file from a newer version, a damaged file and a file that is not a database, leaving the live one alone", async () => {
    const live = liveCopy("refusals");
    const organisations = count(live, "organisations");

    const newer = liveCopy("newer");
    const n = new SQLite(newer);
    n.prepare("insert into kysely_migration (name, timestamp) values ('2099-01-01-999-future', '2099-01-01')").run();
    n.close();
    await expect(restoreDatabase(newer, live, "x")).rejects.toThrow(/newer version.*2099-01-01-999-future/);

    const garbage = join(dir, "garbage.sqlite");
    writeFileSync(garbage, "SQLite format 3\0 but not really ".repeat(200));
    await expect(restoreDatabase(garbage, live, "x")).rejects.toBeInstanceOf(RestoreRefused);

    const text = join(dir, "notes.txt");
    writeFileSync(text, "not a database");
    await expect(restoreDatabase(text, live, "x")).rejects.toBeInstanceOf(RestoreRefused);
    await expect(restoreDatabase(join(dir, "missing.sqlite"), live, "x")).rejects.toThrow(/no file/);

    expect(count(live, "organisations")).toBe(organisations);
    expect(existsSync(`${live}.before-restore-x`)).toBe(false);

    const refused = cli(["app/cli/db.ts", "restore", newer], { DATABASE_PATH: live });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/restore refused: .*newer version/);
  });
});

describe("start-up", () => {
  it("says what is wrong with a database it must not serve", () => {
    const newer = liveCopy("serve-newer");
    const n = new SQLite(newer);
    n.prepare("insert into kysely_migration (name, timestamp) values ('2099-01-01-999-future', '2099-01-01')").run();
    expect(servingProblems(n).join("\n")).toMatch(/newer version of the app \(2099-01-01-999-future\)/);
    n.prepare("delete from kysely_migration where name = ?").run(LATEST);
    expect(servingProblems(n).join("\n")).toMatch(
      new RegExp(`lacks 1 migration\\(s\\) \\(${LATEST}\\): run npm run db:migrate`),
    );
    n.pragma("foreign_keys = OFF");
    expect(servingProblems(n).join("\n")).toMatch(/foreign_keys is off/);
    n.close();
    const { sqlite } = openDatabase(liveCopy("serve-ok"));
    expect(servingProblems(sqlite)).toEqual([]);
    sqlite.close();
  });

  it("npm start refuses a database from a newer version, with the message, before serving", () => {
    const newer = liveCopy("start-newer");
    const n = new SQLite(newer);
    n.prepare("insert into kysely_migration (name, timestamp) values ('2099-01-01-999-future', '2099-01-01')").run();
    n.close();
    const started = cli(["app/cli/start.ts"], { DATABASE_PATH: newer, PORT: "0", SMTP_URL: "", SMTP_HOST: "" });
    expect(started.status).toBe(1);
    expect(started.stderr).toMatch(/Refusing to serve .*start-newer\.sqlite/);
    expect(started.stderr).toMatch(/restore a backup made by this one with npm run db:restore -- FILE/);
    expect(count(newer, "kysely_migration")).toBe(Object.keys(migrations).length + 1);
  });
});
