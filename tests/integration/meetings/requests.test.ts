import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { validateResult } from "~/features/meetings/scheduler/validate";
import {
  answerMeetingRequest,
  createMeetingBlock,
  placeMeeting,
  requestMeeting,
} from "~/features/meetings/meetings.server";
import { placedMeetingsOf } from "~/features/meetings/meeting-outcomes.server";
import { buildInstance, commitSchedule, previewSchedule } from "~/features/meetings/meeting-schedule.server";
import { acceptedRequests, askFor, delegateOf, openDemoBlock, resetMeetings } from "../../helpers/meetings";
import { inProcesses } from "../../helpers/processes";

const actor = { id: null, ip: null };

beforeEach(resetMeetings);

/** The demo's meeting-block session cut into 20-minute slots with the given number of tables. */
async function block(tables = 2, extra: Partial<Parameters<typeof createMeetingBlock>[1]> = {}) {
  return openDemoBlock({ tableCount: tables, ...extra }, actor);
}

const ask = askFor;

describe("meeting blocks", () => {
  it("cuts the session into slots with the gap and numbers the tables", async () => {
    const { blockId, slots } = await block(3);
    // 08:30–12:00 in 20-minute slots with 10-minute gaps: 7 slots.
    expect(slots).toBe(7);
    const tables = await getDb()
      .selectFrom("meeting_tables")
      .select("number")
      .where("block_id", "=", blockId)
      .orderBy("number")
      .execute();
    expect(tables.map((t) => t.number)).toEqual([1, 2, 3]);
  });
});

describe("requests and answers", () => {
  it("refuses a request to oneself, a duplicate, a kind the organisers did not open, over the cap and past the deadline", async () => {
    const { conference } = await block(2, { maxRequestsPerOrganisation: 2 });
    const province = await delegateOf("prov-bac-giang");
    const japan = await delegateOf("mis-emb-jp");
    const korea = await delegateOf("mis-emb-kr");
    const hanoi = await delegateOf("prov-ha-noi");
    expect(await requestMeeting(province.userId, conference.id, ask(province.orgId), null)).toEqual({
      ok: false,
      refusal: { kind: "invalid", key: "meetings.errors.toSelf" },
    });
    expect((await requestMeeting(province.userId, conference.id, ask(japan.orgId), null)).ok).toBe(true);
    expect(await requestMeeting(province.userId, conference.id, ask(japan.orgId), null)).toEqual({
      ok: false,
      refusal: { kind: "invalid", key: "meetings.errors.duplicate" },
    });
    expect(await requestMeeting(province.userId, conference.id, ask(hanoi.orgId), null)).toEqual({
      ok: false,
      refusal: { kind: "invalid", key: "meetings.errors.pairNotAllowed" },
    });
    expect((await requestMeeting(province.userId, conference.id, ask(korea.orgId), null)).ok).toBe(true);
    const third = await delegateOf("mis-emb-cn");
    expect(await requestMeeting(province.userId, conference.id, ask(third.orgId), null)).toEqual({
      ok: false,
      refusal: { kind: "invalid", key: "meetings.errors.overCap", params: { max: 2 } },
    });
    await getDb().updateTable("meeting_blocks").set({ requests_close_at: "2020-01-01T00:00:00.000Z" }).execute();
    expect(await requestMeeting(hanoi.userId, conference.id, ask(third.orgId), null)).toEqual({
      ok: false,
      refusal: { kind: "invalid", key: "meetings.errors.requestsClosed" },
    });
    // The database refuses a duplicate pair even if the application did not look.
    await expect(
      getDb()
        .insertInto("meeting_requests")
        .values({
          conference_id: conference.id,
          from_organisation_id: province.orgId,
          to_organisation_id: japan.orgId,
          sector: "x",
          ask: "x",
          priority: 1,
          status: "pending",
          decline_reason: "",
          requested_by: null,
          answered_by: null,
          created_at: "x",
          answered_at: null,
        })
        .execute(),
    ).rejects.toThrow(/UNIQUE/);
  });

  it("lets only the counterpart answer, and asks for a reason when declining", async () => {
    const { conference } = await block();
    const province = await delegateOf("prov-son-la");
    const japan = await delegateOf("mis-emb-jp");
    const stranger = await delegateOf("mis-emb-fr");
    const r = await requestMeeting(province.userId, conference.id, ask(japan.orgId), null);
    if (!r.ok) throw new Error("request failed");
    expect(await answerMeetingRequest(stranger.userId, r.id, { accept: true, reason: "" }, null)).toEqual({
      ok: false,
      refusal: { kind: "forbidden", key: "meetings.errors.notYours" },
    });
    expect(await answerMeetingRequest(province.userId, r.id, { accept: true, reason: "" }, null)).toEqual({
      ok: false,
      refusal: { kind: "forbidden", key: "meetings.errors.notYours" },
    });
    expect(await answerMeetingRequest(japan.userId, r.id, { accept: false, reason: " " }, null)).toEqual({
      ok: false,
      refusal: { kind: "invalid", key: "meetings.errors.reasonRequired" },
    });
    expect(await answerMeetingRequest(japan.userId, r.id, { accept: true, reason: "" }, null)).toEqual({ ok: true });
    expect(await answerMeetingRequest(japan.userId, r.id, { accept: false, reason: "late" }, null)).toEqual({
      ok: false,
      refusal: { kind: "invalid", key: "meetings.errors.alreadyAnswered" },
    });
  });
});

describe("scheduling", () => {
  it("goes from request to accepted to a committed schedule that both parties see", async () => {
    const { conference, blockId } = await block(1);
    const provinces = await Promise.all(
      ["prov-lao-cai", "prov-yen-bai", "prov-phu-tho"].map((code) => delegateOf(code)),
    );
    const japan = await delegateOf("mis-emb-jp");
    const korea = await delegateOf("mis-emb-kr");
    await acceptedRequests(conference.id, provinces, [japan, korea], (i) => ((i % 3) + 1) as 1 | 2 | 3);
    const preview = await previewSchedule(blockId);
    expect(preview.optimal).toBe(true);
    // 6 requests, 7 slots, 1 table: every request fits, each party never twice in a slot.
    expect(preview.meetings).toHaveLength(6);
    const { instance } = await buildInstance(blockId);
    expect(validateResult(instance, preview)).toEqual([]);
    expect(await getDb().selectFrom("meetings").select("id").execute()).toHaveLength(0); // a preview writes nothing

    const committed = await commitSchedule(blockId, preview.meetings, actor);
    expect(committed).toEqual({ ok: true, placed: 6 });
    const forJapan = await placedMeetingsOf(conference.id, japan.orgId, false);
    expect(forJapan).toHaveLength(3);
    expect(forJapan.map((m) => m.counterpart_vi).sort()).toEqual(["Lào Cai", "Phú Thọ", "Yên Bái"]);
    const forLaoCai = await placedMeetingsOf(conference.id, provinces[0].orgId, false);
    expect(forLaoCai.map((m) => m.counterpart_vi).sort()).toEqual(
      ["Đại sứ quán Việt Nam tại Hàn Quốc", "Đại sứ quán Việt Nam tại Nhật Bản"].sort(),
    );
    expect(forLaoCai.every((m) => m.table_number === 1)).toBe(true);
  });

  it("refuses a preview that no longer fits, e.g. two meetings for one party in one slot", async () => {
    const { conference, blockId } = await block(2);
    const p = await delegateOf("prov-ha-nam");
    const japan = await delegateOf("mis-emb-jp");
    const korea = await delegateOf("mis-emb-kr");
    const ids = await acceptedRequests(conference.id, [p], [japan, korea]);
    const { instance } = await buildInstance(blockId);
    const slot = instance.slots[0].id;
    const broken = ids.map((id, i) => ({ request: `req-${id}`, slot, table: instance.tables[i].id }));
    const res = await commitSchedule(blockId, broken, actor);
    expect(res.ok).toBe(false);
    expect(await getDb().selectFrom("meetings").select("id").execute()).toHaveLength(0);
  });

  it("lets exactly one of two organisers place two meetings into the same party's slot at once", async () => {
    const { conference, blockId } = await block(2);
    const p = await delegateOf("prov-ninh-binh");
    const japan = await delegateOf("mis-emb-jp");
    const korea = await delegateOf("mis-emb-kr");
    const ids = await acceptedRequests(conference.id, [p], [japan, korea]);
    const slot = await getDb()
      .selectFrom("meeting_slots")
      .select("id")
      .where("block_id", "=", blockId)
      .orderBy("starts_at")
      .executeTakeFirstOrThrow();
    const tables = await getDb()
      .selectFrom("meeting_tables")
      .select("id")
      .where("block_id", "=", blockId)
      .orderBy("number")
      .execute();
    // Two processes, two connections: the two organisers' requests really race.
    const answers = await inProcesses<Awaited<ReturnType<typeof placeMeeting>>>(
      2,
      { module: "~/features/meetings/meetings.server", fn: "placeMeeting" },
      [
        [ids[0], slot.id, tables[0].id, { locked: true }, actor],
        [ids[1], slot.id, tables[1].id, { locked: true }, actor],
      ],
    );
    const results = answers.map((a) => (a.ok ? a.value : expect.fail(a.error)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, refusal: { key: "meetings.errors.partyBusy" } });
    expect(
      await getDb()
        .selectFrom("meeting_participants")
        .select("organisation_id")
        .where("slot_id", "=", slot.id)
        .where("organisation_id", "=", p.orgId)
        .execute(),
    ).toHaveLength(1);
    // And the database alone refuses the loser's meeting for the same party in the same slot
    // (the rule itself, not the primary key: a different meeting).
    const loser = ids[results[0].ok ? 1 : 0];
    const other = await getDb()
      .insertInto("meetings")
      .values({
        request_id: loser,
        slot_id: slot.id,
        table_id: tables[results[0].ok ? 1 : 0].id,
        locked: 0,
        outcome: "",
        follow_up: "",
        created_at: "2030-01-01T00:00:00.000Z",
        updated_at: "2030-01-01T00:00:00.000Z",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await expect(
      getDb()
        .insertInto("meeting_participants")
        .values({ meeting_id: other.id, slot_id: slot.id, organisation_id: p.orgId })
        .execute(),
    ).rejects.toThrow(/UNIQUE constraint failed: meeting_participants\.slot_id, meeting_participants\.organisation_id/);
  });

  it("keeps a locked meeting when the scheduler runs again", async () => {
    const { conference, blockId } = await block(1);
    const p = await delegateOf("prov-thai-binh");
    const japan = await delegateOf("mis-emb-jp");
    const r = await requestMeeting(p.userId, conference.id, ask(japan.orgId), null);
    if (!r.ok) throw new Error(r.refusal.key);
    await answerMeetingRequest(japan.userId, r.id, { accept: true, reason: "" }, null);
    const slots = await getDb()
      .selectFrom("meeting_slots")
      .select("id")
      .where("block_id", "=", blockId)
      .orderBy("starts_at")
      .execute();
    const table = await getDb()
      .selectFrom("meeting_tables")
      .select("id")
      .where("block_id", "=", blockId)
      .executeTakeFirstOrThrow();
    expect((await placeMeeting(r.id, slots[3].id, table.id, { locked: true }, actor)).ok).toBe(true);
    const preview = await previewSchedule(blockId);
    expect(preview.meetings).toEqual([
      { request: `req-${r.id}`, slot: `slot-${slots[3].id}`, table: `table-${table.id}` },
    ]);
    expect(await commitSchedule(blockId, preview.meetings, actor)).toEqual({ ok: true, placed: 1 });
    const placed = await getDb().selectFrom("meetings").select(["slot_id", "locked"]).execute();
    expect(placed).toEqual([{ slot_id: slots[3].id, locked: 1 }]);
  });
});

describe("meetings in My agenda", () => {
  it("lists a placed meeting for both parties, in the page and in the personal calendar", async () => {
    const ICAL = (await import("ical.js")).default;
    const { getLucia } = await import("~/auth/lucia.server");
    const { createRegistration } = await import("~/features/registration/registrations.server");
    const { registrationInput } = await import("../../helpers/factories");
    const { call, jsonOf } = await import("../../helpers/remix");
    const myAgenda = await import("~/routes/my-agenda");
    const myAgendaIcs = await import("~/routes/my-agenda[.]ics");
    const { conference, blockId } = await block(1);
    const p = await delegateOf("prov-quang-tri");
    const japan = await delegateOf("mis-emb-jp");
    const japanEmail = (
      await getDb().selectFrom("users").select("email").where("id", "=", japan.userId).executeTakeFirstOrThrow()
    ).email;
    await getDb()
      .transaction()
      .execute((trx) =>
        createRegistration(trx, registrationInput({ organisationId: japan.orgId, email: japanEmail, mode: "online" }), {
          conferenceId: conference.id,
          userId: japan.userId,
          attachExistingAccount: true,
          approve: true,
          actor,
        }),
      );
    const r = await requestMeeting(p.userId, conference.id, ask(japan.orgId, 3), null);
    if (!r.ok) throw new Error(r.refusal.key);
    await answerMeetingRequest(japan.userId, r.id, { accept: true, reason: "" }, null);
    const preview = await previewSchedule(blockId);
    await commitSchedule(blockId, preview.meetings, actor);

    const lucia = getLucia();
    const cookie = lucia
      .createSessionCookie((await lucia.createSession(japan.userId, {})).id)
      .serialize()
      .split(";")[0];
    const page = await jsonOf<{ meetings: Array<{ counterpart_vi: string; table_number: number }> }>(
      await call(myAgenda.loader, { path: "/my-agenda", cookie }),
    );
    expect(page.meetings).toEqual([expect.objectContaining({ counterpart_vi: "Quảng Trị", table_number: 1 })]);
    const ics = await (await call(myAgendaIcs.loader, { path: "/my-agenda.ics", cookie })).text();
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent");
    const meeting = events.find((e) => String(e.getFirstPropertyValue("uid")).startsWith("meeting-"));
    expect(meeting?.getFirstPropertyValue("summary")).toBe("Gặp gỡ song phương: Quảng Trị");
    const slot = await getDb()
      .selectFrom("meetings as m")
      .innerJoin("meeting_slots as s", "s.id", "m.slot_id")
      .select("s.starts_at")
      .executeTakeFirstOrThrow();
    expect((meeting!.getFirstPropertyValue("dtstart") as { toJSDate(): Date }).toJSDate().toISOString()).toBe(
      slot.starts_at,
    );
  });
});
