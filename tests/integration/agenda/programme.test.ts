import ICAL from "ical.js";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb, nowIso } from "~/platform/db.server";
import { cancelSignUp, listSessions, signUp } from "~/features/agenda/agenda.server";
import { loader as agendaIcs } from "~/routes/my-agenda[.]ics";
import { action as programmeAction, loader as programmeLoader } from "~/routes/programme";
import { loader as programmeIcs } from "~/routes/programme[.]ics";
import { loader as programmePdf } from "~/routes/programme[.]pdf";
import { loader as myAgendaLoader } from "~/routes/my-agenda";
import { demoConference, organisationId, registerVisitor, resetRegistrations } from "../../helpers/factories";
import { call, jsonOf, signInAs } from "../../helpers/remix";
import { inProcesses } from "../../helpers/processes";

const DRAFT = "Phiên nháp chưa công bố “bí mật”";

async function sessionId(prefix: string) {
  return (
    await getDb().selectFrom("sessions").select("id").where("title_vi", "like", `${prefix}%`).executeTakeFirstOrThrow()
  ).id;
}

/** An approved registration with its own account, as the organiser would leave it. */
async function approvedDelegate(mode: "in_person" | "online") {
  const result = await registerVisitor({ organisationId: await organisationId("prov-bac-giang"), mode });
  await getDb()
    .updateTable("registrations")
    .set({ status: "approved" })
    .where("id", "=", result.registrationId)
    .execute();
  const row = await getDb()
    .selectFrom("registrations")
    .select("user_id")
    .where("id", "=", result.registrationId)
    .executeTakeFirstOrThrow();
  return row.user_id!;
}

function parseIcs(text: string) {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}

describe("the published programme, its feed and its PDF", () => {
  it("never shows a draft session on /programme, in the ICS feed or in the PDF", async () => {
    const conference = await demoConference();
    const now = nowIso();
    const first = (await listSessions(conference.id, { includeDrafts: false }))[0];
    await getDb()
      .insertInto("sessions")
      .values({
        conference_id: conference.id,
        kind: "discussion",
        title_vi: DRAFT,
        title_en: "Unpublished draft",
        description_vi: "",
        description_en: "",
        starts_at: first.starts_at,
        ends_at: first.ends_at,
        stream_url: null,
        published: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const page = await jsonOf<{ sessions: Array<{ title_vi: string }>; days: string[] }>(
      await call(programmeLoader, { path: "/programme" }),
    );
    expect(page.sessions.length).toBeGreaterThan(0);
    expect(page.sessions.map((s) => s.title_vi)).not.toContain(DRAFT);
    for (const day of page.days) {
      const other = await jsonOf<{ sessions: Array<{ title_vi: string }> }>(
        await call(programmeLoader, { path: `/programme?day=${day}` }),
      );
      expect(other.sessions.map((s) => s.title_vi)).not.toContain(DRAFT);
    }

    const feed = await call(programmeIcs, { path: "/programme.ics" });
    expect(feed.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const text = await feed.text();
    const events = parseIcs(text);
    expect(events.map((e) => e.summary)).toContain("Phiên khai mạc toàn thể");
    expect(events.map((e) => e.summary)).not.toContain(DRAFT);
    expect(events).toHaveLength((await listSessions(conference.id, { includeDrafts: false })).length);

    const pdf = await call(programmePdf, { path: "/programme.pdf" });
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });

  it("filters the day by kind and by room", async () => {
    const all = await jsonOf<{ sessions: Array<{ kind: string; room_id: number | null }> }>(
      await call(programmeLoader, { path: "/programme" }),
    );
    const discussions = await jsonOf<{ sessions: Array<{ kind: string }> }>(
      await call(programmeLoader, { path: "/programme?kind=discussion" }),
    );
    expect(discussions.sessions.length).toBe(2);
    expect(discussions.sessions.every((s) => s.kind === "discussion")).toBe(true);
    const roomId = all.sessions.find((s) => s.room_id !== null)!.room_id!;
    const inRoom = await jsonOf<{ sessions: Array<{ room_id: number }> }>(
      await call(programmeLoader, { path: `/programme?room=${roomId}` }),
    );
    expect(inRoom.sessions.length).toBeGreaterThan(0);
    expect(inRoom.sessions.every((s) => s.room_id === roomId)).toBe(true);
  });

  it("signs the demo delegate up through the page, and My agenda's ICS has the right instants and stable UIDs", async () => {
    const cookie = await signInAs("delegate");
    const id = await sessionId("Phiên thảo luận 1");
    const res = await call(programmeAction, {
      path: "/programme",
      cookie,
      form: { intent: "signUp", sessionId: String(id) },
    });
    expect(res.status).toBe(200);
    const agenda = await jsonOf<{
      days: Array<{ items: Array<{ type: string; id: number }> }>;
      sessions: Array<{ id: number; signedUpMode: string; reasons: string[] }>;
    }>(await call(myAgendaLoader, { path: "/my-agenda", cookie }));
    expect(agenda.sessions.find((s) => s.id === id)).toMatchObject({
      signedUpMode: "in_person",
      reasons: ["signedUp"],
    });
    expect(agenda.days.flatMap((d) => d.items)).toContainEqual({ type: "session", id });

    const session = await getDb()
      .selectFrom("sessions")
      .select(["starts_at", "ends_at"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const first = await call(agendaIcs, { path: "/my-agenda.ics", cookie });
    expect(first.headers.get("Content-Disposition")).toMatch(/^attachment;/);
    const events = parseIcs(await first.text());
    const event = events.find((e) => e.summary.startsWith("Phiên thảo luận 1"))!;
    expect(event.startDate.toJSDate().toISOString()).toBe(new Date(session.starts_at).toISOString());
    expect(event.endDate.toJSDate().toISOString()).toBe(new Date(session.ends_at).toISOString());
    // 10:20 in Hà Nội is 03:20 UTC.
    expect(event.startDate.toJSDate().getUTCHours()).toBe(3);
    expect(event.startDate.toJSDate().getUTCMinutes()).toBe(20);
    const second = parseIcs(await (await call(agendaIcs, { path: "/my-agenda.ics", cookie })).text());
    expect(second.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
    // One UID per session, the programme feed's too: a subscriber of both sees it once.
    expect(event.uid).toBe(`session-${id}@localhost`);

    const anonymous = await call(agendaIcs, { path: "/my-agenda.ics" });
    expect(anonymous.status).toBe(302);
  });

  it("refuses an anonymous sign-up and bad input without a 500", async () => {
    const anonymous = await call(programmeAction, { path: "/programme", form: { intent: "signUp", sessionId: "1" } });
    expect(anonymous.status).toBe(302);
    const cookie = await signInAs("delegate");
    const bad = await call(programmeAction, {
      path: "/programme",
      cookie,
      form: { intent: "signUp", sessionId: "abc" },
    });
    expect(bad.status).toBe(400);
    expect((await jsonOf<{ errors: Record<string, string> }>(bad)).errors[""]).toBe("programme.badSession");
  });
});

describe("sign-up rules", () => {
  beforeEach(resetRegistrations);

  it("lets exactly 5 of 20 concurrent in-person delegates take the last 5 places", async () => {
    const conference = await demoConference();
    const id = await sessionId("Phiên thảo luận 1");
    const early = [await approvedDelegate("in_person"), await approvedDelegate("in_person")];
    for (const u of early) expect(await signUp(u, conference.id, id, null)).toEqual({ ok: true });
    await getDb().updateTable("sessions").set({ capacity: 7 }).where("id", "=", id).execute();
    const crowd = await Promise.all(Array.from({ length: 20 }, () => approvedDelegate("in_person")));
    // Four processes, four connections: the sign-ups really race.
    const answers = await inProcesses<Awaited<ReturnType<typeof signUp>>>(
      4,
      { module: "~/features/agenda/agenda.server", fn: "signUp" },
      crowd.map((u) => [u, conference.id, id, null]),
    );
    const results = answers.map((a) => (a.ok ? a.value : expect.fail(a.error)));
    expect(results).toHaveLength(20);
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.refusal.key === "agenda.signup.full")).toBe(true);
    const [{ n }] = await getDb()
      .selectFrom("session_signups")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("session_id", "=", id)
      .where("mode", "=", "in_person")
      .execute();
    expect(Number(n)).toBe(7);

    // Online delegates are not limited by the in-person places.
    const online = await Promise.all(Array.from({ length: 3 }, () => approvedDelegate("online")));
    const onlineResults = await Promise.all(online.map((u) => signUp(u, conference.id, id, null)));
    expect(onlineResults.every((r) => r.ok)).toBe(true);

    // Cancelling frees the place for the next in-person delegate.
    const loser = crowd[results.findIndex((r) => !r.ok)];
    const winner = crowd[results.findIndex((r) => r.ok)];
    expect(await cancelSignUp(winner, conference.id, id, null)).toBe(true);
    expect(await signUp(loser, conference.id, id, null)).toEqual({ ok: true });
    await getDb().updateTable("sessions").set({ capacity: null }).where("id", "=", id).execute();
  });

  it("refuses a clash with another signed-up session, naming it, and shows it on the page", async () => {
    const conference = await demoConference();
    const one = await sessionId("Phiên thảo luận 1");
    const two = await sessionId("Phiên thảo luận 2");
    const user = await approvedDelegate("in_person");
    expect(await signUp(user, conference.id, one, null)).toEqual({ ok: true });
    const clash = await signUp(user, conference.id, two, null);
    expect(clash).toEqual({
      ok: false,
      refusal: {
        kind: "conflict",
        key: "agenda.signup.clash",
        params: { title: "Phiên thảo luận 1: Ngoại giao kinh tế phục vụ phát triển địa phương" },
      },
    });
    expect(await cancelSignUp(user, conference.id, one, null)).toBe(true);
    expect(await signUp(user, conference.id, two, null)).toEqual({ ok: true });
  });

  it("answers a delegate without a live registration with the refusal, not an error", async () => {
    const cookie = await signInAs("delegate");
    const id = await sessionId("Phiên thảo luận 1");
    const res = await call(programmeAction, {
      path: "/programme",
      cookie,
      form: { intent: "signUp", sessionId: String(id) },
    });
    expect(res.status).toBe(409);
    expect((await jsonOf<{ errors: Record<string, string> }>(res)).errors[""]).toBe("agenda.signup.notRegistered");
  });
});
