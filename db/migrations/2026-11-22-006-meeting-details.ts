import { sql, type Kysely } from "kysely";

// Frozen: never edit a landed migration; add a new dated file instead.
export async function up(db: Kysely<any>): Promise<void> {
  // The head of an organisation (an ambassador, a consul general) answers its meeting requests; one per organisation.
  await db.schema.alterTable("users").addColumn("heads_organisation", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await sql`create unique index users_one_head_per_organisation on users (organisation_id) where heads_organisation = 1`.execute(db);

  // Meeting tables stand in a room (the block's session room unless moved).
  await db.schema.alterTable("meeting_tables").addColumn("room_id", "integer", (c) => c.references("rooms.id").onDelete("set null")).execute();

  // Who recorded a meeting's outcome and follow-up, and when (the proceedings quote them).
  await db.schema.alterTable("meetings").addColumn("outcome_recorded_by", "text", (c) => c.references("users.id").onDelete("set null")).execute();
  await db.schema.alterTable("meetings").addColumn("outcome_recorded_at", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("meetings").dropColumn("outcome_recorded_at").execute();
  await db.schema.alterTable("meetings").dropColumn("outcome_recorded_by").execute();
  await db.schema.alterTable("meeting_tables").dropColumn("room_id").execute();
  await sql`drop index users_one_head_per_organisation`.execute(db);
  await db.schema.alterTable("users").dropColumn("heads_organisation").execute();
}
