/**
 * npm run db:migrate | db:seed | db:reset — on DATABASE_PATH (default data/conference.sqlite);
 * npm run db:backup -- FILE (while the server runs) | db:restore -- FILE (with the server stopped).
 */
import { existsSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { backupDatabase, restoreDatabase, RestoreRefused } from "../../db/backup";
import { databasePath, openDatabase } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { demoSizeFromEnv, seedDemo, seedReferenceData } from "../../seeds/seed";

const USAGE = "usage: tsx app/cli/db.ts migrate|seed|reset | backup FILE | restore FILE";

async function main(command: string | undefined, file: string | undefined) {
  const path = databasePath();
  if (command === "backup" || command === "restore") {
    if (!file) {
      console.error(USAGE);
      process.exitCode = 2;
      return;
    }
    try {
      const result =
        command === "backup"
          ? await backupDatabase(path, resolve(file))
          : await restoreDatabase(resolve(file), path, new Date().toISOString().replace(/[:.]/g, "-"));
      console.log(JSON.stringify(result));
    } catch (error) {
      if (!(error instanceof RestoreRefused)) throw error;
      console.error(`${command} refused: ${error.message}`);
      process.exitCode = 1;
    }
    return;
  }
  if (command === "reset") {
    for (const suffix of ["", "-wal", "-shm"]) if (existsSync(path + suffix)) rmSync(path + suffix);
  }
  const { db } = openDatabase(path);
  try {
    if (!["migrate", "seed", "reset"].includes(command ?? "")) {
      console.error(USAGE);
      process.exitCode = 2;
      return;
    }
    const applied = await migrateToLatest(db);
    console.log(`migrated ${path}: ${applied.length ? applied.join(", ") : "already up to date"}`);
    if (command === "seed" || command === "reset") {
      const n = await seedReferenceData(db);
      const size = demoSizeFromEnv();
      const added = await seedDemo(db, { size });
      console.log(
        `seeded ${n} reference organisations and the demo conference (${size}${added ? `: ${added.registrations} more registrations` : ""})`,
      );
    }
  } finally {
    await db.destroy();
  }
}

main(process.argv[2], process.argv[3]).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
