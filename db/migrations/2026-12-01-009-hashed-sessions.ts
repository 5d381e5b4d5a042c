import type { Kysely } from "kysely";

// Frozen: never edit a landed migration; add a new dated file instead.
export async function up(db: Kysely<any>): Promise<void> {
  // auth_sessions.id now holds the SHA-256 of the session id (decision 012). The rows written
  // before hold the ids themselves, and a copy of the database taken before this migration holds
  // them too, so they are not hashed in place but ended: everyone signs in again once.
  await db.deleteFrom("auth_sessions").execute();
}

export async function down(): Promise<void> {
  // Nothing to restore: the ended sessions are gone, and hashed ids work with the old code only
  // as unknown ids (everyone signs in again).
}
