import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { nowMs } from "~/lib/clock";
import { minutesToWait } from "~/lib/throttle";

/**
 * Limits on forms that send mail (the public registration and the password reset): per client
 * address and per recipient, so the forms can be neither flooded nor used to mail-bomb anyone.
 * Call it inside the action's (IMMEDIATE) transaction: the count and the new event are one step.
 */
export type ThrottleRule = { key: string; limit: number; windowMinutes: number };

export async function takeAllowance(
  db: Kysely<Database> | Transaction<Database>,
  rules: ThrottleRule[],
): Promise<{ ok: true } | { ok: false; minutes: number }> {
  const now = nowMs();
  let wait = 0;
  for (const rule of rules) {
    const since = new Date(now - rule.windowMinutes * 60_000).toISOString();
    const rows = await db
      .selectFrom("throttle_events")
      .select("at")
      .where("key", "=", rule.key)
      .where("at", ">", since)
      .orderBy("at", "desc")
      .limit(rule.limit)
      .execute();
    wait = Math.max(
      wait,
      minutesToWait(
        rows.map((r) => r.at),
        rule.limit,
        rule.windowMinutes,
        now,
      ),
    );
  }
  if (wait > 0) return { ok: false, minutes: wait };
  const at = new Date(now).toISOString();
  await db
    .insertInto("throttle_events")
    .values(rules.map((r) => ({ key: r.key, at })))
    .execute();
  // Events older than a day count against nothing.
  await db
    .deleteFrom("throttle_events")
    .where("at", "<", new Date(now - 86_400_000).toISOString())
    .execute();
  return { ok: true };
}
