import { copyFileSync, rmSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { afterAll, afterEach, beforeEach, expect, vi } from "vitest";

/**
 * Each integration test file gets its own copy of the migrated, seeded template,
 * so files run in parallel without sharing rows. A console.error fails the test.
 */
const path = resolve(`test-results/db/${randomUUID()}.sqlite`);
copyFileSync(process.env.TEST_TEMPLATE_DATABASE!, path);
process.env.DATABASE_PATH = path;
process.env.PUBLIC_URL = "http://localhost:3000";

let errorSpy: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  errorSpy = vi.spyOn(console, "error");
});
afterEach(() => {
  expect(errorSpy, "console.error was called").not.toHaveBeenCalled();
  errorSpy.mockRestore();
});

afterAll(async () => {
  const { closeDb } = await import("~/platform/db.server");
  await closeDb();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
});
