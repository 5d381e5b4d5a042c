import { sql, type Kysely } from "kysely";

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

  // What a one-time link is for: an organiser's invitation, a registration's confirmation, a password reset.
  await db.schema
    .alterTable("invitations")
    .addColumn("purpose", "text", (c) => c.notNull().defaultTo("invite").check(sql`purpose in ('invite','registration','reset')`))
    .execute();

  // Attempts counted against a limit (the public form and the reset form, per address and per recipient).
  await db.schema
    .createTable("throttle_events")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("throttle_events_key_at").on("throttle_events").columns(["key", "at"]).execute();

  // When a meeting request was withdrawn: asking the same party again waits out a cooling-off period,
  // and a recent withdrawal still counts against the cap (no ask-and-withdraw loop of e-mails).
  await db.schema.alterTable("meeting_requests").addColumn("withdrawn_at", "text").execute();

  // A grouped message waits until its minute is over before it is sent.
  await db.schema.alterTable("outbox").addColumn("not_before", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("outbox").dropColumn("not_before").execute();
  await db.schema.alterTable("meeting_requests").dropColumn("withdrawn_at").execute();
  await db.schema.dropTable("throttle_events").execute();
  await db.schema.alterTable("invitations").dropColumn("purpose").execute();
  await db.schema.dropTable("registration_requests").execute();
}
