// Starts the app for browser tests on a brand-new database (npm start's own path).
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";

const path = process.env.DATABASE_PATH || "test-results/e2e.sqlite";
for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
// The browser tests count on the minimal demo (two registrations): DEMO_SIZE=conference runs them on the big one.
const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "app/cli/start.ts"], {
  stdio: "inherit",
  env: { ...process.env, DEMO_SIZE: process.env.DEMO_SIZE || "minimal" },
});
const stop = () => child.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", (code) => process.exit(code ?? 0));
