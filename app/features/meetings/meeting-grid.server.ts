import { getDb, nowIso } from "~/platform/db.server";
import type { Actor } from "~/platform/types";
import { recordAudit } from "../../platform/audit.server";
import { blockTables } from "./meeting-admin.server";
import { meetingsForPrint } from "./meeting-prints.server";
import { byParty, partyMeetings } from "./meeting-parties.server";
import { MEETING_REQUEST_STATUSES } from "./rules";

/**
 * Read helpers for the organisers' meeting pages (the rules stay in meetings.server.ts):
 * the block of the demo's meeting-block session, its grid, request counts, names for the preview.
 */

/**
 * The conference's meeting-block sessions in time order, each with its block
 * (null while not cut into slots), and the one chosen (by session id, else the first).
 */
export async function meetingBlockOverview(conferenceId: number, sessionId?: number | null) {
  const db = getDb();
  const sessions = await db
    .selectFrom("sessions as s")
    .leftJoin("meeting_blocks as b", "b.session_id", "s.id")
    .select(["s.id", "s.title_vi", "s.title_en", "s.starts_at", "s.ends_at", "b.id as block_id"])
    .where("s.conference_id", "=", conferenceId)
    .where("s.kind", "=", "meeting_block")
    .orderBy("s.starts_at")
    .execute();
  const session = sessions.find((x) => x.id === sessionId) ?? sessions[0];
  if (!session) return { sessions, session: null, block: null } as const;
  const block =
    session.block_id === null
      ? undefined
      : await db.selectFrom("meeting_blocks").selectAll().where("id", "=", session.block_id).executeTakeFirst();
  return { sessions, session, block: block ?? null };
}

/** Slots × tables with every placed meeting (both parties' names), and request counts by status. */
export async function meetingGrid(blockId: number, conferenceId: number) {
  const db = getDb();
  const [slots, tables, meetings, counts] = await Promise.all([
    db
      .selectFrom("meeting_slots")
      .select(["id", "starts_at", "ends_at"])
      .where("block_id", "=", blockId)
      .orderBy("starts_at")
      .execute(),
    blockTables(blockId),
    meetingsForPrint(conferenceId, [blockId]),
    db
      .selectFrom("meeting_requests")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .where("conference_id", "=", conferenceId)
      .groupBy("status")
      .execute(),
  ]);
  const byStatus: Record<string, number> = Object.fromEntries(MEETING_REQUEST_STATUSES.map((status) => [status, 0]));
  for (const c of counts) byStatus[c.status] = Number(c.n);
  return {
    slots,
    tables,
    meetings,
    counts: byStatus,
  };
}

/** Names for the scheduler's ids ("org-3", "req-7", "slot-2", "table-5") of a conference's requests and a block. */
export async function schedulerNames(blockId: number, conferenceId: number) {
  const db = getDb();
  const [requests, slots, tables] = await Promise.all([
    db
      .selectFrom("meeting_requests")
      .select(["id", "from_organisation_id", "to_organisation_id", "priority", "sector"])
      .where("conference_id", "=", conferenceId)
      .execute(),
    db.selectFrom("meeting_slots").select(["id", "starts_at"]).where("block_id", "=", blockId).execute(),
    db.selectFrom("meeting_tables").select(["id", "number"]).where("block_id", "=", blockId).execute(),
  ]);
  const orgIds = [...new Set(requests.flatMap((r) => [r.from_organisation_id, r.to_organisation_id]))];
  const orgs = orgIds.length
    ? await db.selectFrom("organisations").select(["id", "name_vi", "name_en"]).where("id", "in", orgIds).execute()
    : [];
  return {
    orgs: Object.fromEntries(orgs.map((o) => [`org-${o.id}`, { vi: o.name_vi, en: o.name_en }])),
    requests: Object.fromEntries(
      requests.map((r) => [
        `req-${r.id}`,
        {
          a: `org-${r.from_organisation_id}`,
          b: `org-${r.to_organisation_id}`,
          priority: r.priority,
          sector: r.sector,
        },
      ]),
    ),
    slots: Object.fromEntries(slots.map((s) => [`slot-${s.id}`, s.starts_at])),
    tables: Object.fromEntries(tables.map((t) => [`table-${t.id}`, t.number])),
  };
}

/** Locks or unlocks a placed meeting of a block (a locked meeting is kept by the scheduler). */
export async function setMeetingLocked(meetingId: number, locked: boolean, actor: Actor): Promise<boolean> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const res = await trx
        .updateTable("meetings")
        .set({ locked: locked ? 1 : 0, updated_at: nowIso() })
        .where("id", "=", meetingId)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) return false;
      await recordAudit(trx, {
        actorId: actor.id,
        action: locked ? "meeting.lock" : "meeting.unlock",
        entity: "meeting",
        entityId: meetingId,
        ip: actor.ip,
      });
      return true;
    });
}

/** Every party with a placed meeting in the conference's blocks, by name, each with its meetings in time order. */
export async function partySchedules(conferenceId: number) {
  const groups = byParty(await partyMeetings(getDb(), { conferenceId }));
  const collator = new Intl.Collator("vi");
  return [...groups.entries()]
    .map(([id, meetings]) => ({ id, name_vi: meetings[0].party_vi, name_en: meetings[0].party_en, meetings }))
    .sort((a, b) => collator.compare(a.name_vi, b.name_vi));
}
