import { type Kysely } from "kysely";

// Frozen: never edit a landed migration; add a new dated file instead.
export async function up(db: Kysely<any>): Promise<void> {
  // A session without sign-up that a delegate put on their own agenda (My agenda and its calendar).
  await db.schema
    .createTable("session_favourites")
    .addColumn("registration_id", "integer", (c) => c.notNull().references("registrations.id").onDelete("cascade"))
    .addColumn("session_id", "integer", (c) => c.notNull().references("sessions.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("session_favourites_pk", ["registration_id", "session_id"])
    .execute();
  await db.schema.createIndex("session_favourites_session").on("session_favourites").column("session_id").execute();

  // The calendars' SEQUENCE: grows by one each time a session's time, room or title changes.
  await db.schema.alterTable("sessions").addColumn("sequence", "integer", (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("sessions").dropColumn("sequence").execute();
  await db.schema.dropTable("session_favourites").execute();
}
