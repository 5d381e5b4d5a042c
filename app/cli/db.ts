/** npm run db:migrate | db:seed | db:reset — on DATABASE_PATH (default data/conference.sqlite). */
import { existsSync, rmSync } from "node:fs";
import { databasePath, openDatabase } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { demoSizeFromEnv, seedDemo, seedReferenceData } from "../../seeds/seed";

async function main(command: string | undefined) {
  const path = databasePath();
  if (command === "reset") {
    for (const suffix of ["", "-wal", "-shm"]) if (existsSync(path + suffix)) rmSync(path + suffix);
  }
  const { db } = openDatabase(path);
  try {
    if (!["migrate", "seed", "reset"].includes(command ?? "")) {
      console.error("usage: tsx app/cli/db.ts migrate|seed|reset");
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

main(process.argv[2]).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
