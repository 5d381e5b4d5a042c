import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { DEMO_ACCOUNTS } from "../../../seeds/seed";
import { nowIso } from "./dates";

/**
 * The browser tests' placed meeting: the demo delegate's province (Bắc Giang) with the demo
 * ambassador's embassy (Japan), an accepted request placed in the first slot of the demo's first
 * meeting block at its table 1, written straight into the test's own database (the scheduler has
 * tests of its own). An earlier request between the two is replaced.
 */
export async function placeDemoMeeting(db: Kysely<Database>, options: { videoUrl?: string | null } = {}) {
  const at = nowIso();
  const block = await db
    .selectFrom("meeting_blocks")
    .select(["id", "conference_id"])
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const slot = await db
    .selectFrom("meeting_slots")
    .select("id")
    .where("block_id", "=", block.id)
    .orderBy("starts_at")
    .executeTakeFirstOrThrow();
  const table = await db
    .selectFrom("meeting_tables")
    .select("id")
    .where("block_id", "=", block.id)
    .orderBy("number")
    .executeTakeFirstOrThrow();
  const user = (key: string) =>
    db
      .selectFrom("users")
      .select(["id", "organisation_id"])
      .where("email", "=", DEMO_ACCOUNTS.find((a) => a.key === key)!.email)
      .executeTakeFirstOrThrow();
  const [province, ambassador] = [await user("delegate"), await user("ambassador")];
  await db
    .deleteFrom("meeting_requests")
    .where("from_organisation_id", "=", province.organisation_id!)
    .where("to_organisation_id", "=", ambassador.organisation_id!)
    .execute();
  const request = await db
    .insertInto("meeting_requests")
    .values({
      conference_id: block.conference_id,
      from_organisation_id: province.organisation_id!,
      to_organisation_id: ambassador.organisation_id!,
      sector: "agriculture",
      ask: "Xuất khẩu vải thiều Lục Ngạn sang Nhật Bản",
      priority: 3,
      status: "accepted",
      decline_reason: "",
      requested_by: province.id,
      answered_by: ambassador.id,
      created_at: at,
      answered_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const meeting = await db
    .insertInto("meetings")
    .values({
      request_id: request.id,
      slot_id: slot.id,
      table_id: table.id,
      video_url: options.videoUrl ?? null,
      locked: 0,
      outcome: "",
      follow_up: "",
      outcome_recorded_by: null,
      outcome_recorded_at: null,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("meeting_participants")
    .values(
      [province, ambassador].map((p) => ({
        meeting_id: meeting.id,
        slot_id: slot.id,
        organisation_id: p.organisation_id!,
      })),
    )
    .execute();
}
