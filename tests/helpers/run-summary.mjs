// How tests/run-all.mjs counts a step: pure functions from a runner's exit code and JSON
// report to { suite, passed, failed, skipped, problems }. Tested in tests/integration/platform/test-runner.test.ts.

/** A step that is one check (the type-check, a missing browser). */
export function summariseStep(suite, exitCode, problem) {
  const ok = exitCode === 0;
  return {
    suite,
    passed: ok ? 1 : 0,
    failed: ok ? 0 : 1,
    skipped: 0,
    problems: ok ? [] : [problem ?? `exited with code ${exitCode}`],
  };
}

/**
 * Vitest's JSON report. A file that failed outside its tests (a beforeAll or afterAll that
 * threw, an import error) counts once; the tests a failed hook kept from running count as
 * failed. A non-zero exit that the report does not explain (an unhandled rejection) counts once.
 */
export function summariseVitest(suite, report, exitCode) {
  if (!report) return { suite, passed: 0, failed: 1, skipped: 0, problems: [`no report (exit code ${exitCode})`] };
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const problems = [];
  for (const file of report.testResults ?? []) {
    const states = (file.assertionResults ?? []).map((a) => a.status);
    const filePassed = states.filter((s) => s === "passed").length;
    const fileFailed = states.filter((s) => s === "failed").length;
    const fileSkipped = states.filter(
      (s) => s === "skipped" || s === "pending" || s === "todo" || s === "disabled",
    ).length;
    passed += filePassed;
    failed += fileFailed;
    if (file.status === "failed" && fileFailed === 0) {
      // The file failed, yet none of its tests did: a hook or the file itself.
      failed += Math.max(1, fileSkipped);
      problems.push(`${shortName(file.name)}: ${firstLine(file.message) || "failed outside its tests"}`);
    } else {
      skipped += fileSkipped;
    }
  }
  if (exitCode !== 0 && failed === 0) {
    failed += 1;
    problems.push(`vitest exited with code ${exitCode} though no test failed (an unhandled error?)`);
  }
  return { suite, passed, failed, skipped, problems };
}

/** Playwright's JSON report: errors outside tests (global set-up, forbidOnly) count as failures. */
export function summarisePlaywright(suite, report, exitCode) {
  if (!report) return { suite, passed: 0, failed: 1, skipped: 0, problems: [`no report (exit code ${exitCode})`] };
  const s = report.stats ?? {};
  const passed = (s.expected ?? 0) + (s.flaky ?? 0);
  let failed = s.unexpected ?? 0;
  const problems = [];
  for (const error of report.errors ?? []) {
    failed += 1;
    problems.push(firstLine(error.message) || "an error outside the tests");
  }
  if (exitCode !== 0 && failed === 0) {
    failed += 1;
    problems.push(`playwright exited with code ${exitCode} though no test failed`);
  }
  return { suite, passed, failed, skipped: s.skipped ?? 0, problems };
}

export function totalOf(results) {
  return results.reduce(
    (a, r) => ({ passed: a.passed + r.passed, failed: a.failed + r.failed, skipped: a.skipped + r.skipped }),
    { passed: 0, failed: 0, skipped: 0 },
  );
}

function shortName(path) {
  const at = String(path ?? "").indexOf("/tests/");
  return at >= 0 ? String(path).slice(at + 1) : String(path ?? "?");
}

function firstLine(text) {
  return String(text ?? "")
    .trim()
    .split("\n")[0]
    .slice(0, 200);
}
