import { sql, type Kysely } from "kysely";

// Frozen: never edit a landed migration; add a new dated file instead.
export async function up(db: Kysely<any>): Promise<void> {
  // A meeting block: a time range inside a session of kind meeting_block, cut into slots, with tables.
  await db.schema
    .createTable("meeting_blocks")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("conference_id", "integer", (c) => c.notNull().references("conferences.id").onDelete("cascade"))
    .addColumn("session_id", "integer", (c) => c.notNull().unique().references("sessions.id").onDelete("restrict"))
    .addColumn("slot_minutes", "integer", (c) => c.notNull().check(sql`slot_minutes between 5 and 240`))
    .addColumn("gap_minutes", "integer", (c) => c.notNull().defaultTo(0).check(sql`gap_minutes between 0 and 120`))
    .addColumn("table_count", "integer", (c) => c.notNull().check(sql`table_count between 1 and 500`))
    .addColumn("requests_close_at", "text")
    .addColumn("answers_close_at", "text")
    .addColumn("max_requests_per_organisation", "integer")
    /** JSON list of [requester kind, counterpart kind] pairs allowed to meet. */
    .addColumn("allowed_pairs", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("meeting_slots")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("block_id", "integer", (c) => c.notNull().references("meeting_blocks.id").onDelete("cascade"))
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addUniqueConstraint("meeting_slots_one_start", ["block_id", "starts_at"])
    .addCheckConstraint("meeting_slot_ends_after_start", sql`ends_at > starts_at`)
    .execute();

  await db.schema
    .createTable("meeting_tables")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("block_id", "integer", (c) => c.notNull().references("meeting_blocks.id").onDelete("cascade"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull().defaultTo(""))
    .addUniqueConstraint("meeting_tables_one_number", ["block_id", "number"])
    .execute();

  await db.schema
    .createTable("meeting_requests")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("conference_id", "integer", (c) => c.notNull().references("conferences.id").onDelete("cascade"))
    .addColumn("from_organisation_id", "integer", (c) => c.notNull().references("organisations.id").onDelete("restrict"))
    .addColumn("to_organisation_id", "integer", (c) => c.notNull().references("organisations.id").onDelete("restrict"))
    .addColumn("sector", "text", (c) => c.notNull())
    .addColumn("ask", "text", (c) => c.notNull())
    .addColumn("priority", "integer", (c) => c.notNull().check(sql`priority between 1 and 3`))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('pending','accepted','declined','withdrawn')`))
    .addColumn("decline_reason", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("requested_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("answered_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("answered_at", "text")
    .addUniqueConstraint("meeting_requests_one_per_pair", ["conference_id", "from_organisation_id", "to_organisation_id"])
    .addCheckConstraint("meeting_request_not_to_self", sql`from_organisation_id <> to_organisation_id`)
    .execute();
  await db.schema.createIndex("meeting_requests_to").on("meeting_requests").columns(["to_organisation_id", "status"]).execute();

  // A party's limits in the meetings: availability (when limited) and a maximum number of meetings.
  await db.schema
    .createTable("meeting_parties")
    .addColumn("conference_id", "integer", (c) => c.notNull().references("conferences.id").onDelete("cascade"))
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("max_meetings", "integer", (c) => c.check(sql`max_meetings is null or max_meetings >= 0`))
    .addColumn("limits_availability", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("meeting_parties_pk", ["conference_id", "organisation_id"])
    .execute();
  await db.schema
    .createTable("meeting_availability")
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("slot_id", "integer", (c) => c.notNull().references("meeting_slots.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("meeting_availability_pk", ["organisation_id", "slot_id"])
    .execute();

  await db.schema
    .createTable("meetings")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("request_id", "integer", (c) => c.notNull().unique().references("meeting_requests.id").onDelete("cascade"))
    .addColumn("slot_id", "integer", (c) => c.notNull().references("meeting_slots.id").onDelete("restrict"))
    .addColumn("table_id", "integer", (c) => c.references("meeting_tables.id").onDelete("restrict"))
    .addColumn("video_url", "text")
    .addColumn("locked", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("outcome", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("follow_up", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    // A table holds one meeting per slot (NULL tables are online meetings).
    .addUniqueConstraint("meetings_one_per_table_slot", ["slot_id", "table_id"])
    .execute();

  // The database itself refuses a party in two meetings in one slot.
  await db.schema
    .createTable("meeting_participants")
    .addColumn("meeting_id", "integer", (c) => c.notNull().references("meetings.id").onDelete("cascade"))
    .addColumn("slot_id", "integer", (c) => c.notNull().references("meeting_slots.id").onDelete("restrict"))
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id").onDelete("restrict"))
    .addPrimaryKeyConstraint("meeting_participants_pk", ["meeting_id", "organisation_id"])
    .addUniqueConstraint("meeting_participants_one_per_slot", ["slot_id", "organisation_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["meeting_participants", "meetings", "meeting_availability", "meeting_parties", "meeting_requests", "meeting_tables", "meeting_slots", "meeting_blocks"]) {
    await db.schema.dropTable(t).execute();
  }
}
