import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { getDashboard } from "~/features/registration/dashboard.server";
import { cancelOwnRegistration, decideRegistrations } from "~/features/registration/registrations.server";
import { loader } from "~/routes/admin.dashboard";
import { checkIn, undoCheckIn } from "~/features/registration/checkin.server";
import { joinLinksFor } from "~/features/registration/join-links.server";
import { demoConference, organisationId, registerVisitor, resetRegistrations } from "../../helpers/factories";
import { call, jsonOf, signInAs } from "../../helpers/remix";

const actor = { id: null, ip: null };

beforeEach(resetRegistrations);

const setCreated = (id: number, at: string) =>
  getDb().updateTable("registrations").set({ created_at: at }).where("id", "=", id).execute();

describe("dashboard figures", () => {
  it("starts empty: no counts, all 63 provinces without a delegate, no days", async () => {
    await demoConference(300);
    const d = (await getDashboard())!;
    expect(d.all).toMatchObject({ total: 0, live: 0, pending: 0, approved: 0 });
    expect(d.capacity).toEqual({ capacity: 300, approved: 0, pending: 0, held: 0, waiting: 0, free: 300, percent: 0 });
    expect(d.provinces.total).toBe(63);
    expect(d.provinces.withoutDelegates).toHaveLength(63);
    // Sorted as Vietnamese is read: "Bắc Giang" before "Cà Mau", "Đà Nẵng" after "Cao Bằng", before "Gia Lai".
    const names = d.provinces.withoutDelegates.map((p) => p.name_vi);
    expect(names.indexOf("Bắc Giang")).toBeLessThan(names.indexOf("Cà Mau"));
    expect(names.indexOf("Đà Nẵng")).toBeGreaterThan(names.indexOf("Cao Bằng"));
    expect(names.indexOf("Đà Nẵng")).toBeLessThan(names.indexOf("Gia Lai"));
    expect(d.daily).toEqual([]);
  });

  it("counts by status, mode and organisation kind, places held of capacity, and provinces still without a delegate", async () => {
    const conference = await demoConference(4);
    const haGiang = await organisationId("prov-ha-giang");
    const caoBang = await organisationId("prov-cao-bang");
    const laiChau = await organisationId("prov-lai-chau");
    const ministry = await organisationId("min-ngoai-giao");
    const mission = await organisationId("mis-emb-jp");

    const hg = [
      await registerVisitor({ organisationId: haGiang }),
      await registerVisitor({ organisationId: haGiang }),
      await registerVisitor({ organisationId: haGiang }),
    ];
    await decideRegistrations(conference.id, [hg[0].registrationId, hg[1].registrationId], "approved", actor);
    expect((await getDashboard())!.provinces.withoutDelegates).toHaveLength(62);

    const cb = await registerVisitor({ organisationId: caoBang, mode: "online" });
    await decideRegistrations(conference.id, [cb.registrationId], "rejected", actor);
    await registerVisitor({ organisationId: ministry });
    const lc = await registerVisitor({ organisationId: laiChau });
    expect(lc.status).toBe("waitlisted");
    const mi = await registerVisitor({ organisationId: mission, mode: "online" });
    const miUser = (
      await getDb()
        .selectFrom("registrations")
        .select("user_id")
        .where("id", "=", mi.registrationId)
        .executeTakeFirstOrThrow()
    ).user_id!;
    await cancelOwnRegistration(miUser, conference.id, null);

    const d = (await getDashboard())!;
    expect(d.all).toEqual({ pending: 2, approved: 2, waitlisted: 1, rejected: 1, cancelled: 1, total: 7, live: 5 });
    expect(d.byMode.in_person).toMatchObject({ approved: 2, pending: 2, waitlisted: 1, total: 5 });
    expect(d.byMode.online).toMatchObject({ rejected: 1, cancelled: 1, total: 2, live: 0 });
    expect(d.byKind.province).toMatchObject({ approved: 2, pending: 1, waitlisted: 1, rejected: 1, total: 5, live: 4 });
    expect(d.byKind.ministry).toMatchObject({ pending: 1, total: 1 });
    expect(d.byKind.mission).toMatchObject({ cancelled: 1, total: 1, live: 0 });
    expect(d.byKind.enterprise.total).toBe(0);
    expect(d.capacity).toEqual({ capacity: 4, approved: 2, pending: 2, held: 4, waiting: 1, free: 0, percent: 100 });

    // A waitlisted registration counts (the province has a delegate); a rejected one does not.
    const without = d.provinces.withoutDelegates.map((p) => p.name_vi);
    expect(without).toHaveLength(61);
    expect(without).toContain("Cao Bằng");
    expect(without).not.toContain("Hà Giang");
    expect(without).not.toContain("Lai Châu");
  });

  it("builds the per-day series in Hà Nội days, across UTC midnight, with no gaps up to today", async () => {
    const conference = await demoConference(100);
    const org = await organisationId("prov-son-la");
    const rs = [];
    for (const mode of ["in_person", "in_person", "online", "in_person"] as const)
      rs.push((await registerVisitor({ organisationId: org, mode })).registrationId);
    await setCreated(rs[0], "2026-11-19T10:00:00.000Z"); // 17:00 on the 19th in Hà Nội
    await setCreated(rs[1], "2026-11-19T16:59:30.000Z"); // 23:59 on the 19th
    await setCreated(rs[2], "2026-11-19T17:00:00.000Z"); // 00:00 on the 20th (still the 19th in UTC)
    await setCreated(rs[3], "2026-11-21T02:00:00.000Z"); // the 21st
    await decideRegistrations(conference.id, [rs[0], rs[2]], "approved", actor);
    await getDb()
      .updateTable("registration_events")
      .set({ at: "2026-11-20T17:30:00.000Z" })
      .where("to_status", "=", "approved")
      .execute();

    const d = (await getDashboard({ now: new Date("2026-11-22T18:00:00.000Z") }))!; // 01:00 on the 23rd in Hà Nội
    expect(d.daily).toEqual([
      { day: "2026-11-19", created: 2, inPerson: 2, online: 0, approved: 0, cumulative: 2 },
      { day: "2026-11-20", created: 1, inPerson: 0, online: 1, approved: 0, cumulative: 3 },
      { day: "2026-11-21", created: 1, inPerson: 1, online: 0, approved: 2, cumulative: 4 },
      { day: "2026-11-22", created: 0, inPerson: 0, online: 0, approved: 0, cumulative: 4 },
      { day: "2026-11-23", created: 0, inPerson: 0, online: 0, approved: 0, cumulative: 4 },
    ]);
  });
});

describe("attendance on the day", () => {
  it("counts present in person (checked in) and joined online (a join link opened), by organisation kind", async () => {
    const conference = await demoConference(20);
    const haGiang = await organisationId("prov-ha-giang");
    const ministry = await organisationId("min-ngoai-giao");
    const mission = await organisationId("mis-emb-jp");
    const people = {
      hg1: await registerVisitor({ organisationId: haGiang }),
      hg2: await registerVisitor({ organisationId: haGiang }),
      hgPending: await registerVisitor({ organisationId: haGiang }),
      min: await registerVisitor({ organisationId: ministry }),
      misOnline1: await registerVisitor({ organisationId: mission, mode: "online" }),
      misOnline2: await registerVisitor({ organisationId: mission, mode: "online" }),
    };
    const { hgPending: _pending, ...approve } = people;
    await decideRegistrations(
      conference.id,
      Object.values(approve).map((p) => p.registrationId),
      "approved",
      actor,
    );
    const before = (await getDashboard())!.attendance;
    expect(before.inPerson).toEqual({ expected: 3, present: 0, percent: 0 });
    expect(before.online).toEqual({ expected: 2, joined: 0, percent: 0 });

    const organiser = { id: null, ip: null };
    await checkIn(conference.id, people.hg1.registrationId, organiser);
    await checkIn(conference.id, people.min.registrationId, organiser);
    // Checked in by mistake, then undone: not present.
    await checkIn(conference.id, people.hg2.registrationId, organiser);
    await undoCheckIn(conference.id, people.hg2.registrationId, organiser);
    // One online delegate opens two of their join links (counted once); the other none.
    const row = await getDb()
      .selectFrom("registrations")
      .selectAll()
      .where("id", "=", people.misOnline1.registrationId)
      .executeTakeFirstOrThrow();
    const links = await joinLinksFor(row);
    expect(links.length).toBeGreaterThan(1);
    await getDb()
      .updateTable("join_links")
      .set({ first_joined_at: "2026-11-24T02:00:00.000Z", last_joined_at: "2026-11-24T02:00:00.000Z" })
      .where("registration_id", "=", row.id)
      .execute();
    const other = await getDb()
      .selectFrom("registrations")
      .selectAll()
      .where("id", "=", people.misOnline2.registrationId)
      .executeTakeFirstOrThrow();
    await joinLinksFor(other);

    const a = (await getDashboard())!.attendance;
    expect(a.inPerson).toEqual({ expected: 3, present: 2, percent: 67 });
    expect(a.online).toEqual({ expected: 2, joined: 1, percent: 50 });
    expect(a.byKind).toEqual([
      {
        kind: "ministry",
        inPerson: { expected: 1, present: 1, percent: 100 },
        online: { expected: 0, joined: 0, percent: 0 },
      },
      {
        kind: "province",
        inPerson: { expected: 2, present: 1, percent: 50 },
        online: { expected: 0, joined: 0, percent: 0 },
      },
      {
        kind: "mission",
        inPerson: { expected: 0, present: 0, percent: 0 },
        online: { expected: 2, joined: 1, percent: 50 },
      },
    ]);
    // The page sends the same figures, with the time they were taken.
    const page = await jsonOf<{ dashboard: { attendance: unknown; generatedAt: string } }>(
      await call(loader, { path: "/admin/dashboard", cookie: await signInAs("organiser") }),
    );
    expect(page.dashboard.attendance).toEqual(a);
    expect(page.dashboard.generatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});

describe("the dashboard page", () => {
  it("is for organisers and the secretariat; a delegate is refused, a visitor is sent to sign in", async () => {
    const org = await organisationId("prov-ha-giang");
    await registerVisitor({ organisationId: org });
    for (const key of ["organiser", "secretariat"] as const) {
      const res = await call(loader, { path: "/admin/dashboard", cookie: await signInAs(key) });
      expect(res.status).toBe(200);
      const body = await jsonOf<{ dashboard: { all: { total: number }; provinces: { withoutDelegates: unknown[] } } }>(
        res,
      );
      expect(body.dashboard.all.total).toBe(1);
      expect(body.dashboard.provinces.withoutDelegates).toHaveLength(62);
    }
    const refused = await call(loader, { path: "/admin/dashboard", cookie: await signInAs("delegate") });
    expect(refused.status).toBe(403);
    const visitor = await call(loader, { path: "/admin/dashboard" });
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("Location")).toBe("/login?redirectTo=%2Fadmin%2Fdashboard");
  });
});
