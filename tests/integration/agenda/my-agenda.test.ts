import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { saveSession, setPublished, type SessionPerson } from "~/features/agenda/agenda.server";
import { zonedDate } from "~/lib/time";
import type { SessionInput } from "~/features/agenda/schema";
import type { SessionKind } from "~/features/agenda/rules";
import { placeMeeting } from "~/features/meetings/meetings.server";
import * as myAgenda from "~/routes/my-agenda";
import { loader as agendaIcs } from "~/routes/my-agenda[.]ics";
import { action as programmeAction, loader as programmeLoader } from "~/routes/programme";
import { loader as programmeIcs } from "~/routes/programme[.]ics";
import { demoConference, organisationId } from "../../helpers/factories";
import { acceptedRequests, openDemoBlock, resetMeetings } from "../../helpers/meetings";
import { call, demoAccount, jsonOf, signInAs } from "../../helpers/remix";

type Reply = { ok: boolean; errors?: Record<string, string>; sessionId?: number | null; intent?: string };
type AgendaPage = {
  days: Array<{ day: string; items: Array<{ type: "session" | "meeting"; id: number }> }>;
  sessions: Array<{ id: number; title_vi: string; reasons: string[]; role: string | null; favourite: boolean }>;
  meetings: Array<{ id: number; starts_at: string }>;
};

const organiser = { id: null, ip: null };
let conferenceId = 0;
let day1 = "";
let day2 = "";

beforeAll(async () => {
  const conference = await demoConference();
  conferenceId = conference.id;
  day1 = zonedDate(conference.starts_at, conference.time_zone);
  day2 = zonedDate(conference.ends_at, conference.time_zone);
});

/** A session saved through the agenda's own model (the editor's save), published unless asked. */
async function newSession(
  over: Partial<SessionInput> & { titleVi: string },
  options: { people?: SessionPerson[]; published?: boolean } = {},
) {
  const input: SessionInput = {
    kind: "discussion" as SessionKind,
    titleEn: `${over.titleVi} (en)`,
    descriptionVi: "",
    descriptionEn: "",
    day: day1,
    startTime: "16:40",
    endTime: "17:20",
    roomId: null,
    requiresSignup: false,
    capacity: null,
    streamUrl: null,
    ...over,
  };
  const saved = await saveSession(conferenceId, null, input, options.people ?? [], organiser);
  if (!saved.ok) throw new Error(saved.refusal.key);
  if (options.published !== false) await setPublished(conferenceId, [saved.id], true, organiser);
  return { id: saved.id, input };
}

const sessionIdOf = async (prefix: string) =>
  (await getDb().selectFrom("sessions").select("id").where("title_vi", "like", `${prefix}%`).executeTakeFirstOrThrow())
    .id;
const favouritesOf = async (sessionId: number) =>
  (await getDb().selectFrom("session_favourites").selectAll().where("session_id", "=", sessionId).execute()).length;
const post = (fn: unknown, path: string, cookie: string | null, form: Record<string, string>) =>
  call(fn, { path, cookie, form });
const agendaOf = async (cookie: string) =>
  jsonOf<AgendaPage>(await call(myAgenda.loader, { path: "/my-agenda", cookie }));

function eventsOf(text: string) {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}

describe("favourites: a session without sign-up on the delegate's own agenda", () => {
  it("is added from the programme and removed from My agenda or the programme, without a second row", async () => {
    const cookie = await signInAs("delegate");
    const { id } = await newSession({ titleVi: "Tọa đàm về hợp tác giáo dục" });

    const added = await post(programmeAction, "/programme", cookie, { intent: "favourite", sessionId: String(id) });
    expect(added.status).toBe(200);
    expect(await jsonOf<Reply>(added)).toEqual({ ok: true, sessionId: id, intent: "favourite" });
    expect(await favouritesOf(id)).toBe(1);
    // Twice is still once.
    expect(
      (await post(programmeAction, "/programme", cookie, { intent: "favourite", sessionId: String(id) })).status,
    ).toBe(200);
    expect(await favouritesOf(id)).toBe(1);

    const programme = await jsonOf<{ viewer: { favourites: Record<string, boolean> } }>(
      await call(programmeLoader, { path: "/programme", cookie }),
    );
    expect(programme.viewer.favourites[id]).toBe(true);
    const agenda = await agendaOf(cookie);
    expect(agenda.sessions.find((s) => s.id === id)).toMatchObject({ reasons: ["favourite"], favourite: true });

    const removed = await post(myAgenda.action, "/my-agenda", cookie, { intent: "unfavourite", sessionId: String(id) });
    expect(removed.status).toBe(200);
    expect(await jsonOf<Reply>(removed)).toEqual({ ok: true, intent: "unfavourite" });
    expect(await favouritesOf(id)).toBe(0);
    expect((await agendaOf(cookie)).sessions.map((s) => s.id)).not.toContain(id);

    // Removing what is not there is a refusal beside the session, not an error.
    const again = await post(programmeAction, "/programme", cookie, { intent: "unfavourite", sessionId: String(id) });
    expect(again.status).toBe(400);
    expect((await jsonOf<Reply>(again)).errors?.[""]).toBe("agenda.favourite.notFavourite");

    // And from the programme, both ways.
    await post(programmeAction, "/programme", cookie, { intent: "favourite", sessionId: String(id) });
    const off = await post(programmeAction, "/programme", cookie, { intent: "unfavourite", sessionId: String(id) });
    expect(await jsonOf<Reply>(off)).toEqual({ ok: true, sessionId: id, intent: "unfavourite" });
    expect(await favouritesOf(id)).toBe(0);
  });

  it("refuses whoever is not a delegate, a session asking for sign-up, one for everyone, and an unpublished one (404)", async () => {
    const { id: free } = await newSession({ titleVi: "Tọa đàm về du lịch", startTime: "17:30", endTime: "18:00" });
    const { id: draft } = await newSession(
      { titleVi: "Phiên nháp chưa công bố", startTime: "18:00", endTime: "18:30" },
      { published: false },
    );
    const favourite = (cookie: string | null, sessionId: number) =>
      post(programmeAction, "/programme", cookie, { intent: "favourite", sessionId: String(sessionId) });
    const refusal = async (res: Response) => [res.status, (await jsonOf<Reply>(res)).errors?.[""]];

    expect((await favourite(null, free)).status).toBe(302);
    // The exhibitor may use the programme but has no registration for the conference.
    expect(await refusal(await favourite(await signInAs("exhibitor"), free))).toEqual([
      409,
      "agenda.favourite.notRegistered",
    ]);
    const delegate = await signInAs("delegate");
    expect(await refusal(await favourite(delegate, await sessionIdOf("Phiên thảo luận 1")))).toEqual([
      409,
      "agenda.favourite.useSignUp",
    ]);
    expect(await refusal(await favourite(delegate, await sessionIdOf("Phiên khai mạc toàn thể")))).toEqual([
      409,
      "agenda.favourite.everyone",
    ]);
    expect(await refusal(await favourite(delegate, draft))).toEqual([404, "programme.badSession"]);
    expect(await refusal(await favourite(delegate, 999999))).toEqual([404, "programme.badSession"]);
    const rows = await getDb().selectFrom("session_favourites").selectAll().execute();
    expect(rows).toEqual([]);
  });
});

describe("My agenda is the delegate's whole day", () => {
  it("lists the plenaries, the favourites, the sessions they speak at and their meetings, by day in time order, and the ICS follows", async () => {
    const db = getDb();
    const delegateUser = await db
      .selectFrom("users")
      .select("id")
      .where("email", "=", demoAccount("delegate").email)
      .executeTakeFirstOrThrow();
    const registration = await db
      .selectFrom("registrations")
      .select("id")
      .where("user_id", "=", delegateUser.id)
      .executeTakeFirstOrThrow();
    const cookie = await signInAs("delegate");

    const speaking = await newSession(
      { titleVi: "Phiên chuyên đề: xúc tiến thương mại", kind: "other", startTime: "18:40", endTime: "19:20" },
      { people: [{ registrationId: registration.id, role: "speaker" }] },
    );
    const chosen = await newSession({ titleVi: "Tọa đàm chọn thêm", startTime: "16:40", endTime: "17:20" });
    const notChosen = await newSession({ titleVi: "Tọa đàm không chọn", startTime: "16:40", endTime: "17:20" });
    await post(programmeAction, "/programme", cookie, { intent: "favourite", sessionId: String(chosen.id) });

    // A bilateral meeting with Japan in the second day's block (the only meeting: the demo's are cleared).
    await resetMeetings();
    const block = await openDemoBlock({}, organiser);
    const ambassador = await db
      .selectFrom("users")
      .select("id")
      .where("email", "=", demoAccount("ambassador").email)
      .executeTakeFirstOrThrow();
    const [requestId] = await acceptedRequests(
      conferenceId,
      [{ userId: delegateUser.id }],
      [{ userId: ambassador.id, orgId: await organisationId("mis-emb-jp") }],
    );
    const slot = await db
      .selectFrom("meeting_slots")
      .selectAll()
      .where("block_id", "=", block.blockId)
      .orderBy("starts_at")
      .executeTakeFirstOrThrow();
    const table = await db
      .selectFrom("meeting_tables")
      .select("id")
      .where("block_id", "=", block.blockId)
      .orderBy("number")
      .executeTakeFirstOrThrow();
    const placed = await placeMeeting(requestId, slot.id, table.id, { locked: false }, organiser);
    if (!placed.ok) throw new Error(placed.refusal.key);

    const agenda = await agendaOf(cookie);
    const title = new Map(agenda.sessions.map((s) => [s.id, s.title_vi]));
    const line = (item: { type: string; id: number }) => (item.type === "meeting" ? "meeting" : title.get(item.id));
    expect(agenda.days.map((d) => d.day)).toEqual([day1, day2]);
    expect(agenda.days[0].items.map(line)).toEqual([
      "Phiên khai mạc toàn thể",
      "Gặp gỡ Đoàn Ngoại giao và các hiệp hội doanh nghiệp nước ngoài",
      "Khai mạc Triển lãm sản phẩm thương hiệu Việt Nam",
      "Tọa đàm chọn thêm",
      "Phiên chuyên đề: xúc tiến thương mại",
    ]);
    expect(agenda.days[1].items.map(line)).toEqual(["meeting", "Phiên bế mạc"]);
    expect(agenda.days[1].items[0].id).toBe(placed.id);
    const reasons = Object.fromEntries(agenda.sessions.map((s) => [s.title_vi, s.reasons]));
    expect(reasons["Phiên khai mạc toàn thể"]).toEqual(["everyone"]);
    expect(reasons["Tọa đàm chọn thêm"]).toEqual(["favourite"]);
    expect(reasons["Phiên chuyên đề: xúc tiến thương mại"]).toEqual(["role"]);
    expect(agenda.sessions.find((s) => s.id === speaking.id)?.role).toBe("speaker");
    // Not on it: a session not chosen, the break, sessions asking for sign-up, the block itself.
    expect(agenda.sessions.map((s) => s.id)).not.toContain(notChosen.id);
    expect(agenda.sessions.map((s) => s.title_vi)).not.toContain("Giải lao");
    expect(agenda.sessions.map((s) => s.title_vi).some((t) => t.startsWith("Phiên thảo luận"))).toBe(false);
    expect(agenda.sessions.map((s) => s.id)).not.toContain(block.sessionId);

    // The calendar: the same list, one VEVENT per session with the programme feed's UID; meetings keep theirs.
    const mine = eventsOf(await (await call(agendaIcs, { path: "/my-agenda.ics", cookie })).text());
    const sessionIds = agenda.sessions.map((s) => s.id);
    expect(mine.map((e) => e.uid).sort()).toEqual(
      [...sessionIds.map((id) => `session-${id}@localhost`), `meeting-${placed.id}@localhost`].sort(),
    );
    const feed = eventsOf(await (await call(programmeIcs, { path: "/programme.ics" })).text());
    const feedUids = new Set(feed.map((e) => e.uid));
    for (const id of sessionIds) expect(feedUids.has(`session-${id}@localhost`)).toBe(true);
    expect(new Set(feed.map((e) => e.uid)).size).toBe(feed.length);
  });
});

describe("the calendars' SEQUENCE", () => {
  it("starts at 0 and grows by one when the time, room or title changes, in both feeds", async () => {
    const cookie = await signInAs("delegate");
    const { id, input } = await newSession({ titleVi: "Tọa đàm dời giờ", startTime: "19:30", endTime: "20:00" });
    await post(programmeAction, "/programme", cookie, { intent: "favourite", sessionId: String(id) });
    const sequences = async () => {
      const uid = `session-${id}@localhost`;
      const feed = eventsOf(await (await call(programmeIcs, { path: "/programme.ics" })).text());
      const mine = eventsOf(await (await call(agendaIcs, { path: "/my-agenda.ics", cookie })).text());
      const inFeed = feed.filter((e) => e.uid === uid);
      const inMine = mine.filter((e) => e.uid === uid);
      expect(inFeed).toHaveLength(1);
      expect(inMine).toHaveLength(1);
      expect(inMine[0].sequence).toBe(inFeed[0].sequence);
      return inFeed[0].sequence;
    };
    const edit = async (over: Partial<SessionInput>) => {
      const saved = await saveSession(conferenceId, id, { ...input, ...over }, [], organiser);
      expect(saved.ok).toBe(true);
      Object.assign(input, over);
    };
    expect(await sequences()).toBe(0);
    await edit({ startTime: "19:40", endTime: "20:10" });
    expect(await sequences()).toBe(1);
    // A new description alone is no new version for calendars.
    await edit({ descriptionVi: "Mô tả mới" });
    expect(await sequences()).toBe(1);
    await edit({ titleEn: "A moved round table" });
    expect(await sequences()).toBe(2);
    const room = await getDb().selectFrom("rooms").select("id").orderBy("id", "desc").executeTakeFirstOrThrow();
    await edit({ roomId: room.id });
    expect(await sequences()).toBe(3);
  });
});
