import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { getCurrentConference } from "~/features/people/conference.server";
import { setQuota } from "~/features/registration/places.server";
import {
  cancelOwnRegistration,
  decideRegistrations,
  registerDelegate,
  switchOwnMode,
} from "~/features/registration/registrations.server";
import * as adminConference from "~/routes/admin.conference";
import { inProcesses } from "../../helpers/processes";
import { call, jsonOf, signInAs } from "../../helpers/remix";
import {
  demoConference,
  organisationId,
  registerVisitor,
  registrationInput,
  resetRegistrations,
  statusOf,
} from "../../helpers/factories";

const actor = { id: null, ip: null };

beforeEach(resetRegistrations);

describe("in-person capacity and the waiting list", () => {
  it("waitlists in-person registrations past capacity; online places are not limited", async () => {
    await demoConference(2);
    const org = await organisationId("prov-ha-giang");
    const a = await registerVisitor({ organisationId: org });
    const b = await registerVisitor({ organisationId: org });
    const c = await registerVisitor({ organisationId: org });
    const online = await registerVisitor({ organisationId: org, mode: "online" });
    expect([a.status, b.status, c.status, online.status]).toEqual(["pending", "pending", "waitlisted", "pending"]);
    const mail = await getDb()
      .selectFrom("outbox")
      .select(["kind", "body_text"])
      .where("registration_id", "=", c.registrationId)
      .execute();
    expect(mail.map((m) => m.kind)).toEqual(["registration.waitlisted"]);
    expect(mail[0].body_text).toContain("/invite/");
  });

  it("promotes the first on the waiting list when an approved in-person delegate cancels or goes online", async () => {
    const conference = await demoConference(2);
    const org = await organisationId("prov-cao-bang");
    const first = await registerVisitor({ organisationId: org });
    const second = await registerVisitor({ organisationId: org });
    const waiting1 = await registerVisitor({ organisationId: org });
    const waiting2 = await registerVisitor({ organisationId: org });
    await decideRegistrations(conference.id, [first.registrationId, second.registrationId], "approved", actor);
    expect(await statusOf(waiting1.registrationId)).toBe("waitlisted");

    const firstUser = (
      await getDb()
        .selectFrom("registrations")
        .select("user_id")
        .where("id", "=", first.registrationId)
        .executeTakeFirstOrThrow()
    ).user_id!;
    const cancelled = await cancelOwnRegistration(firstUser, conference.id, null);
    expect(cancelled).toMatchObject({ ok: true, status: "cancelled", promoted: [waiting1.registrationId] });
    expect(await statusOf(waiting1.registrationId)).toBe("pending");
    expect(await statusOf(waiting2.registrationId)).toBe("waitlisted");
    const told = await getDb()
      .selectFrom("outbox")
      .select("kind")
      .where("registration_id", "=", waiting1.registrationId)
      .execute();
    expect(told.map((m) => m.kind)).toContain("registration.promoted");

    const secondUser = (
      await getDb()
        .selectFrom("registrations")
        .select("user_id")
        .where("id", "=", second.registrationId)
        .executeTakeFirstOrThrow()
    ).user_id!;
    const switched = await switchOwnMode(secondUser, conference.id, "online", null);
    expect(switched).toMatchObject({ ok: true, status: "approved", promoted: [waiting2.registrationId] });
  });

  it("applies a per-organisation quota, by kind and by organisation", async () => {
    const conference = await demoConference(500);
    await setQuota(conference.id, { kind: "province" }, 2, actor);
    const org = await organisationId("prov-son-la");
    const results = [];
    for (let i = 0; i < 3; i++) results.push((await registerVisitor({ organisationId: org })).status);
    expect(results).toEqual(["pending", "pending", "waitlisted"]);
    const other = await organisationId("prov-lai-chau");
    expect((await registerVisitor({ organisationId: other })).status).toBe("pending");
    // Raising one province's own quota above the kind's lets its next registration in.
    await setQuota(conference.id, { organisationId: org }, 4, actor);
    expect((await registerVisitor({ organisationId: org })).status).toBe("pending");
  });

  it("skips, when a place frees up, a waiting registration whose organisation's quota is full, and moves up the next one", async () => {
    const conference = await demoConference(2);
    const full = await organisationId("prov-lang-son");
    const other = await organisationId("prov-ha-nam");
    await setQuota(conference.id, { organisationId: full }, 1, actor);
    const holder = await registerVisitor({ organisationId: full });
    const leaving = await registerVisitor({ organisationId: other });
    const overQuota = await registerVisitor({ organisationId: full });
    const next = await registerVisitor({ organisationId: other });
    const last = await registerVisitor({ organisationId: other });
    expect([holder.status, leaving.status, overQuota.status, next.status, last.status]).toEqual([
      "pending",
      "pending",
      "waitlisted",
      "waitlisted",
      "waitlisted",
    ]);

    const leavingUser = (
      await getDb()
        .selectFrom("registrations")
        .select("user_id")
        .where("id", "=", leaving.registrationId)
        .executeTakeFirstOrThrow()
    ).user_id!;
    const cancelled = await cancelOwnRegistration(leavingUser, conference.id, null);
    // The first on the list is over its organisation's quota: it keeps its turn, and the next one gets the place.
    expect(cancelled).toMatchObject({ ok: true, promoted: [next.registrationId] });
    expect(await statusOf(overQuota.registrationId)).toBe("waitlisted");
    expect(await statusOf(next.registrationId)).toBe("pending");
    expect(await statusOf(last.registrationId)).toBe("waitlisted");

    // When its organisation's own place frees up, it moves up before the later one.
    const holderUser = (
      await getDb()
        .selectFrom("registrations")
        .select("user_id")
        .where("id", "=", holder.registrationId)
        .executeTakeFirstOrThrow()
    ).user_id!;
    expect(await cancelOwnRegistration(holderUser, conference.id, null)).toMatchObject({
      ok: true,
      promoted: [overQuota.registrationId],
    });
    expect(await statusOf(last.registrationId)).toBe("waitlisted");
  });

  it("moves people up, in their order, when an organiser raises the conference's capacity", async () => {
    await demoConference(1);
    const org = await organisationId("prov-thai-nguyen");
    await registerVisitor({ organisationId: org });
    const first = await registerVisitor({ organisationId: org });
    const second = await registerVisitor({ organisationId: org });
    const third = await registerVisitor({ organisationId: org });
    expect([first.status, second.status, third.status]).toEqual(["waitlisted", "waitlisted", "waitlisted"]);

    const cookie = await signInAs("organiser");
    const { values } = await jsonOf<{ values: Record<string, string> }>(
      await call(adminConference.loader, { path: "/admin/conference", cookie }),
    );
    const res = await call(adminConference.action, {
      path: "/admin/conference",
      form: { ...values, inPersonCapacity: "3" },
      cookie,
    });
    expect(res.status).toBe(200);
    expect((await getCurrentConference())!.in_person_capacity).toBe(3);
    expect(await statusOf(first.registrationId)).toBe("pending");
    expect(await statusOf(second.registrationId)).toBe("pending");
    expect(await statusOf(third.registrationId)).toBe("waitlisted");
    const told = await getDb()
      .selectFrom("outbox")
      .select(["registration_id"])
      .where("kind", "=", "registration.promoted")
      .execute();
    expect(told.map((m) => m.registration_id).sort()).toEqual([first.registrationId, second.registrationId].sort());
  });

  it("refuses to approve a waitlisted registration when no place is free", async () => {
    const conference = await demoConference(1);
    const org = await organisationId("prov-dien-bien");
    await registerVisitor({ organisationId: org });
    const waiting = await registerVisitor({ organisationId: org });
    const result = await decideRegistrations(conference.id, [waiting.registrationId], "approved", actor);
    expect(result.changed).toEqual([]);
    expect(result.skipped).toEqual([
      expect.objectContaining({ id: waiting.registrationId, reason: "registration.noPlace.capacity" }),
    ]);
  });

  it("has the database refuse an in-person place beyond capacity even if the application tried", async () => {
    const conference = await demoConference(0);
    const org = await organisationId("prov-tuyen-quang");
    const r = await registerVisitor({ organisationId: org, mode: "online" });
    await expect(
      getDb().updateTable("registrations").set({ mode: "in_person" }).where("id", "=", r.registrationId).execute(),
    ).rejects.toThrow(/in_person_capacity_full/);
    expect(conference.in_person_capacity).toBe(0);
  });

  it("ends with exactly the free places held when 50 people register at once for the last 10", async () => {
    const conference = await demoConference(10);
    const org = await organisationId("prov-yen-bai");
    const conf = (await getCurrentConference())!;
    // Five processes, five connections: the transactions really race.
    const results = await inProcesses<{ ok: boolean }>(
      5,
      { module: "~/features/registration/registrations.server", fn: "registerDelegate" },
      Array.from({ length: 50 }, () => [
        registrationInput({ organisationId: org }),
        { conference: conf, user: null, ip: null },
      ]),
    );
    expect(results).toHaveLength(50);
    expect(results.filter((r) => r.ok && r.value.ok)).toHaveLength(50);
    const counts = await getDb()
      .selectFrom("registrations")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .where("conference_id", "=", conference.id)
      .where("mode", "=", "in_person")
      .groupBy("status")
      .execute();
    const by = Object.fromEntries(counts.map((c) => [c.status, Number(c.n)]));
    expect((by.pending ?? 0) + (by.approved ?? 0)).toBe(10);
    expect(by.waitlisted).toBe(40);
  });

  it("gives the last in-person place to exactly one of two organisers approving different people at the same moment", async () => {
    const conference = await demoConference(1);
    const org = await organisationId("prov-bac-ninh");
    const first = await registerVisitor({ organisationId: org });
    const w1 = await registerVisitor({ organisationId: org });
    const w2 = await registerVisitor({ organisationId: org });
    await getDb()
      .updateTable("registrations")
      .set({ status: "cancelled" })
      .where("id", "=", first.registrationId)
      .execute();
    const answers = await inProcesses<Awaited<ReturnType<typeof decideRegistrations>>>(
      2,
      { module: "~/features/registration/registrations.server", fn: "decideRegistrations" },
      [
        [conference.id, [w1.registrationId], "approved", actor],
        [conference.id, [w2.registrationId], "approved", actor],
      ],
    );
    const results = answers.map((a) => (a.ok ? a.value : expect.fail(a.error)));
    expect(results.flatMap((r) => r.changed)).toHaveLength(1);
    expect(results.flatMap((r) => r.skipped.map((s) => s.reason))).toEqual(["registration.noPlace.capacity"]);
  });

  it("refuses a second registration with the same e-mail and keeps names exactly in NFC", async () => {
    const conference = (await getCurrentConference())!;
    const org = await organisationId("prov-ha-noi");
    const input = registrationInput({
      organisationId: org,
      fullName: "Trịnh Thị Ngọc Ánh",
      email: "anh.ttn@hanoi.gov.vn",
    });
    const first = await registerDelegate(input, { conference, user: null, ip: null });
    expect(first.ok).toBe(true);
    const again = await registerDelegate({ ...input, fullName: "Someone Else" }, { conference, user: null, ip: null });
    expect(again).toEqual({ ok: false, refusal: { kind: "invalid", key: "registration.duplicate", field: "email" } });
    const row = await getDb()
      .selectFrom("registrations")
      .select("full_name")
      .where("email", "=", "anh.ttn@hanoi.gov.vn")
      .executeTakeFirstOrThrow();
    expect(row.full_name).toBe("Trịnh Thị Ngọc Ánh");
  });
});
