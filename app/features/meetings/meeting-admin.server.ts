import { getDb, nowIso } from "~/platform/db.server";
import type { OrganisationKind } from "~/auth/roles";
import { invalid, type Actor, type Result } from "~/platform/types";
import { recordAudit } from "../../platform/audit.server";
import { blockIdsOf, onlineOrganisationIds } from "./meetings.server";
import { partyMeetings } from "./meeting-parties.server";

/**
 * The organisers' changes to a meeting block after it is cut: settings,
 * tables and rooms, one meeting's video link or removal, and the reads for
 * placing a request by hand and for one party's view.
 */

export interface BlockSettingsInput {
  requestsCloseAt: string | null;
  answersCloseAt: string | null;
  maxRequestsPerOrganisation: number | null;
  allowedPairs: Array<[OrganisationKind, OrganisationKind]>;
  tableCount: number;
}

/** Saves a block's settings; fewer tables only when the tables taken away hold no meeting. */
export async function updateBlockSettings(blockId: number, input: BlockSettingsInput, actor: Actor): Promise<Result> {
  return getDb()
    .transaction()
    .execute(async (trx): Promise<Result> => {
      const block = await trx
        .selectFrom("meeting_blocks as b")
        .innerJoin("sessions as s", "s.id", "b.session_id")
        .select(["b.id", "b.conference_id", "b.table_count", "s.room_id"])
        .where("b.id", "=", blockId)
        .executeTakeFirstOrThrow();
      if (input.tableCount < block.table_count) {
        const used = await trx
          .selectFrom("meetings as m")
          .innerJoin("meeting_tables as t", "t.id", "m.table_id")
          .select("t.number")
          .where("t.block_id", "=", blockId)
          .where("t.number", ">", input.tableCount)
          .orderBy("t.number")
          .executeTakeFirst();
        if (used) return invalid("meetingsAdmin.errors.tableInUse", "tableCount", { number: used.number });
        await trx
          .deleteFrom("meeting_tables")
          .where("block_id", "=", blockId)
          .where("number", ">", input.tableCount)
          .execute();
      } else if (input.tableCount > block.table_count) {
        await trx
          .insertInto("meeting_tables")
          .values(
            Array.from({ length: input.tableCount - block.table_count }, (_, i) => ({
              block_id: blockId,
              number: block.table_count + i + 1,
              label: "",
              room_id: block.room_id,
            })),
          )
          .execute();
      }
      const now = nowIso();
      await trx
        .updateTable("meeting_blocks")
        .set({ table_count: input.tableCount, updated_at: now })
        .where("id", "=", blockId)
        .execute();
      // Deadlines, the cap and who may ask whom are the conference's: every block carries the same.
      await trx
        .updateTable("meeting_blocks")
        .set({
          requests_close_at: input.requestsCloseAt,
          answers_close_at: input.answersCloseAt,
          max_requests_per_organisation: input.maxRequestsPerOrganisation,
          allowed_pairs: JSON.stringify(input.allowedPairs),
          updated_at: now,
        })
        .where("conference_id", "=", block.conference_id)
        .execute();
      await recordAudit(trx, {
        actorId: actor.id,
        action: "meeting_block.update",
        entity: "meeting_block",
        entityId: blockId,
        detail: { ...input },
        ip: actor.ip,
      });
      return { ok: true };
    });
}

/** The tables of a block (or of several) with their label and room. */
export async function blockTables(blockId: number | number[]) {
  const ids = Array.isArray(blockId) ? blockId : [blockId];
  if (ids.length === 0) return [];
  return getDb()
    .selectFrom("meeting_tables as t")
    .leftJoin("rooms as r", "r.id", "t.room_id")
    .select(["t.id", "t.block_id", "t.number", "t.label", "t.room_id", "r.name_vi as room_vi", "r.name_en as room_en"])
    .where("t.block_id", "in", ids)
    .orderBy("t.block_id")
    .orderBy("t.number")
    .execute();
}

/** Labels and rooms of the block's tables, all in one transaction. */
export async function updateTables(
  blockId: number,
  rows: Array<{ id: number; label: string; roomId: number | null }>,
  actor: Actor,
): Promise<Result> {
  return getDb()
    .transaction()
    .execute(async (trx): Promise<Result> => {
      const known = new Set(
        (await trx.selectFrom("meeting_tables").select("id").where("block_id", "=", blockId).execute()).map(
          (t) => t.id,
        ),
      );
      const roomIds = new Set((await trx.selectFrom("rooms").select("id").execute()).map((r) => r.id));
      for (const row of rows) {
        if (!known.has(row.id)) return invalid("meetings.errors.unknownSlotOrTable");
        if (row.roomId !== null && !roomIds.has(row.roomId)) return invalid("agenda.errors.unknownRoom");
      }
      for (const row of rows)
        await trx
          .updateTable("meeting_tables")
          .set({ label: row.label, room_id: row.roomId })
          .where("id", "=", row.id)
          .execute();
      await recordAudit(trx, {
        actorId: actor.id,
        action: "meeting_tables.update",
        entity: "meeting_block",
        entityId: blockId,
        detail: { tables: rows.length },
        ip: actor.ip,
      });
      return { ok: true };
    });
}

/** Takes a meeting off the schedule (its request stays accepted, to be placed again). */
export async function unplaceMeeting(meetingId: number, actor: Actor): Promise<boolean> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const meeting = await trx
        .selectFrom("meetings")
        .select(["id", "request_id", "slot_id", "table_id"])
        .where("id", "=", meetingId)
        .executeTakeFirst();
      if (!meeting) return false;
      await trx.deleteFrom("meetings").where("id", "=", meetingId).execute();
      await recordAudit(trx, {
        actorId: actor.id,
        action: "meeting.unplace",
        entity: "meeting",
        entityId: meetingId,
        detail: meeting,
        ip: actor.ip,
      });
      return true;
    });
}

/** Sets (or clears) a meeting's video link, for a party attending online. */
export async function setMeetingVideoUrl(meetingId: number, url: string | null, actor: Actor): Promise<boolean> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const res = await trx
        .updateTable("meetings")
        .set({ video_url: url, updated_at: nowIso() })
        .where("id", "=", meetingId)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) return false;
      await recordAudit(trx, {
        actorId: actor.id,
        action: "meeting.video_url",
        entity: "meeting",
        entityId: meetingId,
        detail: { url },
        ip: actor.ip,
      });
      return true;
    });
}

/** Accepted requests without a meeting in the block, highest priority first. */
export async function unplacedRequests(conferenceId: number) {
  return getDb()
    .selectFrom("meeting_requests as r")
    .innerJoin("organisations as a", "a.id", "r.from_organisation_id")
    .innerJoin("organisations as b", "b.id", "r.to_organisation_id")
    .leftJoin("meetings as m", "m.request_id", "r.id")
    .select([
      "r.id",
      "r.priority",
      "r.sector",
      "a.name_vi as a_vi",
      "a.name_en as a_en",
      "b.name_vi as b_vi",
      "b.name_en as b_en",
    ])
    .where("r.conference_id", "=", conferenceId)
    .where("r.status", "=", "accepted")
    .where("m.id", "is", null)
    .orderBy("r.priority", "desc")
    .orderBy("r.id")
    .execute();
}

/**
 * One request as the organisers place or move it: both parties, its meeting
 * if placed, and every slot of every block with what stands in the way (a
 * party busy or away) and the block's tables still free in it.
 */
export async function requestPlacement(conferenceId: number, requestId: number) {
  const db = getDb();
  const request = await db
    .selectFrom("meeting_requests as r")
    .innerJoin("organisations as a", "a.id", "r.from_organisation_id")
    .innerJoin("organisations as b", "b.id", "r.to_organisation_id")
    .select([
      "r.id",
      "r.status",
      "r.priority",
      "r.sector",
      "r.ask",
      "r.from_organisation_id",
      "r.to_organisation_id",
      "a.name_vi as a_vi",
      "a.name_en as a_en",
      "b.name_vi as b_vi",
      "b.name_en as b_en",
    ])
    .where("r.id", "=", requestId)
    .where("r.conference_id", "=", conferenceId)
    .executeTakeFirst();
  if (!request) return null;
  const parties = [request.from_organisation_id, request.to_organisation_id];
  const blockIds = await blockIdsOf(db, conferenceId);
  const [meeting, slots, tables, busy, limits, availability, online] = await Promise.all([
    db
      .selectFrom("meetings as m")
      .leftJoin("users as u", "u.id", "m.outcome_recorded_by")
      .select([
        "m.id",
        "m.slot_id",
        "m.table_id",
        "m.locked",
        "m.video_url",
        "m.outcome",
        "m.follow_up",
        "m.outcome_recorded_at",
        "u.full_name as recorded_by",
      ])
      .where("m.request_id", "=", requestId)
      .executeTakeFirst(),
    blockIds.length
      ? db
          .selectFrom("meeting_slots")
          .select(["id", "block_id", "starts_at", "ends_at"])
          .where("block_id", "in", blockIds)
          .orderBy("starts_at")
          .execute()
      : [],
    blockTables(blockIds),
    db
      .selectFrom("meeting_participants as p")
      .innerJoin("meetings as m", "m.id", "p.meeting_id")
      .select(["p.slot_id", "p.organisation_id", "m.table_id"])
      .where("p.organisation_id", "in", parties)
      .where("m.request_id", "!=", requestId)
      .execute(),
    db
      .selectFrom("meeting_parties")
      .select(["organisation_id", "limits_availability"])
      .where("conference_id", "=", conferenceId)
      .where("organisation_id", "in", parties)
      .execute(),
    db
      .selectFrom("meeting_availability")
      .select(["organisation_id", "slot_id"])
      .where("organisation_id", "in", parties)
      .execute(),
    onlineOrganisationIds(conferenceId),
  ]);
  const takenTables = await db
    .selectFrom("meetings")
    .select(["slot_id", "table_id"])
    .where("slot_id", "in", slots.length ? slots.map((s) => s.id) : [-1])
    .where("request_id", "!=", requestId)
    .where("table_id", "is not", null)
    .execute();
  const limited = new Set(limits.filter((l) => l.limits_availability === 1).map((l) => l.organisation_id));
  const slotOptions = slots.map((slot) => {
    const away = parties.filter(
      (p) => limited.has(p) && !availability.some((a) => a.organisation_id === p && a.slot_id === slot.id),
    );
    const occupied = parties.filter((p) => busy.some((b) => b.organisation_id === p && b.slot_id === slot.id));
    const taken = new Set(takenTables.filter((t) => t.slot_id === slot.id).map((t) => t.table_id));
    return {
      ...slot,
      away,
      occupied,
      freeTables: tables.filter((t) => t.block_id === slot.block_id && !taken.has(t.id)).map((t) => t.id),
    };
  });
  return {
    request,
    meeting: meeting ? { ...meeting, locked: meeting.locked === 1 } : null,
    slots: slotOptions,
    tables,
    online: parties.filter((p) => online.has(p)),
  };
}

/** One party's view for the organisers: its limits, requests both ways, and placed meetings in every block. */
export async function partyOverview(conferenceId: number, organisationId: number) {
  const db = getDb();
  const blockIds = await blockIdsOf(db, conferenceId);
  if (blockIds.length === 0) return null;
  const org = await db
    .selectFrom("organisations")
    .select(["id", "kind", "name_vi", "name_en", "country_vi", "country_en"])
    .where("id", "=", organisationId)
    .executeTakeFirst();
  if (!org) return null;
  const [settings, available, requests, meetings, head, online] = await Promise.all([
    db
      .selectFrom("meeting_parties")
      .select(["max_meetings", "limits_availability"])
      .where("conference_id", "=", conferenceId)
      .where("organisation_id", "=", organisationId)
      .executeTakeFirst(),
    db
      .selectFrom("meeting_availability as a")
      .innerJoin("meeting_slots as s", "s.id", "a.slot_id")
      .select(["s.id", "s.starts_at", "s.ends_at"])
      .where("a.organisation_id", "=", organisationId)
      .where("s.block_id", "in", blockIds)
      .orderBy("s.starts_at")
      .execute(),
    db
      .selectFrom("meeting_requests as r")
      .innerJoin("organisations as o", (j) =>
        j.on((eb) =>
          eb.or([
            eb.and([
              eb("r.from_organisation_id", "=", organisationId),
              eb("o.id", "=", eb.ref("r.to_organisation_id")),
            ]),
            eb.and([
              eb("r.to_organisation_id", "=", organisationId),
              eb("o.id", "=", eb.ref("r.from_organisation_id")),
            ]),
          ]),
        ),
      )
      .leftJoin("meetings as m", "m.request_id", "r.id")
      .select([
        "r.id",
        "r.status",
        "r.priority",
        "r.sector",
        "r.from_organisation_id",
        "o.name_vi",
        "o.name_en",
        "m.id as meeting_id",
      ])
      .where("r.conference_id", "=", conferenceId)
      .orderBy("r.priority", "desc")
      .orderBy("r.id")
      .execute(),
    partyMeetings(db, { conferenceId, organisationId, blockIds }),
    db
      .selectFrom("users")
      .select(["full_name", "email"])
      .where("organisation_id", "=", organisationId)
      .where("heads_organisation", "=", 1)
      .executeTakeFirst(),
    onlineOrganisationIds(conferenceId),
  ]);
  return {
    org,
    head: head ?? null,
    online: online.has(organisationId),
    maxMeetings: settings?.max_meetings ?? null,
    limitsAvailability: settings?.limits_availability === 1,
    available,
    requests,
    meetings,
  };
}

/** Organisations with any meeting request in the conference, for the party picker. */
export async function partiesWithRequests(conferenceId: number) {
  const db = getDb();
  const ids = await db
    .selectFrom("meeting_requests")
    .select("from_organisation_id as id")
    .where("conference_id", "=", conferenceId)
    .union(
      db.selectFrom("meeting_requests").select("to_organisation_id as id").where("conference_id", "=", conferenceId),
    )
    .execute();
  if (ids.length === 0) return [];
  const orgs = await db
    .selectFrom("organisations")
    .select(["id", "name_vi", "name_en", "kind"])
    .where(
      "id",
      "in",
      ids.map((r) => r.id),
    )
    .execute();
  const collator = new Intl.Collator("vi");
  return orgs.sort((a, b) => collator.compare(a.name_vi, b.name_vi));
}

/** A request addressed to the organisation, if it is one (for answering on its behalf). */
export async function incomingRequest(conferenceId: number, organisationId: number, requestId: number) {
  return (
    (await getDb()
      .selectFrom("meeting_requests")
      .select(["id", "status"])
      .where("id", "=", requestId)
      .where("conference_id", "=", conferenceId)
      .where("to_organisation_id", "=", organisationId)
      .executeTakeFirst()) ?? null
  );
}

/** The conference's meeting settings as its first block carries them (every block carries the same), or null. */
export async function sharedBlockSettings(conferenceId: number) {
  return (
    (await getDb()
      .selectFrom("meeting_blocks")
      .selectAll()
      .where("conference_id", "=", conferenceId)
      .orderBy("id")
      .executeTakeFirst()) ?? null
  );
}
