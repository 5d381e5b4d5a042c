import type { Kysely } from "kysely";

// Frozen: never edit a landed migration; add a new dated file instead.
export async function up(db: Kysely<any>): Promise<void> {
  // A registration sent through the public form, not confirmed yet: it becomes a registration only
  // when its one-time link (an invitation) is followed, proving the mailbox (decision 011). It holds
  // no place and lapses with its link, 48 hours later.
  await db.schema
    .createTable("registration_requests")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("conference_id", "integer", (c) => c.notNull().references("conferences.id").onDelete("cascade"))
    .addColumn("invitation_id", "integer", (c) => c.notNull().unique().references("invitations.id").onDelete("cascade"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("full_name", "text", (c) => c.notNull())
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    /** The form as sent (RegistrationInput as JSON). */
    .addColumn("input", "text", (c) => c.notNull())
    .addColumn("ip", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("registration_id", "integer", (c) => c.references("registrations.id").onDelete("set null"))
    .addColumn("confirmed_at", "text")
    .execute();
  await db.schema.createIndex("registration_requests_email").on("registration_requests").columns(["conference_id", "email"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("registration_requests").execute();
}
