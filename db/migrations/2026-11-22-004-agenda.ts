import { sql, type Kysely } from "kysely";

// Frozen: never edit a landed migration; add a new dated file instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("rooms")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("conference_id", "integer", (c) => c.notNull().references("conferences.id").onDelete("cascade"))
    .addColumn("name_vi", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("capacity", "integer", (c) => c.notNull().check(sql`capacity >= 0`))
    .addColumn("stream_url", "text")
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("rooms_one_name", ["conference_id", "name_vi"])
    .execute();

  // A room with sessions cannot be deleted (RESTRICT); the application says so first.
  await db.schema.alterTable("sessions").addColumn("room_id", "integer", (c) => c.references("rooms.id").onDelete("restrict")).execute();
  await db.schema.alterTable("sessions").addColumn("requires_signup", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable("sessions").addColumn("capacity", "integer").execute();
  await db.schema.createIndex("sessions_room").on("sessions").columns(["room_id", "starts_at"]).execute();

  await db.schema
    .createTable("session_people")
    .addColumn("session_id", "integer", (c) => c.notNull().references("sessions.id").onDelete("cascade"))
    .addColumn("registration_id", "integer", (c) => c.notNull().references("registrations.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('chair','speaker','rapporteur')`))
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("session_people_pk", ["session_id", "registration_id"])
    .execute();
  await db.schema.createIndex("session_people_person").on("session_people").column("registration_id").execute();

  await db.schema
    .createTable("session_signups")
    .addColumn("session_id", "integer", (c) => c.notNull().references("sessions.id").onDelete("cascade"))
    .addColumn("registration_id", "integer", (c) => c.notNull().references("registrations.id").onDelete("cascade"))
    .addColumn("mode", "text", (c) => c.notNull().check(sql`mode in ('in_person','online')`))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("session_signups_pk", ["session_id", "registration_id"])
    .execute();
  await db.schema.createIndex("session_signups_person").on("session_signups").column("registration_id").execute();

  // In-person sign-ups never exceed the session's capacity (its own, else its room's).
  await sql`CREATE TRIGGER session_signups_capacity BEFORE INSERT ON session_signups
    WHEN NEW.mode = 'in_person'
    BEGIN
      SELECT RAISE(ABORT, 'session_full')
      WHERE (SELECT count(*) FROM session_signups WHERE session_id = NEW.session_id AND mode = 'in_person')
          >= (SELECT coalesce(s.capacity, r.capacity, 2147483647) FROM sessions s LEFT JOIN rooms r ON r.id = s.room_id WHERE s.id = NEW.session_id);
    END`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS session_signups_capacity`.execute(db);
  await db.schema.dropTable("session_signups").execute();
  await db.schema.dropTable("session_people").execute();
  await db.schema.dropIndex("sessions_room").execute();
  await db.schema.alterTable("sessions").dropColumn("capacity").execute();
  await db.schema.alterTable("sessions").dropColumn("requires_signup").execute();
  await db.schema.alterTable("sessions").dropColumn("room_id").execute();
  await db.schema.dropTable("rooms").execute();
}
