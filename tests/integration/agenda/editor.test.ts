import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { conferenceDays } from "~/features/agenda/rules";
import { signUp } from "~/features/agenda/agenda.server";
import * as grid from "~/routes/admin.agenda._index";
import * as editor from "~/routes/admin.agenda.$id";
import * as rooms from "~/routes/admin.rooms";
import { demoConference, organisationId, registerVisitor, resetRegistrations } from "../../helpers/factories";
import { call, cookieFrom, jsonOf, signInAs } from "../../helpers/remix";

// Each test starts from the seeded programme: 4 rooms, 8 published sessions.
let seeded: number[] = [];
beforeAll(async () => {
  seeded = (await getDb().selectFrom("sessions").select("id").execute()).map((s) => s.id);
});
beforeEach(async () => {
  await resetRegistrations();
  await getDb().deleteFrom("sessions").where("id", "not in", seeded).execute();
  await getDb()
    .deleteFrom("rooms")
    .where("id", "not in", getDb().selectFrom("sessions").select("room_id").where("room_id", "is not", null))
    .execute();
  await getDb().updateTable("sessions").set({ published: 1 }).execute();
});

type Problems = {
  problems: Array<{ key: string; params?: Record<string, string | number> }>;
  errors: Record<string, string>;
};

async function days() {
  const c = await demoConference();
  return conferenceDays(c.starts_at, c.ends_at, c.time_zone);
}

async function roomId(nameVi: string) {
  return (await getDb().selectFrom("rooms").select("id").where("name_vi", "=", nameVi).executeTakeFirstOrThrow()).id;
}

async function sessionForm(overrides: Record<string, string> = {}) {
  const [day1] = await days();
  return {
    intent: "save",
    kind: "discussion",
    titleVi: "Phiên thử nghiệm",
    titleEn: "Test session",
    descriptionVi: "",
    descriptionEn: "",
    day: day1,
    startTime: "17:00",
    endTime: "18:00",
    roomId: "",
    capacity: "",
    streamUrl: "",
    ...overrides,
  };
}

async function saveNew(cookie: string, form: Record<string, string>) {
  return call(editor.action, { path: "/admin/agenda/new", params: { id: "new" }, form, cookie });
}

function idFrom(res: Response) {
  const m = /\/admin\/agenda\/(\d+)\?saved=1/.exec(res.headers.get("Location") ?? "");
  if (!m) throw new Error(`no session id in ${res.status} ${res.headers.get("Location")}`);
  return Number(m[1]);
}

describe("rooms", () => {
  it("creates a room, lists it with its sessions count, and refuses bad input with field errors", async () => {
    const cookie = await signInAs("organiser");
    const bad = await call(rooms.action, {
      path: "/admin/rooms",
      form: { intent: "save", nameVi: "", nameEn: "Room", capacity: "-3", streamUrl: "ftp://x" },
      cookie,
    });
    expect(bad.status).toBe(400);
    expect((await jsonOf<Problems>(bad)).errors).toMatchObject({
      nameVi: "errors.required",
      capacity: "errors.nonNegative",
      streamUrl: "agenda.errors.url",
    });

    const ok = await call(rooms.action, {
      path: "/admin/rooms",
      form: {
        intent: "save",
        nameVi: "Phòng “Hữu nghị”",
        nameEn: "Friendship room",
        capacity: "40",
        streamUrl: "",
        notes: "Tầng 2",
      },
      cookie,
    });
    expect(ok.status).toBe(200);
    const list = await jsonOf<{ rooms: Array<{ name_vi: string; capacity: number; sessions: number }> }>(
      await call(rooms.loader, { path: "/admin/rooms", cookie }),
    );
    expect(list.rooms.find((r) => r.name_vi === "Phòng “Hữu nghị”")).toMatchObject({ capacity: 40, sessions: 0 });
    expect(list.rooms.find((r) => r.name_vi === "Hội trường lớn")?.sessions).toBe(4);
  });

  it("refuses to delete a room that still has sessions, naming how many, and deletes an empty one", async () => {
    const cookie = await signInAs("organiser");
    const hall = await roomId("Hội trường lớn");
    const refused = await call(rooms.action, {
      path: "/admin/rooms",
      form: { intent: "delete", id: String(hall) },
      cookie,
    });
    expect(refused.status).toBe(409);
    const body = await jsonOf<{ errors: Record<string, string>; params?: Record<string, string | number> }>(refused);
    expect({ key: body.errors[""], params: body.params }).toEqual({ key: "agenda.errors.roomInUse", params: { n: 4 } });
    expect(await getDb().selectFrom("rooms").select("id").where("id", "=", hall).executeTakeFirst()).toBeTruthy();

    await call(rooms.action, {
      path: "/admin/rooms",
      form: { intent: "save", nameVi: "Phòng tạm", nameEn: "Spare room", capacity: "10" },
      cookie,
    });
    const spare = await roomId("Phòng tạm");
    const deleted = await call(rooms.action, {
      path: "/admin/rooms",
      form: { intent: "delete", id: String(spare) },
      cookie,
    });
    expect(deleted.status).toBe(200);
    expect(await getDb().selectFrom("rooms").select("id").where("id", "=", spare).executeTakeFirst()).toBeUndefined();
  });
});

describe("the session form", () => {
  it("creates a draft session and keeps titles with diacritics and quotes exactly", async () => {
    const cookie = await signInAs("organiser");
    const titleVi = "Phiên “Ngoại giao số” – địa phương 'đi trước' \"một bước\"";
    const res = await saveNew(
      cookie,
      await sessionForm({
        titleVi,
        titleEn: `The "digital" diplomacy – O'Brien's panel`,
        roomId: String(await roomId("Phòng họp 1")),
        capacity: "120",
      }),
    );
    expect(res.status).toBe(302);
    const row = await getDb()
      .selectFrom("sessions")
      .selectAll()
      .where("id", "=", idFrom(res))
      .executeTakeFirstOrThrow();
    expect(row.title_vi).toBe(titleVi.normalize("NFC"));
    expect(row.title_en).toBe(`The "digital" diplomacy – O'Brien's panel`);
    expect(row).toMatchObject({ published: 0, capacity: 120 });
    const loaded = await jsonOf<{ values: Record<string, string> }>(
      await call(editor.loader, { path: `/admin/agenda/${row.id}`, params: { id: String(row.id) }, cookie }),
    );
    expect(loaded.values).toMatchObject({
      titleVi: titleVi.normalize("NFC"),
      startTime: "17:00",
      endTime: "18:00",
      capacity: "120",
    });
  });

  it("refuses a room clash, naming the other session", async () => {
    const cookie = await signInAs("organiser");
    const res = await saveNew(
      cookie,
      await sessionForm({ roomId: String(await roomId("Hội trường lớn")), startTime: "09:00", endTime: "09:30" }),
    );
    expect(res.status).toBe(400);
    const body = await jsonOf<Problems & { values: Record<string, string> }>(res);
    expect(body.problems).toHaveLength(1);
    expect(body.problems[0]).toMatchObject({
      key: "agenda.errors.roomClash",
      params: { title: "Phiên khai mạc toàn thể" },
    });
    expect(body.errors.roomId).toContain("Phiên khai mạc toàn thể");
    expect(body.values.titleVi).toBe("Phiên thử nghiệm");
  });

  it("refuses a person in two sessions at once, naming the person and the session", async () => {
    const cookie = await signInAs("organiser");
    const person = await registerVisitor({
      organisationId: await organisationId("prov-dien-bien"),
      fullName: "Lò Thị Xuân",
    });
    const first = await saveNew(
      cookie,
      await sessionForm({
        titleVi: "Phiên có diễn giả",
        startTime: "17:00",
        endTime: "18:00",
        speaker: String(person.registrationId),
      }),
    );
    expect(first.status).toBe(302);
    const res = await saveNew(
      cookie,
      await sessionForm({
        titleVi: "Phiên trùng giờ",
        startTime: "17:30",
        endTime: "18:30",
        chair: String(person.registrationId),
      }),
    );
    expect(res.status).toBe(400);
    const body = await jsonOf<Problems>(res);
    expect(body.problems[0]).toMatchObject({
      key: "agenda.errors.personClash",
      params: { name: "Lò Thị Xuân", title: "Phiên có diễn giả" },
    });
  });

  it("refuses an end before the start, a day outside the conference, a capacity above the room's, an unknown room or person", async () => {
    const cookie = await signInAs("organiser");
    const order = await saveNew(cookie, await sessionForm({ startTime: "18:00", endTime: "17:00" }));
    expect(order.status).toBe(400);
    expect((await jsonOf<Problems>(order)).errors.endTime).toBe("agenda.errors.order");

    const outside = await saveNew(cookie, await sessionForm({ day: "2001-01-01" }));
    expect(outside.status).toBe(400);
    const o = await jsonOf<Problems>(outside);
    expect(o.problems[0].key).toBe("agenda.errors.outside");
    expect(o.errors.day).toMatch(/^Phiên phải nằm trong các ngày của hội nghị/);

    const capacity = await saveNew(
      cookie,
      await sessionForm({ roomId: String(await roomId("Phòng họp 1")), capacity: "151" }),
    );
    expect(capacity.status).toBe(400);
    expect((await jsonOf<Problems>(capacity)).problems[0]).toEqual({
      key: "agenda.errors.capacity",
      params: { capacity: 150 },
    });

    const room = await saveNew(cookie, await sessionForm({ roomId: "999999" }));
    expect(room.status).toBe(400);
    expect((await jsonOf<Problems>(room)).errors.roomId).toBe("agenda.errors.unknownRoom");

    const person = await saveNew(cookie, await sessionForm({ speaker: "999999" }));
    expect(person.status).toBe(400);
    expect((await jsonOf<Problems>(person)).errors.people).toBe("agenda.errors.unknownPerson");

    const garbage = await saveNew(cookie, await sessionForm({ speaker: "abc", startTime: "25:00" }));
    expect(garbage.status).toBe(400);
    expect((await jsonOf<Problems>(garbage)).errors).toMatchObject({
      people: "agenda.errors.unknownPerson",
      startTime: "agenda.errors.time",
    });
    expect(
      await getDb().selectFrom("sessions").select("id").where("title_vi", "=", "Phiên thử nghiệm").execute(),
    ).toHaveLength(0);
  });

  it("publishes and unpublishes one session, and all of them from the timetable", async () => {
    const cookie = await signInAs("organiser");
    const id = idFrom(await saveNew(cookie, await sessionForm()));
    const published = await call(editor.action, {
      path: `/admin/agenda/${id}`,
      params: { id: String(id) },
      form: { intent: "publish" },
      cookie,
    });
    expect(published.status).toBe(302);
    expect(
      (await getDb().selectFrom("sessions").select("published").where("id", "=", id).executeTakeFirstOrThrow())
        .published,
    ).toBe(1);

    const none = await call(grid.action, { path: "/admin/agenda", form: { intent: "unpublishAll" }, cookie });
    // Post/redirect/get: back to the timetable without ?index, the count shown once from a cookie.
    expect(none.status).toBe(302);
    expect(none.headers.get("Location")).toBe("/admin/agenda");
    const shown = await jsonOf<{ done: unknown }>(
      await call(grid.loader, { path: "/admin/agenda", cookie: `${cookie}; ${cookieFrom(none)}` }),
    );
    expect(shown.done).toEqual({ intent: "unpublishAll", n: seeded.length + 1 });
    expect(await getDb().selectFrom("sessions").select("id").where("published", "=", 1).execute()).toHaveLength(0);
    await call(grid.action, { path: "/admin/agenda", form: { intent: "publishAll" }, cookie });
    expect(await getDb().selectFrom("sessions").select("id").where("published", "=", 0).execute()).toHaveLength(0);
  });

  it("shows a day's sessions in the timetable with their times in the conference zone", async () => {
    const cookie = await signInAs("organiser");
    const [, day2] = await days();
    const body = await jsonOf<{ day: string; sessions: Array<{ title_vi: string; start: string; end: string }> }>(
      await call(grid.loader, { path: `/admin/agenda?day=${day2}`, cookie }),
    );
    expect(body.day).toBe(day2);
    expect(body.sessions.map((s) => [s.title_vi, s.start, s.end])).toEqual([
      ["Gặp gỡ song phương địa phương – Cơ quan đại diện", "08:30", "12:00"],
      ["Phiên bế mạc", "15:30", "17:30"],
    ]);
  });

  it("refuses to delete a session with speakers, and deletes one without", async () => {
    const cookie = await signInAs("organiser");
    const person = await registerVisitor({ organisationId: await organisationId("prov-son-la") });
    const withSpeaker = idFrom(await saveNew(cookie, await sessionForm({ speaker: String(person.registrationId) })));
    const refused = await call(editor.action, {
      path: `/admin/agenda/${withSpeaker}`,
      params: { id: String(withSpeaker) },
      form: { intent: "delete" },
      cookie,
    });
    expect(refused.status).toBe(409);
    const empty = idFrom(await saveNew(cookie, await sessionForm({ startTime: "18:00", endTime: "18:30" })));
    const deleted = await call(editor.action, {
      path: `/admin/agenda/${empty}`,
      params: { id: String(empty) },
      form: { intent: "delete" },
      cookie,
    });
    expect(deleted.status).toBe(302);
    expect(
      await getDb().selectFrom("sessions").select("id").where("id", "=", empty).executeTakeFirst(),
    ).toBeUndefined();
  });
});

describe("moving a session", () => {
  it("moves a published session, keeps its people and tells its speakers and signed-up delegates", async () => {
    const cookie = await signInAs("organiser");
    const conference = await demoConference();
    const [day1, day2] = await days();
    const speaker = await registerVisitor({
      organisationId: await organisationId("prov-lao-cai"),
      fullName: "Giàng Seo Phử",
    });
    const delegate = await registerVisitor({ organisationId: await organisationId("prov-ha-giang") });
    const id = idFrom(
      await saveNew(
        cookie,
        await sessionForm({
          requiresSignup: "on",
          roomId: String(await roomId("Phòng họp 1")),
          speaker: String(speaker.registrationId),
        }),
      ),
    );
    await call(editor.action, {
      path: `/admin/agenda/${id}`,
      params: { id: String(id) },
      form: { intent: "publish" },
      cookie,
    });
    const userId = (
      await getDb()
        .selectFrom("registrations")
        .select("user_id")
        .where("id", "=", delegate.registrationId)
        .executeTakeFirstOrThrow()
    ).user_id!;
    expect(await signUp(userId, conference.id, id, null)).toEqual({ ok: true });

    // Into the opening plenary's hall and time: refused, naming it, and nobody is told.
    const clash = await call(editor.action, {
      path: `/admin/agenda/${id}`,
      params: { id: String(id) },
      form: {
        intent: "move",
        day: day1,
        startTime: "08:30",
        endTime: "09:30",
        roomId: String(await roomId("Hội trường lớn")),
      },
      cookie,
    });
    expect(clash.status).toBe(400);
    expect((await jsonOf<Problems>(clash)).problems[0]).toMatchObject({
      key: "agenda.errors.roomClash",
      params: { title: "Phiên khai mạc toàn thể" },
    });
    expect(
      await getDb().selectFrom("outbox").select("id").where("kind", "=", "session.changed").execute(),
    ).toHaveLength(0);

    const moved = await call(editor.action, {
      path: `/admin/agenda/${id}`,
      params: { id: String(id) },
      form: {
        intent: "move",
        day: day2,
        startTime: "13:00",
        endTime: "14:00",
        roomId: String(await roomId("Phòng họp 2")),
      },
      cookie,
    });
    expect(moved.status).toBe(200);
    expect(await jsonOf(moved)).toMatchObject({ ok: true, notified: 2 });
    const mail = await getDb()
      .selectFrom("outbox")
      .select(["registration_id", "kind", "body_text"])
      .where("kind", "=", "session.changed")
      .execute();
    expect(mail.map((m) => m.registration_id).sort()).toEqual([speaker.registrationId, delegate.registrationId].sort());
    expect(mail[0].body_text).toContain("Phòng họp 2");
    const people = await getDb()
      .selectFrom("session_people")
      .select(["registration_id", "role"])
      .where("session_id", "=", id)
      .execute();
    expect(people).toEqual([{ registration_id: speaker.registrationId, role: "speaker" }]);
    const row = await getDb()
      .selectFrom("sessions")
      .select(["title_vi", "requires_signup"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ title_vi: "Phiên thử nghiệm", requires_signup: 1 });

    // The form's save of a published session that moved reports how many were told.
    const saved = await call(editor.action, {
      path: `/admin/agenda/${id}`,
      params: { id: String(id) },
      form: await sessionForm({
        day: day2,
        startTime: "14:00",
        endTime: "15:00",
        requiresSignup: "on",
        speaker: String(speaker.registrationId),
      }),
      cookie,
    });
    expect(saved.headers.get("Location")).toBe(`/admin/agenda/${id}?saved=1&notified=2`);
  });
});

describe("permissions", () => {
  it("gives a delegate and the secretariat 403 on every route of the editor", async () => {
    for (const key of ["delegate", "secretariat"] as const) {
      const cookie = await signInAs(key);
      const responses = await Promise.all([
        call(grid.loader, { path: "/admin/agenda", cookie }),
        call(grid.action, { path: "/admin/agenda", form: { intent: "publishAll" }, cookie }),
        call(editor.loader, { path: "/admin/agenda/new", params: { id: "new" }, cookie }),
        call(editor.action, { path: "/admin/agenda/new", params: { id: "new" }, form: await sessionForm(), cookie }),
        call(editor.action, {
          path: "/admin/agenda/1",
          params: { id: "1" },
          form: { intent: "move", day: "2030-01-01", startTime: "08:00", endTime: "09:00", roomId: "" },
          cookie,
        }),
        call(rooms.loader, { path: "/admin/rooms", cookie }),
        call(rooms.action, { path: "/admin/rooms", form: { intent: "delete", id: "1" }, cookie }),
      ]);
      expect(responses.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403, 403]);
    }
    expect(await getDb().selectFrom("sessions").select("id").where("published", "=", 0).execute()).toHaveLength(0);
  });

  it("sends a visitor to sign in", async () => {
    const res = await call(grid.loader, { path: "/admin/agenda" });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toContain("/login");
  });
});
