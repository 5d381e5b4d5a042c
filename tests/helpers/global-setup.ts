import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { openDatabase } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { seedDemo, seedReferenceData } from "../../seeds/seed";

/**
 * Migrates and seeds one template database per run; each test file works on its
 * own copy. The path is unique per run, so that two runs never share a template.
 */
const TEMPLATE_PATH = resolve(`test-results/template-${process.pid}.sqlite`);

export default async function setup() {
  process.env.TEST_TEMPLATE_DATABASE = TEMPLATE_PATH;
  mkdirSync("test-results/db", { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(TEMPLATE_PATH + suffix, { force: true });
  const { db, sqlite } = openDatabase(TEMPLATE_PATH);
  await migrateToLatest(db);
  await seedReferenceData(db);
  await seedDemo(db);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.pragma("journal_mode = DELETE");
  await db.destroy();
  return () => {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(TEMPLATE_PATH + suffix, { force: true });
  };
}
