import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";

/**
 * Placed meetings as each party sees them: one row per party and meeting, with
 * the counterpart, the slot, the table and its room, and the outcome. The one
 * read behind "My agenda", /meetings, availability, the party view, the
 * schedules PDF and the schedule e-mails. Takes the caller's handle, so that
 * it also runs inside a transaction.
 */
export async function partyMeetings(db: Kysely<Database>, filter: { conferenceId?: number; organisationId?: number; blockIds?: number[] }) {
  if (filter.blockIds && filter.blockIds.length === 0) return [];
  const rows = await db
    .selectFrom("meeting_participants as p")
    .innerJoin("meetings as m", "m.id", "p.meeting_id")
    .innerJoin("meeting_slots as s", "s.id", "m.slot_id")
    .innerJoin("meeting_requests as r", "r.id", "m.request_id")
    .innerJoin("organisations as f", "f.id", "r.from_organisation_id")
    .innerJoin("organisations as t", "t.id", "r.to_organisation_id")
    .leftJoin("meeting_tables as tb", "tb.id", "m.table_id")
    .leftJoin("rooms as room", "room.id", "tb.room_id")
    .leftJoin("users as rec", "rec.id", "m.outcome_recorded_by")
    .leftJoin("organisations as recorg", "recorg.id", "rec.organisation_id")
    .select([
      "m.id",
      "m.request_id",
      "p.organisation_id as party_id",
      "p.slot_id",
      "s.block_id",
      "s.starts_at",
      "s.ends_at",
      "m.updated_at",
      "m.locked",
      "r.sector",
      "r.ask",
      "r.from_organisation_id",
      "f.name_vi as from_vi",
      "f.name_en as from_en",
      "r.to_organisation_id",
      "t.name_vi as to_vi",
      "t.name_en as to_en",
      "tb.number as table_number",
      "tb.label as table_label",
      "room.name_vi as room_vi",
      "room.name_en as room_en",
      "m.video_url",
      "m.outcome",
      "m.follow_up",
      "m.outcome_recorded_at",
      "rec.full_name as recorded_by_name",
      "recorg.name_vi as recorded_by_org_vi",
      "recorg.name_en as recorded_by_org_en",
    ])
    .$if(filter.conferenceId !== undefined, (q) => q.where("r.conference_id", "=", filter.conferenceId!))
    .$if(filter.organisationId !== undefined, (q) => q.where("p.organisation_id", "=", filter.organisationId!))
    .$if(filter.blockIds !== undefined, (q) => q.where("s.block_id", "in", filter.blockIds!))
    .orderBy("s.starts_at")
    .execute();
  return rows.map(({ from_organisation_id, to_organisation_id, from_vi, from_en, to_vi, to_en, locked, ...m }) => {
    const asker = from_organisation_id === m.party_id;
    return {
      ...m,
      locked: locked === 1,
      party_vi: asker ? from_vi : to_vi,
      party_en: asker ? from_en : to_en,
      counterpart_id: asker ? to_organisation_id : from_organisation_id,
      counterpart_vi: asker ? to_vi : from_vi,
      counterpart_en: asker ? to_en : from_en,
    };
  });
}

export type PartyMeetingRow = Awaited<ReturnType<typeof partyMeetings>>[number];

/** The rows grouped by party, in the order the parties first appear. */
export function byParty(rows: PartyMeetingRow[]): Map<number, PartyMeetingRow[]> {
  const groups = new Map<number, PartyMeetingRow[]>();
  for (const row of rows) {
    const list = groups.get(row.party_id);
    if (list) list.push(row);
    else groups.set(row.party_id, [row]);
  }
  return groups;
}
