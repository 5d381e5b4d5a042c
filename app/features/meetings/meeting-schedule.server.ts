import { getDb, nowIso } from "~/platform/db.server";
import type { Instance, Meeting } from "~/features/meetings/scheduler/instance";
import { scheduleMeetings, type ScheduleResult } from "~/features/meetings/scheduler/schedule";
import { validateResult } from "~/features/meetings/scheduler/validate";
import { conflict, type Actor, type Result } from "~/platform/types";
import { recordAudit } from "../../platform/audit.server";
import { mailSchedule } from "./meeting-mail.server";
import { insertMeeting } from "./meetings.server";

/**
 * The bridge between a meeting block and the pure scheduler (app/features/meetings/scheduler):
 * the instance built from the database, a preview that writes nothing, and the
 * commit that checks the previewed meetings again before writing them.
 */

const ids = {
  party: (orgId: number) => `org-${orgId}`,
  slot: (slotId: number) => `slot-${slotId}`,
  table: (tableId: number) => `table-${tableId}`,
  request: (requestId: number) => `req-${requestId}`,
};
const numberOf = (id: string) => Number(id.slice(id.indexOf("-") + 1));

/** The scheduler's instance for a block: its slots and tables, the parties' limits, accepted requests, locked meetings. */
export async function buildInstance(blockId: number): Promise<{ instance: Instance; conferenceId: number }> {
  const db = getDb();
  const block = await db.selectFrom("meeting_blocks").selectAll().where("id", "=", blockId).executeTakeFirstOrThrow();
  // Meetings placed in the conference's other blocks: their requests are done, and they count towards maxima.
  const elsewhere = await db
    .selectFrom("meetings as m")
    .innerJoin("meeting_slots as s", "s.id", "m.slot_id")
    .innerJoin("meeting_requests as r", "r.id", "m.request_id")
    .select(["m.request_id", "r.from_organisation_id", "r.to_organisation_id"])
    .where("r.conference_id", "=", block.conference_id)
    .where("s.block_id", "!=", blockId)
    .execute();
  const placedElsewhere = new Set(elsewhere.map((m) => m.request_id));
  const meetingsElsewhere = new Map<number, number>();
  for (const m of elsewhere)
    for (const org of [m.from_organisation_id, m.to_organisation_id])
      meetingsElsewhere.set(org, (meetingsElsewhere.get(org) ?? 0) + 1);
  const [slots, tables, accepted, parties, availability, locked] = await Promise.all([
    db.selectFrom("meeting_slots").selectAll().where("block_id", "=", blockId).orderBy("starts_at").execute(),
    db.selectFrom("meeting_tables").selectAll().where("block_id", "=", blockId).orderBy("number").execute(),
    db
      .selectFrom("meeting_requests")
      .selectAll()
      .where("conference_id", "=", block.conference_id)
      .where("status", "=", "accepted")
      .orderBy("id")
      .execute(),
    db.selectFrom("meeting_parties").selectAll().where("conference_id", "=", block.conference_id).execute(),
    db
      .selectFrom("meeting_availability as a")
      .innerJoin("meeting_slots as s", "s.id", "a.slot_id")
      .select(["a.organisation_id", "a.slot_id"])
      .where("s.block_id", "=", blockId)
      .execute(),
    db
      .selectFrom("meetings as m")
      .innerJoin("meeting_slots as s", "s.id", "m.slot_id")
      .select(["m.request_id", "m.slot_id", "m.table_id"])
      .where("s.block_id", "=", blockId)
      .where("m.locked", "=", 1)
      .where("m.table_id", "is not", null)
      .execute(),
  ]);
  const requests = accepted.filter((r) => !placedElsewhere.has(r.id));
  const orgIds = new Set(requests.flatMap((r) => [r.from_organisation_id, r.to_organisation_id]));
  const settings = new Map(parties.map((p) => [p.organisation_id, p]));
  const instance: Instance = {
    slots: slots.map((s) => ({ id: ids.slot(s.id), start: s.starts_at, end: s.ends_at })),
    tables: tables.map((t) => ({ id: ids.table(t.id) })),
    parties: [...orgIds].map((orgId) => {
      const s = settings.get(orgId);
      return {
        id: ids.party(orgId),
        ...(s?.limits_availability
          ? { available: availability.filter((a) => a.organisation_id === orgId).map((a) => ids.slot(a.slot_id)) }
          : {}),
        ...(s?.max_meetings != null
          ? { maxMeetings: Math.max(0, s.max_meetings - (meetingsElsewhere.get(orgId) ?? 0)) }
          : {}),
      };
    }),
    requests: requests.map((r) => ({
      id: ids.request(r.id),
      a: ids.party(r.from_organisation_id),
      b: ids.party(r.to_organisation_id),
      priority: r.priority as 1 | 2 | 3,
    })),
    locked: locked.map((m) => ({
      request: ids.request(m.request_id),
      slot: ids.slot(m.slot_id),
      table: ids.table(m.table_id!),
    })),
  };
  return { instance, conferenceId: block.conference_id };
}

/** Runs the scheduler for a preview: nothing is written. */
export async function previewSchedule(blockId: number): Promise<ScheduleResult> {
  const { instance } = await buildInstance(blockId);
  return scheduleMeetings(instance);
}

/**
 * Writes a previewed schedule: checked again against the block as it is now
 * (an answer or a lock may have changed since the preview), then every unlocked
 * meeting of the block is replaced in one transaction.
 */
export async function commitSchedule(
  blockId: number,
  meetings: Meeting[],
  actor: Actor,
): Promise<Result<{ placed: number }>> {
  const { instance, conferenceId } = await buildInstance(blockId);
  const requestIds = new Set(instance.requests.map((r) => r.id));
  const placed = new Set(meetings.map((m) => m.request));
  const violations = validateResult(instance, {
    meetings,
    unscheduled: [...requestIds].filter((r) => !placed.has(r)).map((request) => ({ request, reason: "not placed" })),
  });
  if (violations.length) return conflict("meetings.errors.staleSchedule", { detail: violations[0] });
  try {
    return await writeSchedule(blockId, conferenceId, instance, requestIds, meetings, actor);
  } catch (error) {
    // A meeting placed by hand in the instant between the check and the write: the database refuses the clash.
    if (error instanceof Error && /UNIQUE constraint failed: meeting/.test(error.message))
      return conflict("meetings.errors.staleSchedule", { detail: "double-booked" });
    throw error;
  }
}

async function writeSchedule(
  blockId: number,
  conferenceId: number,
  instance: Instance,
  requestIds: Set<string>,
  meetings: Meeting[],
  actor: Actor,
): Promise<{ ok: true; placed: number }> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const slotIds = instance.slots.map((s) => numberOf(s.id));
      // A request placed again keeps what was written on its meeting (video link, outcome).
      const kept = new Map(
        (
          await trx
            .selectFrom("meetings")
            .select(["request_id", "video_url", "outcome", "follow_up", "outcome_recorded_by", "outcome_recorded_at"])
            .where("slot_id", "in", slotIds)
            .where("locked", "=", 0)
            .execute()
        ).map((m) => [m.request_id, m]),
      );
      await trx.deleteFrom("meetings").where("slot_id", "in", slotIds).where("locked", "=", 0).execute();
      const lockedRequests = new Set(instance.locked.map((l) => l.request));
      const requests = new Map(
        (
          await trx
            .selectFrom("meeting_requests")
            .select(["id", "from_organisation_id", "to_organisation_id"])
            .where("id", "in", [...requestIds].map(numberOf))
            .execute()
        ).map((r) => [r.id, r]),
      );
      const now = nowIso();
      let written = 0;
      for (const m of meetings) {
        if (lockedRequests.has(m.request)) continue;
        const requestId = numberOf(m.request);
        await trx.deleteFrom("meetings").where("request_id", "=", requestId).execute();
        const meetingId = await insertMeeting(
          trx,
          requests.get(requestId)!,
          numberOf(m.slot),
          numberOf(m.table),
          false,
          now,
        );
        const before = kept.get(requestId);
        if (before) {
          const { request_id: _, ...details } = before;
          await trx.updateTable("meetings").set(details).where("id", "=", meetingId).execute();
        }
        written += 1;
      }
      const conference = await trx
        .selectFrom("conferences")
        .select("time_zone")
        .where("id", "=", conferenceId)
        .executeTakeFirstOrThrow();
      const mailed = await mailSchedule(trx, blockId, conference.time_zone);
      await recordAudit(trx, {
        actorId: actor.id,
        action: "meeting_schedule.commit",
        entity: "meeting_block",
        entityId: blockId,
        detail: { written, locked: lockedRequests.size, mailed },
        ip: actor.ip,
      });
      return { ok: true, placed: written + lockedRequests.size };
    });
}
