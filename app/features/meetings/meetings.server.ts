import { getDb, nowIso } from "~/platform/db.server";
import type { OrganisationKind } from "~/auth/roles";
import {
  forbidden,
  invalid,
  conflict,
  notFound,
  type Actor,
  type Db,
  type Refusal,
  type Result,
} from "~/platform/types";
import { recordAudit } from "../../platform/audit.server";
import type { SessionChangeHook } from "~/features/agenda/agenda.server";
import {
  mailMeetingMoved,
  mailRequestAnswered,
  mailRequestReceived,
  mailRequestWithdrawn,
  mailSchedule,
} from "./meeting-mail.server";
import { now as clockNow } from "~/lib/clock";
import { organisationAuthority, refusalToActFor } from "~/auth/organisation-authority.server";
import { COOLING_OFF_MINUTES, DEFAULT_ALLOWED_PAIRS, sectorCode, type MeetingPriority } from "./rules";

/**
 * Bilateral meetings between provinces (and ministries) and missions abroad:
 * meeting blocks cut into slots with tables, requests and answers, who speaks
 * for a party, and placing by hand (the scheduler's bridge is
 * meeting-schedule.server.ts). The database refuses a party or a table twice
 * in one slot (unique constraints), whatever happens here.
 */

// ---------------------------------------------------------------- blocks

/**
 * The conference's meeting blocks, in time order. Requests, deadlines, the cap,
 * who may ask whom, availability and maxima are the conference's; a block adds
 * its slots and tables, and each request meets at most once over all blocks.
 */
export async function blockIdsOf(db: Db, conferenceId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("meeting_blocks as b")
    .innerJoin("sessions as s", "s.id", "b.session_id")
    .select("b.id")
    .where("b.conference_id", "=", conferenceId)
    .orderBy("s.starts_at")
    .execute();
  return rows.map((r) => r.id);
}

export interface BlockInput {
  sessionId: number;
  slotMinutes: number;
  gapMinutes: number;
  tableCount: number;
  requestsCloseAt: string | null;
  answersCloseAt: string | null;
  maxRequestsPerOrganisation: number | null;
  allowedPairs?: Array<[OrganisationKind, OrganisationKind]>;
}

/** Creates a block over a meeting-block session, cut into slots of the chosen length and gap, with numbered tables. */
export async function createMeetingBlock(
  conferenceId: number,
  input: BlockInput,
  actor: Actor,
): Promise<Result<{ id: number; slots: number }>> {
  return getDb()
    .transaction()
    .execute(async (trx): Promise<Result<{ id: number; slots: number }>> => {
      const session = await trx
        .selectFrom("sessions")
        .select(["id", "kind", "starts_at", "ends_at", "room_id"])
        .where("id", "=", input.sessionId)
        .where("conference_id", "=", conferenceId)
        .executeTakeFirst();
      if (!session || session.kind !== "meeting_block") return invalid("meetings.errors.notABlockSession");
      const existing = await trx
        .selectFrom("meeting_blocks")
        .select("id")
        .where("session_id", "=", session.id)
        .executeTakeFirst();
      if (existing) return invalid("meetings.errors.blockExists");
      const slots: Array<{ starts_at: string; ends_at: string }> = [];
      const step = (input.slotMinutes + input.gapMinutes) * 60000;
      for (
        let t = new Date(session.starts_at).getTime();
        t + input.slotMinutes * 60000 <= new Date(session.ends_at).getTime();
        t += step
      ) {
        slots.push({
          starts_at: new Date(t).toISOString(),
          ends_at: new Date(t + input.slotMinutes * 60000).toISOString(),
        });
      }
      if (slots.length === 0) return invalid("meetings.errors.noSlots");
      const now = nowIso();
      const block = await trx
        .insertInto("meeting_blocks")
        .values({
          conference_id: conferenceId,
          session_id: session.id,
          slot_minutes: input.slotMinutes,
          gap_minutes: input.gapMinutes,
          table_count: input.tableCount,
          requests_close_at: input.requestsCloseAt,
          answers_close_at: input.answersCloseAt,
          max_requests_per_organisation: input.maxRequestsPerOrganisation,
          allowed_pairs: JSON.stringify(input.allowedPairs ?? DEFAULT_ALLOWED_PAIRS),
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("meeting_slots")
        .values(slots.map((s) => ({ ...s, block_id: block.id })))
        .execute();
      await trx
        .insertInto("meeting_tables")
        .values(
          Array.from({ length: input.tableCount }, (_, i) => ({
            block_id: block.id,
            number: i + 1,
            label: "",
            room_id: session.room_id,
          })),
        )
        .execute();
      // The settings are the conference's: a new block's deadlines, cap and pairs apply to the others too.
      await trx
        .updateTable("meeting_blocks")
        .set({
          requests_close_at: input.requestsCloseAt,
          answers_close_at: input.answersCloseAt,
          max_requests_per_organisation: input.maxRequestsPerOrganisation,
          allowed_pairs: JSON.stringify(input.allowedPairs ?? DEFAULT_ALLOWED_PAIRS),
          updated_at: now,
        })
        .where("conference_id", "=", conferenceId)
        .execute();
      await recordAudit(trx, {
        actorId: actor.id,
        action: "meeting_block.create",
        entity: "meeting_block",
        entityId: block.id,
        detail: { slots: slots.length, tables: input.tableCount },
        ip: actor.ip,
      });
      return { ok: true, id: block.id, slots: slots.length };
    });
}

/**
 * What a meeting block does when the agenda changes its session (the agenda's saveSession hook,
 * passed by the route, in the session's transaction): the session keeps its kind and length; a
 * move takes the block's slots (and their meetings) along, and every party with a meeting in the
 * block gets its schedule again, at the new times.
 */
export const blockFollowsSession: SessionChangeHook = async (db, change) => {
  const block = await db
    .selectFrom("meeting_blocks")
    .select("id")
    .where("session_id", "=", change.sessionId)
    .executeTakeFirst();
  if (!block) return null;
  if (change.kind !== "meeting_block") return invalid("agenda.errors.meetingBlockKind", "kind").refusal;
  const length = (from: string, to: string) => Date.parse(to) - Date.parse(from);
  if (length(change.startsAt, change.endsAt) !== length(change.before.startsAt, change.before.endsAt))
    return invalid("agenda.errors.meetingBlockLength", "endTime").refusal;
  const shift = length(change.before.startsAt, change.startsAt);
  if (shift !== 0) {
    await shiftSlots(db, block.id, shift);
    await mailSchedule(db, block.id, change.timeZone);
  }
  return null;
};

/** Moves a block's slots by the same amount, one by one in an order that never puts two slots at one start. */
async function shiftSlots(db: Db, blockId: number, shiftMs: number) {
  const slots = await db
    .selectFrom("meeting_slots")
    .select(["id", "starts_at", "ends_at"])
    .where("block_id", "=", blockId)
    .orderBy("starts_at", shiftMs > 0 ? "desc" : "asc")
    .execute();
  const move = (iso: string) => new Date(Date.parse(iso) + shiftMs).toISOString();
  for (const slot of slots)
    await db
      .updateTable("meeting_slots")
      .set({ starts_at: move(slot.starts_at), ends_at: move(slot.ends_at) })
      .where("id", "=", slot.id)
      .execute();
}

// ---------------------------------------------------------------- requests

export interface RequestInput {
  toOrganisationId: number;
  sector: string;
  ask: string;
  priority: MeetingPriority;
}

/**
 * A delegate sends a request on behalf of their organisation: never to
 * itself, once per pair, only between the kinds the organisers allow, within
 * the cap of outgoing requests and before the deadline.
 */
export async function requestMeeting(
  userId: string,
  conferenceId: number,
  input: RequestInput,
  ip: string | null,
  now = clockNow(),
): Promise<Result<{ id: number }>> {
  return getDb()
    .transaction()
    .execute(async (trx): Promise<Result<{ id: number }>> => {
      const authority = await organisationAuthority(trx, userId, conferenceId);
      if (!authority.ok) return forbidden(authority.key);
      const from = { id: authority.organisationId, kind: authority.kind };
      const to = await trx
        .selectFrom("organisations")
        .select(["id", "kind"])
        .where("id", "=", input.toOrganisationId)
        .executeTakeFirst();
      if (!to) return invalid("errors.unknownOrganisation");
      if (to.id === from.id) return invalid("meetings.errors.toSelf");
      const block = await trx
        .selectFrom("meeting_blocks")
        .selectAll()
        .where("conference_id", "=", conferenceId)
        .orderBy("id")
        .executeTakeFirst();
      if (!block) return invalid("meetings.errors.noBlock");
      if (block.requests_close_at && now.toISOString() >= block.requests_close_at)
        return invalid("meetings.errors.requestsClosed");
      const pairs = JSON.parse(block.allowed_pairs) as Array<[string, string]>;
      if (!pairs.some(([a, b]) => a === from.kind && b === to.kind)) return invalid("meetings.errors.pairNotAllowed");
      const duplicate = await trx
        .selectFrom("meeting_requests")
        .select(["id", "status", "withdrawn_at"])
        .where("conference_id", "=", conferenceId)
        .where("from_organisation_id", "=", from.id)
        .where("to_organisation_id", "=", to.id)
        .executeTakeFirst();
      if (duplicate && duplicate.status !== "withdrawn") return invalid("meetings.errors.duplicate");
      const coolingSince = new Date(now.getTime() - COOLING_OFF_MINUTES * 60_000).toISOString();
      if (duplicate?.withdrawn_at && duplicate.withdrawn_at > coolingSince) {
        return invalid("meetings.errors.coolingOff", undefined, { minutes: COOLING_OFF_MINUTES });
      }
      if (block.max_requests_per_organisation !== null) {
        const used = await requestsTowardsCap(trx, conferenceId, from.id, now);
        if (used >= block.max_requests_per_organisation)
          return invalid("meetings.errors.overCap", undefined, { max: block.max_requests_per_organisation });
      }
      const fields = {
        // A sector from the list is stored as its code (a label in either language is read as one).
        sector: sectorCode(input.sector) ?? input.sector,
        ask: input.ask,
        priority: input.priority,
        status: "pending" as const,
        decline_reason: "",
        requested_by: userId,
        answered_by: null,
        created_at: now.toISOString(),
        answered_at: null,
        withdrawn_at: null,
      };
      // A withdrawn request is asked again in place (one row per pair).
      const row = duplicate
        ? await trx
            .updateTable("meeting_requests")
            .set(fields)
            .where("id", "=", duplicate.id)
            .returning("id")
            .executeTakeFirstOrThrow()
        : await trx
            .insertInto("meeting_requests")
            .values({
              ...fields,
              conference_id: conferenceId,
              from_organisation_id: from.id,
              to_organisation_id: to.id,
            })
            .returning("id")
            .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actorId: userId,
        action: "meeting_request.create",
        entity: "meeting_request",
        entityId: row.id,
        detail: { to: to.id, priority: input.priority },
        ip,
      });
      await mailRequestReceived(trx, row.id);
      return { ok: true, id: row.id };
    });
}

/**
 * The counterpart answers: only who speaks for the organisation asked, before
 * the answer deadline. An organiser may answer on its behalf (a mission that
 * sent its answer by note or telephone), also after the deadline; the audit says so.
 */
export async function answerMeetingRequest(
  userId: string,
  requestId: number,
  answer: { accept: boolean; reason: string },
  ip: string | null,
  now = clockNow(),
  options: { onBehalf?: boolean } = {},
): Promise<Result> {
  return getDb()
    .transaction()
    .execute(async (trx): Promise<Result> => {
      const request = await trx
        .selectFrom("meeting_requests")
        .selectAll()
        .where("id", "=", requestId)
        .executeTakeFirst();
      if (!request) return notFound();
      if (!options.onBehalf) {
        const refusal = await counterpartRefusal(trx, userId, request.conference_id, request.to_organisation_id);
        if (refusal) return { ok: false, refusal };
      }
      if (request.status !== "pending") return invalid("meetings.errors.alreadyAnswered");
      const block = await trx
        .selectFrom("meeting_blocks")
        .select("answers_close_at")
        .where("conference_id", "=", request.conference_id)
        .orderBy("id")
        .executeTakeFirst();
      if (!options.onBehalf && block?.answers_close_at && now.toISOString() >= block.answers_close_at)
        return invalid("meetings.errors.answersClosed");
      if (!answer.accept && !answer.reason.trim()) return invalid("meetings.errors.reasonRequired");
      await trx
        .updateTable("meeting_requests")
        .set({
          status: answer.accept ? "accepted" : "declined",
          decline_reason: answer.accept ? "" : answer.reason.trim(),
          answered_by: userId,
          answered_at: now.toISOString(),
        })
        .where("id", "=", requestId)
        .where("status", "=", "pending")
        .execute();
      await recordAudit(trx, {
        actorId: userId,
        action: answer.accept ? "meeting_request.accept" : "meeting_request.decline",
        entity: "meeting_request",
        entityId: requestId,
        detail: options.onBehalf ? { onBehalfOf: request.to_organisation_id } : undefined,
        ip,
      });
      await mailRequestAnswered(trx, requestId);
      return { ok: true };
    });
}

/** The requests an organisation sent that count towards the cap: all but those withdrawn before the cooling-off. */
export async function requestsTowardsCap(db: Db, conferenceId: number, organisationId: number, now: Date) {
  const coolingSince = new Date(now.getTime() - COOLING_OFF_MINUTES * 60_000).toISOString();
  const [{ n }] = await db
    .selectFrom("meeting_requests")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("conference_id", "=", conferenceId)
    .where("from_organisation_id", "=", organisationId)
    // A request withdrawn in the cooling-off period still counts: the cap is not reset by withdrawing.
    .where((eb) => eb.or([eb("status", "!=", "withdrawn"), eb("withdrawn_at", ">", coolingSince)]))
    .execute();
  return Number(n);
}

/**
 * Who speaks for an organisation in this conference (organisationAuthority, decision 011): its
 * designated head for a mission or foreign partner, else a delegate whose registration for it is
 * approved. Returns the refusal (forbidden), or null when the user may answer, set availability and a maximum.
 */
export async function counterpartRefusal(
  db: Db,
  userId: string,
  conferenceId: number,
  organisationId: number,
  otherwise = "meetings.errors.notYours",
): Promise<Refusal | null> {
  const key = await refusalToActFor(db, userId, conferenceId, organisationId, otherwise);
  return key ? forbidden(key).refusal : null;
}

/**
 * Organisations taking part online: every active registration (pending or
 * approved) of theirs is online. Their meetings get a video link instead of a table.
 */
export async function onlineOrganisationIds(conferenceId: number): Promise<Set<number>> {
  const rows = await getDb()
    .selectFrom("registrations")
    .select("organisation_id")
    .where("conference_id", "=", conferenceId)
    .where("status", "in", ["pending", "approved"])
    .groupBy("organisation_id")
    .having((eb) => eb.fn.sum<number>(eb.case().when("mode", "=", "in_person").then(1).else(0).end()), "=", 0)
    .execute();
  return new Set(rows.map((r) => r.organisation_id));
}

/**
 * The requesting organisation withdraws its request (pending or accepted):
 * a placed meeting is taken off the schedule and the other party is told.
 */
export async function withdrawMeetingRequest(userId: string, requestId: number, ip: string | null): Promise<Result> {
  return getDb()
    .transaction()
    .execute(async (trx): Promise<Result> => {
      const request = await trx
        .selectFrom("meeting_requests")
        .selectAll()
        .where("id", "=", requestId)
        .executeTakeFirst();
      if (!request) return notFound();
      const refusal = await counterpartRefusal(
        trx,
        userId,
        request.conference_id,
        request.from_organisation_id,
        "meetings.errors.notYourRequest",
      );
      if (refusal) return { ok: false, refusal };
      if (request.status !== "pending" && request.status !== "accepted")
        return invalid("meetings.errors.cannotWithdraw");
      const meeting = await trx
        .selectFrom("meetings")
        .select("id")
        .where("request_id", "=", requestId)
        .executeTakeFirst();
      if (meeting) await trx.deleteFrom("meetings").where("id", "=", meeting.id).execute();
      await trx
        .updateTable("meeting_requests")
        .set({ status: "withdrawn", withdrawn_at: nowIso() })
        .where("id", "=", requestId)
        .execute();
      await recordAudit(trx, {
        actorId: userId,
        action: "meeting_request.withdraw",
        entity: "meeting_request",
        entityId: requestId,
        detail: { wasPlaced: Boolean(meeting) },
        ip,
      });
      await mailRequestWithdrawn(trx, requestId);
      return { ok: true };
    });
}

/** A meeting and its two participant rows (which the unique constraints guard). */
export async function insertMeeting(
  db: Db,
  request: { id: number; from_organisation_id: number; to_organisation_id: number },
  slotId: number,
  tableId: number | null,
  locked: boolean,
  now: string,
) {
  const meeting = await db
    .insertInto("meetings")
    .values({
      request_id: request.id,
      slot_id: slotId,
      table_id: tableId,
      video_url: null,
      locked: locked ? 1 : 0,
      outcome: "",
      follow_up: "",
      outcome_recorded_by: null,
      outcome_recorded_at: null,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("meeting_participants")
    .values(
      [request.from_organisation_id, request.to_organisation_id].map((organisation_id) => ({
        meeting_id: meeting.id,
        slot_id: slotId,
        organisation_id,
      })),
    )
    .execute();
  return meeting.id;
}

/**
 * Places (or moves) one accepted request by hand. The rules are checked first
 * for a clear reason; the unique constraints refuse what slips through when
 * two organisers place at the same moment.
 */
export async function placeMeeting(
  requestId: number,
  slotId: number,
  tableId: number,
  options: { locked: boolean },
  actor: Actor,
): Promise<Result<{ id: number }>> {
  try {
    return await getDb()
      .transaction()
      .execute(async (trx): Promise<Result<{ id: number }>> => {
        const request = await trx
          .selectFrom("meeting_requests")
          .selectAll()
          .where("id", "=", requestId)
          .executeTakeFirst();
        if (!request || request.status !== "accepted") return conflict("meetings.errors.notAccepted");
        const slot = await trx.selectFrom("meeting_slots").selectAll().where("id", "=", slotId).executeTakeFirst();
        const table = await trx.selectFrom("meeting_tables").selectAll().where("id", "=", tableId).executeTakeFirst();
        if (!slot || !table || table.block_id !== slot.block_id)
          return conflict("meetings.errors.unknownSlotOrTable", undefined, "slotId");
        for (const orgId of [request.from_organisation_id, request.to_organisation_id]) {
          const party = await trx
            .selectFrom("meeting_parties")
            .selectAll()
            .where("conference_id", "=", request.conference_id)
            .where("organisation_id", "=", orgId)
            .executeTakeFirst();
          if (party?.limits_availability) {
            const ok = await trx
              .selectFrom("meeting_availability")
              .select("slot_id")
              .where("organisation_id", "=", orgId)
              .where("slot_id", "=", slotId)
              .executeTakeFirst();
            if (!ok) return conflict("meetings.errors.unavailable", { party: orgId }, "slotId");
          }
          const busy = await trx
            .selectFrom("meeting_participants as p")
            .innerJoin("meetings as m", "m.id", "p.meeting_id")
            .select("m.id")
            .where("p.slot_id", "=", slotId)
            .where("p.organisation_id", "=", orgId)
            .where("m.request_id", "!=", requestId)
            .executeTakeFirst();
          if (busy) return conflict("meetings.errors.partyBusy", { party: orgId }, "slotId");
        }
        const tableBusy = await trx
          .selectFrom("meetings")
          .select("id")
          .where("slot_id", "=", slotId)
          .where("table_id", "=", tableId)
          .where("request_id", "!=", requestId)
          .executeTakeFirst();
        if (tableBusy) return conflict("meetings.errors.tableBusy", undefined, "tableId");
        // A move keeps the meeting (its video link, outcome, id in calendars); a first placing inserts it.
        const existing = await trx
          .selectFrom("meetings")
          .select(["id", "slot_id", "table_id"])
          .where("request_id", "=", requestId)
          .executeTakeFirst();
        const now = nowIso();
        let id: number;
        if (existing) {
          id = existing.id;
          await trx
            .updateTable("meetings")
            .set({ slot_id: slotId, table_id: tableId, locked: options.locked ? 1 : 0, updated_at: now })
            .where("id", "=", id)
            .execute();
          await trx.updateTable("meeting_participants").set({ slot_id: slotId }).where("meeting_id", "=", id).execute();
        } else {
          id = await insertMeeting(trx, request, slotId, tableId, options.locked, now);
        }
        const from = existing ? { slotId: existing.slot_id, tableId: existing.table_id } : null;
        if (existing && existing.slot_id !== slotId) {
          const conference = await trx
            .selectFrom("conferences")
            .select("time_zone")
            .where("id", "=", request.conference_id)
            .executeTakeFirstOrThrow();
          await mailMeetingMoved(trx, id, conference.time_zone);
        }
        await recordAudit(trx, {
          actorId: actor.id,
          action: existing ? "meeting.move" : "meeting.place",
          entity: "meeting",
          entityId: id,
          detail: { requestId, slotId, tableId, locked: options.locked, from },
          ip: actor.ip,
        });
        return { ok: true, id };
      });
  } catch (error) {
    // Two organisers placing into the same party's or table's slot at once: the database keeps one.
    if (error instanceof Error && /UNIQUE constraint failed: meeting/.test(error.message))
      return conflict("meetings.errors.doubleBooked");
    throw error;
  }
}
