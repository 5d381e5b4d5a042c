import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import type { CheckInResult } from "~/features/registration/checkin";
import { decideRegistrations } from "~/features/registration/registrations.server";
import * as page from "~/routes/admin.checkin";
import * as countsRoute from "~/routes/admin.checkin.counts";
import { demoConference, organisationId, registerVisitor, resetRegistrations } from "../../helpers/factories";
import { call, jsonOf, signInAs } from "../../helpers/remix";
import { inProcesses } from "../../helpers/processes";

const PATH = "/admin/checkin";
const system = { id: null, ip: null };

interface PageData {
  q: string;
  results: Array<{ id: number; full_name: string; status: string; mode: string }> | null;
  counts: { present: number; expected: number; byKind: Array<{ kind: string; present: number; expected: number }> };
  recent: Array<{ id: number }>;
}
type Outcome = CheckInResult | { state: "unknown"; code: string };
interface Reply {
  errors: Record<string, string>;
  values: Record<string, string>;
  outcome?: Outcome;
  undone?: string;
}

async function registration(
  overrides: {
    org?: string;
    mode?: "in_person" | "online";
    fullName?: string;
    decide?: "approved" | "rejected" | null;
  } = {},
) {
  const conference = await demoConference();
  const r = await registerVisitor({
    organisationId: await organisationId(overrides.org ?? "prov-bac-giang"),
    mode: overrides.mode ?? "in_person",
    ...(overrides.fullName ? { fullName: overrides.fullName } : {}),
  });
  if (overrides.decide !== null)
    await decideRegistrations(conference.id, [r.registrationId], overrides.decide ?? "approved", system);
  const row = await getDb()
    .selectFrom("registrations")
    .select(["id", "badge_code", "full_name"])
    .where("id", "=", r.registrationId)
    .executeTakeFirstOrThrow();
  return row;
}

const checkInRow = (id: number) =>
  getDb()
    .selectFrom("registrations")
    .select(["checked_in_at", "checked_in_by"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
const auditCount = async (action: string, id: number) =>
  (
    await getDb()
      .selectFrom("audit_log")
      .select("id")
      .where("action", "=", action)
      .where("entity_id", "=", String(id))
      .execute()
  ).length;
const postCode = (cookie: string, code: string) =>
  call(page.action, { path: PATH, cookie, form: { intent: "code", code } });

beforeEach(async () => {
  await resetRegistrations();
  await demoConference(500);
});

describe("check-in by badge code", () => {
  it("checks an approved in-person delegate in once; a second scan says already, with the first time", async () => {
    const cookie = await signInAs("organiser");
    const delegate = await registration({ fullName: "Nguyễn Thị Ánh Dương" });
    // Typed in lower case without dashes, as staff do at the door.
    const first = await postCode(cookie, delegate.badge_code.toLowerCase().replace(/-/g, ""));
    expect(first.status).toBe(200);
    const one = await jsonOf<Reply>(first);
    expect(one.outcome).toMatchObject({
      state: "checked_in",
      person: { id: delegate.id, full_name: "Nguyễn Thị Ánh Dương", status: "approved", mode: "in_person" },
    });
    const stored = await checkInRow(delegate.id);
    expect(stored.checked_in_at).toBe((one.outcome as { at: string }).at);
    const organiser = await getDb()
      .selectFrom("users")
      .select("id")
      .where("email", "=", "to-chuc@ngoaivu.test")
      .executeTakeFirstOrThrow();
    expect(stored.checked_in_by).toBe(organiser.id);

    const second = await jsonOf<Reply>(await postCode(cookie, delegate.badge_code));
    expect(second.outcome).toMatchObject({
      state: "already",
      at: stored.checked_in_at,
      person: { checked_in_by_name: "Nguyễn Thị Thu Hà" },
    });
    expect((await checkInRow(delegate.id)).checked_in_at).toBe(stored.checked_in_at);
    expect(await auditCount("registration.check_in", delegate.id)).toBe(1);
  });

  it("answers an unknown or tampered code with 404 and a malformed one with a field error, checking nobody in", async () => {
    const cookie = await signInAs("organiser");
    const delegate = await registration();
    const last = delegate.badge_code.at(-1)!;
    const tampered = delegate.badge_code.slice(0, -1) + (last === "7" ? "8" : "7");
    for (const code of [tampered, "ZZZZ-ZZZZ-ZZZZ"]) {
      const res = await postCode(cookie, code);
      expect(res.status, code).toBe(404);
      expect((await jsonOf<Reply>(res)).outcome).toEqual({ state: "unknown", code });
    }
    for (const [code, key] of [
      ["abc", "checkin.code.invalid"],
      ["", "errors.required"],
      [`${delegate.badge_code}X`, "checkin.code.invalid"],
    ]) {
      const res = await postCode(cookie, code);
      expect(res.status, code).toBe(400);
      const body = await jsonOf<Reply>(res);
      expect(body.errors).toEqual({ code: key });
      expect(body.values).toEqual({ code });
    }
    expect((await checkInRow(delegate.id)).checked_in_at).toBeNull();
  });

  it("refuses pending, online, rejected and waitlisted registrations and shows their status", async () => {
    const cookie = await signInAs("organiser");
    const pending = await registration({ decide: null });
    const online = await registration({ mode: "online" });
    const rejected = await registration({ decide: "rejected" });
    await demoConference(1); // the pending one holds the only in-person place
    const waitlisted = await registration({ decide: null });
    const expectations = [
      [pending, "pending", "in_person"],
      [online, "approved", "online"],
      [rejected, "rejected", "in_person"],
      [waitlisted, "waitlisted", "in_person"],
    ] as const;
    for (const [r, status, mode] of expectations) {
      const body = await jsonOf<Reply>(await postCode(cookie, r.badge_code));
      expect(body.outcome, status).toMatchObject({ state: "not_expected", person: { id: r.id, status, mode } });
      expect((await checkInRow(r.id)).checked_in_at).toBeNull();
      expect(await auditCount("registration.check_in", r.id)).toBe(0);
    }
  });

  it("records exactly one check-in when several scanners read the same badge at the same moment", async () => {
    const conference = await demoConference();
    const delegate = await registration();
    // Five processes (five scanners' requests on their own connections) at once.
    const answers = await inProcesses<CheckInResult>(
      5,
      { module: "~/features/registration/checkin.server", fn: "checkIn" },
      Array.from({ length: 10 }, (_, i) => [conference.id, delegate.id, { id: null, ip: `10.0.0.${i}` }]),
    );
    const results = answers.map((a) => (a.ok ? a.value : expect.fail(a.error)));
    expect(results).toHaveLength(10);
    const states = results.map((r) => r.state);
    expect(states.filter((s) => s === "checked_in")).toHaveLength(1);
    expect(states.filter((s) => s === "already")).toHaveLength(9);
    const at = (await checkInRow(delegate.id)).checked_in_at;
    for (const r of results) expect((r as { at: string }).at).toBe(at);
    expect(await auditCount("registration.check_in", delegate.id)).toBe(1);
  });

  it("checks in from a search result's button and can undo a wrong check-in (audited)", async () => {
    const cookie = await signInAs("organiser");
    const delegate = await registration();
    const done = await jsonOf<Reply>(
      await call(page.action, {
        path: `${PATH}?q=x`,
        cookie,
        form: { intent: "checkin", registrationId: String(delegate.id) },
      }),
    );
    expect(done.outcome).toMatchObject({ state: "checked_in", person: { id: delegate.id } });
    const before = (await checkInRow(delegate.id)).checked_in_at;

    const undone = await call(page.action, {
      path: PATH,
      cookie,
      form: { intent: "undo", registrationId: String(delegate.id) },
    });
    expect(undone.status).toBe(200);
    expect((await jsonOf<Reply>(undone)).undone).toBe(delegate.full_name);
    expect(await checkInRow(delegate.id)).toEqual({ checked_in_at: null, checked_in_by: null });
    const audit = await getDb()
      .selectFrom("audit_log")
      .select("detail")
      .where("action", "=", "registration.check_in_undo")
      .where("entity_id", "=", String(delegate.id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].detail!)).toMatchObject({ checkedInAt: before });

    const again = await call(page.action, {
      path: PATH,
      cookie,
      form: { intent: "undo", registrationId: String(delegate.id) },
    });
    expect(again.status).toBe(400);
    expect((await jsonOf<Reply>(again)).errors).toEqual({ "": "checkin.undoNothing" });
    const missing = await call(page.action, {
      path: PATH,
      cookie,
      form: { intent: "checkin", registrationId: "999999" },
    });
    expect(missing.status).toBe(404);
  });
});

describe("counts and search", () => {
  it("counts present / expected over approved in-person registrations, by organisation kind", async () => {
    const cookie = await signInAs("organiser");
    const a = await registration({ org: "prov-bac-giang" });
    await registration({ org: "prov-ha-giang" });
    await registration({ org: "min-ngoai-giao" });
    await registration({ decide: null });
    await registration({ mode: "online" });
    await postCode(cookie, a.badge_code);

    const data = await jsonOf<PageData>(await call(page.loader, { path: PATH, cookie }));
    expect(data.counts).toMatchObject({ present: 1, expected: 3 });
    expect(Object.fromEntries(data.counts.byKind.map((k) => [k.kind, [k.present, k.expected]]))).toEqual({
      province: [1, 2],
      ministry: [0, 1],
    });
    expect(data.recent.map((r) => r.id)).toEqual([a.id]);

    const polled = await call(countsRoute.loader, { path: `${PATH}/counts`, cookie });
    expect(polled.headers.get("Cache-Control")).toBe("no-store");
    expect(await jsonOf(polled)).toMatchObject({ present: 1, expected: 3 });
  });

  it("finds people by name without diacritics, approved in-person first, at most 20", async () => {
    const cookie = await signInAs("organiser");
    const pending = await registration({ fullName: "Trần Thị Bích Ngọc", decide: null });
    const approved = await registration({ fullName: "Trần Văn Ngọc" });
    await registration({ fullName: "Lê Minh Tuấn" });
    const data = await jsonOf<PageData>(
      await call(page.loader, { path: `${PATH}?q=${encodeURIComponent("tran NGOC")}`, cookie }),
    );
    expect(data.q).toBe("tran NGOC");
    expect(data.results!.map((r) => r.id)).toEqual([approved.id, pending.id]);
    expect(data.results![0].full_name).toBe("Trần Văn Ngọc");

    for (let i = 0; i < 21; i++) await registration({ fullName: `Phạm Đức Anh ${i}`, decide: null });
    const many = await jsonOf<PageData>(await call(page.loader, { path: `${PATH}?q=pham+duc`, cookie }));
    expect(many.results).toHaveLength(20);
    const none = await jsonOf<PageData>(await call(page.loader, { path: `${PATH}?q=%25%25`, cookie }));
    expect(none.results).toEqual([]);
  });
});

describe("who may use the check-in page", () => {
  it("refuses delegates and the secretariat (403) on the page, its actions and the counts", async () => {
    const delegate = await registration();
    for (const key of ["delegate", "secretariat"] as const) {
      const cookie = await signInAs(key);
      expect((await call(page.loader, { path: PATH, cookie })).status, key).toBe(403);
      expect((await postCode(cookie, delegate.badge_code)).status, key).toBe(403);
      expect(
        (await call(page.action, { path: PATH, cookie, form: { intent: "undo", registrationId: String(delegate.id) } }))
          .status,
        key,
      ).toBe(403);
      expect((await call(countsRoute.loader, { path: `${PATH}/counts`, cookie })).status, key).toBe(403);
    }
    expect((await checkInRow(delegate.id)).checked_in_at).toBeNull();
    const anonymous = await call(page.loader, { path: PATH });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe("/login?redirectTo=%2Fadmin%2Fcheckin");
  });
});
