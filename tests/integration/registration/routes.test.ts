import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { openJoinLink } from "~/features/registration/join-links.server";
import * as delegateEdit from "~/routes/admin.delegates.$id";
import * as delegates from "~/routes/admin.delegates._index";
import * as quotas from "~/routes/admin.quotas";
import * as join from "~/routes/join.$token";
import * as myRegistration from "~/routes/my-registration";
import * as register from "~/routes/register";
import { demoConference, resetRegistrations } from "../../helpers/factories";
import * as invite from "~/routes/invite.$token";
import { linkMailedTo, PASSWORD, registerAndConfirm, registrationForm } from "../../helpers/registration";
import { call, cookieFrom, jsonOf, signInAs } from "../../helpers/remix";

beforeEach(resetRegistrations);

let address = 0;
async function registerThroughForm(
  form: Record<string, string>,
  cookie?: string,
  ip = `10.20.${Math.floor(++address / 250)}.${address % 250}`,
) {
  return call(register.action, { path: "/register", form, cookie, ip });
}

const validForm = registrationForm;

interface Decided {
  intent: string;
  changed: number;
  promoted: number;
  skipped: Array<{ id: number; name: string; reason: string }>;
}

/** A decision's redirect, followed as the browser would: the list shows the outcome once, then no more. */
async function followDecision(res: Response, cookie: string, path = "/admin/delegates"): Promise<Decided> {
  expect(res.status).toBe(302);
  expect(res.headers.get("Location")).toBe(path);
  const flash = cookieFrom(res)!;
  const page = await call(delegates.loader, { path, cookie: `${cookie}; ${flash}` });
  expect(page.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
  const body = await jsonOf<{ done: Decided | null }>(page);
  expect(body.done).not.toBeNull();
  return body.done!;
}

describe("the public registration form", () => {
  it("records nothing and signs nobody in until the e-mailed link is followed; then the registration is pending and the person signed in", async () => {
    const form = await validForm();
    const res = await registerThroughForm(form);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/register?sent=${encodeURIComponent(form.email)}`);
    expect(cookieFrom(res)).toBeNull();
    // Unconfirmed: no registration, no place, no account yet.
    expect(await getDb().selectFrom("registrations").select("id").execute()).toEqual([]);
    expect(await getDb().selectFrom("users").select("id").where("email", "=", form.email).execute()).toEqual([]);
    const request = await getDb().selectFrom("registration_requests").selectAll().executeTakeFirstOrThrow();
    expect(Math.abs(Date.parse(request.expires_at) - Date.parse(request.created_at) - 48 * 3_600_000)).toBeLessThan(
      1000,
    );
    // Organisers do not see it among delegates, only behind its own filter.
    const organiser = await signInAs("organiser");
    const list = await jsonOf<{ rows: unknown[]; unconfirmedCount: number; unconfirmed: null }>(
      await call(delegates.loader, { path: "/admin/delegates", cookie: organiser }),
    );
    expect(list).toMatchObject({ rows: [], unconfirmedCount: 1, unconfirmed: null });
    const filtered = await jsonOf<{ unconfirmed: Array<{ email: string; full_name: string }> }>(
      await call(delegates.loader, { path: "/admin/delegates?unconfirmed=1", cookie: organiser }),
    );
    expect(filtered.unconfirmed).toEqual([expect.objectContaining({ email: form.email, full_name: "Lò Thị Xuân" })]);

    const token = (await linkMailedTo(form.email))!;
    const page = await jsonOf<{ state: string; registration: boolean }>(
      await call(invite.loader, { path: `/invite/${token}`, params: { token } }),
    );
    expect(page).toMatchObject({ state: "valid", registration: true });
    const confirmed = await call(invite.action, {
      path: `/invite/${token}`,
      params: { token },
      form: { password: PASSWORD, confirm: PASSWORD },
    });
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("Location")).toBe("/my-registration?confirmed=1");
    const cookie = cookieFrom(confirmed)!;
    const mine = await jsonOf<{ registration: { full_name: string; status: string; dietary: string } }>(
      await call(myRegistration.loader, { path: "/my-registration", cookie }),
    );
    expect(mine.registration).toMatchObject({ full_name: "Lò Thị Xuân", status: "pending", dietary: "Ăn chay" });
    // The link works once.
    expect(
      (
        await call(invite.action, {
          path: `/invite/${token}`,
          params: { token },
          form: { password: PASSWORD, confirm: PASSWORD },
        })
      ).status,
    ).toBe(410);
  });

  it("lets an unconfirmed registration lapse after 48 hours: the link is refused and nothing was held", async () => {
    const form = await validForm();
    await registerThroughForm(form);
    const token = (await linkMailedTo(form.email))!;
    await getDb().updateTable("invitations").set({ expires_at: "2020-01-01T00:00:00.000Z" }).execute();
    await getDb().updateTable("registration_requests").set({ expires_at: "2020-01-01T00:00:00.000Z" }).execute();
    expect(
      (
        await call(invite.action, {
          path: `/invite/${token}`,
          params: { token },
          form: { password: PASSWORD, confirm: PASSWORD },
        })
      ).status,
    ).toBe(410);
    expect(await getDb().selectFrom("registrations").select("id").execute()).toEqual([]);
    // The next form sent clears lapsed requests.
    await registerThroughForm(await validForm());
    expect(await getDb().selectFrom("registration_requests").select("id").execute()).toHaveLength(1);
  });

  it("answers bad input with field errors and keeps what was typed", async () => {
    const res = await registerThroughForm(
      await validForm({ email: "xuan@", phone: "abc", organisationId: "999999", fullName: "" }),
    );
    expect(res.status).toBe(400);
    const body = await jsonOf<{ errors: Record<string, string>; values: Record<string, string> }>(res);
    expect(body.errors).toEqual({ email: "errors.email", phone: "errors.phone", fullName: "errors.required" });
    expect(body.values.dietary).toBe("Ăn chay");
    const unknownOrg = await registerThroughForm(await validForm({ organisationId: "999999" }));
    expect((await jsonOf(unknownOrg)).errors).toEqual({ organisationId: "errors.unknownOrganisation" });
  });

  it("answers the same for an address already registered or with an account, and mails its owner instead (no enumeration)", async () => {
    const form = await validForm({ email: "trung.lap@dienbien.gov.vn" });
    await registerAndConfirm(form);
    for (const email of ["trung.lap@dienbien.gov.vn", "thu-ky@ngoaivu.test"]) {
      const again = await registerThroughForm({ ...form, email });
      expect(again.status).toBe(302);
      expect(again.headers.get("Location")).toBe(`/register?sent=${encodeURIComponent(email)}`);
      const mail = await getDb()
        .selectFrom("outbox")
        .select(["kind", "body_text"])
        .where("to_email", "=", email)
        .orderBy("id", "desc")
        .executeTakeFirstOrThrow();
      expect(mail.kind).toBe("registration.known_address");
      expect(mail.body_text).not.toContain("/invite/");
    }
    expect(
      await getDb().selectFrom("registrations").select("id").where("email", "=", "trung.lap@dienbien.gov.vn").execute(),
    ).toHaveLength(1);
  });

  it("refuses registrations when the window is closed", async () => {
    const conference = await demoConference();
    await getDb()
      .updateTable("conferences")
      .set({ registration_closes_at: "2020-01-01T00:00:00.000Z", registration_opens_at: "2019-01-01T00:00:00.000Z" })
      .where("id", "=", conference.id)
      .execute();
    const res = await registerThroughForm(await validForm());
    expect(res.status).toBe(400);
    expect((await jsonOf(res)).errors).toEqual({ "": "registration.windowClosed" });
    await getDb()
      .updateTable("conferences")
      .set({
        registration_closes_at: conference.registration_closes_at,
        registration_opens_at: conference.registration_opens_at,
      })
      .where("id", "=", conference.id)
      .execute();
  });
});

describe("limits on the public form", () => {
  it("mails one recipient at most 3 times an hour, known address or not (no mail bomb), and answers 429 beside the form", async () => {
    const form = await validForm({ email: "nan-nhan@dienbien.gov.vn" });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await registerThroughForm(form));
    expect(answers.map((r) => r.status)).toEqual([302, 302, 302, 429, 429]);
    expect((await jsonOf<{ errors: Record<string, string> }>(answers[3])).errors[""]).toBe("registration.tooMany");
    expect(
      await getDb().selectFrom("outbox").select("id").where("to_email", "=", "nan-nhan@dienbien.gov.vn").execute(),
    ).toHaveLength(3);
  });

  it("takes at most 20 forms an hour from one client address", async () => {
    const statuses = [];
    for (let i = 0; i < 22; i++)
      statuses.push((await registerThroughForm(await validForm(), undefined, "10.99.0.1")).status);
    expect(statuses.filter((s) => s === 302)).toHaveLength(20);
    expect(statuses.slice(20)).toEqual([429, 429]);
    // Another address is not affected.
    expect((await registerThroughForm(await validForm(), undefined, "10.99.0.2")).status).toBe(302);
  });
});

describe("a delegate's own registration", () => {
  it("lets the delegate switch mode and cancel, and nobody else's", async () => {
    const mine = (await registerAndConfirm(await validForm())).cookie;
    const theirs = (await registerAndConfirm(await validForm({ fullName: "Người Khác" }))).cookie;
    const switched = await call(myRegistration.action, {
      path: "/my-registration",
      form: { intent: "mode", mode: "online" },
      cookie: mine,
    });
    expect(switched.status).toBe(200);
    const noConfirm = await call(myRegistration.action, {
      path: "/my-registration",
      form: { intent: "cancel" },
      cookie: mine,
    });
    expect(noConfirm.status).toBe(400);
    const cancelled = await call(myRegistration.action, {
      path: "/my-registration",
      form: { intent: "cancel", confirm: "yes" },
      cookie: mine,
    });
    expect(cancelled.status).toBe(200);
    const rows = await getDb()
      .selectFrom("registrations")
      .select(["full_name", "status", "mode"])
      .orderBy("id")
      .execute();
    expect(rows).toEqual([
      { full_name: "Lò Thị Xuân", status: "cancelled", mode: "online" },
      { full_name: "Người Khác", status: "pending", mode: "in_person" },
    ]);
    // The other person's page still shows only their own registration.
    const other = await jsonOf<{ registration: { full_name: string } }>(
      await call(myRegistration.loader, { path: "/my-registration", cookie: theirs }),
    );
    expect(other.registration.full_name).toBe("Người Khác");
  });

  it("keeps organiser pages and actions from delegates (403)", async () => {
    await registerAndConfirm(await validForm());
    const row = await getDb().selectFrom("registrations").select("id").executeTakeFirstOrThrow();
    const delegate = await signInAs("delegate");
    expect((await call(delegates.loader, { path: "/admin/delegates", cookie: delegate })).status).toBe(403);
    expect(
      (
        await call(delegates.action, {
          path: "/admin/delegates",
          form: { intent: "approve", ids: String(row.id) },
          cookie: delegate,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(delegateEdit.loader, {
          path: `/admin/delegates/${row.id}`,
          params: { id: String(row.id) },
          cookie: delegate,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(delegateEdit.action, {
          path: `/admin/delegates/${row.id}`,
          params: { id: String(row.id) },
          form: { fullName: "x" },
          cookie: delegate,
        })
      ).status,
    ).toBe(403);
    expect(
      (await call(quotas.action, { path: "/admin/quotas", form: { kind: "province", places: "1" }, cookie: delegate }))
        .status,
    ).toBe(403);
    const secretariat = await signInAs("secretariat");
    expect((await call(delegates.loader, { path: "/admin/delegates", cookie: secretariat })).status).toBe(200);
    expect(
      (
        await call(delegates.action, {
          path: "/admin/delegates",
          form: { intent: "approve", ids: String(row.id) },
          cookie: secretariat,
        })
      ).status,
    ).toBe(403);
    expect((await getDb().selectFrom("registrations").select("status").executeTakeFirstOrThrow()).status).toBe(
      "pending",
    );
  });
});

describe("the organisers' delegate list", () => {
  it("filters, searches without diacritics, sorts and bulk-approves with reasons for what it skips", async () => {
    await demoConference(1);
    const organiser = await signInAs("organiser");
    await registerAndConfirm(await validForm({ fullName: "Đặng Văn Ân" }));
    await registerAndConfirm(await validForm({ fullName: "Hoàng Thị Bích", mode: "online" }));
    await registerAndConfirm(await validForm({ fullName: "Vàng A Chứ" }));
    const page = await jsonOf<{ rows: Array<{ id: number; full_name: string; status: string }>; total: number }>(
      await call(delegates.loader, { path: "/admin/delegates?sort=name", cookie: organiser }),
    );
    expect(page.rows.map((r) => r.full_name)).toEqual(["Đặng Văn Ân", "Hoàng Thị Bích", "Vàng A Chứ"]);
    expect(page.rows.map((r) => r.status)).toEqual(["pending", "pending", "waitlisted"]);
    const found = await jsonOf<{ rows: Array<{ full_name: string }> }>(
      await call(delegates.loader, { path: "/admin/delegates?q=dang%20van%20an", cookie: organiser }),
    );
    expect(found.rows.map((r) => r.full_name)).toEqual(["Đặng Văn Ân"]);
    const online = await jsonOf<{ total: number }>(
      await call(delegates.loader, { path: "/admin/delegates?mode=online&kind=province", cookie: organiser }),
    );
    expect(online.total).toBe(1);

    const res = await call(delegates.action, {
      path: "/admin/delegates",
      form: { intent: "approve", ids: page.rows.map((r) => String(r.id)).join(",") },
      cookie: organiser,
    });
    // Form data with one field per id, as the checkboxes send it:
    const form = new URLSearchParams([["intent", "approve"], ...page.rows.map((r) => ["ids", String(r.id)])]);
    const res2 = await delegates.action({
      request: new Request("http://localhost:3000/admin/delegates", {
        method: "POST",
        headers: { Cookie: organiser, "Content-Type": "application/x-www-form-urlencoded" },
        body: form,
      }),
      params: {},
      context: { clientIp: "127.0.0.1" },
    });
    expect(res.status).toBe(400); // "1,2,3" in one field is not an id list
    // Post/redirect/get: back to the list without ?index, the outcome shown once from a cookie.
    const done = await followDecision(res2 as Response, organiser);
    expect(done.changed).toBe(2);
    expect(done.skipped).toEqual([
      expect.objectContaining({ name: "Vàng A Chứ", reason: "registration.noPlace.capacity" }),
    ]);
    const audit = await getDb()
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "registration.approve")
      .execute();
    expect(audit).toHaveLength(2);
  });

  it("approves one registration from its row in one click, whatever is ticked, and comes back without ?index", async () => {
    await demoConference(10);
    const organiser = await signInAs("organiser");
    await registerAndConfirm(await validForm({ fullName: "Đặng Văn Ân" }));
    await registerAndConfirm(await validForm({ fullName: "Hoàng Thị Bích" }));
    const [first, second] = await getDb()
      .selectFrom("registrations")
      .select(["id", "status"])
      .where("full_name", "in", ["Đặng Văn Ân", "Hoàng Thị Bích"])
      .orderBy("id")
      .execute();
    expect([first.status, second.status]).toEqual(["pending", "pending"]);
    // The row's button, with both rows ticked for the bulk buttons: only its own row is approved.
    const form = new URLSearchParams([
      ["ids", String(first.id)],
      ["ids", String(second.id)],
      ["approveOne", String(second.id)],
    ]);
    const res = await delegates.action({
      request: new Request("http://localhost:3000/admin/delegates?index&status=pending&sort=name", {
        method: "POST",
        headers: { Cookie: organiser, "Content-Type": "application/x-www-form-urlencoded" },
        body: form,
      }),
      params: {},
      context: { clientIp: "127.0.0.1" },
    });
    const done = await followDecision(res, organiser, "/admin/delegates?status=pending&sort=name");
    expect(done).toMatchObject({ intent: "approve", changed: 1, skipped: [] });
    const after = await getDb()
      .selectFrom("registrations")
      .select(["id", "status"])
      .where("id", "in", [first.id, second.id])
      .orderBy("id")
      .execute();
    expect(after.map((r) => r.status)).toEqual(["pending", "approved"]);
    // Shown once: the next view of the list has no outcome.
    const again = await jsonOf<{ done: unknown }>(
      await call(delegates.loader, { path: "/admin/delegates", cookie: organiser }),
    );
    expect(again.done).toBeNull();
    // A secretariat account (no update:registration:any) cannot, with the row's button either.
    const secretariat = await signInAs("secretariat");
    const refused = await call(delegates.action, {
      path: "/admin/delegates",
      form: { approveOne: String(first.id) },
      cookie: secretariat,
    });
    expect(refused.status).toBe(403);
  });

  it("lets an organiser edit a registration; a refused status change writes nothing", async () => {
    await demoConference(1);
    const organiser = await signInAs("organiser");
    await registerAndConfirm(await validForm({ fullName: "Giàng A Páo" }));
    await registerAndConfirm(await validForm({ fullName: "Lầu Thị Mỷ" }));
    const [first, second] = await getDb().selectFrom("registrations").selectAll().orderBy("id").execute();
    const values = {
      honorific: second.honorific,
      fullName: "Lầu Thị Mỷ (sửa)",
      position: second.position,
      organisationId: String(second.organisation_id),
      email: second.email,
      phone: second.phone,
      mode: "in_person",
      interpretation: "none",
      dietary: "",
      consentToList: "on",
      organiserNote: "",
      status: "approved",
    };
    const refused = await call(delegateEdit.action, {
      path: `/admin/delegates/${second.id}`,
      params: { id: String(second.id) },
      form: values,
      cookie: organiser,
    });
    expect(refused.status).toBe(400);
    expect((await jsonOf(refused)).errors).toEqual({ status: "registration.noPlace.capacity" });
    expect(
      (
        await getDb()
          .selectFrom("registrations")
          .select("full_name")
          .where("id", "=", second.id)
          .executeTakeFirstOrThrow()
      ).full_name,
    ).toBe("Lầu Thị Mỷ");
    const ok = await call(delegateEdit.action, {
      path: `/admin/delegates/${first.id}`,
      params: { id: String(first.id) },
      form: {
        ...values,
        fullName: "Giàng A Páo",
        email: first.email,
        status: "approved",
        organiserNote: "Trưởng đoàn",
      },
      cookie: organiser,
    });
    expect(ok.status).toBe(200);
    expect(
      await getDb()
        .selectFrom("registrations")
        .select(["status", "organiser_note"])
        .where("id", "=", first.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: "approved", organiser_note: "Trưởng đoàn" });
  });

  it("sets quotas that send the next in-person registration of a province to the waiting list", async () => {
    const organiser = await signInAs("organiser");
    const bad = await call(quotas.action, {
      path: "/admin/quotas",
      form: { kind: "province", places: "-1", field: "kind-province" },
      cookie: organiser,
    });
    expect(bad.status).toBe(400);
    expect((await jsonOf(bad)).errors).toEqual({ "kind-province": "errors.integer" });
    await call(quotas.action, { path: "/admin/quotas", form: { kind: "province", places: "1" }, cookie: organiser });
    await registerAndConfirm(await validForm());
    await registerAndConfirm(await validForm());
    const statuses = (await getDb().selectFrom("registrations").select("status").orderBy("id").execute()).map(
      (r) => r.status,
    );
    expect(statuses).toEqual(["pending", "waitlisted"]);
    // Removing the quota lets the waiting registration in by itself.
    await call(quotas.action, { path: "/admin/quotas", form: { kind: "province", places: "" }, cookie: organiser });
    expect(
      (await getDb().selectFrom("registrations").select("status").orderBy("id").execute()).map((r) => r.status),
    ).toEqual(["pending", "pending"]);
  });
});

describe("personal online join links", () => {
  it("forwards an approved online delegate while the session runs, records attendance, and refuses otherwise", async () => {
    const conference = await demoConference();
    const cookie = (await registerAndConfirm(await validForm({ mode: "online" }))).cookie;
    const reg = await getDb().selectFrom("registrations").select("id").executeTakeFirstOrThrow();
    const organiser = await signInAs("organiser");
    const form = new URLSearchParams([
      ["intent", "approve"],
      ["ids", String(reg.id)],
    ]);
    await delegates.action({
      request: new Request("http://localhost:3000/admin/delegates", {
        method: "POST",
        headers: { Cookie: organiser, "Content-Type": "application/x-www-form-urlencoded" },
        body: form,
      }),
      params: {},
      context: {},
    });
    const page = await jsonOf<{
      joinLinks: Array<{ id: number; token: string; starts_at: string; ends_at: string; stream_url: string }>;
    }>(await call(myRegistration.loader, { path: "/my-registration", cookie }));
    expect(page.joinLinks.length).toBeGreaterThan(3);
    const again = await jsonOf<{ joinLinks: Array<{ token: string }> }>(
      await call(myRegistration.loader, { path: "/my-registration", cookie }),
    );
    expect(again.joinLinks.map((l) => l.token)).toEqual(page.joinLinks.map((l) => l.token));
    const link = page.joinLinks[0];
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{32}$/);

    const early = await call(join.loader, { path: `/join/${link.token}`, params: { token: link.token } });
    expect((await jsonOf(early)).state).toBe("early");
    const during = await openJoinLink(link.token, null, new Date(new Date(link.starts_at).getTime() + 60000));
    expect(during).toEqual({ state: "redirect", url: link.stream_url });
    const row = await getDb()
      .selectFrom("join_links")
      .select(["join_count", "first_joined_at"])
      .where("token", "=", link.token)
      .executeTakeFirstOrThrow();
    expect(row.join_count).toBe(1);
    expect(row.first_joined_at).not.toBeNull();
    expect((await openJoinLink(link.token, null, new Date(new Date(link.ends_at).getTime() + 60000))).state).toBe(
      "ended",
    );

    // A disabled account's join link opens nothing.
    const owner = await getDb()
      .selectFrom("registrations")
      .select("user_id")
      .where("id", "=", reg.id)
      .executeTakeFirstOrThrow();
    await getDb()
      .updateTable("users")
      .set({ disabled_at: "2020-01-01T00:00:00.000Z" })
      .where("id", "=", owner.user_id!)
      .execute();
    expect(await openJoinLink(link.token, null, new Date(new Date(link.starts_at).getTime() + 60000))).toEqual({
      state: "invalid",
    });
    await getDb().updateTable("users").set({ disabled_at: null }).where("id", "=", owner.user_id!).execute();

    // Cancelled: the same link now gets a clear refusal, not the stream.
    await call(myRegistration.action, { path: "/my-registration", form: { intent: "cancel", confirm: "yes" }, cookie });
    expect(await openJoinLink(link.token, null, new Date(new Date(link.starts_at).getTime() + 60000))).toMatchObject({
      state: "refused",
      status: "cancelled",
    });
    const unknown = await call(join.loader, { path: "/join/x", params: { token: "A".repeat(32) } });
    expect(unknown.status).toBe(404);
    expect(conference.id).toBeGreaterThan(0);
  });
});
