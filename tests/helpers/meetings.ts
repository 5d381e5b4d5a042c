import { getDb } from "~/platform/db.server";
import {
  answerMeetingRequest,
  createMeetingBlock,
  requestMeeting,
  type BlockInput,
} from "~/features/meetings/meetings.server";
import type { Actor } from "~/platform/types";
import { createUser } from "~/features/people/users.server";
import { demoConference, organisationId } from "./factories";
import { nowIso, nowMs } from "~/lib/clock";

/** Clears meeting blocks, requests, limits and meetings, so that each test starts from none. */
export async function resetMeetings() {
  const db = getDb();
  await db.deleteFrom("meetings").execute();
  await db.deleteFrom("meeting_requests").execute();
  await db.deleteFrom("meeting_parties").execute();
  await db.deleteFrom("meeting_blocks").execute();
}

/**
 * The demo's meeting-block session cut into 20-minute slots with a 10-minute gap and 2 tables, no
 * deadline and no cap, unless `settings` say otherwise. Throws if the block cannot be made.
 */
export async function openDemoBlock(
  settings: Partial<Omit<BlockInput, "sessionId">> = {},
  actor: Actor = { id: null, ip: null },
) {
  const conference = await demoConference();
  const session = await getDb()
    .selectFrom("sessions")
    .select("id")
    .where("conference_id", "=", conference.id)
    .where("kind", "=", "meeting_block")
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const block = await createMeetingBlock(
    conference.id,
    {
      sessionId: session.id,
      slotMinutes: 20,
      gapMinutes: 10,
      tableCount: 2,
      requestsCloseAt: null,
      answersCloseAt: null,
      maxRequestsPerOrganisation: null,
      ...settings,
    },
    actor,
  );
  if (!block.ok) throw new Error(block.refusal.key);
  return { conference, sessionId: session.id, blockId: block.id, slots: block.slots };
}

let n = 0;
/**
 * A delegate account of the organisation with this code, with what gives it authority
 * (decision 011): for a mission or foreign partner it is the designated head unless
 * `head: false` (an existing head is reused, since an organisation has one), with no
 * registration unless `status` is given; for any other organisation an in-person
 * registration in the current conference, approved unless `status` says otherwise
 * (`null`: no registration at all).
 */
export async function delegateOf(
  code: string,
  options: { head?: boolean; status?: "approved" | "pending" | "waitlisted" | null } = {},
) {
  n += 1;
  const db = getDb();
  const orgId = await organisationId(code);
  const org = await db.selectFrom("organisations").select("kind").where("id", "=", orgId).executeTakeFirstOrThrow();
  const headed = org.kind === "mission" || org.kind === "foreign";
  const head = options.head ?? headed;
  if (head) {
    const existing = await db
      .selectFrom("users")
      .select("id")
      .where("organisation_id", "=", orgId)
      .where("heads_organisation", "=", 1)
      .executeTakeFirst();
    if (existing) return { userId: existing.id, orgId };
  }
  const email = `meet-${n}-${code}-${Math.random().toString(36).slice(2, 6)}@test.gov.vn`;
  const userId = await createUser(db, {
    email,
    fullName: `Đại biểu ${code}`,
    role: "delegate",
    organisationId: orgId,
    passwordHash: null,
  });
  if (head) await db.updateTable("users").set({ heads_organisation: 1 }).where("id", "=", userId).execute();
  // Staff of a mission or partner have no registration unless asked: their rights come from the head alone.
  const status = options.status === undefined ? (headed ? null : "approved") : options.status;
  if (status) {
    const conference = await db
      .selectFrom("conferences")
      .select("id")
      .orderBy("edition", "desc")
      .executeTakeFirstOrThrow();
    const at = nowIso();
    await db
      .insertInto("registrations")
      .values({
        conference_id: conference.id,
        user_id: userId,
        organisation_id: orgId,
        honorific: "mr",
        full_name: `Đại biểu ${code}`,
        position: "Chuyên viên",
        email,
        phone: "+84 24 3799 3000",
        mode: "in_person",
        status,
        badge_code: `MEET-${n}-${Math.random().toString(36).slice(2, 8)}`,
        interpretation: "none",
        dietary: "",
        consent_to_list: 0,
        organiser_note: "",
        waitlisted_at: status === "waitlisted" ? at : null,
        status_changed_at: at,
        search_key: `dai bieu ${code}`,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
  return { userId, orgId };
}

export const askFor = (toOrganisationId: number, priority: 1 | 2 | 3 = 2) => ({
  toOrganisationId,
  sector: "Nông nghiệp",
  ask: "Xuất khẩu vải thiều Lục Ngạn sang Nhật Bản",
  priority,
});

/** Each requester asks each counterpart, and each counterpart accepts; returns the request ids. */
export async function acceptedRequests(
  conferenceId: number,
  requesters: Array<{ userId: string }>,
  counterparts: Array<{ userId: string; orgId: number }>,
  priority: (i: number) => 1 | 2 | 3 = () => 2,
) {
  const ids: number[] = [];
  for (const [i, p] of requesters.entries()) {
    for (const m of counterparts) {
      const r = await requestMeeting(p.userId, conferenceId, askFor(m.orgId, priority(i)), null);
      if (!r.ok) throw new Error(r.refusal.key);
      await answerMeetingRequest(m.userId, r.id, { accept: true, reason: "" }, null);
      ids.push(r.id);
    }
  }
  return ids;
}

/** A session cookie for any user (e.g. one made by delegateOf, who has no password), for calling routes as them. */
export async function cookieFor(userId: string): Promise<string> {
  const { getLucia } = await import("~/auth/lucia.server");
  const lucia = getLucia();
  return lucia
    .createSessionCookie((await lucia.createSession(userId, {})).id)
    .serialize()
    .split(";")[0];
}

/** Moves a slot so that it started an hour ago (and ends in an hour): its meetings may then get an outcome. */
export async function startSlotNow(slotId: number) {
  const now = nowMs();
  await getDb()
    .updateTable("meeting_slots")
    .set({ starts_at: new Date(now - 3600_000).toISOString(), ends_at: new Date(now + 3600_000).toISOString() })
    .where("id", "=", slotId)
    .execute();
}
