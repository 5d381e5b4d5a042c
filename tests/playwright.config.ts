import { defineConfig } from "@playwright/test";
import { PORT, SHARED_DATABASE } from "./e2e/support/paths";

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/**
 * Browser tests against the built app on a fresh demo database, in Debian's Chromium. Tests that
 * only read share the webServer below; tests that write get a server of the same build on their
 * own copy of the seeded demo (tests/e2e/fixtures.ts), so any order and any number of workers
 * give the same results. CLOCK_OFFSET in the environment reaches the webServer, its seed and the
 * own servers; the global setup fails the run if the server's clock is not the tests' clock.
 */
export default defineConfig({
  testDir: "./e2e",
  outputDir: `../test-results/e2e-artifacts-${PORT}`,
  globalSetup: "./e2e/support/global-setup.ts",
  fullyParallel: true,
  // A stray test.only would silently drop every other browser test.
  forbidOnly: !!process.env.CI,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [
    ["list"],
    ["json", { outputFile: process.env.E2E_PORT ? `../test-results/e2e-${PORT}.json` : "../test-results/e2e.json" }],
  ],
  use: {
    // baseURL comes from the `app` fixture: the shared server, or the test's own.
    launchOptions: {
      executablePath: chromium,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  webServer: {
    command: `node tests/helpers/e2e-server.mjs`,
    cwd: "..",
    url: `http://localhost:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 180_000,
    env: { PORT: String(PORT), DATABASE_PATH: SHARED_DATABASE, PUBLIC_URL: `http://localhost:${PORT}` },
    stdout: "ignore",
    stderr: "pipe",
  },
});
