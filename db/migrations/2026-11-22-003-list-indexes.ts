import type { Kysely } from "kysely";

// Frozen: never edit a landed migration; add a new dated file instead.
// The delegate list sorts by name and by date within a conference; with thousands of rows these keep it an index walk.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("registrations_by_name").on("registrations").columns(["conference_id", "search_key"]).execute();
  await db.schema.createIndex("registrations_by_date").on("registrations").columns(["conference_id", "created_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("registrations_by_date").execute();
  await db.schema.dropIndex("registrations_by_name").execute();
}
