import type { Db } from "~/platform/types";

/**
 * The one join behind every list of placed meetings (the organisers' prints and grid, and each
 * party's view): a meeting with its slot (s), its request (r), the organisation that asked (a)
 * and the one asked (b), its table (t, none for a meeting held online) and the table's room.
 * Callers narrow it (blocks, a slot, a party) and select what they show.
 */
export function placedMeetingsQuery(db: Db) {
  return db
    .selectFrom("meetings as m")
    .innerJoin("meeting_slots as s", "s.id", "m.slot_id")
    .innerJoin("meeting_requests as r", "r.id", "m.request_id")
    .innerJoin("organisations as a", "a.id", "r.from_organisation_id")
    .innerJoin("organisations as b", "b.id", "r.to_organisation_id")
    .leftJoin("meeting_tables as t", "t.id", "m.table_id")
    .leftJoin("rooms as room", "room.id", "t.room_id");
}

/**
 * Placed meetings as each party sees them: one row per party and meeting, with
 * the counterpart, the slot, the table and its room, and the outcome. The one
 * read behind "My agenda", /meetings, availability, the party view, the
 * schedules PDF and the schedule e-mails. Takes the caller's handle, so that
 * it also runs inside a transaction.
 */
export async function partyMeetings(
  db: Db,
  filter: { conferenceId?: number; organisationId?: number; blockIds?: number[] },
) {
  if (filter.blockIds && filter.blockIds.length === 0) return [];
  const rows = await placedMeetingsQuery(db)
    .innerJoin("meeting_participants as p", "p.meeting_id", "m.id")
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
      "a.name_vi as from_vi",
      "a.name_en as from_en",
      "a.kind as from_kind",
      "a.mission_type as from_mission_type",
      "r.to_organisation_id",
      "b.name_vi as to_vi",
      "b.name_en as to_en",
      "b.kind as to_kind",
      "b.mission_type as to_mission_type",
      "t.number as table_number",
      "t.label as table_label",
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
  return rows.map((row) => {
    const { from_organisation_id, to_organisation_id, from_vi, from_en, to_vi, to_en, locked, ...m } = row;
    const { from_kind, from_mission_type, to_kind, to_mission_type, ...rest } = m;
    const asker = from_organisation_id === m.party_id;
    return {
      ...rest,
      locked: locked === 1,
      party_kind: asker ? from_kind : to_kind,
      party_mission_type: asker ? from_mission_type : to_mission_type,
      counterpart_kind: asker ? to_kind : from_kind,
      counterpart_mission_type: asker ? to_mission_type : from_mission_type,
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
