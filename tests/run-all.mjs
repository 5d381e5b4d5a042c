#!/usr/bin/env node
// npm test: type-check, unit and integration tests (vitest), browser tests (Playwright
// driving Debian's Chromium). Ends with one line: "N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";

const results = [];
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
const bin = (name) => `node_modules/.bin/${name}`;

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/etc/debian_version")) {
    console.log("Chromium is missing: installing Debian's chromium package with apt-get…");
    run("apt-get", ["update", "-qq"], { DEBIAN_FRONTEND: "noninteractive" });
    if (run("apt-get", ["install", "-y", "-qq", "chromium"], { DEBIAN_FRONTEND: "noninteractive" }) === 0 && existsSync("/usr/bin/chromium")) {
      return "/usr/bin/chromium";
    }
  }
  console.error("Browser tests need Chromium: install Debian's 'chromium' package (apt-get install chromium) or set CHROMIUM_PATH.");
  process.exit(1);
}

const chromium = findChromium();
rmSync("test-results", { recursive: true, force: true });
mkdirSync("test-results", { recursive: true });

// 1. Type-check: counted as one check.
console.log("\n▶ type-check (tsc --noEmit)");
const tscOk = run(bin("tsc"), ["--noEmit"]) === 0;
results.push({ suite: "typecheck", passed: tscOk ? 1 : 0, failed: tscOk ? 0 : 1 });

// 2. Unit and integration tests.
console.log("\n▶ unit and integration tests (vitest)");
run(bin("vitest"), ["run", "--config", "tests/vitest.config.ts", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"]);
if (existsSync("test-results/vitest.json")) {
  const v = JSON.parse(readFileSync("test-results/vitest.json", "utf8"));
  const failedSuites = (v.testResults ?? []).filter((f) => f.status === "failed" && (f.assertionResults ?? []).length === 0).length;
  results.push({ suite: "vitest", passed: v.numPassedTests, failed: v.numFailedTests + failedSuites, skipped: v.numPendingTests + v.numTodoTests });
} else {
  results.push({ suite: "vitest", passed: 0, failed: 1 });
}

// 3. Browser tests against the built app (npm start's path: migrate, seed, build if needed, serve).
console.log("\n▶ browser tests (Playwright + Chromium at " + chromium + ")");
// The whole-suite run always uses the default port and report file.
run(bin("playwright"), ["test", "--config", "tests/playwright.config.ts"], { CHROMIUM_PATH: chromium, E2E_PORT: "" });
if (existsSync("test-results/e2e.json")) {
  const p = JSON.parse(readFileSync("test-results/e2e.json", "utf8"));
  const s = p.stats ?? {};
  const setupFailed = (p.errors ?? []).length > 0 && (s.expected ?? 0) + (s.unexpected ?? 0) === 0 ? 1 : 0;
  results.push({ suite: "e2e", passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: (s.unexpected ?? 0) + setupFailed, skipped: s.skipped ?? 0 });
} else {
  results.push({ suite: "e2e", passed: 0, failed: 1 });
}

const total = results.reduce((a, r) => ({ passed: a.passed + r.passed, failed: a.failed + r.failed, skipped: a.skipped + (r.skipped ?? 0) }), { passed: 0, failed: 0, skipped: 0 });
writeFileSync("test-results/summary.json", JSON.stringify({ results, total }, null, 2));
console.log("\n" + results.map((r) => `  ${r.suite}: ${r.passed} passed, ${r.failed} failed`).join("\n"));
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
// A run where nothing ran is a failure, not a pass.
process.exit(total.failed === 0 && total.passed > 0 && total.skipped === 0 ? 0 : 1);
