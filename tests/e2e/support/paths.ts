/**
 * Where one browser-test run keeps its databases. Everything is named after the port, so two
 * runs on different ports (two engineers, one machine) never share a file.
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository (the webServer's and the own servers' working directory). */
export const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

export const PORT = Number(process.env.E2E_PORT || 3210);

/** The shared server's database (tests/helpers/e2e-server.mjs starts it fresh each run). */
export const SHARED_DATABASE = resolve(ROOT, `test-results/e2e-${PORT}.sqlite`);

/** A snapshot of the shared database as seeded, taken before any test: each own database is a copy. */
export const TEMPLATE_DATABASE = resolve(ROOT, `test-results/e2e-${PORT}-template.sqlite`);

/** The own databases of the tests that write (one per test, removed after it). */
export const OWN_DATABASES = resolve(ROOT, `test-results/e2e-${PORT}-own`);
