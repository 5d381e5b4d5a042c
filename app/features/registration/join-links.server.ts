import { randomBytes } from "node:crypto";
import { getDb, nowIso } from "~/platform/db.server";
import { joinWindow, type JoinWindow } from "~/features/registration/join";
import { recordAudit } from "../../platform/audit.server";
import { now as clockNow } from "~/lib/clock";

/**
 * Personal join links: one unguessable token per approved online delegate and
 * published session, created the first time the delegate's page lists it.
 */
export async function joinLinksFor(registration: { id: number; conference_id: number; status: string; mode: string }) {
  if (registration.status !== "approved" || registration.mode !== "online") return [];
  const db = getDb();
  const sessions = await db
    .selectFrom("sessions")
    .select(["id", "kind", "title_vi", "title_en", "starts_at", "ends_at", "stream_url"])
    .where("conference_id", "=", registration.conference_id)
    .where("published", "=", 1)
    .where("kind", "!=", "break")
    .orderBy("starts_at")
    .execute();
  if (sessions.length === 0) return [];
  const now = nowIso();
  await db
    .insertInto("join_links")
    .values(
      sessions.map((s) => ({
        token: randomBytes(24).toString("base64url"),
        registration_id: registration.id,
        session_id: s.id,
        created_at: now,
        first_joined_at: null,
        last_joined_at: null,
      })),
    )
    .onConflict((oc) => oc.columns(["registration_id", "session_id"]).doNothing())
    .execute();
  const links = await db
    .selectFrom("join_links")
    .select(["session_id", "token", "first_joined_at"])
    .where("registration_id", "=", registration.id)
    .execute();
  const bySession = new Map(links.map((l) => [l.session_id, l]));
  return sessions.map((s) => ({
    ...s,
    token: bySession.get(s.id)!.token,
    joined: Boolean(bySession.get(s.id)!.first_joined_at),
  }));
}

export type JoinOutcome =
  | { state: "redirect"; url: string }
  | { state: "invalid" }
  | { state: "refused"; status: string; mode: string }
  | {
      state: Exclude<JoinWindow, "open">;
      startsAt: string;
      endsAt: string;
      titleVi: string;
      titleEn: string;
      timeZone: string;
    }
  | { state: "noStream"; titleVi: string; titleEn: string };

/** Opening a join link: attendance is recorded only while the session is near or running. */
export async function openJoinLink(token: string, ip: string | null, now = clockNow()): Promise<JoinOutcome> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return { state: "invalid" };
  const db = getDb();
  const link = await db
    .selectFrom("join_links as j")
    .innerJoin("registrations as r", "r.id", "j.registration_id")
    .innerJoin("sessions as s", "s.id", "j.session_id")
    .innerJoin("conferences as c", "c.id", "s.conference_id")
    .leftJoin("rooms as room", "room.id", "s.room_id")
    .leftJoin("users as u", "u.id", "r.user_id")
    .select(["u.disabled_at as user_disabled_at"])
    .select([
      "j.token",
      "j.registration_id",
      "r.status",
      "r.mode",
      "r.user_id",
      "s.id as session_id",
      "s.title_vi",
      "s.title_en",
      "s.starts_at",
      "s.ends_at",
      "s.published",
      "c.time_zone",
    ])
    // The session's own stream, else its room's.
    .select((eb) => eb.fn.coalesce("s.stream_url", "room.stream_url").as("stream_url"))
    .where("j.token", "=", token)
    .executeTakeFirst();
  if (!link || !link.published || link.user_disabled_at) return { state: "invalid" };
  if (link.status !== "approved" || link.mode !== "online")
    return { state: "refused", status: link.status, mode: link.mode };
  const window = joinWindow(link.starts_at, link.ends_at, now);
  if (window !== "open")
    return {
      state: window,
      startsAt: link.starts_at,
      endsAt: link.ends_at,
      titleVi: link.title_vi,
      titleEn: link.title_en,
      timeZone: link.time_zone,
    };
  if (!link.stream_url) return { state: "noStream", titleVi: link.title_vi, titleEn: link.title_en };
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("join_links")
      .set((eb) => ({
        first_joined_at: eb.fn.coalesce("first_joined_at", eb.val(at)),
        last_joined_at: at,
        join_count: eb("join_count", "+", 1),
      }))
      .where("token", "=", token)
      .execute();
    await recordAudit(trx, {
      actorId: link.user_id,
      action: "session.join_online",
      entity: "session",
      entityId: link.session_id,
      detail: { registrationId: link.registration_id },
      ip,
    });
  });
  return { state: "redirect", url: link.stream_url };
}

/** Online attendance per session: how many delegates joined through their links. */
export async function onlineAttendance(conferenceId: number) {
  return getDb()
    .selectFrom("join_links as j")
    .innerJoin("sessions as s", "s.id", "j.session_id")
    .select(["s.id", (eb) => eb.fn.count<number>("j.first_joined_at").as("joined")])
    .where("s.conference_id", "=", conferenceId)
    .groupBy("s.id")
    .execute();
}
