import { createHash } from "node:crypto";
import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Role } from "./roles";

/**
 * What `auth_sessions.id` holds for a session id: its SHA-256, in hex. The id itself lives only
 * in the cookie, so a copy of the database holds no session anyone could use.
 */
export function hashSessionId(sessionId: string): string {
  return createHash("sha256").update(sessionId).digest("hex");
}

/** How long sessions live (app/auth/lucia.server.ts gives the real one; decision 012). */
export interface SessionPolicy {
  /** The app's clock, in milliseconds. */
  now(): number;
  /** The expiry of a session of this role, opened at createdAt, that is used now: idle time, capped by the lifetime. */
  expiresAt(role: Role, createdAt: number, now: number): number;
  /** The absolute lifetime: no session outlives created_at plus this, however much it is used. */
  lifetimeMs: number;
}

/** A stored session with its user: what validation needs. */
export interface StoredSession {
  session: DatabaseSession & { createdAt: Date };
  user: DatabaseUser;
}

/**
 * Lucia's adapter over our own tables. Lucia's stock SQLite adapter pins
 * better-sqlite3 11.x; this one uses the Kysely handle we have. Lucia hands it the
 * session id from the cookie; it stores and looks up only the id's hash. It also keeps
 * to our session policy: a new session's expiry is its role's idle time, and a session
 * past its expiry (idle) or its lifetime (absolute) is never returned, but deleted.
 */
export class KyselyLuciaAdapter implements Adapter {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly policy: SessionPolicy,
  ) {}

  /** The session and its user, or null when the id is unknown or the session has ended (then it is deleted). */
  async getSession(sessionId: string): Promise<StoredSession | null> {
    const row = await this.db
      .selectFrom("auth_sessions as s")
      .innerJoin("users as u", "u.id", "s.user_id")
      .select([
        "s.expires_at",
        "s.created_at",
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
    if (!row) return null;
    const now = this.policy.now();
    const expiresAt = Date.parse(row.expires_at);
    const createdAt = Date.parse(row.created_at);
    // Idle past its expiry, or older than the lifetime (even if its expiry says otherwise).
    if (!(now < expiresAt) || !(now < createdAt + this.policy.lifetimeMs)) {
      await this.deleteSession(sessionId);
      return null;
    }
    return {
      // The id Lucia knows (the cookie's), not the stored hash, so that calls back with it hash it again.
      session: {
        id: sessionId,
        userId: row.user_id,
        expiresAt: new Date(expiresAt),
        createdAt: new Date(createdAt),
        attributes: {},
      },
      user: {
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
    };
  }

  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const found = await this.getSession(sessionId);
    return found ? [found.session, found.user] : [null, null];
  }

  /** The ids returned are the stored hashes (the ids themselves are not kept): list, do not invalidate, with them. */
  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await this.db.selectFrom("auth_sessions").selectAll().where("user_id", "=", userId).execute();
    return rows.map((r) => ({ id: r.id, userId: r.user_id, expiresAt: new Date(r.expires_at), attributes: {} }));
  }

  /** Stores a new session (by the id's hash) with its role's idle expiry; returns that expiry. */
  async insertSession(sessionId: string, userId: string): Promise<Date> {
    const { role } = await this.db
      .selectFrom("users")
      .select("role")
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
    const now = this.policy.now();
    const expiresAt = new Date(this.policy.expiresAt(role, now, now));
    await this.db
      .insertInto("auth_sessions")
      .values({
        id: hashSessionId(sessionId),
        user_id: userId,
        expires_at: expiresAt.toISOString(),
        created_at: new Date(now).toISOString(),
      })
      .execute();
    return expiresAt;
  }

  /** Lucia's createSession lands here; the expiry it computed (one fixed span) gives way to the role's. */
  async setSession(session: DatabaseSession): Promise<void> {
    await this.insertSession(session.id, session.userId);
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

  /** Deletes the sessions that have ended, idle or by their lifetime (npm start does this once). */
  async deleteExpiredSessions(): Promise<void> {
    const now = this.policy.now();
    await this.db
      .deleteFrom("auth_sessions")
      .where((eb) =>
        eb.or([
          eb("expires_at", "<=", new Date(now).toISOString()),
          eb("created_at", "<=", new Date(now - this.policy.lifetimeMs).toISOString()),
        ]),
      )
      .execute();
  }
}
