import ICAL from "ical.js";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { placeMeeting } from "~/features/meetings/meetings.server";
import { action, loader } from "~/routes/meetings/route";
import * as myAgendaIcs from "~/routes/my-agenda[.]ics";
import { organisationId } from "../../helpers/factories";
import { openDemoBlock, resetMeetings } from "../../helpers/meetings";
import { call, jsonOf, signInAs } from "../../helpers/remix";

type Allowance = {
  max: number | null;
  used: number;
  remaining: number | null;
  closesAt: string | null;
  closed: boolean;
};
type Page = {
  allowance: Allowance | null;
  parties: Array<{ id: number; asked: string | null; sectors: { codes: string[]; note: string } }>;
  partiesTotal: number;
  partiesPageSize: number;
  sent: Array<{ id: number; sector: string; status: string }>;
  placed: Array<{
    id: number;
    place: { online: boolean; counterpartOnline: boolean; counterpartWording: string; wording?: string };
  }>;
};

let blockId = 0;
async function openBlock(settings: { max: number | null; closesAt: string | null }) {
  await resetMeetings();
  ({ blockId } = await openDemoBlock({ requestsCloseAt: settings.closesAt, maxRequestsPerOrganisation: settings.max }));
}

const page = async (cookie: string, path = "/meetings") => jsonOf<Page>(await call(loader, { path, cookie }));
/** The page sends one page of parties: walk them all (with the total the page gives). */
async function everyParty(cookie: string): Promise<Pick<Page, "parties">> {
  const first = await page(cookie);
  const parties = [...first.parties];
  for (let n = 2; n <= Math.ceil(first.partiesTotal / first.partiesPageSize); n++)
    parties.push(...(await page(cookie, `/meetings?page=${n}`)).parties);
  return { parties };
}
const post = (cookie: string, form: Record<string, string>) => call(action, { path: "/meetings", cookie, form });
const ask = (to: number, sector = "agriculture") => ({
  intent: "request",
  toOrganisationId: String(to),
  sector,
  ask: "Xuất khẩu vải thiều Lục Ngạn",
  priority: "2",
});

beforeEach(() => openBlock({ max: 3, closesAt: "2099-06-30T10:00:00.000Z" }));

describe("the request form says what remains and until when", () => {
  it("counts the requests left under the cap as they are sent and withdrawn, with the deadline", async () => {
    const province = await signInAs("delegate");
    expect((await page(province)).allowance).toEqual({
      max: 3,
      used: 0,
      remaining: 3,
      closesAt: "2099-06-30T10:00:00.000Z",
      closed: false,
    });
    expect((await post(province, ask(await organisationId("mis-emb-jp")))).status).toBe(200);
    expect((await post(province, ask(await organisationId("mis-emb-kr")))).status).toBe(200);
    expect((await page(province)).allowance).toMatchObject({ used: 2, remaining: 1 });
    // A withdrawal still counts during the cooling-off, as the cap does.
    const { id } = await getDb()
      .selectFrom("meeting_requests")
      .select("id")
      .where("to_organisation_id", "=", await organisationId("mis-emb-kr"))
      .executeTakeFirstOrThrow();
    expect((await post(province, { intent: "withdraw", requestId: String(id) })).status).toBe(200);
    expect((await page(province)).allowance).toMatchObject({ used: 2, remaining: 1 });
    expect((await post(province, ask(await organisationId("mis-emb-us")))).status).toBe(200);
    expect((await page(province)).allowance).toMatchObject({ used: 3, remaining: 0 });
    // The ambassador's side has no allowance to show.
    expect((await page(await signInAs("ambassador"))).allowance).toBeNull();
  });

  it("says when there is no cap, and when the deadline has passed", async () => {
    await openBlock({ max: null, closesAt: "2020-01-01T00:00:00.000Z" });
    const province = await signInAs("delegate");
    expect((await page(province)).allowance).toEqual({
      max: null,
      used: 0,
      remaining: null,
      closesAt: "2020-01-01T00:00:00.000Z",
      closed: true,
    });
  });
});

describe("parties already asked are marked", () => {
  it("with the state of the request, and after a withdrawal", async () => {
    const province = await signInAs("delegate");
    const japan = await organisationId("mis-emb-jp");
    const korea = await organisationId("mis-emb-kr");
    const before = await everyParty(province);
    expect(before.parties.every((p) => p.asked === null)).toBe(true);
    await post(province, ask(japan));
    await post(province, ask(korea));
    const asked = (p: Pick<Page, "parties">, id: number) => p.parties.find((x) => x.id === id)?.asked;
    let now = await everyParty(province);
    expect(asked(now, japan)).toBe("pending");
    expect(asked(now, korea)).toBe("pending");
    expect(now.parties.filter((p) => p.asked !== null)).toHaveLength(2);
    const ambassador = await signInAs("ambassador");
    const request = await getDb()
      .selectFrom("meeting_requests")
      .select("id")
      .where("to_organisation_id", "=", japan)
      .executeTakeFirstOrThrow();
    await post(ambassador, { intent: "answer", requestId: String(request.id), decision: "accept", reason: "" });
    const other = await getDb()
      .selectFrom("meeting_requests")
      .select("id")
      .where("to_organisation_id", "=", korea)
      .executeTakeFirstOrThrow();
    await post(province, { intent: "withdraw", requestId: String(other.id) });
    now = await everyParty(province);
    expect(asked(now, japan)).toBe("accepted");
    expect(asked(now, korea)).toBe("withdrawn");
    // The marks stay on a searched list.
    expect((await page(province, "/meetings?q=nhat+ban")).parties.find((p) => p.id === japan)?.asked).toBe("accepted");
  });
});

describe("sectors from the list", () => {
  it("are stored as codes, a label in either language read as its code, anything else refused on the field", async () => {
    const province = await signInAs("delegate");
    expect((await post(province, ask(await organisationId("mis-emb-jp"), "agriculture"))).status).toBe(200);
    expect((await post(province, ask(await organisationId("mis-emb-kr"), "Du lịch"))).status).toBe(200);
    expect((await post(province, ask(await organisationId("mis-emb-us"), "Science and technology"))).status).toBe(200);
    const refused = await post(province, ask(await organisationId("mis-emb-de"), "Khai khoáng"));
    expect(refused.status).toBe(400);
    expect((await jsonOf<{ errors: Record<string, string> }>(refused)).errors).toEqual({
      sector: "meetingsDelegate.errors.sector",
    });
    const rows = await getDb().selectFrom("meeting_requests").select("sector").orderBy("id").execute();
    expect(rows.map((r) => r.sector)).toEqual(["agriculture", "tourism", "science_technology"]);
  });

  it("read in the reader's language in the calendar of a placed meeting", async () => {
    const province = await signInAs("delegate");
    const ambassador = await signInAs("ambassador");
    await post(province, ask(await organisationId("mis-emb-jp"), "labour"));
    const { id } = await getDb().selectFrom("meeting_requests").select("id").executeTakeFirstOrThrow();
    await post(ambassador, { intent: "answer", requestId: String(id), decision: "accept", reason: "" });
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
    expect((await placeMeeting(id, slot.id, table.id, { locked: false }, { id: null, ip: null })).ok).toBe(true);
    const description = async (lang: string) => {
      const ics = await (
        await call(myAgendaIcs.loader, { path: `/my-agenda.ics?lang=${lang}`, cookie: province })
      ).text();
      const event = new ICAL.Component(ICAL.parse(ics))
        .getAllSubcomponents("vevent")
        .find((e) => String(e.getFirstPropertyValue("uid")).startsWith("meeting-"));
      return String(event?.getFirstPropertyValue("description") ?? "");
    };
    expect(await description("vi")).toContain("Lao động");
    expect(await description("en")).toContain("Labour");
    expect(await description("en")).not.toContain("labour\n");
  });
});

describe("a party attending online is announced to both sides", () => {
  it("the province is told the embassy attends online; the embassy that the province does, when it is online too", async () => {
    const province = await signInAs("delegate");
    const ambassador = await signInAs("ambassador");
    await post(province, ask(await organisationId("mis-emb-jp")));
    const { id } = await getDb().selectFrom("meeting_requests").select("id").executeTakeFirstOrThrow();
    await post(ambassador, { intent: "answer", requestId: String(id), decision: "accept", reason: "" });
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
    expect((await placeMeeting(id, slot.id, table.id, { locked: false }, { id: null, ip: null })).ok).toBe(true);
    expect((await page(province)).placed[0].place).toMatchObject({
      online: false,
      counterpartOnline: true,
      counterpartWording: "mission",
    });
    expect((await page(ambassador)).placed[0].place).toMatchObject({
      online: true,
      wording: "mission",
      counterpartOnline: false,
    });
    // The province switches to online: now the embassy is told the province attends online.
    const bacGiang = await organisationId("prov-bac-giang");
    await getDb()
      .updateTable("registrations")
      .set({ mode: "online" })
      .where("organisation_id", "=", bacGiang)
      .execute();
    expect((await page(ambassador)).placed[0].place).toMatchObject({
      online: true,
      counterpartOnline: true,
      counterpartWording: "province",
    });
    expect((await page(province)).placed[0].place).toMatchObject({ online: true, wording: "province" });
  });
});
