import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

/**
 * Lucia's adapter over our own tables. Lucia's stock SQLite adapter pins
 * better-sqlite3 11.x; this one is 60 lines and uses the Kysely handle we have.
 */
export class KyselyLuciaAdapter implements Adapter {
  constructor(private readonly db: Kysely<Database>) {}

  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const row = await this.db
      .selectFrom("auth_sessions as s")
      .innerJoin("users as u", "u.id", "s.user_id")
      .select([
        "s.id as session_id",
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
      .where("s.id", "=", sessionId)
      .executeTakeFirst();
    if (!row) return [null, null];
    return [
      { id: row.session_id, userId: row.user_id, expiresAt: new Date(row.expires_at), attributes: {} },
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

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await this.db.selectFrom("auth_sessions").selectAll().where("user_id", "=", userId).execute();
    return rows.map((r) => ({ id: r.id, userId: r.user_id, expiresAt: new Date(r.expires_at), attributes: {} }));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    await this.db
      .insertInto("auth_sessions")
      .values({
        id: session.id,
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
      .where("id", "=", sessionId)
      .execute();
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.db.deleteFrom("auth_sessions").where("id", "=", sessionId).execute();
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.db.deleteFrom("auth_sessions").where("user_id", "=", userId).execute();
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.db.deleteFrom("auth_sessions").where("expires_at", "<=", new Date().toISOString()).execute();
  }
}
