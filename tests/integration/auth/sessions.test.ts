import { createHash } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SESSION_IDLE_MS, SESSION_LIFETIME_MS } from "~/auth/lucia.server";
import { getDb } from "~/platform/db.server";
import { nowMs } from "~/lib/clock";
import * as account from "~/routes/account";
import * as adminPeople from "~/routes/admin.people";
import * as login from "~/routes/login";
import * as root from "~/root";
import * as hashedSessions from "../../../db/migrations/2026-12-01-009-hashed-sessions";
import { call, demoAccount, jsonOf, signInAs, type DemoKey } from "../../helpers/remix";

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
const cookieValue = (cookie: string) => cookie.slice("nv_session=".length);

async function userId(key: DemoKey) {
  return (
    await getDb().selectFrom("users").select("id").where("email", "=", demoAccount(key).email).executeTakeFirstOrThrow()
  ).id;
}

describe("session ids are stored hashed", () => {
  it("keeps only the SHA-256 of the cookie's id in auth_sessions", async () => {
    const cookie = await signInAs("secretariat");
    const id = cookieValue(cookie);
    const rows = await getDb().selectFrom("auth_sessions").select("id").execute();
    expect(rows.map((r) => r.id)).not.toContain(id);
    const mine = await getDb()
      .selectFrom("auth_sessions")
      .select("user_id")
      .where("id", "=", sha256(id))
      .executeTakeFirst();
    expect(mine?.user_id).toBe(await userId("secretariat"));
  });

  it("does not accept a stored (hashed) id as a cookie: a copy of the database signs nobody in", async () => {
    const cookie = await signInAs("organiser");
    const stored = sha256(cookieValue(cookie));
    expect(
      await getDb().selectFrom("auth_sessions").select("id").where("id", "=", stored).executeTakeFirst(),
    ).toBeDefined();
    const stolen = `nv_session=${stored}`;
    const home = await call(root.loader, { path: "/", cookie: stolen });
    expect((await jsonOf(home)).user).toBeNull();
    expect(home.headers.get("Set-Cookie")).toMatch(/^nv_session=;/);
    const page = await call(adminPeople.loader, { path: "/admin/people", cookie: stolen });
    expect(page.status).toBe(302);
    expect(page.headers.get("Location")).toBe("/login?redirectTo=%2Fadmin%2Fpeople");
    // The real cookie still works, and the stolen hash did not end it.
    expect((await call(adminPeople.loader, { path: "/admin/people", cookie })).status).toBe(200);
  });

  it("a password change ends the other sessions and keeps this one (found by its hash)", async () => {
    const here = await signInAs("exhibitor");
    const elsewhere = await signInAs("exhibitor");
    const { password } = demoAccount("exhibitor");
    const change = (from: string, to: string) =>
      call(account.action, {
        path: "/account",
        form: { intent: "password", currentPassword: from, password: to, confirm: to },
        cookie: here,
      });
    expect(await jsonOf(await change(password, "mot-mat-khau-moi-2026"))).toMatchObject({
      done: "account.passwordChanged",
    });
    expect((await jsonOf(await call(root.loader, { path: "/", cookie: here }))).user).not.toBeNull();
    expect((await jsonOf(await call(root.loader, { path: "/", cookie: elsewhere }))).user).toBeNull();
    // Back to the demo password, for the other tests of this file.
    expect(await jsonOf(await change("mot-mat-khau-moi-2026", password))).toMatchObject({
      done: "account.passwordChanged",
    });
  });

  it("migration 009 ends the sessions written before it (their rows hold the ids themselves)", async () => {
    const db = getDb();
    const at = new Date().toISOString();
    await db
      .insertInto("auth_sessions")
      .values({ id: "an-unhashed-session-id", user_id: await userId("delegate"), expires_at: at, created_at: at })
      .execute();
    await hashedSessions.up(db);
    expect(await db.selectFrom("auth_sessions").select("id").execute()).toEqual([]);
  });
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MINUTE = 60_000;

/** Max-Age of a Set-Cookie, in milliseconds. */
function maxAgeMs(setCookie: string | null): number {
  const match = /Max-Age=(\d+)/i.exec(setCookie ?? "");
  if (!match) throw new Error(`no Max-Age in ${setCookie}`);
  return Number(match[1]) * 1000;
}

/** What the root loader (every page) makes of a cookie: the user it sees and the cookie it sends back. */
async function visit(cookie: string) {
  const res = await call(root.loader, { path: "/", cookie });
  return { user: (await jsonOf<{ user: { id: string } | null }>(res)).user, setCookie: res.headers.get("Set-Cookie") };
}

const stored = (cookie: string) =>
  getDb()
    .selectFrom("auth_sessions")
    .select(["expires_at", "created_at"])
    .where("id", "=", sha256(cookieValue(cookie)))
    .executeTakeFirst();

/** Moves the clock (Date.now, so the app's clock too) to start + ms. */
function at(start: number, ms: number) {
  vi.setSystemTime(start + ms);
}

describe("session lifetimes", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("gives the sign-in cookie a Max-Age of the role's idle time (12 h staff, 7 days delegates), not 400 days", async () => {
    for (const [key, idle] of [
      ["organiser", 12 * HOUR],
      ["secretariat", 12 * HOUR],
      ["delegate", 7 * DAY],
      ["exhibitor", 7 * DAY],
    ] as const) {
      const res = await call(login.action, { path: "/login", form: demoAccount(key) });
      const setCookie = res.headers.get("Set-Cookie");
      expect(setCookie).toMatch(/^nv_session=[a-z0-9]+;/);
      expect(maxAgeMs(setCookie), key).toBeLessThanOrEqual(idle);
      expect(maxAgeMs(setCookie), key).toBeGreaterThan(idle - MINUTE);
      const row = (await stored(setCookie!.split(";")[0]))!;
      expect(Date.parse(row.expires_at) - Date.parse(row.created_at), key).toBe(idle);
    }
    expect(SESSION_IDLE_MS).toEqual({
      organiser: 12 * HOUR,
      secretariat: 12 * HOUR,
      delegate: 7 * DAY,
      exhibitor: 7 * DAY,
    });
    expect(SESSION_LIFETIME_MS).toBe(30 * DAY);
  });

  it("ends a staff session 12 hours after its last use, a delegate's only after 7 days, and clears the cookie", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.now();
    const staff = await signInAs("secretariat");
    const delegate = await signInAs("delegate");

    // Used 11 hours later: both live, and the staff session's expiry moves to 12 hours from this use.
    at(start, 11 * HOUR);
    const used = await visit(staff);
    expect(used.user).not.toBeNull();
    expect(maxAgeMs(used.setCookie)).toBeGreaterThan(12 * HOUR - MINUTE);
    expect(Date.parse((await stored(staff))!.expires_at)).toBe(nowMs() + 12 * HOUR);
    expect((await visit(delegate)).user).not.toBeNull();

    // 12 hours and a minute after that use: the staff session has ended, the delegate's has not.
    at(start, 11 * HOUR + 12 * HOUR + MINUTE);
    const ended = await visit(staff);
    expect(ended.user).toBeNull();
    expect(ended.setCookie).toMatch(/^nv_session=;/);
    expect(maxAgeMs(ended.setCookie)).toBe(0);
    expect(await stored(staff)).toBeUndefined();
    const page = await call(adminPeople.loader, { path: "/admin/people", cookie: staff });
    expect(page.status).toBe(302);
    expect(page.headers.get("Location")).toBe("/login?redirectTo=%2Fadmin%2Fpeople");
    const stillThere = await visit(delegate);
    expect(stillThere.user).not.toBeNull();
    expect(maxAgeMs(stillThere.setCookie)).toBeGreaterThan(7 * DAY - MINUTE);

    // Then unused for 7 days and a minute: ended too.
    at(start, 11 * HOUR + 12 * HOUR + MINUTE + 7 * DAY + MINUTE);
    const gone = await visit(delegate);
    expect(gone.user).toBeNull();
    expect(gone.setCookie).toMatch(/^nv_session=;/);
  });

  it("ends any session 30 days after sign-in, however often it is used, and its cookie never outlives that", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.now();
    const cookie = await signInAs("ambassador");
    for (const day of [6, 12, 18, 24]) {
      at(start, day * DAY);
      expect((await visit(cookie)).user, `day ${day}`).not.toBeNull();
    }
    // On day 29 the idle time would reach past the lifetime: the cookie's Max-Age stops at day 30.
    at(start, 29 * DAY);
    const late = await visit(cookie);
    expect(late.user).not.toBeNull();
    expect(maxAgeMs(late.setCookie)).toBeLessThanOrEqual(DAY);
    expect(Date.parse((await stored(cookie))!.expires_at)).toBe(
      Date.parse((await stored(cookie))!.created_at) + 30 * DAY,
    );
    at(start, 30 * DAY);
    const over = await visit(cookie);
    expect(over.user).toBeNull();
    expect(over.setCookie).toMatch(/^nv_session=;/);
    expect(await stored(cookie)).toBeUndefined();
  });

  it("refuses a session older than the lifetime even when its row says it expires later", async () => {
    const cookie = await signInAs("delegate");
    const now = nowMs();
    await getDb()
      .updateTable("auth_sessions")
      .set({
        created_at: new Date(now - 30 * DAY - MINUTE).toISOString(),
        expires_at: new Date(now + DAY).toISOString(),
      })
      .where("id", "=", sha256(cookieValue(cookie)))
      .execute();
    const res = await visit(cookie);
    expect(res.user).toBeNull();
    expect(res.setCookie).toMatch(/^nv_session=;/);
    expect(await stored(cookie)).toBeUndefined();
  });

  it("refuses a session whose expiry has passed in its row (idle), and clears the cookie", async () => {
    const cookie = await signInAs("exhibitor");
    await getDb()
      .updateTable("auth_sessions")
      .set({ expires_at: new Date(nowMs() - 1000).toISOString() })
      .where("id", "=", sha256(cookieValue(cookie)))
      .execute();
    const res = await visit(cookie);
    expect(res.user).toBeNull();
    expect(res.setCookie).toMatch(/^nv_session=;/);
  });
});
