import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashSessionId } from "~/auth/adapter.server";
import { getDb, nowIso } from "~/platform/db.server";
import { MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_EMAIL, type SignInResult } from "~/features/people/sign-in.server";
import * as adminConference from "~/routes/admin.conference";
import * as adminPeople from "~/routes/admin.people";
import * as adminAudit from "~/routes/admin.audit";
import * as login from "~/routes/login";
import * as logout from "~/routes/logout";
import * as root from "~/root";
import { inProcesses } from "../../helpers/processes";
import { call, demoAccount, jsonOf, signInAs } from "../../helpers/remix";

describe("sign-in", () => {
  it("opens a session with a new HttpOnly, SameSite=Lax cookie and follows a safe redirectTo", async () => {
    const { email, password } = demoAccount("organiser");
    const res = await call(login.action, { path: "/login", form: { email, password, redirectTo: "/admin/people" } });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/admin/people");
    const setCookie = res.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/^nv_session=[a-z0-9]+;/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
  });

  it("lands an organiser on the dashboard when no page was asked for; others on the home page", async () => {
    const organiser = demoAccount("organiser");
    const landed = await call(login.action, { path: "/login", form: { ...organiser, redirectTo: "" } });
    expect(landed.status).toBe(302);
    expect(landed.headers.get("Location")).toBe("/admin/dashboard");
    // A page asked for wins; an unsafe one falls back to the landing page.
    const asked = await call(login.action, { path: "/login", form: { ...organiser, redirectTo: "/admin/checkin" } });
    expect(asked.headers.get("Location")).toBe("/admin/checkin");
    const unsafe = await call(login.action, { path: "/login", form: { ...organiser, redirectTo: "//evil.example" } });
    expect(unsafe.headers.get("Location")).toBe("/admin/dashboard");
    for (const key of ["delegate", "secretariat"] as const) {
      const res = await call(login.action, { path: "/login", form: { ...demoAccount(key), redirectTo: "" } });
      expect(res.headers.get("Location"), key).toBe("/");
    }
    // Already signed in, /login sends the organiser to the dashboard too.
    const again = await call(login.loader, { path: "/login", cookie: await signInAs("organiser") });
    expect(again.headers.get("Location")).toBe("/admin/dashboard");
  });

  it("refuses a redirectTo to another site", async () => {
    const { email, password } = demoAccount("delegate");
    for (const redirectTo of ["https://evil.example/", "//evil.example", "/\\evil.example"]) {
      const res = await call(login.action, { path: "/login", form: { email, password, redirectTo } });
      expect(res.headers.get("Location")).toBe("/");
    }
  });

  it("answers a wrong password and an unknown e-mail the same way", async () => {
    const wrong = await call(login.action, {
      path: "/login",
      form: { email: demoAccount("secretariat").email, password: "nope-nope" },
      ip: "10.0.0.2",
    });
    const unknown = await call(login.action, {
      path: "/login",
      form: { email: "nobody@ngoaivu.test", password: "nope-nope" },
      ip: "10.0.0.3",
    });
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    const [a, b] = [await jsonOf(wrong), await jsonOf(unknown)];
    expect(a.errors).toEqual({ "": "login.invalid" });
    expect(b.errors).toEqual({ "": "login.invalid" });
    expect(wrong.headers.get("Set-Cookie")).toBeNull();
  });

  it("gives field errors for a malformed e-mail, not a 500", async () => {
    const res = await call(login.action, { path: "/login", form: { email: "abc", password: "" } });
    expect(res.status).toBe(400);
    expect((await jsonOf(res)).errors).toEqual({ email: "errors.email", password: "errors.required" });
  });

  it(
    "refuses the right password after ten wrong ones in a row, for a known or an unknown e-mail",
    { timeout: 120_000 },
    async () => {
      const { email, password } = demoAccount("exhibitor");
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) {
        const res = await call(login.action, {
          path: "/login",
          form: { email, password: `wrong-${i}` },
          ip: `10.1.0.${i}`,
        });
        statuses.push(res.status);
      }
      expect(statuses.slice(0, MAX_FAILURES_PER_EMAIL)).toEqual(Array(MAX_FAILURES_PER_EMAIL).fill(400));
      expect(statuses.at(-1)).toBe(429);
      const right = await call(login.action, { path: "/login", form: { email, password }, ip: "10.1.1.1" });
      expect(right.status).toBe(429);
      expect(right.headers.get("Set-Cookie")).toBeNull();
      const body = await jsonOf<{ errors: Record<string, string>; minutes: number }>(right);
      expect(body.errors).toEqual({ "": "login.tooMany" });
      expect(body.minutes).toBeGreaterThan(0);

      // An unknown e-mail is throttled the same way, so the answer reveals nothing.
      for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
        await call(login.action, {
          path: "/login",
          form: { email: "ghost@ngoaivu.test", password: "x" },
          ip: `10.2.0.${i}`,
        });
      }
      const ghost = await call(login.action, {
        path: "/login",
        form: { email: "ghost@ngoaivu.test", password: "x" },
        ip: "10.2.1.1",
      });
      expect(ghost.status).toBe(429);
    },
  );

  it("throttles one address trying many e-mails", async () => {
    const ip = "10.9.9.9";
    // Every failure is recorded against the address too (two real ones here, the rest written directly,
    // because each real attempt costs a full password hash).
    for (let i = 0; i < 2; i++) {
      expect(
        (await call(login.action, { path: "/login", form: { email: `guess${i}@ngoaivu.test`, password: "x" }, ip }))
          .status,
      ).toBe(400);
    }
    const recorded = await getDb().selectFrom("login_failures").select("key").where("key", "=", `ip:${ip}`).execute();
    expect(recorded).toHaveLength(2);
    const at = nowIso();
    await getDb()
      .insertInto("login_failures")
      .values(Array.from({ length: MAX_FAILURES_PER_ADDRESS - 2 }, () => ({ key: `ip:${ip}`, at })))
      .execute();
    const next = await call(login.action, {
      path: "/login",
      form: { email: "another-guess@ngoaivu.test", password: "x" },
      ip,
    });
    expect(next.status).toBe(429);
    // Another address is not affected.
    expect(
      (
        await call(login.action, {
          path: "/login",
          form: { email: "another-guess@ngoaivu.test", password: "x" },
          ip: "10.9.9.10",
        })
      ).status,
    ).toBe(400);
  });
});

describe("sessions", () => {
  it("logout ends the session on the server, so the old cookie no longer works", async () => {
    const cookie = await signInAs("secretariat");
    const sessionId = hashSessionId(cookie.split("=")[1]);
    const before = await getDb()
      .selectFrom("auth_sessions")
      .select("id")
      .where("id", "=", sessionId)
      .executeTakeFirst();
    expect(before?.id).toBe(sessionId);

    const out = await call(logout.action, { path: "/logout", form: {}, cookie });
    expect(out.status).toBe(302);
    expect(out.headers.get("Set-Cookie")).toMatch(/nv_session=;/);
    const after = await getDb().selectFrom("auth_sessions").select("id").where("id", "=", sessionId).executeTakeFirst();
    expect(after).toBeUndefined();

    const page = await call(adminPeople.loader, { path: "/admin/people", cookie });
    expect(page.status).toBe(302);
    expect(page.headers.get("Location")).toBe("/login?redirectTo=%2Fadmin%2Fpeople");
  });

  it("treats a tampered cookie as signed out and clears it", async () => {
    const res = await call(root.loader, { path: "/", cookie: "nv_session=forged-session-id-123" });
    expect(res.status).toBe(200);
    expect((await jsonOf(res)).user).toBeNull();
    expect(res.headers.get("Set-Cookie")).toMatch(/nv_session=;/);
    const admin = await call(adminConference.loader, { path: "/admin/conference", cookie: "nv_session=forged" });
    expect(admin.status).toBe(302);
  });

  it("ends every session of an account the organisers disable", async () => {
    const organiser = await signInAs("organiser");
    const delegateCookie = await signInAs("delegate");
    const delegate = await getDb()
      .selectFrom("users")
      .select("id")
      .where("email", "=", demoAccount("delegate").email)
      .executeTakeFirstOrThrow();
    const res = await call(adminPeople.action, {
      path: "/admin/people",
      form: { intent: "disable", userId: delegate.id },
      cookie: organiser,
    });
    expect(res.status).toBe(200);
    const home = await call(root.loader, { path: "/", cookie: delegateCookie });
    expect((await jsonOf(home)).user).toBeNull();
    const again = await call(login.action, { path: "/login", form: demoAccount("delegate") });
    expect(again.status).toBe(403);
    expect((await jsonOf(again)).errors).toEqual({ "": "login.disabled" });
    await call(adminPeople.action, {
      path: "/admin/people",
      form: { intent: "enable", userId: delegate.id },
      cookie: organiser,
    });
    expect((await call(login.action, { path: "/login", form: demoAccount("delegate") })).status).toBe(302);
  });
});

describe("roles on the server", () => {
  it("refuses organiser pages to a delegate with 403", async () => {
    const cookie = await signInAs("ambassador");
    for (const [mod, path] of [
      [adminConference, "/admin/conference"],
      [adminPeople, "/admin/people"],
      [adminAudit, "/admin/audit"],
    ] as const) {
      const res = await call(mod.loader, { path, cookie });
      expect(res.status, path).toBe(403);
    }
  });

  it("refuses organiser actions to a delegate with 403 and changes nothing", async () => {
    const cookie = await signInAs("delegate");
    const invite = await call(adminPeople.action, {
      path: "/admin/people",
      form: {
        intent: "invite",
        fullName: "Kẻ Lạ",
        email: "intruder@ngoaivu.test",
        role: "organiser",
        organisationId: "",
      },
      cookie,
    });
    expect(invite.status).toBe(403);
    const save = await call(adminConference.action, { path: "/admin/conference", form: { edition: "99" }, cookie });
    expect(save.status).toBe(403);
    const invitations = await getDb()
      .selectFrom("invitations")
      .select("id")
      .where("email", "=", "intruder@ngoaivu.test")
      .execute();
    expect(invitations).toHaveLength(0);
  });

  it("lets the secretariat read people but not invite or disable", async () => {
    const cookie = await signInAs("secretariat");
    expect((await call(adminPeople.loader, { path: "/admin/people", cookie })).status).toBe(200);
    const res = await call(adminPeople.action, {
      path: "/admin/people",
      form: { intent: "disable", userId: "x" },
      cookie,
    });
    expect(res.status).toBe(403);
  });

  it("sends a visitor to sign in, remembering where they were going", async () => {
    const res = await call(adminAudit.loader, { path: "/admin/audit?page=2" });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/login?redirectTo=%2Fadmin%2Faudit%3Fpage%3D2");
  });

  it("records sign-in and sign-out in the audit log", async () => {
    const cookie = await signInAs("organiser");
    await call(logout.action, { path: "/logout", form: {}, cookie });
    const actions = (await getDb().selectFrom("audit_log").select("action").execute()).map((r) => r.action);
    expect(actions).toContain("auth.sign_in");
    expect(actions).toContain("auth.sign_out");
  });
});

/** A new account whose password is the demo exhibitor's, so that its attempts cost a real scrypt check. */
async function accountWithDemoPassword(email: string): Promise<{ email: string; password: string }> {
  const demo = demoAccount("exhibitor");
  const db = getDb();
  const { password_hash } = await db
    .selectFrom("users")
    .select("password_hash")
    .where("email", "=", demo.email)
    .executeTakeFirstOrThrow();
  const at = nowIso();
  await db
    .insertInto("users")
    .values({
      id: randomUUID(),
      email,
      full_name: "Người Thử Đua",
      role: "delegate",
      organisation_id: null,
      password_hash,
      locale: "vi",
      time_zone: null,
      disabled_at: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return { email, password: demo.password };
}

/** Races sign-ins from one process each: every process has its own database connection. */
async function raceSignIns(attempts: Array<{ email: string; password: string; ip: string }>) {
  const results = await inProcesses<SignInResult>(
    attempts.length,
    { module: "~/features/people/sign-in.server", fn: "signIn" },
    attempts.map((a) => [a]),
  );
  // "invalid" (and a success) means the attempt got as far as the password hash; "tooMany" means it never did.
  return results.map((r) => (r.ok ? (r.value.ok ? "ok" : r.value.refusal.kind) : `threw: ${r.error}`));
}

const count = (list: string[], value: string) => list.filter((x) => x === value).length;

describe("sign-in throttling under concurrency (separate processes)", () => {
  it(
    "lets only 5 of 15 simultaneous wrong passwords for one e-mail reach the password check",
    { timeout: 180_000 },
    async () => {
      const { email } = await accountWithDemoPassword("dua-email@ngoaivu.test");
      // A different address each, so that only the per-e-mail limit is in play.
      const attempts = Array.from({ length: 15 }, (_, i) => ({ email, password: `wrong-${i}`, ip: `10.50.0.${i}` }));
      const reasons = await raceSignIns(attempts);
      expect(count(reasons, "invalid"), reasons.join(", ")).toBe(MAX_FAILURES_PER_EMAIL);
      expect(count(reasons, "tooMany"), reasons.join(", ")).toBe(15 - MAX_FAILURES_PER_EMAIL);
      const rows = await getDb()
        .selectFrom("login_failures")
        .select("id")
        .where("key", "=", `email:${email}`)
        .execute();
      expect(rows).toHaveLength(MAX_FAILURES_PER_EMAIL);
      // And the account's right password is refused now, like any other attempt.
      const right = await call(login.action, {
        path: "/login",
        form: { email, password: demoAccount("exhibitor").password },
        ip: "10.50.1.1",
      });
      expect(right.status).toBe(429);
    },
  );

  it(
    "lets only the attempts an address has left through when 15 e-mails race from it",
    { timeout: 180_000 },
    async () => {
      const ip = "10.60.0.1";
      const left = 5;
      const at = nowIso();
      await getDb()
        .insertInto("login_failures")
        .values(Array.from({ length: MAX_FAILURES_PER_ADDRESS - left }, () => ({ key: `ip:${ip}`, at })))
        .execute();
      const attempts = Array.from({ length: 15 }, (_, i) => ({
        email: `dua-dia-chi-${i}@ngoaivu.test`,
        password: "x-wrong",
        ip,
      }));
      const reasons = await raceSignIns(attempts);
      expect(count(reasons, "invalid"), reasons.join(", ")).toBe(left);
      expect(count(reasons, "tooMany"), reasons.join(", ")).toBe(15 - left);
      const rows = await getDb().selectFrom("login_failures").select("id").where("key", "=", `ip:${ip}`).execute();
      expect(rows).toHaveLength(MAX_FAILURES_PER_ADDRESS);
    },
  );

  it("releases the reservation of a right password: the address keeps no failure for it, and the e-mail's failures are cleared", async () => {
    const { email, password } = await accountWithDemoPassword("dung-mat-khau@ngoaivu.test");
    const ip = "10.70.0.1";
    expect((await call(login.action, { path: "/login", form: { email, password: "wrong-once" }, ip })).status).toBe(
      400,
    );
    expect((await call(login.action, { path: "/login", form: { email, password }, ip })).status).toBe(302);
    const keys = (
      await getDb()
        .selectFrom("login_failures")
        .select("key")
        .where("key", "in", [`email:${email}`, `ip:${ip}`])
        .execute()
    ).map((r) => r.key);
    expect(keys).toEqual([`ip:${ip}`]);
  });
});
