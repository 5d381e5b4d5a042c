import { getDb } from "~/platform/db.server";
import { notFound, type Result } from "~/platform/types";
import type { PrintMeeting } from "~/features/meetings/meeting-list";
import { blockIdsOf, onlineOrganisationIds } from "./meetings.server";
import { placedMeetingsQuery } from "./meeting-parties.server";

/**
 * Reads for the organisers' meeting prints (table signs, the list and its CSV):
 * every placed meeting of the conference's blocks in one query (the placed meetings'
 * one join), with its slot, table, room, both parties' names and the request.
 */

/** The placed meetings of the conference's blocks asked for (of one slot when asked), in slot then table order. */
export async function meetingsForPrint(
  conferenceId: number,
  blockIds: number[],
  slotId?: number,
): Promise<PrintMeeting[]> {
  if (blockIds.length === 0) return [];
  const online = await onlineOrganisationIds(conferenceId);
  const rows = await placedMeetingsQuery(getDb())
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

export type MeetingPrints = Result<{ meetings: PrintMeeting[] }>;

/**
 * The conference's placed meetings for a print. `slot` is the raw ?slot= value:
 * null for every slot; anything that is not a slot of the block is refused (not found).
 */
export async function meetingPrints(conferenceId: number, slot: string | null = null): Promise<MeetingPrints> {
  const blockIds = await blockIdsOf(getDb(), conferenceId);
  if (slot === null) return { ok: true, meetings: await meetingsForPrint(conferenceId, blockIds) };
  const slotId = /^\d{1,15}$/.test(slot) ? Number(slot) : NaN;
  if (blockIds.length === 0 || !Number.isSafeInteger(slotId)) return notFound("meetingsPrints.unknownSlot");
  const found = await getDb()
    .selectFrom("meeting_slots")
    .select("id")
    .where("id", "=", slotId)
    .where("block_id", "in", blockIds)
    .executeTakeFirst();
  if (!found) return notFound("meetingsPrints.unknownSlot");
  return { ok: true, meetings: await meetingsForPrint(conferenceId, blockIds, slotId) };
}
