import { getDb } from "~/platform/db.server";
import type { PrintMeeting } from "~/features/meetings/meeting-list";
import { blockIdsOf, onlineOrganisationIds } from "./meetings.server";

/**
 * Reads for the organisers' meeting prints (table signs, the list and its CSV):
 * every placed meeting of the conference's blocks in one query, with its slot,
 * table, room, both parties' names and the request.
 */

/** The placed meetings of the conference's blocks asked for (of one slot when asked), in slot then table order. */
export async function meetingsForPrint(conferenceId: number, blockIds: number[], slotId?: number): Promise<PrintMeeting[]> {
  if (blockIds.length === 0) return [];
  const online = await onlineOrganisationIds(conferenceId);
  const rows = await getDb()
    .selectFrom("meetings as m")
    .innerJoin("meeting_slots as s", "s.id", "m.slot_id")
    .leftJoin("meeting_tables as t", "t.id", "m.table_id")
    .leftJoin("rooms as room", "room.id", "t.room_id")
    .innerJoin("meeting_requests as r", "r.id", "m.request_id")
    .innerJoin("organisations as a", "a.id", "r.from_organisation_id")
    .innerJoin("organisations as b", "b.id", "r.to_organisation_id")
    .select((eb) => [
      "m.id",
      "m.request_id",
      "m.slot_id",
      "m.table_id",
      "s.starts_at",
      "s.ends_at",
      // The slot's number in the block counts the empty slots too, as the grid shows them.
      eb
        .selectFrom("meeting_slots as s2")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("s2.block_id", "=", "s.block_id")
        .whereRef("s2.starts_at", "<=", "s.starts_at")
        .as("slot_number"),
      "t.number as table_number",
      "t.label as table_label",
      "room.name_vi as room_vi",
      "room.name_en as room_en",
      "r.from_organisation_id as requester_id",
      "r.to_organisation_id as counterpart_id",
      "a.name_vi as requester_vi",
      "a.name_en as requester_en",
      "b.name_vi as counterpart_vi",
      "b.name_en as counterpart_en",
      "r.sector",
      "r.ask",
      "r.priority",
      "m.locked",
      "m.video_url",
      "m.outcome",
      "m.follow_up",
    ])
    .where("s.block_id", "in", blockIds)
    .$if(slotId !== undefined, (q) => q.where("s.id", "=", slotId!))
    .orderBy("s.starts_at")
    .orderBy((eb) => eb("t.number", "is", null))
    .orderBy("t.number")
    .orderBy("m.id")
    .execute();
  return rows.map((r) => ({
    ...r,
    slot_number: Number(r.slot_number),
    table_label: r.table_label ?? "",
    locked: r.locked === 1,
    party_online: online.has(r.requester_id) || online.has(r.counterpart_id),
  }));
}

export type MeetingPrints = { ok: true; meetings: PrintMeeting[] } | { ok: false; reason: "unknownSlot" };

/**
 * The conference's placed meetings for a print. `slot` is the raw ?slot= value:
 * null for every slot; anything that is not a slot of the block is refused.
 */
export async function meetingPrints(conferenceId: number, slot: string | null = null): Promise<MeetingPrints> {
  const blockIds = await blockIdsOf(getDb(), conferenceId);
  if (slot === null) return { ok: true, meetings: await meetingsForPrint(conferenceId, blockIds) };
  const slotId = /^\d{1,15}$/.test(slot) ? Number(slot) : NaN;
  if (blockIds.length === 0 || !Number.isSafeInteger(slotId)) return { ok: false, reason: "unknownSlot" };
  const found = await getDb().selectFrom("meeting_slots").select("id").where("id", "=", slotId).where("block_id", "in", blockIds).executeTakeFirst();
  if (!found) return { ok: false, reason: "unknownSlot" };
  return { ok: true, meetings: await meetingsForPrint(conferenceId, blockIds, slotId) };
}
