import { sql, type Kysely } from "kysely";

// Frozen: never edit a landed migration; add a new dated file instead.
// Background jobs (issue 14): long work (batch PDFs) run in a worker thread, its progress, its result
// file (under the data folder, never public/) and why it failed, so a page can poll it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("jobs")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("conference_id", "integer", (c) => c.references("conferences.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`length(kind) between 1 and 100`))
    /** JSON: what the handler needs (language, options). */
    .addColumn("input", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("state", "text", (c) =>
      c
        .notNull()
        .defaultTo("queued")
        .check(sql`state in ('queued','running','done','failed')`),
    )
    .addColumn("progress", "integer", (c) => c.notNull().defaultTo(0).check(sql`progress between 0 and 100`))
    /** The current step: a dictionary key (with step_params, JSON) or plain text. */
    .addColumn("step", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("step_params", "text", (c) => c.notNull().defaultTo("{}"))
    /** Relative to the jobs folder (JOBS_DIR, else <data folder>/jobs). */
    .addColumn("result_path", "text")
    .addColumn("result_name", "text")
    .addColumn("result_type", "text")
    .addColumn("result_bytes", "integer", (c) => c.check(sql`result_bytes >= 0`))
    /** Why it failed: a dictionary key or the error's text. */
    .addColumn("error", "text")
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("started_at", "text")
    .addColumn("finished_at", "text")
    .addCheckConstraint("jobs_done_has_result", sql`state <> 'done' or result_path is not null`)
    .execute();
  // At most one job of a kind per conference queued or running: two organisers starting the badge
  // batch at once, the second insert fails and sees the first. ifnull: NULLs are distinct in a UNIQUE index.
  await sql`create unique index jobs_one_active on jobs (kind, ifnull(conference_id, 0)) where state in ('queued','running')`.execute(
    db,
  );
  await db.schema.createIndex("jobs_conference_kind").on("jobs").columns(["conference_id", "kind", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("jobs").execute();
}
