import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import {
  answerMeetingRequest,
  placeMeeting,
  requestMeeting,
  withdrawMeetingRequest,
} from "~/features/meetings/meetings.server";
import { COOLING_OFF_MINUTES } from "~/features/meetings/rules";
import { nowIso, nowMs } from "~/lib/clock";
import { commitSchedule, previewSchedule } from "~/features/meetings/meeting-schedule.server";
import { action, loader } from "~/routes/meetings/route";
import { askFor, cookieFor, delegateOf, openDemoBlock, resetMeetings } from "../../helpers/meetings";
import { call, jsonOf } from "../../helpers/remix";

const actor = { id: null, ip: null };

beforeEach(async () => {
  await resetMeetings();
  await getDb().deleteFrom("outbox").execute();
});

async function setUp() {
  const { conference, blockId } = await openDemoBlock({}, actor);
  const province = await delegateOf("prov-lao-cai");
  const korea = await delegateOf("mis-emb-kr");
  const koreaStaff = await delegateOf("mis-emb-kr", { head: false });
  const emails = async (userId: string) =>
    (await getDb().selectFrom("users").select("email").where("id", "=", userId).executeTakeFirstOrThrow()).email;
  return { conference, blockId, province, korea, koreaStaff, emails };
}

/** A meeting block whose organisations may each send at most `cap` requests. */
async function setUpCapped(cap: number) {
  const { conference } = await openDemoBlock({ maxRequestsPerOrganisation: cap }, actor);
  return { conference };
}
const outbox = () =>
  getDb().selectFrom("outbox").select(["to_email", "kind", "subject", "body_text"]).orderBy("id").execute();

describe("meeting e-mails", () => {
  it("the mission's head hears of a request, the requester of the answer, both of the schedule and of a move", async () => {
    const { conference, blockId, province, korea, emails } = await setUp();
    const sent = await requestMeeting(province.userId, conference.id, askFor(korea.orgId, 3), null);
    if (!sent.ok) throw new Error(sent.refusal.key);
    let mail = await outbox();
    // Only the head of the mission, not its other staff.
    expect(mail.map((m) => [m.to_email, m.kind])).toEqual([[await emails(korea.userId), "meeting.request"]]);
    expect(mail[0].subject).toBe("Đề nghị gặp song phương từ Lào Cai / Bilateral meeting request from Lao Cai");
    expect(mail[0].body_text).toContain("Xuất khẩu vải thiều Lục Ngạn sang Nhật Bản");
    expect(mail[0].body_text).toContain("/meetings");

    await answerMeetingRequest(korea.userId, sent.id, { accept: true, reason: "" }, null);
    mail = await outbox();
    expect(mail[1]).toMatchObject({ to_email: await emails(province.userId), kind: "meeting.accepted" });

    const preview = await previewSchedule(blockId);
    expect((await commitSchedule(blockId, preview.meetings, actor)).ok).toBe(true);
    mail = await outbox();
    const schedules = mail.filter((m) => m.kind === "meeting.schedule");
    expect(schedules.map((m) => m.to_email).sort()).toEqual(
      [await emails(province.userId), await emails(korea.userId)].sort(),
    );
    expect(schedules.find((m) => m.to_email === mail[1].to_email)!.body_text).toMatch(
      /Đại sứ quán Việt Nam tại Hàn Quốc · bàn 1/,
    );

    // Moving to another slot tells both; changing only the table does not.
    const meeting = await getDb()
      .selectFrom("meetings")
      .select(["id", "slot_id", "table_id"])
      .executeTakeFirstOrThrow();
    const slots = await getDb()
      .selectFrom("meeting_slots")
      .select("id")
      .where("block_id", "=", blockId)
      .orderBy("starts_at")
      .execute();
    const tables = await getDb()
      .selectFrom("meeting_tables")
      .select("id")
      .where("block_id", "=", blockId)
      .orderBy("number")
      .execute();
    await placeMeeting(
      sent.id,
      meeting.slot_id,
      tables.find((t) => t.id !== meeting.table_id)!.id,
      { locked: false },
      actor,
    );
    expect((await outbox()).filter((m) => m.kind === "meeting.moved")).toHaveLength(0);
    const other = slots.find((s) => s.id !== meeting.slot_id)!;
    await placeMeeting(sent.id, other.id, tables[0].id, { locked: true }, actor);
    const moved = (await outbox()).filter((m) => m.kind === "meeting.moved");
    expect(moved.map((m) => m.to_email).sort()).toEqual(
      [await emails(province.userId), await emails(korea.userId)].sort(),
    );
    expect(moved[0].body_text).toContain("giờ Hà Nội");
  });

  it("a decline carries its reason to the requester", async () => {
    const { conference, province, korea, emails } = await setUp();
    const sent = await requestMeeting(province.userId, conference.id, askFor(korea.orgId), null);
    if (!sent.ok) throw new Error(sent.refusal.key);
    await answerMeetingRequest(
      korea.userId,
      sent.id,
      { accept: false, reason: "Đại sứ về nước công tác trong tuần hội nghị" },
      null,
    );
    const declined = (await outbox()).find((m) => m.kind === "meeting.declined")!;
    expect(declined.to_email).toBe(await emails(province.userId));
    expect(declined.body_text).toContain("Lý do: Đại sứ về nước công tác trong tuần hội nghị");
  });
});

describe("who gets meeting mail, and how often", () => {
  it("goes only to who speaks for the party: not to a pending registrant naming it, nor to a mission's staff", async () => {
    const { conference, korea, emails } = await setUp();
    const province = await delegateOf("prov-nghe-an");
    const pending = await delegateOf("prov-nghe-an", { status: "pending" });
    const koreaStaff = await delegateOf("mis-emb-kr", { head: false, status: "approved" });
    const sent = await requestMeeting(province.userId, conference.id, askFor(korea.orgId), null);
    if (!sent.ok) throw new Error(sent.refusal.key);
    expect(await answerMeetingRequest(korea.userId, sent.id, { accept: false, reason: "Lịch kín" }, null)).toEqual({
      ok: true,
    });
    const mail = await outbox();
    expect(mail.filter((m) => m.kind === "meeting.request").map((m) => m.to_email)).toEqual([
      await emails(korea.userId),
    ]);
    const everyone = mail.map((m) => m.to_email);
    expect(everyone).not.toContain(await emails(pending.userId));
    expect(everyone).not.toContain(await emails(koreaStaff.userId));
  });

  it("sends a recipient at most 3 meeting e-mails a minute and groups the rest into one message sent a minute later", async () => {
    const { conference, korea, emails } = await setUp();
    const to = await emails(korea.userId);
    const provinces = await Promise.all(
      ["prov-ha-nam", "prov-nam-dinh", "prov-thai-binh", "prov-ninh-binh", "prov-hung-yen"].map((code) =>
        delegateOf(code),
      ),
    );
    for (const p of provinces)
      expect((await requestMeeting(p.userId, conference.id, askFor(korea.orgId), null)).ok).toBe(true);
    const toKorea = await getDb()
      .selectFrom("outbox")
      .select(["kind", "body_text", "not_before"])
      .where("to_email", "=", to)
      .orderBy("id")
      .execute();
    expect(toKorea.map((m) => m.kind)).toEqual([
      "meeting.request",
      "meeting.request",
      "meeting.request",
      "meeting.digest",
    ]);
    const digest = toKorea[3];
    expect(digest.body_text.split("=====")).toHaveLength(2);
    expect(digest.body_text).toContain("Ninh Bình");
    expect(digest.body_text).toContain("Hưng Yên");
    expect(Date.parse(digest.not_before!)).toBeGreaterThan(Date.parse(nowIso()));
  });
});

describe("withdrawing a request", () => {
  it("a request withdrawn in the cooling-off period still counts against the cap", async () => {
    const { conference } = await setUpCapped(2);
    const province = await delegateOf("prov-ha-tinh");
    const [a, b, c] = await Promise.all(["mis-emb-kr", "mis-emb-de", "mis-emb-fr"].map((code) => delegateOf(code)));
    const first = await requestMeeting(province.userId, conference.id, askFor(a.orgId), null);
    if (!first.ok) throw new Error(first.refusal.key);
    expect((await requestMeeting(province.userId, conference.id, askFor(b.orgId), null)).ok).toBe(true);
    expect(await withdrawMeetingRequest(province.userId, first.id, null)).toEqual({ ok: true });
    expect(await requestMeeting(province.userId, conference.id, askFor(c.orgId), null)).toMatchObject({
      ok: false,
      refusal: { key: "meetings.errors.overCap" },
    });
    const later = new Date(nowMs() + (COOLING_OFF_MINUTES + 1) * 60_000);
    expect((await requestMeeting(province.userId, conference.id, askFor(c.orgId), null, later)).ok).toBe(true);
  });

  it("the requester withdraws a placed meeting: it leaves the schedule, the mission is told, and the request can be sent again", async () => {
    const { conference, blockId, province, korea, koreaStaff, emails } = await setUp();
    const sent = await requestMeeting(province.userId, conference.id, askFor(korea.orgId), null);
    if (!sent.ok) throw new Error(sent.refusal.key);
    await answerMeetingRequest(korea.userId, sent.id, { accept: true, reason: "" }, null);
    await commitSchedule(blockId, (await previewSchedule(blockId)).meetings, actor);
    expect(await getDb().selectFrom("meetings").select("id").execute()).toHaveLength(1);

    // Nobody else withdraws it: not the mission, not its staff.
    for (const who of [korea, koreaStaff]) {
      const refused = await call(action, {
        path: "/meetings",
        cookie: await cookieFor(who.userId),
        form: { intent: "withdraw", requestId: String(sent.id) },
      });
      expect(refused.status).toBe(403);
    }
    const response = await call(action, {
      path: "/meetings",
      cookie: await cookieFor(province.userId),
      form: { intent: "withdraw", requestId: String(sent.id) },
    });
    expect(response.status).toBe(200);
    expect(await getDb().selectFrom("meetings").select("id").execute()).toHaveLength(0);
    expect(
      await getDb().selectFrom("meeting_requests").select("status").where("id", "=", sent.id).executeTakeFirstOrThrow(),
    ).toEqual({ status: "withdrawn" });
    expect((await outbox()).filter((m) => m.kind === "meeting.withdrawn").map((m) => m.to_email)).toEqual([
      await emails(korea.userId),
    ]);
    expect(await withdrawMeetingRequest(province.userId, sent.id, null)).toEqual({
      ok: false,
      refusal: { kind: "invalid", key: "meetings.errors.cannotWithdraw" },
    });

    // Asking again at once is refused (no ask-and-withdraw loop of e-mails), and nobody is mailed.
    const mailsBefore = (await outbox()).length;
    const tooSoon = await requestMeeting(
      province.userId,
      conference.id,
      { ...askFor(korea.orgId, 1), ask: "Hợp tác đào tạo nghề" },
      null,
    );
    expect(tooSoon).toEqual({
      ok: false,
      refusal: { kind: "invalid", key: "meetings.errors.coolingOff", params: { minutes: COOLING_OFF_MINUTES } },
    });
    expect((await outbox()).length).toBe(mailsBefore);
    // After the cooling-off period, asking again reuses the pair's row, back to pending.
    const later = new Date(nowMs() + (COOLING_OFF_MINUTES + 1) * 60_000);
    const again = await requestMeeting(
      province.userId,
      conference.id,
      { ...askFor(korea.orgId, 1), ask: "Hợp tác đào tạo nghề" },
      null,
      later,
    );
    expect(again).toEqual({ ok: true, id: sent.id });
    const page = await jsonOf<{ sent: Array<{ id: number; status: string; ask: string }> }>(
      await call(loader, { path: "/meetings", cookie: await cookieFor(province.userId) }),
    );
    expect(page.sent).toEqual([
      expect.objectContaining({ id: sent.id, status: "pending", ask: "Hợp tác đào tạo nghề" }),
    ]);
    const audit = await getDb()
      .selectFrom("audit_log")
      .select("action")
      .where("entity", "=", "meeting_request")
      .where("entity_id", "=", String(sent.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["meeting_request.withdraw"]));
  });
});
