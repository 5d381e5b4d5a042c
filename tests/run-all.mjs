#!/usr/bin/env node
// npm test: type-check, lint (ESLint and Prettier's check), unit and integration tests (vitest),
// browser tests (Playwright driving Debian's Chromium). Ends with one line: "N passed, N failed, N skipped".
//
// The line tells the truth: a step that exits non-zero fails the run even when its report
// counts no failed test (an afterAll that throws, an unhandled rejection, a forbidden
// test.only); a hook failure counts as a failure, and the tests it kept from running count
// as failed, not skipped. A skipped test fails the run too: nothing here is meant to be skipped.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { summariseVitest, summarisePlaywright, summariseStep, totalOf } from "./helpers/run-summary.mjs";

// First of all, so that no earlier run's report can be read as this run's.
rmSync("test-results", { recursive: true, force: true });
mkdirSync("test-results", { recursive: true });

const results = [];
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
const bin = (name) => `node_modules/.bin/${name}`;
const readJson = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null);

function finish() {
  const total = totalOf(results);
  writeFileSync("test-results/summary.json", JSON.stringify({ results, total }, null, 2));
  console.log(
    "\n" +
      results
        .map(
          (r) =>
            `  ${r.suite}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped${r.problems.length ? ` (${r.problems.join("; ")})` : ""}`,
        )
        .join("\n"),
  );
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  // A run where nothing ran is a failure, not a pass.
  process.exit(total.failed === 0 && total.passed > 0 && total.skipped === 0 ? 0 : 1);
}

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/etc/debian_version")) {
    console.log("Chromium is missing: installing Debian's chromium package with apt-get…");
    run("apt-get", ["update", "-qq"], { DEBIAN_FRONTEND: "noninteractive" });
    if (
      run("apt-get", ["install", "-y", "-qq", "chromium"], { DEBIAN_FRONTEND: "noninteractive" }) === 0 &&
      existsSync("/usr/bin/chromium")
    ) {
      return "/usr/bin/chromium";
    }
  }
  return null;
}

const chromium = findChromium();
if (!chromium) {
  console.error(
    "Browser tests need Chromium: install Debian's 'chromium' package (apt-get install chromium) or set CHROMIUM_PATH.",
  );
  results.push(summariseStep("chromium", 1, "Chromium not found"));
  finish();
}

// 1. Type-check: counted as one check.
console.log("\n▶ type-check (tsc --noEmit)");
results.push(summariseStep("typecheck", run(bin("tsc"), ["--noEmit"])));

// 1b. Lint: ESLint's rules and Prettier's layout, one check each; a finding fails the run.
console.log("\n▶ lint (eslint, prettier --check)");
results.push(summariseStep("eslint", run(bin("eslint"), [".", "--max-warnings=0"])));
results.push(summariseStep("prettier", run(bin("prettier"), ["--check", ".", "--log-level=warn"])));

// 2. Unit and integration tests.
console.log("\n▶ unit and integration tests (vitest)");
const vitestExit = run(bin("vitest"), [
  "run",
  "--config",
  "tests/vitest.config.ts",
  "--project=unit",
  "--project=integration",
  "--reporter=default",
  "--reporter=json",
  "--outputFile.json=test-results/vitest.json",
]);
results.push(summariseVitest("vitest", readJson("test-results/vitest.json"), vitestExit));

// 2b. The same a year later (CLOCK_OFFSET moves the app's, the seed's and the tests' "now"),
// so that no date written into a test or the demo goes stale. Skipped when the whole run is
// already shifted (CLOCK_OFFSET=+365d npm test runs the browser tests a year ahead too).
if (!process.env.CLOCK_OFFSET) {
  console.log("\n▶ unit and integration tests a year later (vitest, CLOCK_OFFSET=+365d)");
  const laterExit = run(
    bin("vitest"),
    [
      "run",
      "--config",
      "tests/vitest.config.ts",
      "--project=unit",
      "--project=integration",
      "--reporter=dot",
      "--reporter=json",
      "--outputFile.json=test-results/vitest-later.json",
    ],
    { CLOCK_OFFSET: "+365d" },
  );
  results.push(summariseVitest("vitest +365d", readJson("test-results/vitest-later.json"), laterExit));
}

// 3. Browser tests against the built app (npm start's path: migrate, seed, build if needed, serve).
console.log("\n▶ browser tests (Playwright + Chromium at " + chromium + ")");
// The whole-suite run always uses the default port and report file.
const e2eExit = run(bin("playwright"), ["test", "--config", "tests/playwright.config.ts"], {
  CHROMIUM_PATH: chromium,
  E2E_PORT: "",
});
results.push(summarisePlaywright("e2e", readJson("test-results/e2e.json"), e2eExit));

// 4. The built server as a whole: several workers at once, a crash (SIGKILL) mid-stream and the restart.
console.log("\n▶ server tests (the built server: workers, crash and restart)");
const serverExit = run(bin("vitest"), [
  "run",
  "--config",
  "tests/vitest.config.ts",
  "--project=server",
  "--reporter=default",
  "--reporter=json",
  "--outputFile.json=test-results/vitest-server.json",
]);
results.push(summariseVitest("server", readJson("test-results/vitest-server.json"), serverExit));

finish();
