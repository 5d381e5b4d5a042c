import { rmSync } from "node:fs";
import SQLite from "better-sqlite3";
import { clockOffsetMs, nowMs } from "../../../app/lib/clock";
import { OWN_DATABASES, SHARED_DATABASE, TEMPLATE_DATABASE } from "./paths";

const DAY = 86_400_000;

/**
 * Runs once the shared server answers (Playwright starts the webServer first). It
 *  - checks that the server seeded the demo with the same clock as the tests (CLOCK_OFFSET
 *    reaches the webServer through the environment): the demo's registration opened 30 days
 *    before the seed's "now", which must be the tests' now() within the time the start took;
 *  - snapshots the freshly seeded shared database as the template that every writing test
 *    copies (tests/e2e/fixtures.ts), so that own databases start exactly like the shared one.
 */
export default async function globalSetup() {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(TEMPLATE_DATABASE + suffix, { force: true });
  rmSync(OWN_DATABASES, { recursive: true, force: true });
  const shared = new SQLite(SHARED_DATABASE, { readonly: true, fileMustExist: true });
  try {
    const conference = shared.prepare("SELECT registration_opens_at FROM conferences WHERE edition = 20").get() as
      { registration_opens_at: string } | undefined;
    if (!conference) throw new Error(`the shared server did not seed the demo conference into ${SHARED_DATABASE}`);
    const seededAt = Date.parse(conference.registration_opens_at) + 30 * DAY;
    const drift = nowMs() - seededAt;
    if (drift < -60_000 || drift > 15 * 60_000) {
      throw new Error(
        `the shared server seeded the demo at ${new Date(seededAt).toISOString()}, but the tests' clock says ${new Date(nowMs()).toISOString()} ` +
          `(CLOCK_OFFSET=${process.env.CLOCK_OFFSET ?? ""}, ${clockOffsetMs()} ms): the server and the tests must share one clock`,
      );
    }
    await shared.backup(TEMPLATE_DATABASE);
  } finally {
    shared.close();
  }
  const template = new SQLite(TEMPLATE_DATABASE);
  template.pragma("journal_mode = DELETE");
  template.close();
  return () => {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(TEMPLATE_DATABASE + suffix, { force: true });
    rmSync(OWN_DATABASES, { recursive: true, force: true });
  };
}
