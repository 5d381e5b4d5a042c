import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT || 3210);
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** Browser tests against the built app on a fresh demo database, in Debian's Chromium. */
export default defineConfig({
  testDir: "./e2e",
  outputDir: `../test-results/e2e-artifacts-${PORT}`,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"], ["json", { outputFile: process.env.E2E_PORT ? `../test-results/e2e-${PORT}.json` : "../test-results/e2e.json" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
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
    env: { PORT: String(PORT), DATABASE_PATH: `test-results/e2e-${PORT}.sqlite`, PUBLIC_URL: `http://localhost:${PORT}` },
    stdout: "ignore",
    stderr: "pipe",
  },
});
