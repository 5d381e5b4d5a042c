import { sql, type Kysely } from "kysely";

// Frozen: never edit a landed migration; add a new dated file instead.
// The proceedings (issue 14): documents (speeches, reports, presentations, session summaries) with
// their images, the registry of international agreements signed by localities, the book's settings,
// and what a job's result is about (a proceedings version's page count), kept with the job.
const AGREEMENT_STATES = sql`('drafted','sent_for_opinion','opinion_received','signed','reported','in_force','ended')`;
const AGREEMENT_FIELDS = sql`('economy','trade','investment','agriculture','education','health','culture','tourism','science','labour','environment','friendship','other')`;
const DATE = (column: string) => sql`${sql.ref(column)} is null or ${sql.ref(column)} glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("documents")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("conference_id", "integer", (c) => c.notNull().references("conferences.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('speech','report','presentation','summary')`))
    .addColumn("title", "text", (c) => c.notNull().check(sql`length(title) between 1 and 300`))
    /** The delegate who gave or wrote it; null when they are not registered (the name is then in author_name). */
    .addColumn("author_registration_id", "integer", (c) => c.references("registrations.id").onDelete("set null"))
    .addColumn("author_name", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("session_id", "integer", (c) => c.references("sessions.id").onDelete("set null"))
    .addColumn("language", "text", (c) => c.notNull().defaultTo("vi").check(sql`language in ('vi','en')`))
    .addColumn("state", "text", (c) => c.notNull().defaultTo("draft").check(sql`state in ('draft','final')`))
    /** Markdown. */
    .addColumn("body", "text", (c) => c.notNull().defaultTo("").check(sql`length(body) <= 600000`))
    /** Order within its session or kind in the book. */
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("finalised_at", "text")
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("updated_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("documents_summary_has_session", sql`kind <> 'summary' or session_id is not null`)
    .addCheckConstraint("documents_final_is_dated", sql`state <> 'final' or finalised_at is not null`)
    .execute();
  // One summary per session and language: two rapporteurs saving at once, the second edits the first's.
  await sql`create unique index documents_one_summary on documents (session_id, language) where kind = 'summary'`.execute(
    db,
  );
  await db.schema.createIndex("documents_conference").on("documents").columns(["conference_id", "kind", "position"]).execute();

  await db.schema
    .createTable("document_images")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id").onDelete("cascade"))
    /** The file's key under UPLOADS_DIR/documents (app/platform/uploads). */
    .addColumn("storage_key", "text", (c) => c.notNull().unique())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("width", "integer", (c) => c.notNull().check(sql`width > 0`))
    .addColumn("height", "integer", (c) => c.notNull().check(sql`height > 0`))
    .addColumn("bytes", "integer", (c) => c.notNull().check(sql`bytes > 0`))
    .addColumn("caption", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("document_images_document").on("document_images").column("document_id").execute();

  await db.schema
    .createTable("agreements")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("conference_id", "integer", (c) => c.notNull().references("conferences.id").onDelete("cascade"))
    /** The Vietnamese party: a province or a ministry. */
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id").onDelete("restrict"))
    .addColumn("title", "text", (c) => c.notNull().check(sql`length(title) between 1 and 300`))
    .addColumn("foreign_party", "text", (c) => c.notNull().check(sql`length(foreign_party) between 1 and 300`))
    /** ISO 3166-1 alpha-2. */
    .addColumn("country_code", "text", (c) => c.notNull().check(sql`length(country_code) = 2`))
    .addColumn("field", "text", (c) => c.notNull().check(sql`field in ${AGREEMENT_FIELDS}`))
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('agreement','memorandum','letter_of_intent')`),
    )
    .addColumn("state", "text", (c) => c.notNull().defaultTo("drafted").check(sql`state in ${AGREEMENT_STATES}`))
    /** Calendar dates (YYYY-MM-DD) in the conference's zone: the law counts days, not instants. */
    .addColumn("sent_for_opinion_on", "text", (c) => c.check(DATE("sent_for_opinion_on")))
    .addColumn("opinion_received_on", "text", (c) => c.check(DATE("opinion_received_on")))
    .addColumn("signed_on", "text", (c) => c.check(DATE("signed_on")))
    .addColumn("signed_place", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("reported_on", "text", (c) => c.check(DATE("reported_on")))
    .addColumn("in_force_on", "text", (c) => c.check(DATE("in_force_on")))
    .addColumn("ended_on", "text", (c) => c.check(DATE("ended_on")))
    /** The mission abroad that helped. */
    .addColumn("mission_id", "integer", (c) => c.references("organisations.id").onDelete("set null"))
    /** The meeting request it came from. */
    .addColumn("meeting_request_id", "integer", (c) => c.references("meeting_requests.id").onDelete("set null"))
    .addColumn("summary", "text", (c) => c.notNull().defaultTo("").check(sql`length(summary) <= 4000`))
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("updated_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint(
      "agreements_signed_is_dated",
      sql`state not in ('signed','reported','in_force','ended') or signed_on is not null`,
    )
    .execute();
  await db.schema.createIndex("agreements_conference").on("agreements").columns(["conference_id", "state"]).execute();
  await db.schema.createIndex("agreements_organisation").on("agreements").columns(["organisation_id"]).execute();

  await db.schema
    .createTable("proceedings_settings")
    .addColumn("conference_id", "integer", (c) => c.primaryKey().references("conferences.id").onDelete("cascade"))
    /** JSON: the chosen sections in their order. */
    .addColumn("sections", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("subtitle", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("edition_label", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("theme", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("dates_label", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("venue", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("publisher", "text", (c) => c.notNull().defaultTo(""))
    /** Markdown; empty: no foreword. */
    .addColumn("foreword", "text", (c) => c.notNull().defaultTo("").check(sql`length(foreword) <= 60000`))
    .addColumn("language", "text", (c) => c.notNull().defaultTo("vi").check(sql`language in ('vi','en')`))
    .addColumn("updated_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  // What a finished job's file is (JSON; a proceedings version: its pages and sections). Proceedings
  // versions are their jobs: kept with date, size, pages and who made it.
  await db.schema.alterTable("jobs").addColumn("result_meta", "text", (c) => c.notNull().defaultTo("{}")).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("jobs").dropColumn("result_meta").execute();
  await db.schema.dropTable("proceedings_settings").execute();
  await db.schema.dropTable("agreements").execute();
  await db.schema.dropTable("document_images").execute();
  await db.schema.dropTable("documents").execute();
}
