import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "~/db.server";
import * as account from "~/routes/account";
import * as adminPeople from "~/routes/admin.people";
import * as root from "~/root";
import * as hashedSessions from "../../db/migrations/2026-12-01-009-hashed-sessions";
import { call, demoAccount, jsonOf, signInAs } from "../helpers/remix";

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
const cookieValue = (cookie: string) => cookie.slice("nv_session=".length);

async function userId(key: Parameters<typeof demoAccount>[0]) {
  return (await getDb().selectFrom("users").select("id").where("email", "=", demoAccount(key).email).executeTakeFirstOrThrow()).id;
}

describe("session ids are stored hashed", () => {
  it("keeps only the SHA-256 of the cookie's id in auth_sessions", async () => {
    const cookie = await signInAs("secretariat");
    const id = cookieValue(cookie);
    const rows = await getDb().selectFrom("auth_sessions").select("id").execute();
    expect(rows.map((r) => r.id)).not.toContain(id);
    const mine = await getDb().selectFrom("auth_sessions").select("user_id").where("id", "=", sha256(id)).executeTakeFirst();
    expect(mine?.user_id).toBe(await userId("secretariat"));
  });

  it("does not accept a stored (hashed) id as a cookie: a copy of the database signs nobody in", async () => {
    const cookie = await signInAs("organiser");
    const stored = sha256(cookieValue(cookie));
    expect(await getDb().selectFrom("auth_sessions").select("id").where("id", "=", stored).executeTakeFirst()).toBeDefined();
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
      call(account.action, { path: "/account", form: { intent: "password", currentPassword: from, password: to, confirm: to }, cookie: here });
    expect(await jsonOf(await change(password, "mot-mat-khau-moi-2026"))).toMatchObject({ done: "account.passwordChanged" });
    expect((await jsonOf(await call(root.loader, { path: "/", cookie: here }))).user).not.toBeNull();
    expect((await jsonOf(await call(root.loader, { path: "/", cookie: elsewhere }))).user).toBeNull();
    // Back to the demo password, for the other tests of this file.
    expect(await jsonOf(await change("mot-mat-khau-moi-2026", password))).toMatchObject({ done: "account.passwordChanged" });
  });

  it("migration 009 ends the sessions written before it (their rows hold the ids themselves)", async () => {
    const db = getDb();
    const at = new Date().toISOString();
    await db.insertInto("auth_sessions").values({ id: "an-unhashed-session-id", user_id: await userId("delegate"), expires_at: at, created_at: at }).execute();
    await hashedSessions.up(db);
    expect(await db.selectFrom("auth_sessions").select("id").execute()).toEqual([]);
  });
});
