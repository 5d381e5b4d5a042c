import { createHash } from "node:crypto";
import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

/**
 * What `auth_sessions.id` holds for a session id: its SHA-256, in hex. The id itself lives only
 * in the cookie, so a copy of the database holds no session anyone could use.
 */
export function hashSessionId(sessionId: string): string {
  return createHash("sha256").update(sessionId).digest("hex");
}

/**
 * Lucia's adapter over our own tables. Lucia's stock SQLite adapter pins
 * better-sqlite3 11.x; this one uses the Kysely handle we have. Lucia hands it the
 * session id from the cookie; it stores and looks up only the id's hash.
 */
export class KyselyLuciaAdapter implements Adapter {
  constructor(private readonly db: Kysely<Database>) {}

  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const row = await this.db
      .selectFrom("auth_sessions as s")
      .innerJoin("users as u", "u.id", "s.user_id")
      .select([
        "s.expires_at",
        "u.id as user_id",
        "u.email",
        "u.full_name",
        "u.role",
        "u.organisation_id",
        "u.locale",
        "u.time_zone",
        "u.disabled_at",
      ])
      .where("s.id", "=", hashSessionId(sessionId))
      .executeTakeFirst();
    if (!row) return [null, null];
    return [
      // The id Lucia knows (the cookie's), not the stored hash, so that Lucia's calls back hash it again.
      { id: sessionId, userId: row.user_id, expiresAt: new Date(row.expires_at), attributes: {} },
      {
        id: row.user_id,
        attributes: {
          email: row.email,
          full_name: row.full_name,
          role: row.role,
          organisation_id: row.organisation_id,
          locale: row.locale,
          time_zone: row.time_zone,
          disabled_at: row.disabled_at,
        },
      },
    ];
  }

  /** The ids returned are the stored hashes (the ids themselves are not kept): list, do not invalidate, with them. */
  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await this.db.selectFrom("auth_sessions").selectAll().where("user_id", "=", userId).execute();
    return rows.map((r) => ({ id: r.id, userId: r.user_id, expiresAt: new Date(r.expires_at), attributes: {} }));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    await this.db
      .insertInto("auth_sessions")
      .values({
        id: hashSessionId(session.id),
        user_id: session.userId,
        expires_at: session.expiresAt.toISOString(),
        created_at: new Date().toISOString(),
      })
      .execute();
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await this.db
      .updateTable("auth_sessions")
      .set({ expires_at: expiresAt.toISOString() })
      .where("id", "=", hashSessionId(sessionId))
      .execute();
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.db.deleteFrom("auth_sessions").where("id", "=", hashSessionId(sessionId)).execute();
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.db.deleteFrom("auth_sessions").where("user_id", "=", userId).execute();
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.db.deleteFrom("auth_sessions").where("expires_at", "<=", new Date().toISOString()).execute();
  }
}
