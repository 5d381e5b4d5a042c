import type { Kysely } from "kysely";

// Frozen: never edit a landed migration; add a new dated file instead.
export async function up(db: Kysely<any>): Promise<void> {
  // A sending pass claims the messages it will send, so two processes never send one twice;
  // a claim left by a pass that died lapses at claimed_until.
  await db.schema.alterTable("outbox").addColumn("claim_token", "text").execute();
  await db.schema.alterTable("outbox").addColumn("claimed_until", "text").execute();
  await db.schema.createIndex("outbox_unsent").on("outbox").columns(["sent_at", "created_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("outbox_unsent").execute();
  await db.schema.alterTable("outbox").dropColumn("claimed_until").execute();
  await db.schema.alterTable("outbox").dropColumn("claim_token").execute();
}
