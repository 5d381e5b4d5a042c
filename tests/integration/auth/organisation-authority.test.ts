import { beforeEach, describe, expect, it } from "vitest";
import { organisationAuthority } from "~/auth/organisation-authority.server";
import { getDb } from "~/platform/db.server";
import { placeMeeting } from "~/features/meetings/meetings.server";
import { updateOwnRegistration } from "~/features/registration/registrations.server";
import { action, loader } from "~/routes/meetings/route";
import * as myAgenda from "~/routes/my-agenda";
import * as myAgendaIcs from "~/routes/my-agenda[.]ics";
import { organisationId } from "../../helpers/factories";
import { acceptedRequests, askFor, cookieFor, delegateOf, openDemoBlock, resetMeetings } from "../../helpers/meetings";
import { call, jsonOf } from "../../helpers/remix";

/**
 * Decision 011, tried from the attacker's side: nobody acts for, or reads the meetings of, a
 * province, ministry or mission on their own word. Each refused call is checked to have
 * written nothing.
 */
type Page = {
  mayAct: boolean;
  refusal: string | null;
  org: { id: number } | null;
  parties: unknown[];
  sent: unknown[];
  received: unknown[];
  placed: unknown[];
  availability: unknown;
};
type Result = { errors: Record<string, string> };

let conferenceId = 0;
let blockId = 0;
beforeEach(async () => {
  await resetMeetings();
  const opened = await openDemoBlock({ tableCount: 4 });
  conferenceId = opened.conference.id;
  blockId = opened.blockId;
});

const page = async (cookie: string) => jsonOf<Page>(await call(loader, { path: "/meetings", cookie }));
const post = (cookie: string, form: Record<string, string>) => call(action, { path: "/meetings", cookie, form });

/** The personal calendar with its folded lines joined again. */
const calendarOf = async (cookie: string) =>
  (await (await call(myAgendaIcs.loader, { path: "/my-agenda.ics", cookie })).text()).replace(/\r\n[ \t]/g, "");

/** Everything a refused call might have touched. */
async function snapshot() {
  const db = getDb();
  return {
    requests: await db.selectFrom("meeting_requests").selectAll().orderBy("id").execute(),
    meetings: await db.selectFrom("meetings").selectAll().orderBy("id").execute(),
    parties: await db.selectFrom("meeting_parties").selectAll().execute(),
    availability: await db.selectFrom("meeting_availability").selectAll().execute(),
    outbox: (
      await db
        .selectFrom("outbox")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  };
}

/** Lạng Sơn (approved) has asked Japan, which accepted; the meeting is placed. */
async function placedLangSonMeeting() {
  const langSon = await delegateOf("prov-lang-son");
  const japan = await delegateOf("mis-emb-jp");
  const [requestId] = await acceptedRequests(conferenceId, [langSon], [japan]);
  const slot = await getDb()
    .selectFrom("meeting_slots")
    .select("id")
    .where("block_id", "=", blockId)
    .orderBy("starts_at")
    .executeTakeFirstOrThrow();
  const table = await getDb()
    .selectFrom("meeting_tables")
    .select("id")
    .where("block_id", "=", blockId)
    .orderBy("number")
    .executeTakeFirstOrThrow();
  const placed = await placeMeeting(requestId, slot.id, table.id, { locked: false }, { id: null, ip: null });
  if (!placed.ok) throw new Error(placed.refusal.key);
  return { langSon, japan, requestId, slotId: slot.id };
}

describe("a registration that is not approved gives no authority", () => {
  it("a pending delegate of Lạng Sơn cannot ask, withdraw or set availability in its name, and sees none of its meetings", async () => {
    const { requestId, slotId } = await placedLangSonMeeting();
    const pending = await delegateOf("prov-lang-son", { status: "pending" });
    const cookie = await cookieFor(pending.userId);
    const seen = await page(cookie);
    expect(seen).toMatchObject({
      mayAct: false,
      refusal: "meetings.errors.notApproved",
      parties: [],
      sent: [],
      placed: [],
      availability: null,
    });

    const before = await snapshot();
    const korea = await organisationId("mis-emb-kr");
    for (const form of [
      {
        intent: "request",
        toOrganisationId: String(korea),
        sector: "Thương mại",
        ask: "Giới thiệu sản phẩm",
        priority: "2",
      },
      { intent: "withdraw", requestId: String(requestId) },
      { intent: "availability", slot: String(slotId) },
    ] as Array<Record<string, string>>) {
      const refused = await post(cookie, form);
      expect(refused.status, form.intent).toBe(403);
      expect((await jsonOf<Result>(refused)).errors[""], form.intent).toBe("meetings.errors.notApproved");
    }
    expect(await snapshot()).toEqual(before);

    const agenda = await jsonOf<{ meetings: unknown[] }>(await call(myAgenda.loader, { path: "/my-agenda", cookie }));
    expect(agenda.meetings).toEqual([]);
    expect(await calendarOf(cookie)).not.toContain("Gặp gỡ song phương");
  });

  it("the same delegate, once approved, may act: the approval is what counts", async () => {
    const pending = await delegateOf("prov-lang-son", { status: "pending" });
    await getDb()
      .updateTable("registrations")
      .set({ status: "approved" })
      .where("user_id", "=", pending.userId)
      .execute();
    const cookie = await cookieFor(pending.userId);
    expect(await page(cookie)).toMatchObject({ mayAct: true, refusal: null });
    const korea = await organisationId("mis-emb-kr");
    expect(
      (
        await post(cookie, {
          intent: "request",
          toOrganisationId: String(korea),
          sector: "Thương mại",
          ask: "Giới thiệu sản phẩm",
          priority: "2",
        })
      ).status,
    ).toBe(200);
  });

  it("an approved delegate who renames themselves or moves to another organisation goes back to pending, and loses its rights at once", async () => {
    const { langSon } = await placedLangSonMeeting();
    const cookie = await cookieFor(langSon.userId);
    expect(
      (await jsonOf<{ meetings: unknown[] }>(await call(myAgenda.loader, { path: "/my-agenda", cookie }))).meetings,
    ).toHaveLength(1);
    const registration = await getDb()
      .selectFrom("registrations")
      .selectAll()
      .where("user_id", "=", langSon.userId)
      .executeTakeFirstOrThrow();
    const edit = {
      honorific: registration.honorific,
      fullName: registration.full_name,
      position: registration.position,
      organisationId: registration.organisation_id,
      phone: registration.phone,
      mode: registration.mode,
      interpretation: registration.interpretation,
      dietary: registration.dietary,
      consentToList: false,
    };
    // Phone, dietary needs and interpretation change freely.
    expect(
      await updateOwnRegistration(
        langSon.userId,
        conferenceId,
        { ...edit, phone: "+84 205 3870 000", dietary: "Ăn chay" },
        null,
      ),
    ).toMatchObject({ ok: true, status: "approved" });
    // Moving to another province does not carry the approval (nor Lạng Sơn's rights) along.
    const caoBang = await organisationId("prov-cao-bang");
    expect(
      await updateOwnRegistration(langSon.userId, conferenceId, { ...edit, organisationId: caoBang }, null),
    ).toMatchObject({ ok: true, status: "pending" });
    expect(await organisationAuthority(getDb(), langSon.userId, conferenceId)).toMatchObject({
      ok: false,
      key: "meetings.errors.notApproved",
      organisationId: caoBang,
    });
    expect(
      (await jsonOf<{ meetings: unknown[] }>(await call(myAgenda.loader, { path: "/my-agenda", cookie }))).meetings,
    ).toEqual([]);
    expect(await page(cookie)).toMatchObject({ mayAct: false, sent: [], placed: [] });
    const audit = await getDb()
      .selectFrom("audit_log")
      .select("detail")
      .where("action", "=", "registration.update_own")
      .where("entity_id", "=", String(registration.id))
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail!)).toMatchObject({
      status: "pending",
      backToReview: true,
      previous: { organisation_id: registration.organisation_id },
    });
  });
});

describe("missions and foreign partners speak through their designated head", () => {
  it("a delegate approved for a foreign chamber, not its head, cannot decline a request addressed to it, and no mail goes out", async () => {
    const requester = await delegateOf("prov-bac-ninh");
    const head = await delegateOf("fp-jcci");
    const r = await call(action, {
      path: "/meetings",
      cookie: await cookieFor(requester.userId),
      form: {
        ...Object.fromEntries(Object.entries(askFor(head.orgId)).map(([k, v]) => [k, String(v)])),
        intent: "request",
      },
    });
    expect(r.status).toBe(200);
    const { id } = await getDb().selectFrom("meeting_requests").select("id").executeTakeFirstOrThrow();
    const impostor = await delegateOf("fp-jcci", { head: false, status: "approved" });
    const cookie = await cookieFor(impostor.userId);
    expect(await page(cookie)).toMatchObject({ mayAct: false, refusal: "meetings.errors.notHead", received: [] });
    const before = await snapshot();
    const refused = await post(cookie, {
      intent: "answer",
      requestId: String(id),
      decision: "decline",
      reason: "Không quan tâm",
    });
    expect(refused.status).toBe(403);
    expect((await jsonOf<Result>(refused)).errors[""]).toBe("meetings.errors.notHead");
    for (const form of [
      { intent: "max", maxMeetings: "1" },
      { intent: "sectors", sectors: "Đầu tư" },
    ] as Array<Record<string, string>>) {
      expect((await post(cookie, form)).status, form.intent).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
    // The designated head can.
    expect(
      (
        await post(await cookieFor(head.userId), {
          intent: "answer",
          requestId: String(id),
          decision: "decline",
          reason: "Lịch kín",
        })
      ).status,
    ).toBe(200);
  });

  it("a delegate registered for the Embassy in Japan, not its head, reads none of its requests, asks or video links", async () => {
    const { japan } = await placedLangSonMeeting();
    await getDb().updateTable("meetings").set({ video_url: "https://meet.example.vn/bi-mat" }).execute();
    const staff = await delegateOf("mis-emb-jp", { head: false, status: "approved" });
    const cookie = await cookieFor(staff.userId);
    const seen = await page(cookie);
    expect(seen).toMatchObject({ mayAct: false, refusal: "meetings.errors.notHead", received: [], placed: [] });
    // The page's data, its messages aside (the form's hint gives a lychee example of its own).
    const data = JSON.stringify({ ...seen, messages: null });
    expect(data).not.toContain("bi-mat");
    expect(data).not.toContain("vải thiều");
    const agenda = await jsonOf<{ meetings: unknown[] }>(await call(myAgenda.loader, { path: "/my-agenda", cookie }));
    expect(agenda.meetings).toEqual([]);
    // The head sees them.
    expect((await page(await cookieFor(japan.userId))).placed).toHaveLength(1);
  });
});

describe("My agenda, /meetings and the calendar follow one organisation", () => {
  it("is the registration's organisation, not the one the account names", async () => {
    const { langSon } = await placedLangSonMeeting();
    // The account claims another province; the approved registration says Lạng Sơn.
    await getDb()
      .updateTable("users")
      .set({ organisation_id: await organisationId("prov-ha-giang") })
      .where("id", "=", langSon.userId)
      .execute();
    const cookie = await cookieFor(langSon.userId);
    const seen = await page(cookie);
    expect(seen.org?.id).toBe(langSon.orgId);
    expect(seen.placed).toHaveLength(1);
    expect(
      (await jsonOf<{ meetings: unknown[] }>(await call(myAgenda.loader, { path: "/my-agenda", cookie }))).meetings,
    ).toHaveLength(1);
    expect(await calendarOf(cookie)).toContain("Gặp gỡ song phương: Đại sứ quán Việt Nam tại Nhật Bản");
  });
});
