import { getDb, nowIso } from "~/platform/db.server";
import {
  agendaReasons,
  canFavourite,
  changesCalendar,
  findClashes,
  isForEveryone,
  type Clash,
  type SessionKind,
  type SessionRole,
} from "~/features/agenda/rules";
import { translate } from "~/features/agenda/i18n";
import {
  conflict,
  invalid,
  notFound,
  type Actor,
  type Db,
  type Refusal,
  type Refused,
  type Result,
} from "~/platform/types";
import type { RoomInput, SessionInput } from "~/features/agenda/schema";
import { formatRange, zonedLocalToUtc } from "~/lib/time";
import { recordAudit } from "../../platform/audit.server";
import { loweringRefusal } from "./session-places.server";
import { publicUrl } from "../people/invitations.server";
import { queueEmail } from "../../platform/outbox.server";

// ---------------------------------------------------------------- rooms

export async function listRooms(conferenceId: number) {
  const db = getDb();
  const rooms = await db
    .selectFrom("rooms")
    .selectAll()
    .where("conference_id", "=", conferenceId)
    .orderBy("sort_order")
    .orderBy("name_vi")
    .execute();
  const counts = await db
    .selectFrom("sessions")
    .select(["room_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("conference_id", "=", conferenceId)
    .where("room_id", "is not", null)
    .groupBy("room_id")
    .execute();
  const byRoom = new Map(counts.map((c) => [c.room_id, Number(c.n)]));
  return rooms.map((r) => ({ ...r, sessions: byRoom.get(r.id) ?? 0 }));
}

export async function saveRoom(
  conferenceId: number,
  id: number | null,
  input: RoomInput,
  actor: Actor,
): Promise<Result<{ id: number }>> {
  return getDb()
    .transaction()
    .execute(async (trx): Promise<Result<{ id: number }>> => {
      const taken = await trx
        .selectFrom("rooms")
        .select("id")
        .where("conference_id", "=", conferenceId)
        .where("name_vi", "=", input.nameVi)
        .$if(id !== null, (q) => q.where("id", "!=", id!))
        .executeTakeFirst();
      if (taken) return invalid("agenda.errors.roomNameTaken", "nameVi");
      const now = nowIso();
      const values = {
        name_vi: input.nameVi,
        name_en: input.nameEn,
        capacity: input.capacity,
        stream_url: input.streamUrl,
        notes: input.notes,
      };
      let roomId = id;
      if (id === null) {
        roomId = (
          await trx
            .insertInto("rooms")
            .values({ ...values, conference_id: conferenceId, sort_order: 0, created_at: now, updated_at: now })
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id;
      } else {
        const res = await trx
          .updateTable("rooms")
          .set({ ...values, updated_at: now })
          .where("id", "=", id)
          .where("conference_id", "=", conferenceId)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) return notFound();
      }
      await recordAudit(trx, {
        actorId: actor.id,
        action: id === null ? "room.create" : "room.update",
        entity: "room",
        entityId: roomId,
        detail: { name: input.nameVi, capacity: input.capacity },
        ip: actor.ip,
      });
      return { ok: true, id: roomId! };
    });
}

/** A room with sessions is never deleted: the organiser is told how many to move first. */
export async function deleteRoom(conferenceId: number, id: number, actor: Actor): Promise<Result> {
  return getDb()
    .transaction()
    .execute(async (trx): Promise<Result> => {
      const [{ n }] = await trx
        .selectFrom("sessions")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("room_id", "=", id)
        .execute();
      if (Number(n) > 0) return conflict("agenda.errors.roomInUse", { n: Number(n) });
      const res = await trx
        .deleteFrom("rooms")
        .where("id", "=", id)
        .where("conference_id", "=", conferenceId)
        .executeTakeFirst();
      if (Number(res.numDeletedRows) !== 1) return notFound();
      await recordAudit(trx, { actorId: actor.id, action: "room.delete", entity: "room", entityId: id, ip: actor.ip });
      return { ok: true };
    });
}

// ---------------------------------------------------------------- sessions

export interface SessionPerson {
  registrationId: number;
  role: SessionRole;
}

/** The conference's sessions with their room and people; drafts only when asked. */
export async function listSessions(conferenceId: number, options: { includeDrafts: boolean }) {
  const db = getDb();
  const sessions = await db
    .selectFrom("sessions as s")
    .leftJoin("rooms as r", "r.id", "s.room_id")
    .selectAll("s")
    .select([
      "r.name_vi as room_vi",
      "r.name_en as room_en",
      "r.capacity as room_capacity",
      "r.stream_url as room_stream_url",
    ])
    .where("s.conference_id", "=", conferenceId)
    .$if(!options.includeDrafts, (q) => q.where("s.published", "=", 1))
    .orderBy("s.starts_at")
    .orderBy("r.sort_order")
    .orderBy("s.id")
    .execute();
  if (sessions.length === 0) return [];
  const ids = sessions.map((s) => s.id);
  const [people, signups] = await Promise.all([
    db
      .selectFrom("session_people as p")
      .innerJoin("registrations as g", "g.id", "p.registration_id")
      .innerJoin("organisations as o", "o.id", "g.organisation_id")
      .select([
        "p.session_id",
        "p.registration_id",
        "p.role",
        "p.position",
        "g.honorific",
        "g.full_name",
        "g.position as title",
        "o.name_vi as organisation_vi",
        "o.name_en as organisation_en",
      ])
      .where("p.session_id", "in", ids)
      .orderBy("p.session_id")
      .orderBy("p.position")
      .execute(),
    db
      .selectFrom("session_signups")
      .select(["session_id", "mode", (eb) => eb.fn.countAll<number>().as("n")])
      .where("session_id", "in", ids)
      .groupBy(["session_id", "mode"])
      .execute(),
  ]);
  return sessions.map((s) => {
    const capacity = s.capacity ?? s.room_capacity ?? null;
    const inPerson = Number(signups.find((x) => x.session_id === s.id && x.mode === "in_person")?.n ?? 0);
    const online = Number(signups.find((x) => x.session_id === s.id && x.mode === "online")?.n ?? 0);
    // capacity is what applies (the session's own, else its room's); ownCapacity is what the organiser set.
    return {
      ...s,
      ownCapacity: s.capacity,
      capacity,
      signedUpInPerson: inPerson,
      signedUpOnline: online,
      people: people.filter((p) => p.session_id === s.id),
    };
  });
}

export type AgendaSession = Awaited<ReturnType<typeof listSessions>>[number];

/** Each clash as a refusal beside the field it concerns, with what the message names (the other session, the person). */
function describeClashes(
  clashes: Clash[],
  others: Map<number, { title_vi: string; starts_at: string; ends_at: string }>,
  names: Map<number, string>,
  zone: string,
): Refusal[] {
  return clashes.map((c): Refusal => {
    const time = (id: number) => {
      const o = others.get(id)!;
      return formatRange(o.starts_at, o.ends_at, zone, "vi", true);
    };
    switch (c.kind) {
      case "order":
        return invalid("agenda.errors.order", "endTime").refusal;
      case "outside":
        return invalid("agenda.errors.outside", "day", { first: c.firstDay, last: c.lastDay }).refusal;
      case "capacity":
        return invalid("agenda.errors.capacity", "capacity", { capacity: c.roomCapacity }).refusal;
      case "room":
        return invalid("agenda.errors.roomClash", "roomId", {
          title: others.get(c.sessionId)!.title_vi,
          time: time(c.sessionId),
        }).refusal;
      case "person":
        return invalid("agenda.errors.personClash", "people", {
          name: names.get(c.registrationId) ?? "",
          title: others.get(c.sessionId)!.title_vi,
          time: time(c.sessionId),
        }).refusal;
    }
  });
}

/** An existing session about to be written with these times and kind. */
export interface SessionChange {
  sessionId: number;
  kind: SessionKind;
  before: { startsAt: string; endsAt: string };
  startsAt: string;
  endsAt: string;
  timeZone: string;
}

/**
 * What a feature above the agenda does when a session changes (the meetings: a block's slots follow
 * their session, and its parties are told), in the same transaction, before the session is written.
 * A refusal stops the change; the caller (the route) passes it, since the agenda knows no feature above it.
 */
export type SessionChangeHook = (db: Db, change: SessionChange) => Promise<Refusal | null>;

/** Refused: the first reason (`refusal`) and, when the timetable is the reason, every clash (`clashes`, each beside its field). */
export type SaveSessionResult = { ok: true; id: number; notified: number } | (Refused & { clashes: Refusal[] });

/**
 * Creates or changes a session after checking it against the timetable: the
 * room and every chair, speaker and rapporteur free at that time, within the
 * conference's days, within the room's capacity. When a published session
 * moves, its people and signed-up delegates are told. `onChange` lets a feature
 * above the agenda follow (or refuse) a change of an existing session. Fewer
 * places than are signed up in person is refused (agenda.errors.capacityBelowSignUps)
 * unless `confirmOver`: then it is saved and nobody is moved (the editor lists who is over).
 */
export async function saveSession(
  conferenceId: number,
  id: number | null,
  input: SessionInput,
  people: SessionPerson[],
  actor: Actor,
  options: { onChange?: SessionChangeHook; confirmOver?: boolean } = {},
): Promise<SaveSessionResult> {
  const refused = (refusal: Refusal, clashes: Refusal[] = []): SaveSessionResult => ({ ok: false, refusal, clashes });
  return getDb()
    .transaction()
    .execute(async (trx): Promise<SaveSessionResult> => {
      const conference = await trx
        .selectFrom("conferences")
        .selectAll()
        .where("id", "=", conferenceId)
        .executeTakeFirstOrThrow();
      const zone = conference.time_zone;
      const startsAt = zonedLocalToUtc(`${input.day}T${input.startTime}`, zone);
      const endsAt = zonedLocalToUtc(`${input.day}T${input.endTime}`, zone);
      if (!startsAt || !endsAt) return refused(invalid("errors.dateTime", "day").refusal);
      const current =
        id === null
          ? null
          : await trx
              .selectFrom("sessions")
              .selectAll()
              .where("id", "=", id)
              .where("conference_id", "=", conferenceId)
              .executeTakeFirst();
      if (id !== null && !current) return refused(notFound().refusal);
      const room =
        input.roomId === null
          ? null
          : await trx
              .selectFrom("rooms")
              .selectAll()
              .where("id", "=", input.roomId)
              .where("conference_id", "=", conferenceId)
              .executeTakeFirst();
      if (input.roomId !== null && !room) return refused(invalid("agenda.errors.unknownRoom", "roomId").refusal);
      const personIds = [...new Set(people.map((p) => p.registrationId))];
      const persons = personIds.length
        ? await trx
            .selectFrom("registrations")
            .select(["id", "full_name"])
            .where("conference_id", "=", conferenceId)
            .where("id", "in", personIds)
            .where("status", "in", ["approved", "pending"])
            .execute()
        : [];
      if (persons.length !== personIds.length) return refused(invalid("agenda.errors.unknownPerson", "people").refusal);

      const others = await trx
        .selectFrom("sessions")
        .select(["id", "title_vi", "starts_at", "ends_at", "room_id"])
        .where("conference_id", "=", conferenceId)
        .where("starts_at", "<", endsAt)
        .where("ends_at", ">", startsAt)
        .execute();
      const otherPeople = others.length
        ? await trx
            .selectFrom("session_people")
            .select(["session_id", "registration_id"])
            .where(
              "session_id",
              "in",
              others.map((o) => o.id),
            )
            .execute()
        : [];
      const clashes = findClashes(
        { id, startsAt, endsAt, roomId: input.roomId, people: personIds, capacity: input.capacity },
        others.map((o) => ({
          id: o.id,
          startsAt: o.starts_at,
          endsAt: o.ends_at,
          roomId: o.room_id,
          people: otherPeople.filter((p) => p.session_id === o.id).map((p) => p.registration_id),
        })),
        {
          conferenceStartsAt: conference.starts_at,
          conferenceEndsAt: conference.ends_at,
          timeZone: zone,
          roomCapacity: room?.capacity ?? null,
        },
      );
      if (clashes.length) {
        const described = describeClashes(
          clashes,
          new Map(others.map((o) => [o.id, o])),
          new Map(persons.map((p) => [p.id, p.full_name])),
          zone,
        );
        return refused(described[0], described);
      }

      // Fewer places than are signed up moves nobody: refused until the organiser confirms (before any hook writes).
      if (current && !options.confirmOver) {
        const lowering = await loweringRefusal(trx, current, {
          capacity: input.capacity,
          roomCapacity: room?.capacity ?? null,
        });
        if (lowering) return refused(lowering);
      }

      // What follows the session elsewhere (a meeting block's slots and meetings) follows it now, or refuses.
      if (current && options.onChange) {
        const refusal = await options.onChange(trx, {
          sessionId: current.id,
          kind: input.kind,
          before: { startsAt: current.starts_at, endsAt: current.ends_at },
          startsAt,
          endsAt,
          timeZone: zone,
        });
        if (refusal) return refused(refusal);
      }

      const now = nowIso();
      const values = {
        kind: input.kind,
        title_vi: input.titleVi,
        title_en: input.titleEn,
        description_vi: input.descriptionVi,
        description_en: input.descriptionEn,
        starts_at: startsAt,
        ends_at: endsAt,
        room_id: input.roomId,
        requires_signup: input.requiresSignup ? 1 : 0,
        capacity: input.capacity,
        stream_url: input.streamUrl,
      };
      let sessionId = id;
      if (id === null) {
        sessionId = (
          await trx
            .insertInto("sessions")
            .values({ ...values, conference_id: conferenceId, published: 0, created_at: now, updated_at: now })
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id;
      } else {
        // Calendars take a new version only when its SEQUENCE grows: one more for a new time, room or title.
        const bump = changesCalendar(current!, {
          starts_at: startsAt,
          ends_at: endsAt,
          room_id: input.roomId,
          title_vi: input.titleVi,
          title_en: input.titleEn,
        });
        await trx
          .updateTable("sessions")
          .set({ ...values, updated_at: now, sequence: current!.sequence + (bump ? 1 : 0) })
          .where("id", "=", id)
          .execute();
        await trx.deleteFrom("session_people").where("session_id", "=", id).execute();
      }
      if (people.length) {
        const seen = new Set<number>();
        await trx
          .insertInto("session_people")
          .values(
            people
              .filter((p) => !seen.has(p.registrationId) && seen.add(p.registrationId))
              .map((p, position) => ({
                session_id: sessionId!,
                registration_id: p.registrationId,
                role: p.role,
                position,
              })),
          )
          .execute();
      }
      const moved =
        current != null &&
        current.published === 1 &&
        (current.starts_at !== startsAt || current.ends_at !== endsAt || current.room_id !== input.roomId);
      const notified = moved ? await notifySessionChange(trx, sessionId!, zone) : 0;
      await recordAudit(trx, {
        actorId: actor.id,
        action: id === null ? "session.create" : "session.update",
        entity: "session",
        entityId: sessionId,
        detail: {
          title: input.titleVi,
          startsAt,
          endsAt,
          roomId: input.roomId,
          capacity: input.capacity,
          people: people.length,
          notified,
        },
        ip: actor.ip,
      });
      return { ok: true, id: sessionId!, notified };
    });
}

/** Tells the session's people and signed-up delegates that its time or room changed. */
async function notifySessionChange(trx: Db, sessionId: number, zone: string): Promise<number> {
  const s = await trx
    .selectFrom("sessions as s")
    .leftJoin("rooms as r", "r.id", "s.room_id")
    .select(["s.title_vi", "s.title_en", "s.starts_at", "s.ends_at", "r.name_vi as room_vi", "r.name_en as room_en"])
    .where("s.id", "=", sessionId)
    .executeTakeFirstOrThrow();
  const recipients = await trx
    .selectFrom("registrations as g")
    .select(["g.id", "g.email", "g.full_name"])
    .where((eb) =>
      eb.or([
        eb("g.id", "in", eb.selectFrom("session_people").select("registration_id").where("session_id", "=", sessionId)),
        eb(
          "g.id",
          "in",
          eb.selectFrom("session_signups").select("registration_id").where("session_id", "=", sessionId),
        ),
      ]),
    )
    .where("g.status", "in", ["approved", "pending"])
    .execute();
  for (const r of recipients) {
    const part = (l: "vi" | "en") => ({
      subject: translate(l, "agenda.mail.changed.subject", { title: l === "vi" ? s.title_vi : s.title_en }),
      body: translate(l, "agenda.mail.changed.body", {
        name: r.full_name,
        title: l === "vi" ? s.title_vi : s.title_en,
        time: formatRange(s.starts_at, s.ends_at, zone, l, true),
        room: (l === "vi" ? s.room_vi : s.room_en) ?? "—",
        link: `${publicUrl()}/my-agenda`,
      }),
    });
    const vi = part("vi");
    const en = part("en");
    await queueEmail(trx, {
      to: r.email,
      subject: `${vi.subject} / ${en.subject}`,
      body: `${vi.body}\n\n---\n\n${en.body}`,
      kind: "session.changed",
      registrationId: r.id,
    });
  }
  return recipients.length;
}

export async function setPublished(
  conferenceId: number,
  ids: number[] | "all",
  published: boolean,
  actor: Actor,
): Promise<number> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const res = await trx
        .updateTable("sessions")
        .set({ published: published ? 1 : 0, updated_at: nowIso() })
        .where("conference_id", "=", conferenceId)
        .$if(ids !== "all", (q) => q.where("id", "in", ids as number[]))
        .executeTakeFirst();
      const n = Number(res.numUpdatedRows);
      await recordAudit(trx, {
        actorId: actor.id,
        action: published ? "session.publish" : "session.unpublish",
        entity: "conference",
        entityId: conferenceId,
        detail: { ids, n },
        ip: actor.ip,
      });
      return n;
    });
}

/** Sessions with speakers, sign-ups or meeting slots are not deleted: others depend on them. */
export async function deleteSession(conferenceId: number, id: number, actor: Actor): Promise<Result> {
  return getDb()
    .transaction()
    .execute(async (trx): Promise<Result> => {
      const people = await trx
        .selectFrom("session_people")
        .select("registration_id")
        .where("session_id", "=", id)
        .limit(1)
        .executeTakeFirst();
      const signup = await trx
        .selectFrom("session_signups")
        .select("registration_id")
        .where("session_id", "=", id)
        .limit(1)
        .executeTakeFirst();
      if (people || signup) return conflict("agenda.errors.sessionInUse");
      // A session cut into meeting slots (its block's rows point at it) stays while the block does.
      const block = await trx.selectFrom("meeting_blocks").select("id").where("session_id", "=", id).executeTakeFirst();
      if (block) return conflict("agenda.errors.meetingBlockDelete");
      const res = await trx
        .deleteFrom("sessions")
        .where("id", "=", id)
        .where("conference_id", "=", conferenceId)
        .executeTakeFirst();
      if (Number(res.numDeletedRows) !== 1) return notFound();
      await recordAudit(trx, {
        actorId: actor.id,
        action: "session.delete",
        entity: "session",
        entityId: id,
        ip: actor.ip,
      });
      return { ok: true };
    });
}

// ---------------------------------------------------------------- sign-ups and "My agenda"

/** Every refusal of a sign-up is a conflict with the session's or the person's state (409). */
export type SignUpResult = Result;

/**
 * Signs a delegate up for a session that asks for it: in person within the
 * session's places (online is not limited), never two sessions at once.
 */
export async function signUp(
  userId: string,
  conferenceId: number,
  sessionId: number,
  ip: string | null,
  locale: "vi" | "en" = "vi",
): Promise<SignUpResult> {
  try {
    return await getDb()
      .transaction()
      .execute(async (trx): Promise<SignUpResult> => {
        const registration = await trx
          .selectFrom("registrations")
          .select(["id", "mode", "status"])
          .where("user_id", "=", userId)
          .where("conference_id", "=", conferenceId)
          .executeTakeFirst();
        if (!registration || !(registration.status === "approved" || registration.status === "pending"))
          return conflict("agenda.signup.notRegistered");
        const session = await trx
          .selectFrom("sessions as s")
          .leftJoin("rooms as r", "r.id", "s.room_id")
          .select([
            "s.id",
            "s.published",
            "s.requires_signup",
            "s.starts_at",
            "s.ends_at",
            "s.capacity",
            "r.capacity as room_capacity",
          ])
          .where("s.id", "=", sessionId)
          .where("s.conference_id", "=", conferenceId)
          .executeTakeFirst();
        if (!session || !session.published || !session.requires_signup) return conflict("agenda.signup.notOpen");
        const already = await trx
          .selectFrom("session_signups")
          .select("session_id")
          .where("session_id", "=", sessionId)
          .where("registration_id", "=", registration.id)
          .executeTakeFirst();
        if (already) return conflict("agenda.signup.already");
        const clash = await trx
          .selectFrom("sessions as s")
          .select(["s.title_vi", "s.title_en"])
          .where("s.id", "!=", sessionId)
          .where("s.starts_at", "<", session.ends_at)
          .where("s.ends_at", ">", session.starts_at)
          .where((eb) =>
            eb.or([
              eb(
                "s.id",
                "in",
                eb.selectFrom("session_signups").select("session_id").where("registration_id", "=", registration.id),
              ),
              eb(
                "s.id",
                "in",
                eb.selectFrom("session_people").select("session_id").where("registration_id", "=", registration.id),
              ),
            ]),
          )
          .executeTakeFirst();
        if (clash) return conflict("agenda.signup.clash", { title: locale === "en" ? clash.title_en : clash.title_vi });
        if (registration.mode === "in_person") {
          const capacity = session.capacity ?? session.room_capacity;
          const [{ n }] = await trx
            .selectFrom("session_signups")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("session_id", "=", sessionId)
            .where("mode", "=", "in_person")
            .execute();
          if (capacity !== null && Number(n) >= capacity) return conflict("agenda.signup.full");
        }
        await trx
          .insertInto("session_signups")
          .values({
            session_id: sessionId,
            registration_id: registration.id,
            mode: registration.mode,
            created_at: nowIso(),
          })
          .execute();
        await recordAudit(trx, {
          actorId: userId,
          action: "session.sign_up",
          entity: "session",
          entityId: sessionId,
          detail: { registrationId: registration.id, mode: registration.mode },
          ip,
        });
        return { ok: true };
      });
  } catch (error) {
    // The database's own capacity check, should two requests ever pass the count together.
    if (error instanceof Error && error.message.includes("session_full")) return conflict("agenda.signup.full");
    throw error;
  }
}

/** Cancelling a sign-up frees the place. */
export async function cancelSignUp(
  userId: string,
  conferenceId: number,
  sessionId: number,
  ip: string | null,
): Promise<boolean> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const registration = await trx
        .selectFrom("registrations")
        .select("id")
        .where("user_id", "=", userId)
        .where("conference_id", "=", conferenceId)
        .executeTakeFirst();
      if (!registration) return false;
      const res = await trx
        .deleteFrom("session_signups")
        .where("session_id", "=", sessionId)
        .where("registration_id", "=", registration.id)
        .executeTakeFirst();
      const done = Number(res.numDeletedRows) === 1;
      if (done)
        await recordAudit(trx, {
          actorId: userId,
          action: "session.cancel_sign_up",
          entity: "session",
          entityId: sessionId,
          ip,
        });
      return done;
    });
}

/** A registration that may sign up and keep an agenda: pending or approved. */
function live(status: string | null | undefined): boolean {
  return status === "approved" || status === "pending";
}

/**
 * "My agenda": the published sessions of a person's day, in time order, each with why it is there:
 * the ones they chair, speak at or report (role), signed up for, put on their agenda (favourite),
 * and, while their registration is live, the ones every delegate attends (everyone).
 */
export async function myAgenda(userId: string, conferenceId: number) {
  const db = getDb();
  const registration = await db
    .selectFrom("registrations")
    .select(["id", "mode", "status"])
    .where("user_id", "=", userId)
    .where("conference_id", "=", conferenceId)
    .executeTakeFirst();
  if (!registration) return { registration: null, sessions: [] };
  const rows = await db
    .selectFrom("sessions as s")
    .leftJoin("rooms as r", "r.id", "s.room_id")
    .leftJoin("session_people as p", (j) =>
      j.onRef("p.session_id", "=", "s.id").on("p.registration_id", "=", registration.id),
    )
    .leftJoin("session_signups as u", (j) =>
      j.onRef("u.session_id", "=", "s.id").on("u.registration_id", "=", registration.id),
    )
    .leftJoin("session_favourites as f", (j) =>
      j.onRef("f.session_id", "=", "s.id").on("f.registration_id", "=", registration.id),
    )
    .select([
      "s.id",
      "s.kind",
      "s.requires_signup",
      "s.title_vi",
      "s.title_en",
      "s.description_vi",
      "s.description_en",
      "s.starts_at",
      "s.ends_at",
      "s.updated_at",
      "s.sequence",
      "r.name_vi as room_vi",
      "r.name_en as room_en",
      "p.role",
      "u.mode as signed_up_mode",
      "f.registration_id as favourite_of",
    ])
    .where("s.conference_id", "=", conferenceId)
    .where("s.published", "=", 1)
    .orderBy("s.starts_at")
    .orderBy("s.ends_at")
    .orderBy("s.id")
    .execute();
  const isLive = live(registration.status);
  const sessions = rows
    .map(({ favourite_of, ...s }) => ({
      ...s,
      favourite: favourite_of !== null,
      reasons: agendaReasons({ ...s, signedUp: s.signed_up_mode !== null, favourite: favourite_of !== null }, isLive),
    }))
    .filter((s) => s.reasons.length > 0);
  return { registration, sessions };
}

/** The delegate's live registration, or the refusal that stops a favourite. */
async function favouriteParts(trx: Db, userId: string, conferenceId: number, sessionId: number) {
  const registration = await trx
    .selectFrom("registrations")
    .select(["id", "status"])
    .where("user_id", "=", userId)
    .where("conference_id", "=", conferenceId)
    .executeTakeFirst();
  const session = await trx
    .selectFrom("sessions")
    .select(["id", "kind", "published", "requires_signup"])
    .where("id", "=", sessionId)
    .where("conference_id", "=", conferenceId)
    .executeTakeFirst();
  return { registration: registration && live(registration.status) ? registration : null, session };
}

/**
 * Puts a session without sign-up on the delegate's own agenda (My agenda and its calendar).
 * Sessions asking for sign-up keep their sign-up; those for everyone are there already.
 * Adding a favourite twice leaves one.
 */
export async function addFavourite(userId: string, conferenceId: number, sessionId: number): Promise<Result> {
  return getDb()
    .transaction()
    .execute(async (trx): Promise<Result> => {
      const { registration, session } = await favouriteParts(trx, userId, conferenceId, sessionId);
      if (!registration) return conflict("agenda.favourite.notRegistered");
      if (!session || !session.published) return notFound("programme.badSession");
      if (session.requires_signup) return conflict("agenda.favourite.useSignUp");
      if (isForEveryone(session)) return conflict("agenda.favourite.everyone");
      if (!canFavourite(session)) return conflict("agenda.favourite.notOffered");
      await trx
        .insertInto("session_favourites")
        .values({ registration_id: registration.id, session_id: sessionId, created_at: nowIso() })
        .onConflict((oc) => oc.columns(["registration_id", "session_id"]).doNothing())
        .execute();
      return { ok: true };
    });
}

/** Takes a favourite off the delegate's agenda. */
export async function removeFavourite(userId: string, conferenceId: number, sessionId: number): Promise<Result> {
  return getDb()
    .transaction()
    .execute(async (trx): Promise<Result> => {
      const registration = await trx
        .selectFrom("registrations")
        .select("id")
        .where("user_id", "=", userId)
        .where("conference_id", "=", conferenceId)
        .executeTakeFirst();
      if (!registration) return conflict("agenda.favourite.notRegistered");
      const res = await trx
        .deleteFrom("session_favourites")
        .where("registration_id", "=", registration.id)
        .where("session_id", "=", sessionId)
        .executeTakeFirst();
      if (Number(res.numDeletedRows) !== 1) return invalid("agenda.favourite.notFavourite");
      return { ok: true };
    });
}
