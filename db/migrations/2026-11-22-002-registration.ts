import { sql, type Kysely } from "kysely";

// Frozen: never edit a landed migration; add a new dated file instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("registrations")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("conference_id", "integer", (c) => c.notNull().references("conferences.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id").onDelete("restrict"))
    .addColumn("honorific", "text", (c) => c.notNull().check(sql`honorific in ('mr','ms','he','dr','prof')`))
    .addColumn("full_name", "text", (c) => c.notNull())
    .addColumn("position", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("phone", "text", (c) => c.notNull())
    .addColumn("mode", "text", (c) => c.notNull().check(sql`mode in ('in_person','online')`))
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('pending','approved','rejected','cancelled','waitlisted')`),
    )
    .addColumn("interpretation", "text", (c) =>
      c.notNull().defaultTo("none").check(sql`interpretation in ('none','vi_to_en','en_to_vi')`),
    )
    .addColumn("dietary", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("consent_to_list", "integer", (c) => c.notNull().defaultTo(0).check(sql`consent_to_list in (0,1)`))
    .addColumn("badge_code", "text", (c) => c.notNull().unique())
    .addColumn("waitlisted_at", "text")
    .addColumn("status_changed_at", "text", (c) => c.notNull())
    .addColumn("decided_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("checked_in_at", "text")
    .addColumn("checked_in_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("organiser_note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("search_key", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("registrations_one_per_email", ["conference_id", "email"])
    .execute();
  await db.schema.createIndex("registrations_status").on("registrations").columns(["conference_id", "status", "mode"]).execute();
  await db.schema.createIndex("registrations_organisation").on("registrations").columns(["conference_id", "organisation_id"]).execute();
  await db.schema.createIndex("registrations_user").on("registrations").column("user_id").execute();
  await db.schema.createIndex("registrations_waitlist").on("registrations").columns(["conference_id", "status", "waitlisted_at"]).execute();

  // In-person places are never more than the conference's capacity, whatever the application does.
  const capacityFull = sql`
    SELECT RAISE(ABORT, 'in_person_capacity_full')
    WHERE (SELECT count(*) FROM registrations r
            WHERE r.conference_id = NEW.conference_id AND r.mode = 'in_person'
              AND r.status IN ('pending','approved') AND r.id IS NOT NEW.id)
        >= (SELECT in_person_capacity FROM conferences WHERE id = NEW.conference_id);`;
  await sql`CREATE TRIGGER registrations_capacity_insert BEFORE INSERT ON registrations
    WHEN NEW.mode = 'in_person' AND NEW.status IN ('pending','approved')
    BEGIN ${capacityFull} END`.execute(db);
  await sql`CREATE TRIGGER registrations_capacity_update BEFORE UPDATE OF mode, status ON registrations
    WHEN NEW.mode = 'in_person' AND NEW.status IN ('pending','approved')
      AND NOT (OLD.mode = 'in_person' AND OLD.status IN ('pending','approved'))
    BEGIN ${capacityFull} END`.execute(db);

  // In-person places per organisation ("3 per province"): a default per kind, and an override per organisation.
  await db.schema
    .createTable("kind_quotas")
    .addColumn("conference_id", "integer", (c) => c.notNull().references("conferences.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("places", "integer", (c) => c.notNull().check(sql`places >= 0`))
    .addPrimaryKeyConstraint("kind_quotas_pk", ["conference_id", "kind"])
    .execute();
  await db.schema
    .createTable("organisation_quotas")
    .addColumn("conference_id", "integer", (c) => c.notNull().references("conferences.id").onDelete("cascade"))
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("places", "integer", (c) => c.notNull().check(sql`places >= 0`))
    .addPrimaryKeyConstraint("organisation_quotas_pk", ["conference_id", "organisation_id"])
    .execute();

  // The programme's sessions. Registration needs them for personal online join links;
  // the agenda (rooms, speakers, sign-up) extends this table.
  await db.schema
    .createTable("sessions")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("conference_id", "integer", (c) => c.notNull().references("conferences.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('plenary','discussion','diplomatic_corps','meeting_block','exhibition_opening','break','other')`),
    )
    .addColumn("title_vi", "text", (c) => c.notNull())
    .addColumn("title_en", "text", (c) => c.notNull())
    .addColumn("description_vi", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("description_en", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addColumn("stream_url", "text")
    .addColumn("published", "integer", (c) => c.notNull().defaultTo(0).check(sql`published in (0,1)`))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("session_ends_after_start", sql`ends_at > starts_at`)
    .execute();
  await db.schema.createIndex("sessions_time").on("sessions").columns(["conference_id", "starts_at"]).execute();

  // One unguessable join link per online delegate and session; attendance recorded on use.
  await db.schema
    .createTable("join_links")
    .addColumn("token", "text", (c) => c.primaryKey())
    .addColumn("registration_id", "integer", (c) => c.notNull().references("registrations.id").onDelete("cascade"))
    .addColumn("session_id", "integer", (c) => c.notNull().references("sessions.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("first_joined_at", "text")
    .addColumn("last_joined_at", "text")
    .addColumn("join_count", "integer", (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint("join_links_one_per_session", ["registration_id", "session_id"])
    .execute();

  // Daily counts for the dashboard's chart are derived from status history.
  await db.schema
    .createTable("registration_events")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("registration_id", "integer", (c) => c.notNull().references("registrations.id").onDelete("cascade"))
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("from_status", "text")
    .addColumn("to_status", "text", (c) => c.notNull())
    .addColumn("mode", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("registration_events_at").on("registration_events").columns(["registration_id", "at"]).execute();

  // The outbox learns who a message is about, and how sending went.
  await db.schema.alterTable("outbox").addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable("outbox").addColumn("registration_id", "integer", (c) => c.references("registrations.id").onDelete("set null")).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("outbox").dropColumn("registration_id").execute();
  await db.schema.alterTable("outbox").dropColumn("attempts").execute();
  for (const t of ["registration_events", "join_links", "sessions", "organisation_quotas", "kind_quotas"]) {
    await db.schema.dropTable(t).execute();
  }
  await sql`DROP TRIGGER IF EXISTS registrations_capacity_update`.execute(db);
  await sql`DROP TRIGGER IF EXISTS registrations_capacity_insert`.execute(db);
  await db.schema.dropTable("registrations").execute();
}
