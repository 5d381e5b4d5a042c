import type { Kysely } from "kysely";

// Frozen: never edit a landed migration; add a new dated file instead.
export async function up(db: Kysely<any>): Promise<void> {
  // The sectors a mission or partner covers for the meetings ("Nông nghiệp, Đầu tư"), shown to requesters and searchable.
  await db.schema.alterTable("meeting_parties").addColumn("sectors", "text", (c) => c.notNull().defaultTo("")).execute();
  await db.schema.alterTable("meeting_parties").addColumn("sectors_key", "text", (c) => c.notNull().defaultTo("")).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("meeting_parties").dropColumn("sectors_key").execute();
  await db.schema.alterTable("meeting_parties").dropColumn("sectors").execute();
}
