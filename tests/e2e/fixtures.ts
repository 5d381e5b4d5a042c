import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { test as base, expect, type Page } from "@playwright/test";
import SQLite from "better-sqlite3";
import type { Kysely } from "kysely";
import { openDatabase } from "../../db/client";
import type { Database } from "../../db/schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORDS } from "../../seeds/seed";
import { OWN_DATABASES, PORT, ROOT, SHARED_DATABASE, TEMPLATE_DATABASE } from "./support/paths";

export { expect };

export type DemoKey = (typeof DEMO_ACCOUNTS)[number]["key"];

export function demo(key: DemoKey) {
  const a = DEMO_ACCOUNTS.find((x) => x.key === key)!;
  return { ...a, password: DEMO_PASSWORDS[key] };
}

/** Signs in through the real form, as a person would. */
export async function signIn(page: Page, key: DemoKey, redirectTo?: string) {
  const account = demo(key);
  await page.goto(redirectTo ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : "/login");
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Mật khẩu").fill(account.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(account.fullName);
}

export async function navLabels(page: Page): Promise<string[]> {
  return (await page.getByTestId("main-nav").getByRole("link").allTextContents()).map((s) => s.trim());
}

/** The server a test talks to (its baseURL), and the database behind it. */
export interface App {
  url: string;
  databasePath: string;
  /** True for a database of the test's own; false for the shared demo, which no test may change. */
  own: boolean;
  /** Runs `fn` on a connection of the test's own database (refused on the shared one). */
  withDb<T>(fn: (db: Kysely<Database>) => Promise<T>): Promise<T>;
}

/** The messages the app queued (its outbox), read as the recipient would find them. */
export interface Mailbox {
  /** The path of the one-time link ("/invite/…") in the newest message of `kind` to `email`. */
  linkTo(email: string, kind: string): Promise<string>;
}

/**
 * Two kinds of tests share a run (see tests/playwright.config.ts):
 *  - Tests that only read use the shared server and its demo database, seeded once per run.
 *    They may assert the demo seed's exact figures, because nothing writes there (signing in
 *    and the audit log aside).
 *  - Tests that write declare `test.use({ ownDatabase: true })`: each test then gets a server
 *    of the same build on a fresh copy of the seeded demo (removed afterwards), so it is the
 *    only writer its figures see, whatever runs before it or beside it.
 */
export const test = base.extend<{ ownDatabase: boolean; app: App; mailbox: Mailbox }>({
  ownDatabase: [false, { option: true }],

  app: async ({ ownDatabase }, use, testInfo) => {
    if (!ownDatabase) {
      await use({
        url: `http://localhost:${PORT}`,
        databasePath: SHARED_DATABASE,
        own: false,
        withDb: () =>
          Promise.reject(
            new Error("the shared demo database is read-only for tests: use test.use({ ownDatabase: true })"),
          ),
      });
      return;
    }
    mkdirSync(OWN_DATABASES, { recursive: true });
    const path = join(OWN_DATABASES, `${testInfo.testId}-${testInfo.repeatEachIndex}-${testInfo.retry}.sqlite`);
    const remove = () => {
      for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
    };
    remove();
    copyFileSync(TEMPLATE_DATABASE, path);
    const child = spawn(
      process.execPath,
      [resolve(ROOT, "node_modules/tsx/dist/cli.mjs"), resolve(ROOT, "tests/e2e/support/own-server.ts")],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_PATH: path },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stderr = "";
    child.stderr!.on("data", (chunk) => (stderr += chunk));
    const exited = new Promise<void>((done) => child.once("exit", () => done()));
    try {
      const port = await new Promise<number>((done, fail) => {
        let stdout = "";
        const timer = setTimeout(() => fail(new Error(`the own server did not start in 30 s:\n${stderr}`)), 30_000);
        child.stdout!.on("data", (chunk) => {
          stdout += chunk;
          const m = /listening (\d+)/.exec(stdout);
          if (m) {
            clearTimeout(timer);
            done(Number(m[1]));
          }
        });
        child.once("exit", (code) => fail(new Error(`the own server exited (${code}):\n${stderr}`)));
      });
      await use({
        url: `http://localhost:${port}`,
        databasePath: path,
        own: true,
        withDb: async (fn) => {
          const { db } = openDatabase(path);
          try {
            return await fn(db);
          } finally {
            await db.destroy();
          }
        },
      });
    } finally {
      child.kill("SIGTERM");
      await exited;
      if (stderr.trim()) await testInfo.attach("own-server-stderr", { body: stderr, contentType: "text/plain" });
      remove();
    }
  },

  baseURL: async ({ app }, use) => {
    await use(app.url);
  },

  mailbox: async ({ app }, use) => {
    await use({
      linkTo: async (email, kind) => {
        let link: string | null = null;
        await expect
          .poll(
            () => {
              const sqlite = new SQLite(app.databasePath, { readonly: true, fileMustExist: true });
              try {
                const row = sqlite
                  .prepare("SELECT body_text FROM outbox WHERE to_email = ? AND kind = ? ORDER BY id DESC LIMIT 1")
                  .get(email.toLowerCase(), kind) as { body_text: string } | undefined;
                link = row ? (/\/invite\/[A-Za-z0-9_-]{20,}/.exec(row.body_text)?.[0] ?? null) : null;
              } finally {
                sqlite.close();
              }
              return link;
            },
            { message: `a "${kind}" message with a one-time link to ${email}`, timeout: 5_000 },
          )
          .not.toBeNull();
        return link!;
      },
    });
  },
});
