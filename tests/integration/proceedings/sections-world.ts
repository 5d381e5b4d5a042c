import { getDb } from "~/platform/db.server";

/**
 * A conference of its own (edition 99, apart from the demo's rows) filled with exactly known data
 * for the book's data sections: registrations of every status, check-ins and online joins,
 * meeting requests and meetings (held or not), a hall with booths and exhibitors, agreements.
 */
const AT = "2026-12-01T00:00:00.000Z";
let n = 0;
let edition = 90;

async function orgOfKind(kind: string, skip = 0) {
  return getDb()
    .selectFrom("organisations")
    .select(["id", "name_vi", "name_en", "country_code"])
    .where("kind", "=", kind as never)
    .orderBy("id")
    .offset(skip)
    .limit(1)
    .executeTakeFirstOrThrow();
}

export async function sectionsConference() {
  const db = getDb();
  const { id: conferenceId } = await db
    .insertInto("conferences")
    .values({
      edition: (edition += 1),
      title_vi: "Hội nghị thử nghiệm",
      title_en: "Test conference",
      theme_vi: "",
      theme_en: "",
      starts_at: "2026-12-14T01:00:00.000Z",
      ends_at: "2026-12-15T10:00:00.000Z",
      time_zone: "Asia/Ho_Chi_Minh",
      venue_vi: "Hà Nội",
      venue_en: "Hanoi",
      format: "hybrid",
      in_person_capacity: 500,
      registration_opens_at: null,
      registration_closes_at: null,
      created_at: AT,
      updated_at: AT,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const session = await db
    .insertInto("sessions")
    .values({
      conference_id: conferenceId,
      kind: "plenary",
      title_vi: "Phiên toàn thể",
      title_en: "Plenary",
      description_vi: "",
      description_en: "",
      starts_at: "2026-12-14T01:00:00.000Z",
      ends_at: "2026-12-14T04:00:00.000Z",
      stream_url: null,
      published: 1,
      room_id: null,
      capacity: null,
      created_at: AT,
      updated_at: AT,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { conferenceId, sessionId: session.id };
}

export async function register(
  conferenceId: number,
  organisationId: number,
  options: {
    mode?: "in_person" | "online";
    status?: "approved" | "pending" | "rejected" | "waitlisted";
    checkedIn?: boolean;
  } = {},
) {
  n += 1;
  const row = await getDb()
    .insertInto("registrations")
    .values({
      conference_id: conferenceId,
      user_id: null,
      organisation_id: organisationId,
      honorific: "mr",
      full_name: `Đại biểu ${n}`,
      position: "Chuyên viên",
      email: `sections-${n}-${Math.random().toString(36).slice(2, 7)}@test.gov.vn`,
      phone: "+84 24 3799 3000",
      mode: options.mode ?? "in_person",
      status: options.status ?? "approved",
      badge_code: `SEC-${n}-${Math.random().toString(36).slice(2, 8)}`,
      interpretation: "none",
      dietary: "",
      consent_to_list: 1,
      organiser_note: "",
      waitlisted_at: null,
      status_changed_at: AT,
      decided_by: null,
      checked_in_at: options.checkedIn ? "2026-12-14T00:30:00.000Z" : null,
      checked_in_by: null,
      search_key: "",
      created_at: AT,
      updated_at: AT,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function joinOnline(registrationId: number, sessionId: number, joined = true) {
  n += 1;
  await getDb()
    .insertInto("join_links")
    .values({
      token: `tok-${n}-${Math.random().toString(36).slice(2)}`,
      registration_id: registrationId,
      session_id: sessionId,
      created_at: AT,
      first_joined_at: joined ? "2026-12-14T01:05:00.000Z" : null,
      last_joined_at: joined ? "2026-12-14T01:05:00.000Z" : null,
    })
    .execute();
}

export const organisations = {
  province: (skip = 0) => orgOfKind("province", skip),
  ministry: (skip = 0) => orgOfKind("ministry", skip),
  mission: (skip = 0) => orgOfKind("mission", skip),
  foreign: (skip = 0) => orgOfKind("foreign", skip),
};

/** A meeting block over the session with `slots` 20-minute slots from 09:00 Hà Nội and one table. */
export async function meetingBlock(conferenceId: number, sessionId: number, slots: string[]) {
  const db = getDb();
  const block = await db
    .insertInto("meeting_blocks")
    .values({
      conference_id: conferenceId,
      session_id: sessionId,
      slot_minutes: 20,
      gap_minutes: 10,
      table_count: 2,
      requests_close_at: null,
      answers_close_at: null,
      max_requests_per_organisation: null,
      allowed_pairs: "[]",
      created_at: AT,
      updated_at: AT,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const slotIds: number[] = [];
  for (const startsAt of slots) {
    const slot = await db
      .insertInto("meeting_slots")
      .values({
        block_id: block.id,
        starts_at: startsAt,
        ends_at: new Date(Date.parse(startsAt) + 20 * 60_000).toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    slotIds.push(slot.id);
  }
  const table = await db
    .insertInto("meeting_tables")
    .values({ block_id: block.id, number: 1, label: "Bàn 1", room_id: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { slotIds, tableId: table.id };
}

export async function meetingRequest(
  conferenceId: number,
  from: number,
  to: number,
  status: "pending" | "accepted" | "declined" | "withdrawn",
  sector = "investment",
) {
  const row = await getDb()
    .insertInto("meeting_requests")
    .values({
      conference_id: conferenceId,
      from_organisation_id: from,
      to_organisation_id: to,
      sector,
      ask: "Trao đổi hợp tác",
      priority: 2,
      status,
      decline_reason: "",
      requested_by: null,
      answered_by: null,
      created_at: AT,
      answered_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function placeMeeting(
  requestId: number,
  slotId: number,
  tableId: number | null,
  parties: [number, number],
  outcome: { outcome: string; followUp: string } | null,
) {
  const db = getDb();
  const meeting = await db
    .insertInto("meetings")
    .values({
      request_id: requestId,
      slot_id: slotId,
      table_id: tableId,
      video_url: tableId === null ? "https://meet.example/x" : null,
      locked: 0,
      outcome: outcome?.outcome ?? "",
      follow_up: outcome?.followUp ?? "",
      outcome_recorded_by: null,
      outcome_recorded_at: outcome ? "2026-12-14T03:00:00.000Z" : null,
      created_at: AT,
      updated_at: AT,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("meeting_participants")
    .values(parties.map((organisation_id) => ({ meeting_id: meeting.id, slot_id: slotId, organisation_id })))
    .execute();
  return meeting.id;
}

export async function exhibition(
  conferenceId: number,
  exhibitors: { name: string; status: string; booth: boolean }[],
  booths: number,
) {
  const db = getDb();
  const hall = await db
    .insertInto("exhibition_halls")
    .values({
      conference_id: conferenceId,
      code: `H${conferenceId}`,
      name_vi: "Sảnh A",
      name_en: "Hall A",
      width_m: 40,
      depth_m: 20,
      created_at: AT,
      updated_at: AT,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const boothIds: number[] = [];
  for (let i = 0; i < booths; i += 1) {
    const booth = await db
      .insertInto("booths")
      .values({
        conference_id: conferenceId,
        hall_id: hall.id,
        code: `A${i + 1}`,
        zone: "ocop",
        type: "standard",
        x: i * 4,
        y: 0,
        w: 3,
        h: 3,
        area: 9,
        created_at: AT,
        updated_at: AT,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    boothIds.push(booth.id);
  }
  let next = 0;
  for (const e of exhibitors) {
    const row = await db
      .insertInto("exhibitors")
      .values({
        conference_id: conferenceId,
        name_vi: e.name,
        kind: "enterprise",
        contact_name: "Nguyễn Văn A",
        contact_email: "a@example.vn",
        status: e.status as never,
        created_at: AT,
        updated_at: AT,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (e.booth)
      await db
        .insertInto("booth_allocations")
        .values({
          booth_id: boothIds[next++],
          conference_id: conferenceId,
          exhibitor_id: row.id,
          source: "hand",
          allocated_by: null,
          allocated_at: AT,
        })
        .execute();
  }
}

export async function agreement(
  conferenceId: number,
  organisationId: number,
  values: { title: string; state: string; countryCode?: string; signedOn?: string | null; missionId?: number | null },
) {
  await getDb()
    .insertInto("agreements")
    .values({
      conference_id: conferenceId,
      organisation_id: organisationId,
      title: values.title,
      foreign_party: "Chính quyền tỉnh Gyeonggi",
      country_code: values.countryCode ?? "KR",
      field: "investment",
      kind: "memorandum",
      state: values.state as never,
      sent_for_opinion_on: "2026-11-02",
      opinion_received_on: "2026-11-09",
      signed_on: values.signedOn === undefined ? "2026-12-14" : values.signedOn,
      signed_place: "Hà Nội",
      reported_on: values.state === "reported" ? "2026-12-20" : null,
      in_force_on: null,
      ended_on: null,
      mission_id: values.missionId ?? null,
      meeting_request_id: null,
      created_by: null,
      updated_by: null,
      created_at: AT,
      updated_at: AT,
    })
    .execute();
}
