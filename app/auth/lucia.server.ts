import { Cookie, generateIdFromEntropySize, Lucia, TimeSpan, type Session, type User } from "lucia";
import { getDb } from "~/platform/db.server";
import { nowMs } from "~/lib/clock";
import type { Locale } from "../../db/schema";
import type { Role } from "./roles";
import { KyselyLuciaAdapter, type SessionPolicy } from "./adapter.server";

/** Secure cookies whenever the public address is https (always in production behind TLS). */
export function cookiesAreSecure(): boolean {
  if (process.env.COOKIE_SECURE) return process.env.COOKIE_SECURE === "true";
  return (process.env.PUBLIC_URL ?? "").startsWith("https://");
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * How long a session may go unused before it ends (decision 012): 12 hours for staff, who can
 * change or read everyone's data, 7 days for delegates and exhibitors. Every use moves the
 * expiry to that long after the use.
 */
export const SESSION_IDLE_MS: Record<Role, number> = {
  organiser: 12 * HOUR_MS,
  secretariat: 12 * HOUR_MS,
  delegate: 7 * DAY_MS,
  exhibitor: 7 * DAY_MS,
};

/** How long any session lasts at most, however much it is used: then one signs in again. */
export const SESSION_LIFETIME_MS = 30 * DAY_MS;

/** A use writes the new expiry only when it moves by at least this much: one write a minute per session at most. */
export const SESSION_RENEW_STEP_MS = 60_000;

/** The expiry of a session used now: its role's idle time from now, never past its lifetime. */
export function sessionExpiresAt(role: Role, createdAt: number, now: number): number {
  return Math.min(now + SESSION_IDLE_MS[role], createdAt + SESSION_LIFETIME_MS);
}

// Session times are on the app's clock (app/lib/clock.ts), like every other time we store;
// Lucia's own clock is not consulted, because validation is ours (validateSession below).
const policy: SessionPolicy = { now: nowMs, expiresAt: sessionExpiresAt, lifetimeMs: SESSION_LIFETIME_MS };

const COOKIE_NAME = "nv_session";
const cookieAttributes = () => ({ httpOnly: true, secure: cookiesAreSecure(), sameSite: "lax" as const, path: "/" });

function userAttributes(a: UserColumns) {
  return {
    email: a.email,
    fullName: a.full_name,
    role: a.role,
    organisationId: a.organisation_id,
    locale: a.locale,
    timeZone: a.time_zone,
    disabledAt: a.disabled_at,
  };
}

function createLucia(adapter: KyselyLuciaAdapter) {
  return new Lucia(adapter, {
    // Only the Max-Age of Lucia's own createSessionCookie (for callers that use it): the shortest
    // idle time, so that such a cookie never outlives its session. Expiry and renewal are ours.
    sessionExpiresIn: new TimeSpan(Math.min(...Object.values(SESSION_IDLE_MS)), "ms"),
    sessionCookie: { name: COOKIE_NAME, expires: true, attributes: { secure: cookiesAreSecure(), sameSite: "lax" } },
    getUserAttributes: userAttributes,
  });
}

let instance: { lucia: ReturnType<typeof createLucia>; adapter: KyselyLuciaAdapter } | null = null;
function auth() {
  if (!instance) {
    const adapter = new KyselyLuciaAdapter(getDb(), policy);
    instance = { lucia: createLucia(adapter), adapter };
  }
  return instance;
}

/** Lucia, for reading the cookie, ending sessions and the blank cookie. Validate with validateSession below. */
export function getLucia() {
  return auth().lucia;
}

/** Opens a session for the user, its expiry set by the user's role. */
export async function createSession(userId: string): Promise<Session> {
  const id = generateIdFromEntropySize(25);
  const expiresAt = await auth().adapter.insertSession(id, userId);
  return { id, userId, expiresAt, fresh: true };
}

/**
 * The session for a cookie's id, or nulls when it is unknown or has ended (idle past its
 * expiry, or older than its lifetime: such a session is deleted). A session in use gets its
 * expiry moved to its role's idle time from now, capped by its lifetime. Use this, not
 * Lucia's validateSession, which knows only one fixed span for everyone.
 */
export async function validateSession(
  sessionId: string,
): Promise<{ session: Session; user: User } | { session: null; user: null }> {
  const { adapter } = auth();
  const found = await adapter.getSession(sessionId);
  if (!found) return { session: null, user: null };
  const { session, user } = found;
  let expiresAt = session.expiresAt;
  const next = sessionExpiresAt(user.attributes.role, session.createdAt.getTime(), policy.now());
  // Moves both ways: a role with a shorter idle time takes effect at the next use.
  const fresh = Math.abs(next - expiresAt.getTime()) >= SESSION_RENEW_STEP_MS;
  if (fresh) {
    expiresAt = new Date(next);
    await adapter.updateSessionExpiration(sessionId, expiresAt);
  }
  return {
    session: { id: sessionId, userId: session.userId, expiresAt, fresh },
    user: { id: user.id, ...userAttributes(user.attributes) },
  };
}

/**
 * The session's cookie, with a Max-Age that ends when the session would (whole seconds, rounded
 * down), so the browser never keeps it longer than the server. Send it again whenever the
 * expiry moves.
 */
export function sessionCookie(session: Pick<Session, "id" | "expiresAt">): string {
  const maxAge = Math.max(0, Math.floor((session.expiresAt.getTime() - policy.now()) / 1000));
  return new Cookie(COOKIE_NAME, session.id, { ...cookieAttributes(), maxAge }).serialize();
}

/** The user's columns the adapter reads with the session (Lucia's "database user attributes"). */
type UserColumns = {
  email: string;
  full_name: string;
  role: Role;
  organisation_id: number | null;
  locale: Locale;
  time_zone: string | null;
  disabled_at: string | null;
};

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseUserAttributes: UserColumns;
  }
}
