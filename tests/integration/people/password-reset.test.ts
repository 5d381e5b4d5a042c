import { describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import * as forgot from "~/routes/forgot-password";
import * as invite from "~/routes/invite.$token";
import * as login from "~/routes/login";
import * as root from "~/root";
import { RESETS_PER_RECIPIENT_PER_HOUR } from "~/features/people/password-reset.server";
import { linkMailedTo } from "../../helpers/registration";
import { call, cookieFrom, jsonOf, signInAs } from "../../helpers/remix";

/** "Quên mật khẩu?" from the attacker's side and the owner's. */
const ask = (email: string, ip = "10.1.1.1") => call(forgot.action, { path: "/forgot-password", form: { email }, ip });
const outboxCount = async () =>
  Number(
    (
      await getDb()
        .selectFrom("outbox")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("password reset", () => {
  it("answers the same for a known and an unknown address, and mails only the known one", async () => {
    const before = await outboxCount();
    const known = await ask("dai-bieu.bacgiang@ngoaivu.test");
    const unknown = await ask("khong-ai@ngoaivu.test");
    for (const res of [known, unknown]) {
      expect(res.status).toBe(302);
      expect(res.headers.get("Location")).toBe("/forgot-password?sent=1");
    }
    expect(await outboxCount()).toBe(before + 1);
    expect(await linkMailedTo("dai-bieu.bacgiang@ngoaivu.test", "password.reset")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await linkMailedTo("khong-ai@ngoaivu.test", "password.reset")).toBeNull();
  });

  it("sets a new password once, ends every other session, and the old password no longer works", async () => {
    const email = "to-chuc@ngoaivu.test";
    const saved = await getDb()
      .selectFrom("users")
      .select(["password_hash"])
      .where("email", "=", email)
      .executeTakeFirstOrThrow();
    const other = await signInAs("organiser");
    await ask(email);
    const token = (await linkMailedTo(email, "password.reset"))!;
    const page = await jsonOf<{ state: string; reset: boolean; registration: boolean }>(
      await call(invite.loader, { path: `/invite/${token}`, params: { token } }),
    );
    expect(page).toMatchObject({ state: "valid", reset: true, registration: false });
    const done = await call(invite.action, {
      path: `/invite/${token}`,
      params: { token },
      form: { password: "Mật khẩu mới Hà Nội 2027", confirm: "Mật khẩu mới Hà Nội 2027" },
    });
    expect(done.status).toBe(302);
    // The session opened before the reset has ended; the new one keeps the role.
    expect((await jsonOf<{ user: unknown }>(await call(root.loader, { path: "/", cookie: other }))).user).toBeNull();
    expect(
      (await jsonOf<{ user: { role: string } }>(await call(root.loader, { path: "/", cookie: cookieFrom(done)! }))).user
        .role,
    ).toBe("organiser");
    expect(
      (
        await call(invite.action, {
          path: `/invite/${token}`,
          params: { token },
          form: { password: "Lần nữa Hà Nội 2027", confirm: "Lần nữa Hà Nội 2027" },
        })
      ).status,
    ).toBe(410);
    const signIn = await call(login.action, {
      path: "/login",
      form: { email, password: "Mật khẩu mới Hà Nội 2027" },
      ip: "10.1.1.9",
    });
    expect(signIn.status).toBe(302);
    await getDb().updateTable("users").set(saved).where("email", "=", email).execute();
  });

  it("expires after an hour, and sends nothing for a disabled account", async () => {
    await ask("dai-bieu.bacgiang@ngoaivu.test", "10.1.1.2");
    const token = (await linkMailedTo("dai-bieu.bacgiang@ngoaivu.test", "password.reset"))!;
    const row = await getDb()
      .selectFrom("invitations")
      .select(["created_at", "expires_at", "purpose"])
      .where("purpose", "=", "reset")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(Math.abs(Date.parse(row.expires_at) - Date.parse(row.created_at) - 3_600_000)).toBeLessThan(1000);
    await getDb()
      .updateTable("invitations")
      .set({ expires_at: "2020-01-01T00:00:00.000Z" })
      .where("purpose", "=", "reset")
      .execute();
    expect((await call(invite.loader, { path: `/invite/${token}`, params: { token } })).status).toBe(410);

    await getDb()
      .updateTable("users")
      .set({ disabled_at: "2020-01-01T00:00:00.000Z" })
      .where("email", "=", "trung-bay@ngoaivu.test")
      .execute();
    const before = await outboxCount();
    expect((await ask("trung-bay@ngoaivu.test", "10.1.1.3")).status).toBe(302);
    expect(await outboxCount()).toBe(before);
  });

  it("limits requests per recipient and per address, whether or not the address is known (no mail bomb)", async () => {
    const victim = "dai-su.nhatban@ngoaivu.test";
    const before = await outboxCount();
    const answers = [];
    for (let i = 0; i < RESETS_PER_RECIPIENT_PER_HOUR + 3; i++) answers.push((await ask(victim, `10.2.0.${i}`)).status);
    expect(answers.filter((s) => s === 302)).toHaveLength(RESETS_PER_RECIPIENT_PER_HOUR);
    expect(answers.filter((s) => s === 429)).toHaveLength(3);
    expect(await outboxCount()).toBe(before + RESETS_PER_RECIPIENT_PER_HOUR);
    const refused = await ask(victim, "10.2.9.9");
    expect((await jsonOf<{ errors: Record<string, string> }>(refused)).errors[""]).toBe("reset.tooMany");
    // One address trying many e-mails, known or not, is limited too.
    const fromOne = [];
    for (let i = 0; i < 12; i++) fromOne.push((await ask(`doan-${i}@khong-co.test`, "10.3.3.3")).status);
    expect(fromOne.filter((s) => s === 429)).toHaveLength(2);
  });
});
