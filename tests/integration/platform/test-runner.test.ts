import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { summarisePlaywright, summariseStep, summariseVitest, totalOf } from "../../helpers/run-summary.mjs";

/**
 * npm test's own honesty: real vitest and Playwright runs of small fixture files
 * (tests/fixtures/runner/), counted by the same functions tests/run-all.mjs uses.
 */
const FIXTURES = "tests/fixtures/runner";

function vitestOn(fixture: string) {
  const out = join(mkdtempSync(join(tmpdir(), "runner-")), "report.json");
  const result = spawnSync(
    process.execPath,
    [
      "node_modules/vitest/vitest.mjs",
      "run",
      "--config",
      `${FIXTURES}/vitest.fixture.config.ts`,
      "--reporter=json",
      `--outputFile.json=${out}`,
    ],
    { env: { ...process.env, FIXTURE: fixture, DATABASE_PATH: "" }, encoding: "utf8" },
  );
  const report = existsSync(out) ? JSON.parse(readFileSync(out, "utf8")) : null;
  return summariseVitest("vitest", report, result.status ?? 1);
}

describe("npm test counts what really happened", () => {
  it("counts a passing file as passed", () => {
    expect(vitestOn("passes.fixture.ts")).toMatchObject({ passed: 1, failed: 0, skipped: 0 });
  });

  it("fails a run whose afterAll throws, though its test passed", () => {
    const s = vitestOn("after-all-throws.fixture.ts");
    expect(s).toMatchObject({ passed: 1, failed: 1, skipped: 0 });
    expect(s.problems.join()).toContain("afterAll broke");
  });

  it("counts the tests a throwing beforeAll kept from running as failed, not skipped", () => {
    const s = vitestOn("before-all-throws.fixture.ts");
    expect(s).toMatchObject({ passed: 0, failed: 2, skipped: 0 });
    expect(s.problems.join()).toContain("beforeAll broke");
  });

  it("fails a run with an unhandled rejection", () => {
    const s = vitestOn("unhandled-rejection.fixture.ts");
    expect(s.failed).toBe(1);
    expect(s.problems.join()).toContain("exited with code 1");
  });

  it("refuses a stray test.only in the browser tests under CI", () => {
    const dir = mkdtempSync(join(tmpdir(), "runner-"));
    const out = join(dir, "e2e.json");
    const result = spawnSync(
      process.execPath,
      ["node_modules/@playwright/test/cli.js", "test", "--config", `${FIXTURES}/playwright.fixture.config.ts`],
      {
        env: { ...process.env, CI: "true", REPORT: out, OUTPUT_DIR: join(dir, "output") },
        encoding: "utf8",
      },
    );
    expect(result.status).not.toBe(0);
    const s = summarisePlaywright("e2e", JSON.parse(readFileSync(out, "utf8")), result.status ?? 1);
    expect(s.failed).toBeGreaterThanOrEqual(1);
    expect(s.passed).toBe(0);
    expect(s.problems.join()).toMatch(/test\.only|focused/i);
  });
});

describe("the summary", () => {
  it("fails a step that exits non-zero and adds the steps up", () => {
    const steps = [
      summariseStep("typecheck", 0),
      summariseStep("typecheck", 2),
      summariseVitest("vitest", null, 1),
      summarisePlaywright("e2e", { stats: { expected: 3, flaky: 1, unexpected: 1, skipped: 2 }, errors: [] }, 1),
      summarisePlaywright("e2e", { stats: { expected: 3 }, errors: [] }, 1),
      summarisePlaywright(
        "e2e",
        { stats: { expected: 0 }, errors: [{ message: "Error: global setup failed\n  at x" }] },
        1,
      ),
    ];
    expect(steps.map((s) => [s.passed, s.failed, s.skipped])).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 1, 0],
      [4, 1, 2],
      [3, 1, 0],
      [0, 1, 0],
    ]);
    expect(steps[5].problems).toEqual(["Error: global setup failed"]);
    expect(totalOf(steps)).toEqual({ passed: 8, failed: 5, skipped: 2 });
  });
});
