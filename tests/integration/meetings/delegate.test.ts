import ICAL from "ical.js";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { placeMeeting } from "~/features/meetings/meetings.server";
import { buildInstance } from "~/features/meetings/meeting-schedule.server";
import { action, loader } from "~/routes/meetings/route";
import * as myAgenda from "~/routes/my-agenda";
import * as myAgendaIcs from "~/routes/my-agenda[.]ics";
import { organisationId } from "../../helpers/factories";
import { cookieFor, delegateOf, openDemoBlock, startSlotNow } from "../../helpers/meetings";
import { call, jsonOf, signInAs } from "../../helpers/remix";

type Place =
  | { online: true; videoUrl: string | null; wording: string; counterpartOnline: boolean; counterpartWording: string }
  | {
      online: false;
      table: { number: number; label: string; room_vi: string | null; room_en: string | null } | null;
      videoUrl: string | null;
      counterpartOnline: boolean;
      counterpartWording: string;
    };
type Placed = {
  id: number;
  starts_at: string;
  table_number: number | null;
  video_url: string | null;
  counterpart_vi: string;
  started: boolean;
  place: Place;
  outcome: string;
  follow_up: string;
  outcome_recorded_at: string | null;
  recorded_by_name: string | null;
  recorded_by_org_vi: string | null;
};
type Page = {
  requester: boolean;
  online: boolean;
  mayAct: boolean;
  refusal: string | null;
  parties: Array<{ id: number; name_vi: string; country_vi: string | null }>;
  partiesTotal: number;
  sent: Array<{ id: number; status: string; decline_reason: string }>;
  received: Array<{ id: number; status: string; name_vi: string }>;
  maxMeetings: number | null;
  sectors: { codes: string[]; note: string };
  placed: Placed[];
  availability: null | {
    blockIds: number[];
    limited: boolean;
    slots: Array<{ id: number; starts_at: string; available: boolean; meeting: null | { counterpart_vi: string } }>;
  };
};
type Result = {
  intent: string;
  errors: Record<string, string>;
  done?: string;
  params?: Record<string, string | number>;
};

let blockId = 0;
beforeEach(async () => {
  const db = getDb();
  await db.deleteFrom("meetings").execute();
  await db.deleteFrom("meeting_requests").execute();
  await db.deleteFrom("meeting_parties").execute();
  await db.deleteFrom("meeting_blocks").execute();
  const opened = await openDemoBlock();
  blockId = opened.blockId;
});

const page = async (cookie: string, path = "/meetings") => jsonOf<Page>(await call(loader, { path, cookie }));
const post = (cookie: string, form: Record<string, string>) => call(action, { path: "/meetings", cookie, form });
const ask = (to: number, extra: Record<string, string> = {}) => ({
  intent: "request",
  toOrganisationId: String(to),
  sector: "Nông nghiệp",
  ask: "Xuất khẩu vải thiều Lục Ngạn sang Nhật Bản",
  priority: "3",
  ...extra,
});
const slotsOfBlock = () =>
  getDb().selectFrom("meeting_slots").selectAll().where("block_id", "=", blockId).orderBy("starts_at").execute();
const tableNumber = (n: number) =>
  getDb()
    .selectFrom("meeting_tables")
    .selectAll()
    .where("block_id", "=", blockId)
    .where("number", "=", n)
    .executeTakeFirstOrThrow();
/** A checkbox group as the browser sends it: one "slot" field per ticked box. */
const ticking = (slotIds: number[]) => {
  const body = new URLSearchParams({ intent: "availability" });
  for (const id of slotIds) body.append("slot", String(id));
  return body;
};
const postAvailability = async (cookie: string, slotIds: number[]) => {
  const request = new Request("http://localhost:3000/meetings", {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: ticking(slotIds),
  });
  try {
    return (await action({ request, params: {}, context: { clientIp: "127.0.0.1" } })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
};

/** Bắc Giang (the demo delegate, in person) asks Japan (the demo ambassador, head, online); Japan accepts. */
async function acceptedJapanRequest() {
  const province = await signInAs("delegate");
  const ambassador = await signInAs("ambassador");
  await post(province, ask(await organisationId("mis-emb-jp")));
  const { id } = await getDb().selectFrom("meeting_requests").select("id").executeTakeFirstOrThrow();
  const accepted = await post(ambassador, { intent: "answer", requestId: String(id), decision: "accept", reason: "" });
  expect(accepted.status).toBe(200);
  return { province, ambassador, requestId: id };
}

async function placedJapanMeeting(slotIndex = 0, table = 2) {
  const { province, ambassador, requestId } = await acceptedJapanRequest();
  const slot = (await slotsOfBlock())[slotIndex];
  const placed = await placeMeeting(
    requestId,
    slot.id,
    (await tableNumber(table)).id,
    { locked: false },
    { id: null, ip: null },
  );
  if (!placed.ok) throw new Error(placed.refusal.key);
  return { province, ambassador, requestId, slot, meetingId: placed.id };
}

describe("/meetings for delegates", () => {
  it("a province requests through the page, the ambassador accepts, a stranger is refused", async () => {
    const province = await signInAs("delegate");
    const japan = await organisationId("mis-emb-jp");
    const before = await page(province);
    expect(before.requester).toBe(true);
    // Diacritic-insensitive search: "nhat ban" finds Nhật Bản, and nothing that is not a mission or foreign partner.
    const searched = await page(province, "/meetings?q=nhat%20ban");
    expect(searched.parties.map((p) => p.id)).toContain(japan);
    expect(searched.partiesTotal).toBeLessThan(before.partiesTotal);
    expect((await page(province, "/meetings?q=bac%20giang")).parties).toEqual([]);

    const sent = await call(action, { path: "/meetings", cookie: province, form: ask(japan) });
    expect(sent.status).toBe(200);
    expect(await jsonOf<Result>(sent)).toMatchObject({
      done: "meetingsDelegate.form.sentTo",
      params: { toVi: expect.stringContaining("Nhật Bản") },
    });
    const row = await getDb().selectFrom("meeting_requests").selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      to_organisation_id: japan,
      from_organisation_id: await organisationId("prov-bac-giang"),
      priority: 3,
      status: "pending",
      ask: "Xuất khẩu vải thiều Lục Ngạn sang Nhật Bản",
    });
    expect((await page(province)).sent.map((r) => r.status)).toEqual(["pending"]);

    // The duplicate is refused with the model's reason, shown on the form.
    const again = await call(action, { path: "/meetings", cookie: province, form: ask(japan) });
    expect(again.status).toBe(400);
    expect((await jsonOf<Result>(again)).errors[""]).toBe("meetings.errors.duplicate");

    const ambassador = await signInAs("ambassador");
    const theirs = await page(ambassador);
    expect(theirs.requester).toBe(false);
    expect(theirs.received.map((r) => [r.id, r.status])).toEqual([[row.id, "pending"]]);

    const stranger = await signInAs("exhibitor");
    const refused = await call(action, {
      path: "/meetings",
      cookie: stranger,
      form: { intent: "answer", requestId: String(row.id), decision: "accept", reason: "" },
    });
    expect(refused.status).toBe(403);
    expect((await jsonOf<Result>(refused)).errors[""]).toBe("meetings.errors.noOrganisation");
    // A delegate approved for another organisation is refused as not speaking for the one asked.
    const otherProvince = await cookieFor((await delegateOf("prov-quang-tri")).userId);
    const notTheirs = await call(action, {
      path: "/meetings",
      cookie: otherProvince,
      form: { intent: "answer", requestId: String(row.id), decision: "accept", reason: "" },
    });
    expect(notTheirs.status).toBe(403);
    expect((await jsonOf<Result>(notTheirs)).errors[""]).toBe("meetings.errors.notYours");
    const requesterAnswers = await call(action, {
      path: "/meetings",
      cookie: province,
      form: { intent: "answer", requestId: String(row.id), decision: "accept", reason: "" },
    });
    expect(requesterAnswers.status).toBe(403);

    const accepted = await call(action, {
      path: "/meetings",
      cookie: ambassador,
      form: { intent: "answer", requestId: String(row.id), decision: "accept", reason: "" },
    });
    expect(accepted.status).toBe(200);
    expect((await page(province)).sent.map((r) => r.status)).toEqual(["accepted"]);
    const audit = await getDb()
      .selectFrom("audit_log")
      .select("action")
      .where("entity", "=", "meeting_request")
      .where("entity_id", "=", String(row.id))
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(["meeting_request.accept", "meeting_request.create"]);
  });

  it("declining needs a reason, which the province then sees", async () => {
    const province = await signInAs("delegate");
    const ambassador = await signInAs("ambassador");
    await call(action, { path: "/meetings", cookie: province, form: ask(await organisationId("mis-emb-jp")) });
    const { id } = await getDb().selectFrom("meeting_requests").select("id").executeTakeFirstOrThrow();
    const noReason = await call(action, {
      path: "/meetings",
      cookie: ambassador,
      form: { intent: "answer", requestId: String(id), decision: "decline", reason: "  " },
    });
    expect(noReason.status).toBe(400);
    expect((await jsonOf<Result>(noReason)).errors.reason).toBe("meetings.errors.reasonRequired");
    await call(action, {
      path: "/meetings",
      cookie: ambassador,
      form: { intent: "answer", requestId: String(id), decision: "decline", reason: "Đại sứ vắng mặt ngày 13/12" },
    });
    expect((await page(province)).sent).toMatchObject([
      { status: "declined", decline_reason: "Đại sứ vắng mặt ngày 13/12" },
    ]);
  });

  it("bad input gives 400 with field errors and writes nothing", async () => {
    const province = await signInAs("delegate");
    const response = await call(action, {
      path: "/meetings",
      cookie: province,
      form: { intent: "request", toOrganisationId: "abc", sector: "  ", ask: "", priority: "7" },
    });
    expect(response.status).toBe(400);
    const { errors } = await jsonOf<Result>(response);
    expect(Object.keys(errors).sort()).toEqual(["ask", "priority", "sector", "toOrganisationId"]);
    expect(errors.priority).toBe("meetingsDelegate.errors.priority");
    expect(await getDb().selectFrom("meeting_requests").select("id").execute()).toEqual([]);
  });

  it("a mission sets its maximum number of meetings (audited); a province cannot", async () => {
    const ambassador = await signInAs("ambassador");
    const japan = await organisationId("mis-emb-jp");
    expect(
      (await call(action, { path: "/meetings", cookie: ambassador, form: { intent: "max", maxMeetings: "x" } })).status,
    ).toBe(400);
    expect(
      (await call(action, { path: "/meetings", cookie: ambassador, form: { intent: "max", maxMeetings: "6" } })).status,
    ).toBe(200);
    expect((await page(ambassador)).maxMeetings).toBe(6);
    const party = await getDb()
      .selectFrom("meeting_parties")
      .selectAll()
      .where("organisation_id", "=", japan)
      .executeTakeFirstOrThrow();
    expect(party.max_meetings).toBe(6);
    expect(
      await getDb().selectFrom("audit_log").select("id").where("action", "=", "meeting_party.max_meetings").execute(),
    ).toHaveLength(1);
    const province = await signInAs("delegate");
    expect(
      (await call(action, { path: "/meetings", cookie: province, form: { intent: "max", maxMeetings: "2" } })).status,
    ).toBe(403);
  });

  it("the head says which sectors the mission covers; provinces see them with the head's name and find the mission by sector", async () => {
    const ambassador = await signInAs("ambassador");
    const province = await signInAs("delegate");
    const japan = await organisationId("mis-emb-jp");
    const postSectors = (cookie: string, codes: string[], note = "") => {
      const form = new URLSearchParams({ intent: "sectors", note });
      for (const code of codes) form.append("sector", code);
      return call(action, { path: "/meetings", cookie, form: form as unknown as Record<string, string> });
    };
    const saved = await postSectors(ambassador, ["labour", "agriculture", "investment"], "Logistics cảng biển");
    expect(saved.status).toBe(200);
    // Stored as codes from the list (in its order), then the free note.
    expect(
      await getDb()
        .selectFrom("meeting_parties")
        .select(["sectors"])
        .where("organisation_id", "=", japan)
        .executeTakeFirstOrThrow(),
    ).toEqual({ sectors: "investment,agriculture,labour|Logistics cảng biển" });
    expect((await page(ambassador)).sectors).toEqual({
      codes: ["investment", "agriculture", "labour"],
      note: "Logistics cảng biển",
    });
    expect((await postSectors(ambassador, ["mining"])).status).toBe(400);
    expect((await postSectors(ambassador, [], "x".repeat(301))).status).toBe(400);
    type Found = {
      parties: Array<{ id: number; sectors: { codes: string[]; note: string }; head_name: string | null }>;
    };
    // Found by a sector in either language, or by the note.
    for (const q of ["dau+tu", "investment", "agriculture", "logistics"]) {
      const found = await jsonOf<Found>(await call(loader, { path: `/meetings?q=${q}`, cookie: province }));
      expect(found.parties.find((p) => p.id === japan)).toMatchObject({
        sectors: { codes: ["investment", "agriculture", "labour"], note: "Logistics cảng biển" },
        head_name: "Phạm Thị Lan Anh",
      });
    }
    // Only the asked side says what it covers, and for a mission only its head.
    expect((await postSectors(province, ["tourism"])).status).toBe(403);
    const staff = await delegateOf("mis-emb-jp", { head: false });
    expect((await postSectors(await cookieFor(staff.userId), ["tourism"])).status).toBe(403);
    expect(
      await getDb().selectFrom("audit_log").select("id").where("action", "=", "meeting_party.sectors").execute(),
    ).toHaveLength(1);
  });

  it("both sides see the placed meeting with its time: the province its table, the online ambassador no table", async () => {
    const province = await signInAs("delegate");
    const ambassador = await signInAs("ambassador");
    await call(action, { path: "/meetings", cookie: province, form: ask(await organisationId("mis-emb-jp")) });
    const { id } = await getDb().selectFrom("meeting_requests").select("id").executeTakeFirstOrThrow();
    await call(action, {
      path: "/meetings",
      cookie: ambassador,
      form: { intent: "answer", requestId: String(id), decision: "accept", reason: "" },
    });
    expect((await page(province)).placed).toEqual([]);
    const slot = (await slotsOfBlock())[0];
    const table = await tableNumber(2);
    expect((await placeMeeting(id, slot.id, table.id, { locked: false }, { id: null, ip: null })).ok).toBe(true);
    const mine = (await page(province)).placed;
    expect(mine).toMatchObject([
      {
        starts_at: slot.starts_at,
        table_number: 2,
        // The ambassador takes part online: the province is told so, worded for an embassy.
        place: {
          online: false,
          table: { number: 2, room_vi: "Khu gặp gỡ song phương" },
          counterpartOnline: true,
          counterpartWording: "mission",
        },
      },
    ]);
    const japanName = (
      await getDb()
        .selectFrom("organisations")
        .select("name_vi")
        .where("code", "=", "mis-emb-jp")
        .executeTakeFirstOrThrow()
    ).name_vi;
    expect(mine[0].counterpart_vi).toBe(japanName);
    const theirs = await page(ambassador);
    expect(theirs.online).toBe(true);
    expect(theirs.placed).toMatchObject([
      {
        starts_at: slot.starts_at,
        counterpart_vi: "Bắc Giang",
        place: { online: true, videoUrl: null, wording: "mission", counterpartOnline: false },
      },
    ]);
  });
});

describe("availability per slot", () => {
  it("the head of mission ticks some slots: the scheduler's instance gets exactly those; all ticked is no limit again", async () => {
    const { ambassador } = await acceptedJapanRequest();
    const japan = await organisationId("mis-emb-jp");
    const slots = await slotsOfBlock();
    expect(slots.length).toBeGreaterThan(3);
    const before = await page(ambassador);
    expect(before.mayAct).toBe(true);
    expect(before.availability).toMatchObject({ blockIds: [blockId], limited: false });
    expect(before.availability!.slots.every((s) => s.available)).toBe(true);

    const chosen = [slots[1].id, slots[3].id];
    const saved = await postAvailability(ambassador, chosen);
    expect(saved.status).toBe(200);
    expect((await jsonOf<Result>(saved)).done).toBe("meetingsDelegate.availability.saved");
    const party = await getDb()
      .selectFrom("meeting_parties")
      .selectAll()
      .where("organisation_id", "=", japan)
      .executeTakeFirstOrThrow();
    expect(party.limits_availability).toBe(1);
    const { instance } = await buildInstance(blockId);
    expect(
      instance.parties
        .find((p) => p.id === `org-${japan}`)
        ?.available?.slice()
        .sort(),
    ).toEqual(chosen.map((id) => `slot-${id}`).sort());
    const shown = (await page(ambassador)).availability!;
    expect(shown.limited).toBe(true);
    expect(shown.slots.filter((s) => s.available).map((s) => s.id)).toEqual(chosen);

    // Every slot ticked: no limit, and no rows left behind.
    expect(
      (
        await postAvailability(
          ambassador,
          slots.map((s) => s.id),
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await getDb()
          .selectFrom("meeting_parties")
          .select("limits_availability")
          .where("organisation_id", "=", japan)
          .executeTakeFirstOrThrow()
      ).limits_availability,
    ).toBe(0);
    expect(
      await getDb().selectFrom("meeting_availability").selectAll().where("organisation_id", "=", japan).execute(),
    ).toEqual([]);
    const again = (await buildInstance(blockId)).instance.parties.find((p) => p.id === `org-${japan}`)!;
    expect(again).not.toHaveProperty("available");
    const audit = await getDb()
      .selectFrom("audit_log")
      .select("detail")
      .where("action", "=", "meeting_party.availability")
      .where("entity_id", "=", String(japan))
      .orderBy("id", "desc")
      .limit(2)
      .execute();
    expect(audit.reverse().map((a) => JSON.parse(a.detail!))).toEqual([
      { blockIds: [blockId], limited: true, slots: chosen.slice().sort((a, b) => a - b) },
      { blockIds: [blockId], limited: false, slots: "all" },
    ]);
  });

  it("any delegate of a province sets its availability; none ticked means available in no slot", async () => {
    const { province } = await acceptedJapanRequest();
    const bacGiang = await organisationId("prov-bac-giang");
    expect((await page(province)).mayAct).toBe(true);
    expect((await postAvailability(province, [])).status).toBe(200);
    expect((await buildInstance(blockId)).instance.parties.find((p) => p.id === `org-${bacGiang}`)?.available).toEqual(
      [],
    );
    expect((await page(province)).availability).toMatchObject({ limited: true });
  });

  it("refuses to untick a slot where the organisation already meets someone, naming the time and the counterpart, and writes nothing", async () => {
    const { ambassador, slot } = await placedJapanMeeting(2);
    const japan = await organisationId("mis-emb-jp");
    const slots = await slotsOfBlock();
    const audited = async () =>
      (await getDb().selectFrom("audit_log").select("id").where("action", "=", "meeting_party.availability").execute())
        .length;
    const auditedBefore = await audited();
    const shown = (await page(ambassador)).availability!.slots.find((s) => s.id === slot.id)!;
    expect(shown.meeting).toEqual(expect.objectContaining({ counterpart_vi: "Bắc Giang" }));
    const refused = await postAvailability(
      ambassador,
      slots.filter((s) => s.id !== slot.id).map((s) => s.id),
    );
    expect(refused.status).toBe(400);
    const body = await jsonOf<Result>(refused);
    expect(body.errors[""]).toBe("meetingsDelegate.errors.slotTaken");
    expect(body.params).toMatchObject({
      slotId: slot.id,
      startsAt: slot.starts_at,
      counterpartVi: "Bắc Giang",
      counterpartEn: "Bac Giang",
      more: 0,
    });
    expect(
      await getDb().selectFrom("meeting_parties").selectAll().where("organisation_id", "=", japan).execute(),
    ).toEqual([]);
    expect(
      await getDb().selectFrom("meeting_availability").selectAll().where("organisation_id", "=", japan).execute(),
    ).toEqual([]);
    expect(await audited()).toBe(auditedBefore);
    // Keeping that slot ticked is fine.
    expect((await postAvailability(ambassador, [slot.id])).status).toBe(200);
  });

  it("refuses a slot that is not the block's, and says meetings are not open before there is a block", async () => {
    const province = await signInAs("delegate");
    const refused = await postAvailability(province, [999999]);
    expect(refused.status).toBe(400);
    expect((await jsonOf<Result>(refused)).errors[""]).toBe("meetingsDelegate.errors.unknownSlot");
    const junk = await call(action, {
      path: "/meetings",
      cookie: province,
      form: { intent: "availability", slot: "abc" },
    });
    expect(junk.status).toBe(400);
    await getDb().deleteFrom("meeting_blocks").execute();
    expect((await page(province)).availability).toBeNull();
    const closed = await postAvailability(province, []);
    expect(closed.status).toBe(400);
    expect((await jsonOf<Result>(closed)).errors[""]).toBe("meetings.errors.noBlock");
  });
});

describe("only the head of a mission speaks for it", () => {
  it("other mission staff see none of the mission's requests and get 403 on answer, maximum and availability", async () => {
    const province = await signInAs("delegate");
    const japan = await organisationId("mis-emb-jp");
    await post(province, ask(japan));
    const { id } = await getDb().selectFrom("meeting_requests").select("id").executeTakeFirstOrThrow();
    const staff = await cookieFor((await delegateOf("mis-emb-jp", { head: false })).userId);

    const seen = await page(staff);
    expect(seen).toMatchObject({ requester: false, mayAct: false, refusal: "meetings.errors.notHead" });
    // Reading a mission's requests needs the same authority as answering them (decision 011).
    expect(seen.received).toEqual([]);
    expect(seen.placed).toEqual([]);
    expect(seen.availability).toBeNull();

    for (const decision of ["accept", "decline"]) {
      const answer = await post(staff, { intent: "answer", requestId: String(id), decision, reason: "Bận" });
      expect(answer.status).toBe(403);
      expect((await jsonOf<Result>(answer)).errors[""]).toBe("meetings.errors.notHead");
    }
    const max = await post(staff, { intent: "max", maxMeetings: "3" });
    expect(max.status).toBe(403);
    expect((await jsonOf<Result>(max)).errors[""]).toBe("meetings.errors.notHead");
    const availability = await postAvailability(staff, []);
    expect(availability.status).toBe(403);
    expect((await jsonOf<Result>(availability)).errors[""]).toBe("meetings.errors.notHead");

    expect(
      (await getDb().selectFrom("meeting_requests").select("status").where("id", "=", id).executeTakeFirstOrThrow())
        .status,
    ).toBe("pending");
    expect(
      await getDb().selectFrom("meeting_parties").selectAll().where("organisation_id", "=", japan).execute(),
    ).toEqual([]);
    // The head still can.
    const ambassador = await signInAs("ambassador");
    expect((await page(ambassador)).mayAct).toBe(true);
    expect((await post(ambassador, { intent: "max", maxMeetings: "3" })).status).toBe(200);
  });
});

describe("outcome and follow-up", () => {
  it("is refused before the meeting starts, then saved by either party and shown with who wrote it; a third organisation is refused", async () => {
    const { province, ambassador, slot, meetingId } = await placedJapanMeeting(0);
    const form = (extra: Record<string, string>) => ({
      intent: "outcome",
      meetingId: String(meetingId),
      outcome: "",
      followUp: "",
      ...extra,
    });

    expect((await page(province)).placed[0].started).toBe(false);
    const early = await post(province, form({ outcome: "Thống nhất xúc tiến xuất khẩu vải thiều" }));
    expect(early.status).toBe(400);
    expect(await jsonOf<Result>(early)).toMatchObject({
      errors: { "": "meetingsDelegate.errors.notStarted" },
      params: { startsAt: slot.starts_at },
    });
    expect(
      await getDb()
        .selectFrom("meetings")
        .select(["outcome", "outcome_recorded_at"])
        .where("id", "=", meetingId)
        .executeTakeFirstOrThrow(),
    ).toEqual({ outcome: "", outcome_recorded_at: null });

    await startSlotNow(slot.id);
    const empty = await post(province, form({ outcome: "  ", followUp: "" }));
    expect(empty.status).toBe(400);
    expect((await jsonOf<Result>(empty)).errors.outcome).toBe("meetingsDelegate.errors.outcomeEmpty");
    const tooLong = await post(province, form({ outcome: "x".repeat(2001) }));
    expect(tooLong.status).toBe(400);
    expect((await jsonOf<Result>(tooLong)).errors.outcome).toBe("errors.tooLong");

    const saved = await post(
      province,
      form({
        outcome: "Thống nhất xúc tiến xuất khẩu vải thiều.\r\nĐại sứ quán giới thiệu 3 nhà nhập khẩu.",
        followUp: "",
      }),
    );
    expect(saved.status).toBe(200);
    const row = await getDb().selectFrom("meetings").selectAll().where("id", "=", meetingId).executeTakeFirstOrThrow();
    const bacGiangUser = (
      await getDb()
        .selectFrom("users")
        .select("id")
        .where("email", "=", "dai-bieu.bacgiang@ngoaivu.test")
        .executeTakeFirstOrThrow()
    ).id;
    expect(row).toMatchObject({
      outcome: "Thống nhất xúc tiến xuất khẩu vải thiều.\nĐại sứ quán giới thiệu 3 nhà nhập khẩu.",
      follow_up: "",
      outcome_recorded_by: bacGiangUser,
    });
    expect(row.outcome_recorded_at).not.toBeNull();

    // The other party edits it later; both see who wrote it last.
    const edited = await post(
      ambassador,
      form({ outcome: row.outcome, followUp: "Tổ chức đoàn doanh nghiệp sang Tokyo trong quý I." }),
    );
    expect(edited.status).toBe(200);
    for (const cookie of [province, ambassador]) {
      expect((await page(cookie)).placed[0]).toMatchObject({
        started: true,
        follow_up: "Tổ chức đoàn doanh nghiệp sang Tokyo trong quý I.",
        recorded_by_name: "Phạm Thị Lan Anh",
        recorded_by_org_vi: expect.stringContaining("Nhật Bản"),
      });
    }
    const audit = await getDb()
      .selectFrom("audit_log")
      .select(["action", "actor_id"])
      .where("entity", "=", "meeting")
      .where("entity_id", "=", String(meetingId))
      .where("action", "like", "meeting.outcome%")
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["meeting.outcome", "meeting.outcome_update"]);

    // Neither a third organisation nor an organiser may write it.
    for (const stranger of [
      await cookieFor((await delegateOf("prov-quang-tri")).userId),
      await signInAs("exhibitor"),
    ]) {
      const refused = await post(stranger, form({ outcome: "Không liên quan" }));
      expect(refused.status).toBe(403);
      expect((await jsonOf<Result>(refused)).errors[""]).toBe("meetingsDelegate.errors.notParty");
    }
    expect(
      (await getDb().selectFrom("meetings").select("follow_up").where("id", "=", meetingId).executeTakeFirstOrThrow())
        .follow_up,
    ).toBe("Tổ chức đoàn doanh nghiệp sang Tokyo trong quý I.");
    // Mission staff other than the head may not: outcomes are written for the mission, by whoever speaks for it.
    const staff = await cookieFor((await delegateOf("mis-emb-jp", { head: false })).userId);
    const byStaff = await post(staff, form({ outcome: "Ghi chú của cán bộ Đại sứ quán" }));
    expect(byStaff.status).toBe(403);
    expect((await jsonOf<Result>(byStaff)).errors[""]).toBe("meetingsDelegate.errors.notParty");
    expect((await post(staff, form({ meetingId: "999999", outcome: "?" }))).status).toBe(404);
  });
});

describe("online parties meet by video", () => {
  it("the online ambassador gets the video link (or 'link to follow') instead of a table, in /meetings, My agenda and the calendar; the province its table", async () => {
    const { province, ambassador, meetingId } = await placedJapanMeeting(1, 2);
    await getDb()
      .updateTable("meeting_tables")
      .set({ label: "Cửa sổ" })
      .where("block_id", "=", blockId)
      .where("number", "=", 2)
      .execute();
    const location = async (cookie: string) => {
      const ics = await (await call(myAgendaIcs.loader, { path: "/my-agenda.ics", cookie })).text();
      const event = new ICAL.Component(ICAL.parse(ics))
        .getAllSubcomponents("vevent")
        .find((e) => e.getFirstPropertyValue("uid") === `meeting-${meetingId}@localhost`);
      return {
        location: event?.getFirstPropertyValue("location"),
        description: String(event?.getFirstPropertyValue("description") ?? ""),
      };
    };
    const agenda = async (cookie: string) =>
      (await jsonOf<{ meetings: Placed[] }>(await call(myAgenda.loader, { path: "/my-agenda", cookie }))).meetings;

    // No link yet: the ambassador is told it will follow, never given a table.
    const onlineEmbassy = {
      online: true,
      wording: "mission",
      counterpartOnline: false,
      counterpartWording: "province",
    };
    expect((await page(ambassador)).placed[0].place).toEqual({ ...onlineEmbassy, videoUrl: null });
    expect((await agenda(ambassador))[0].place).toEqual({ ...onlineEmbassy, videoUrl: null });
    expect((await location(ambassador)).location).toBe("Đường dẫn họp trực tuyến sẽ được Ban tổ chức gửi sau");

    const url = "https://hop.ngoaivu.test/gap-go/nhat-ban-bac-giang";
    await getDb().updateTable("meetings").set({ video_url: url }).where("id", "=", meetingId).execute();
    for (const placed of [(await page(ambassador)).placed[0], (await agenda(ambassador))[0]]) {
      expect(placed.place).toEqual({ ...onlineEmbassy, videoUrl: url });
      expect(placed.video_url).toBe(url);
    }
    expect((await location(ambassador)).location).toBe(url);

    // The province at its table: number, label and room; told that the embassy attends online, with the link.
    const table = { number: 2, label: "Cửa sổ", room_vi: "Khu gặp gỡ song phương", room_en: "Bilateral meetings area" };
    for (const placed of [(await page(province)).placed[0], (await agenda(province))[0]]) {
      expect(placed.place).toEqual({
        online: false,
        table,
        videoUrl: url,
        counterpartOnline: true,
        counterpartWording: "mission",
      });
      expect(placed.video_url).toBeNull();
    }
    const theirs = await location(province);
    expect(theirs.location).toBe("Bàn 2 · Cửa sổ · Khu gặp gỡ song phương");
    expect(theirs.description).toContain("Đại sứ quán tham dự trực tuyến");
    expect(theirs.description).toContain(url);
    const english = await (await call(myAgendaIcs.loader, { path: "/my-agenda.ics?lang=en", cookie: province })).text();
    expect(english.replace(/\r\n /g, "")).toContain("LOCATION:Table 2 · Cửa sổ · Bilateral meetings area");
    expect(english.replace(/\r\n /g, "")).toContain("The embassy attends online");
  });
});
