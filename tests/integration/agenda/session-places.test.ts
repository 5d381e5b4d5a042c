import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { conferenceDays } from "~/features/agenda/rules";
import { signUp } from "~/features/agenda/agenda.server";
import { decideRegistrations } from "~/features/registration/registrations.server";
import * as editor from "~/routes/admin.agenda.$id";
import { demoConference, organisationId, registerVisitor, resetRegistrations } from "../../helpers/factories";
import { call, jsonOf, signInAs } from "../../helpers/remix";

/** Lowering a session's places below its in-person sign-ups: refused until confirmed, then saved, and nobody moved. */

beforeEach(async () => {
  await resetRegistrations();
  await getDb().deleteFrom("sessions").where("title_vi", "=", "Phiên về chỗ ngồi").execute();
});

async function form(overrides: Record<string, string> = {}) {
  const c = await demoConference();
  const [day1] = conferenceDays(c.starts_at, c.ends_at, c.time_zone);
  return {
    intent: "save",
    kind: "discussion",
    titleVi: "Phiên về chỗ ngồi",
    titleEn: "Seating session",
    descriptionVi: "",
    descriptionEn: "",
    day: day1,
    startTime: "17:00",
    endTime: "18:00",
    roomId: "",
    requiresSignup: "on",
    capacity: "5",
    streamUrl: "",
    ...overrides,
  };
}

/** A published session with 5 places and four delegates signed up in person, in this order. */
async function sessionWithFourSignUps(cookie: string) {
  const created = await call(editor.action, {
    path: "/admin/agenda/new",
    params: { id: "new" },
    form: await form(),
    cookie,
  });
  const id = Number(/\/admin\/agenda\/(\d+)/.exec(created.headers.get("Location") ?? "")![1]);
  await getDb().updateTable("sessions").set({ published: 1 }).where("id", "=", id).execute();
  const conference = await demoConference();
  const org = await organisationId("prov-nghe-an");
  const registrations: number[] = [];
  for (let i = 0; i < 4; i += 1) {
    const r = await registerVisitor({ organisationId: org, mode: "in_person" });
    await decideRegistrations(conference.id, [r.registrationId], "approved", { id: null, ip: null });
    const { user_id } = await getDb()
      .selectFrom("registrations")
      .select("user_id")
      .where("id", "=", r.registrationId)
      .executeTakeFirstOrThrow();
    expect(await signUp(user_id!, conference.id, id, null)).toEqual({ ok: true });
    registrations.push(r.registrationId);
  }
  return { id, registrations };
}

const stored = (id: number) =>
  getDb().selectFrom("sessions").select(["capacity", "title_vi"]).where("id", "=", id).executeTakeFirstOrThrow();
const signUps = (id: number) =>
  getDb()
    .selectFrom("session_signups")
    .select(["registration_id", "mode"])
    .where("session_id", "=", id)
    .orderBy("registration_id")
    .execute();

describe("a session's places lowered below its sign-ups", () => {
  it("refuses without a confirmation, saves nothing and keeps every field typed", async () => {
    const cookie = await signInAs("organiser");
    const { id } = await sessionWithFourSignUps(cookie);
    const typed = await form({ capacity: "1", titleVi: "Phiên về chỗ ngồi (sửa)", descriptionVi: "Mô tả mới" });
    const res = await call(editor.action, {
      path: `/admin/agenda/${id}`,
      params: { id: String(id) },
      form: typed,
      cookie,
    });
    expect(res.status).toBe(409);
    const body = await jsonOf<{
      confirmOver: boolean;
      errors: Record<string, string>;
      problems: Array<{ key: string; params: Record<string, number> }>;
      values: Record<string, string>;
    }>(res);
    expect(body.confirmOver).toBe(true);
    expect(body.problems).toEqual([
      { key: "agenda.errors.capacityBelowSignUps", params: { over: 3, signedUp: 4, capacity: 1 } },
    ]);
    expect(body.errors.capacity).toBe(
      "Số chỗ mới (1) ít hơn 4 đại biểu đã đăng ký dự trực tiếp, 3 người sẽ vượt quá số chỗ. Không ai bị chuyển đi tự động.",
    );
    expect(body.values).toMatchObject({
      capacity: "1",
      titleVi: "Phiên về chỗ ngồi (sửa)",
      descriptionVi: "Mô tả mới",
    });
    expect(await stored(id)).toEqual({ capacity: 5, title_vi: "Phiên về chỗ ngồi" });
  });

  it("saves with the confirmation, moves nobody, and lists who is beyond the places, last signed up first", async () => {
    const cookie = await signInAs("organiser");
    const { id, registrations } = await sessionWithFourSignUps(cookie);
    const before = await signUps(id);
    const res = await call(editor.action, {
      path: `/admin/agenda/${id}`,
      params: { id: String(id) },
      form: { ...(await form({ capacity: "2" })), confirmOver: "1" },
      cookie,
    });
    expect(res.status).toBe(302);
    expect(await stored(id)).toMatchObject({ capacity: 2 });
    expect(await signUps(id)).toEqual(before);
    expect(before).toHaveLength(4);
    const page = await jsonOf<{
      over: { capacity: number; inPerson: number; beyond: Array<{ registration_id: number }> };
    }>(await call(editor.loader, { path: `/admin/agenda/${id}`, params: { id: String(id) }, cookie }));
    expect(page.over.capacity).toBe(2);
    expect(page.over.inPerson).toBe(4);
    expect(page.over.beyond.map((b) => b.registration_id)).toEqual([registrations[3], registrations[2]]);
  });

  it("needs no confirmation to lower to places still enough, or to raise them", async () => {
    const cookie = await signInAs("organiser");
    const { id } = await sessionWithFourSignUps(cookie);
    for (const capacity of ["4", "40"]) {
      const res = await call(editor.action, {
        path: `/admin/agenda/${id}`,
        params: { id: String(id) },
        form: await form({ capacity }),
        cookie,
      });
      expect(res.status).toBe(302);
      expect((await stored(id)).capacity).toBe(Number(capacity));
    }
    const page = await jsonOf<{ over: { beyond: unknown[] } }>(
      await call(editor.loader, { path: `/admin/agenda/${id}`, params: { id: String(id) }, cookie }),
    );
    expect(page.over.beyond).toEqual([]);
  });

  it("refuses a room change that leaves fewer places than are signed up, until confirmed", async () => {
    const cookie = await signInAs("organiser");
    const { id } = await sessionWithFourSignUps(cookie);
    const room = await getDb()
      .insertInto("rooms")
      .values({
        conference_id: (await demoConference()).id,
        name_vi: "Phòng nhỏ",
        name_en: "Small room",
        capacity: 3,
        stream_url: null,
        notes: "",
        sort_order: 9,
        created_at: "2026-12-01T00:00:00.000Z",
        updated_at: "2026-12-01T00:00:00.000Z",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    try {
      const typed = await form({ capacity: "", roomId: String(room.id) });
      const refused = await call(editor.action, {
        path: `/admin/agenda/${id}`,
        params: { id: String(id) },
        form: typed,
        cookie,
      });
      expect(refused.status).toBe(409);
      expect(await stored(id)).toMatchObject({ capacity: 5 });
      // A move on the timetable into the small room is refused with the same reason (it never confirms).
      await getDb().updateTable("sessions").set({ capacity: null }).where("id", "=", id).execute();
      const moved = await call(editor.action, {
        path: `/admin/agenda/${id}`,
        params: { id: String(id) },
        form: {
          intent: "move",
          day: typed.day,
          startTime: "17:00",
          endTime: "18:00",
          roomId: String(room.id),
          confirmOver: "1",
        },
        cookie,
      });
      expect(moved.status).toBe(409);
      expect((await jsonOf<{ problems: Array<{ key: string }> }>(moved)).problems).toEqual([
        expect.objectContaining({ key: "agenda.errors.capacityBelowSignUps" }),
      ]);
      expect(await getDb().selectFrom("sessions").select("room_id").where("id", "=", id).executeTakeFirst()).toEqual({
        room_id: null,
      });
      const saved = await call(editor.action, {
        path: `/admin/agenda/${id}`,
        params: { id: String(id) },
        form: { ...typed, confirmOver: "1" },
        cookie,
      });
      expect(saved.status).toBe(302);
      expect(await signUps(id)).toHaveLength(4);
    } finally {
      await getDb().deleteFrom("sessions").where("id", "=", id).execute();
      await getDb().deleteFrom("rooms").where("id", "=", room.id).execute();
    }
  });
});
