// Mutation testing of the pure rules: `npm run test:mutation` (not part of `npm test`).
// Only the unit tests run (tests/vitest.mutation.config.ts); integration tests need a database.
// Reports: reports/mutation/ (HTML and JSON). Sandboxes: .stryker-tmp/ (both git-ignored).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "tests/vitest.mutation.config.ts", related: true },
  // Tests run only against the mutants they reach (the vitest runner reports coverage per test).
  coverageAnalysis: "perTest",
  concurrency: 2,
  mutate: [
    "app/features/meetings/scheduler/instance.ts",
    "app/features/meetings/scheduler/schedule.ts",
    "app/features/meetings/scheduler/validate.ts",
    "app/features/registration/rules.ts",
    "app/features/agenda/rules.ts",
    "app/lib/csv.ts",
    "app/lib/ics.ts",
    "app/lib/time.ts",
    "app/lib/plural.ts",
    "app/lib/clock.ts",
  ],
  ignorePatterns: ["data", "build", "public/build", ".cache", "test-results", "playwright-report", "reports"],
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  tempDirName: ".stryker-tmp",
  timeoutMS: 10000,
  // Every mutated module is held to 80%; the run fails below that overall.
  thresholds: { high: 90, low: 80, break: 80 },
};
