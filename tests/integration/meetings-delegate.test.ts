import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "~/db.server";
import { createMeetingBlock, placeMeeting } from "~/models/meetings.server";
import { action, loader } from "~/routes/meetings";
import { demoConference, organisationId } from "../helpers/factories";
import { call, jsonOf, signInAs } from "../helpers/remix";

type Page = {
  requester: boolean;
  parties: Array<{ id: number; name_vi: string; country_vi: string | null }>;
  sent: Array<{ id: number; status: string; decline_reason: string }>;
  received: Array<{ id: number; status: string; name_vi: string }>;
  maxMeetings: number | null;
  placed: Array<{ starts_at: string; table_number: number | null; counterpart_vi: string }>;
};
type Result = { intent: string; errors: Record<string, string>; done?: string };

let blockId = 0;
beforeEach(async () => {
  const db = getDb();
  await db.deleteFrom("meetings").execute();
  await db.deleteFrom("meeting_requests").execute();
  await db.deleteFrom("meeting_parties").execute();
  await db.deleteFrom("meeting_blocks").execute();
  const conference = await demoConference();
  const session = await db.selectFrom("sessions").select("id").where("kind", "=", "meeting_block").executeTakeFirstOrThrow();
  const block = await createMeetingBlock(conference.id, { sessionId: session.id, slotMinutes: 20, gapMinutes: 10, tableCount: 2, requestsCloseAt: null, answersCloseAt: null, maxRequestsPerOrganisation: null }, { id: null, ip: null });
  if (!block.ok) throw new Error(block.problem.key);
  blockId = block.id;
});

const page = async (cookie: string, path = "/meetings") => jsonOf<Page>(await call(loader, { path, cookie }));
const ask = (to: number, extra: Record<string, string> = {}) => ({ intent: "request", toOrganisationId: String(to), sector: "Nông nghiệp", ask: "Xuất khẩu vải thiều Lục Ngạn sang Nhật Bản", priority: "3", ...extra });

describe("/meetings for delegates", () => {
  it("a province requests through the page, the ambassador accepts, a stranger is refused", async () => {
    const province = await signInAs("delegate");
    const japan = await organisationId("mis-emb-jp");
    const before = await page(province);
    expect(before.requester).toBe(true);
    expect(before.parties.some((p) => p.id === japan)).toBe(true);
    // Diacritic-insensitive search: "nhat ban" finds Nhật Bản, and nothing that is not a mission or foreign partner.
    const searched = await page(province, "/meetings?q=nhat%20ban");
    expect(searched.parties.map((p) => p.id)).toContain(japan);
    expect(searched.parties.length).toBeLessThan(before.parties.length);
    expect((await page(province, "/meetings?q=bac%20giang")).parties).toEqual([]);

    const sent = await call(action, { path: "/meetings", cookie: province, form: ask(japan) });
    expect(sent.status).toBe(200);
    expect((await jsonOf<Result>(sent)).done).toBe("meetingsDelegate.form.sent");
    const row = await getDb().selectFrom("meeting_requests").selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ to_organisation_id: japan, from_organisation_id: await organisationId("prov-bac-giang"), priority: 3, status: "pending", ask: "Xuất khẩu vải thiều Lục Ngạn sang Nhật Bản" });
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
    const refused = await call(action, { path: "/meetings", cookie: stranger, form: { intent: "answer", requestId: String(row.id), decision: "accept", reason: "" } });
    expect(refused.status).toBe(403);
    expect((await jsonOf<Result>(refused)).errors[""]).toBe("meetings.errors.notYours");
    const requesterAnswers = await call(action, { path: "/meetings", cookie: province, form: { intent: "answer", requestId: String(row.id), decision: "accept", reason: "" } });
    expect(requesterAnswers.status).toBe(403);

    const accepted = await call(action, { path: "/meetings", cookie: ambassador, form: { intent: "answer", requestId: String(row.id), decision: "accept", reason: "" } });
    expect(accepted.status).toBe(200);
    expect((await page(province)).sent.map((r) => r.status)).toEqual(["accepted"]);
    const audit = await getDb().selectFrom("audit_log").select("action").where("entity", "=", "meeting_request").where("entity_id", "=", String(row.id)).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(["meeting_request.accept", "meeting_request.create"]);
  });

  it("declining needs a reason, which the province then sees", async () => {
    const province = await signInAs("delegate");
    const ambassador = await signInAs("ambassador");
    await call(action, { path: "/meetings", cookie: province, form: ask(await organisationId("mis-emb-jp")) });
    const { id } = await getDb().selectFrom("meeting_requests").select("id").executeTakeFirstOrThrow();
    const noReason = await call(action, { path: "/meetings", cookie: ambassador, form: { intent: "answer", requestId: String(id), decision: "decline", reason: "  " } });
    expect(noReason.status).toBe(400);
    expect((await jsonOf<Result>(noReason)).errors.reason).toBe("meetings.errors.reasonRequired");
    await call(action, { path: "/meetings", cookie: ambassador, form: { intent: "answer", requestId: String(id), decision: "decline", reason: "Đại sứ vắng mặt ngày 13/12" } });
    expect((await page(province)).sent).toMatchObject([{ status: "declined", decline_reason: "Đại sứ vắng mặt ngày 13/12" }]);
  });

  it("bad input gives 400 with field errors and writes nothing", async () => {
    const province = await signInAs("delegate");
    const response = await call(action, { path: "/meetings", cookie: province, form: { intent: "request", toOrganisationId: "abc", sector: "  ", ask: "", priority: "7" } });
    expect(response.status).toBe(400);
    const { errors } = await jsonOf<Result>(response);
    expect(Object.keys(errors).sort()).toEqual(["ask", "priority", "sector", "toOrganisationId"]);
    expect(errors.priority).toBe("meetingsDelegate.errors.priority");
    expect(await getDb().selectFrom("meeting_requests").select("id").execute()).toEqual([]);
  });

  it("a mission sets its maximum number of meetings (audited); a province cannot", async () => {
    const ambassador = await signInAs("ambassador");
    const japan = await organisationId("mis-emb-jp");
    expect((await call(action, { path: "/meetings", cookie: ambassador, form: { intent: "max", maxMeetings: "x" } })).status).toBe(400);
    expect((await call(action, { path: "/meetings", cookie: ambassador, form: { intent: "max", maxMeetings: "6" } })).status).toBe(200);
    expect((await page(ambassador)).maxMeetings).toBe(6);
    const party = await getDb().selectFrom("meeting_parties").selectAll().where("organisation_id", "=", japan).executeTakeFirstOrThrow();
    expect(party.max_meetings).toBe(6);
    expect(await getDb().selectFrom("audit_log").select("id").where("action", "=", "meeting_party.max_meetings").execute()).toHaveLength(1);
    const province = await signInAs("delegate");
    expect((await call(action, { path: "/meetings", cookie: province, form: { intent: "max", maxMeetings: "2" } })).status).toBe(403);
  });

  it("both sides see the placed meeting with its time and table", async () => {
    const province = await signInAs("delegate");
    const ambassador = await signInAs("ambassador");
    await call(action, { path: "/meetings", cookie: province, form: ask(await organisationId("mis-emb-jp")) });
    const { id } = await getDb().selectFrom("meeting_requests").select("id").executeTakeFirstOrThrow();
    await call(action, { path: "/meetings", cookie: ambassador, form: { intent: "answer", requestId: String(id), decision: "accept", reason: "" } });
    expect((await page(province)).placed).toEqual([]);
    const slot = await getDb().selectFrom("meeting_slots").selectAll().where("block_id", "=", blockId).orderBy("starts_at").executeTakeFirstOrThrow();
    const table = await getDb().selectFrom("meeting_tables").selectAll().where("block_id", "=", blockId).where("number", "=", 2).executeTakeFirstOrThrow();
    expect((await placeMeeting(id, slot.id, table.id, { locked: false }, { id: null, ip: null })).ok).toBe(true);
    const mine = (await page(province)).placed;
    expect(mine).toMatchObject([{ starts_at: slot.starts_at, table_number: 2 }]);
    const japanName = (await getDb().selectFrom("organisations").select("name_vi").where("code", "=", "mis-emb-jp").executeTakeFirstOrThrow()).name_vi;
    expect(mine[0].counterpart_vi).toBe(japanName);
    expect((await page(ambassador)).placed).toMatchObject([{ starts_at: slot.starts_at, table_number: 2 }]);
  });
});
