import { getDb, nowIso } from "~/platform/db.server";
import { hashPassword, spendVerificationTime, verifyPassword } from "~/auth/password.server";
import { hashSessionId } from "~/auth/adapter.server";
import { createSession, getLucia, sessionCookie } from "~/auth/lucia.server";
import { recordAudit } from "../../platform/audit.server";
import { now as clockNow } from "~/lib/clock";
import { minutesToWait } from "~/lib/throttle";
import { forbidden, invalid, tooMany, type Db, type Result } from "../../platform/types";

/** Failed sign-ins are counted per e-mail (known or not) and per client address. */
export const THROTTLE_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

const emailKey = (email: string) => `email:${email}`;
const addressKey = (ip: string) => `ip:${ip}`;

/** Minutes until the key may try again, or 0 when it may try now. */
async function lockedMinutes(db: Db, key: string, limit: number, now: Date): Promise<number> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60000).toISOString();
  const rows = await db
    .selectFrom("login_failures")
    .select("at")
    .where("key", "=", key)
    .where("at", ">", since)
    .orderBy("at", "desc")
    .limit(limit)
    .execute();
  return minutesToWait(
    rows.map((r) => r.at),
    limit,
    THROTTLE_WINDOW_MINUTES,
    now.getTime(),
  );
}

/**
 * Checks the limits and, when they allow one more attempt, records it as a failure at once,
 * in one (IMMEDIATE) transaction, before any password is hashed: an attempt in flight counts
 * as a failure, so simultaneous attempts from any number of processes cannot all pass the
 * check. Returns the ids of the rows written (to release them when the password was right),
 * or the minutes to wait.
 */
async function reserveAttempt(
  email: string,
  ip: string | null,
  now: Date,
): Promise<{ ids: number[] } | { minutes: number }> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const minutes = Math.max(
        await lockedMinutes(trx, emailKey(email), MAX_FAILURES_PER_EMAIL, now),
        ip ? await lockedMinutes(trx, addressKey(ip), MAX_FAILURES_PER_ADDRESS, now) : 0,
      );
      if (minutes > 0) return { minutes };
      const at = now.toISOString();
      const rows = [{ key: emailKey(email), at }];
      if (ip) rows.push({ key: addressKey(ip), at });
      const ids = (await trx.insertInto("login_failures").values(rows).returning("id").execute()).map((r) => r.id);
      // Failures older than the window no longer count; drop them so the table stays small.
      const expired = new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60000).toISOString();
      await trx.deleteFrom("login_failures").where("at", "<", expired).execute();
      return { ids };
    });
}

/** Refused as invalid (login.invalid), forbidden (login.disabled) or tooMany (login.tooMany, with the minutes to wait). */
export type SignInResult = Result<{ userId: string; sessionCookie: string }>;

/**
 * Checks an e-mail and password. The answer never tells whether an e-mail has
 * an account: unknown e-mails cost the same hashing time and the same message,
 * and are throttled the same way.
 */
export async function signIn(input: { email: string; password: string; ip: string | null }): Promise<SignInResult> {
  const db = getDb();
  const reservation = await reserveAttempt(input.email, input.ip, clockNow());
  if ("minutes" in reservation) return tooMany("login.tooMany", { minutes: reservation.minutes });

  const user = await db
    .selectFrom("users")
    .select(["id", "password_hash", "disabled_at"])
    .where("email", "=", input.email)
    .executeTakeFirst();
  const valid = user?.password_hash
    ? await verifyPassword(user.password_hash, input.password)
    : (await spendVerificationTime(input.password), false);

  // A wrong password leaves its reserved rows in place: they are the recorded failure.
  if (!valid || !user) return invalid("login.invalid");

  // The right password: release the reservation. A success also clears the e-mail's earlier failures.
  if (user.disabled_at) {
    await db.deleteFrom("login_failures").where("id", "in", reservation.ids).execute();
    return forbidden("login.disabled");
  }
  await db
    .deleteFrom("login_failures")
    .where((eb) => eb.or([eb("id", "in", reservation.ids), eb("key", "=", emailKey(input.email))]))
    .execute();

  const session = await createSession(user.id);
  await recordAudit(db, { actorId: user.id, action: "auth.sign_in", entity: "user", entityId: user.id, ip: input.ip });
  return { ok: true, userId: user.id, sessionCookie: sessionCookie(session) };
}

/** Ends the session on the server and returns the cookie that clears it in the browser. */
export async function signOut(sessionId: string, userId: string, ip: string | null): Promise<string> {
  const lucia = getLucia();
  await lucia.invalidateSession(sessionId);
  await recordAudit(getDb(), { actorId: userId, action: "auth.sign_out", entity: "user", entityId: userId, ip });
  return lucia.createBlankSessionCookie().serialize();
}

/** Changes a password after checking the current one; ends every other session. */
export async function changePassword(input: {
  userId: string;
  keepSessionId: string;
  currentPassword: string;
  newPassword: string;
  ip: string | null;
}): Promise<Result> {
  const db = getDb();
  const user = await db.selectFrom("users").select("password_hash").where("id", "=", input.userId).executeTakeFirst();
  if (!user?.password_hash || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    return invalid("account.wrongPassword", "currentPassword");
  }
  const hash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ password_hash: hash, updated_at: nowIso() })
      .where("id", "=", input.userId)
      .execute();
    await trx
      .deleteFrom("auth_sessions")
      .where("user_id", "=", input.userId)
      .where("id", "!=", hashSessionId(input.keepSessionId))
      .execute();
    await recordAudit(trx, {
      actorId: input.userId,
      action: "user.change_password",
      entity: "user",
      entityId: input.userId,
      ip: input.ip,
    });
  });
  return { ok: true };
}
