import { placedMeetingsQuery } from "~/features/meetings/meeting-parties.server";
import type { Db } from "~/platform/types";
import type { HeldMeeting } from "./meetings";

/**
 * The bilateral meetings held: placed meetings (a meetings row, so the request was accepted and
 * scheduled; withdrawing or declining removes the row) whose outcome has been recorded, since
 * meeting-outcomes.server.ts only lets a party record one once the meeting has started. In time
 * order, then by table.
 */
export async function loadMeetingsData(db: Db, conferenceId: number): Promise<HeldMeeting[]> {
  const rows = await placedMeetingsQuery(db)
    .select([
      "m.id",
      "s.starts_at",
      "s.ends_at",
      "r.sector",
      "a.name_vi as from_vi",
      "a.name_en as from_en",
      "a.kind as from_kind",
      "a.country_code as from_country",
      "b.name_vi as to_vi",
      "b.name_en as to_en",
      "b.kind as to_kind",
      "b.country_code as to_country",
      "t.number as table_number",
      "t.label as table_label",
      "room.name_vi as room_vi",
      "room.name_en as room_en",
      "m.video_url",
      "m.outcome",
      "m.follow_up",
    ])
    .where("r.conference_id", "=", conferenceId)
    .where("r.status", "=", "accepted")
    .where("m.outcome_recorded_at", "is not", null)
    .orderBy("s.starts_at")
    .orderBy("t.number")
    .orderBy("m.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    sector: r.sector,
    from: { nameVi: r.from_vi, nameEn: r.from_en, kind: r.from_kind, countryCode: r.from_country },
    to: { nameVi: r.to_vi, nameEn: r.to_en, kind: r.to_kind, countryCode: r.to_country },
    table:
      r.table_number === null
        ? null
        : { number: r.table_number, label: r.table_label ?? "", roomVi: r.room_vi, roomEn: r.room_en },
    online: r.table_number === null,
    outcome: r.outcome,
    followUp: r.follow_up,
  }));
}
