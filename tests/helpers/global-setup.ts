import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { openDatabase } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { seedDemo, seedReferenceData } from "../../seeds/seed";

/** Migrates and seeds one template database; each test file works on its own copy. */
export const TEMPLATE_PATH = resolve("test-results/template.sqlite");

export default async function setup() {
  mkdirSync("test-results/db", { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(TEMPLATE_PATH + suffix, { force: true });
  const { db, sqlite } = openDatabase(TEMPLATE_PATH);
  await migrateToLatest(db);
  await seedReferenceData(db);
  await seedDemo(db);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.pragma("journal_mode = DELETE");
  await db.destroy();
}
