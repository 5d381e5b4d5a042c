import { describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import * as adminOutbox from "~/routes/admin.outbox";
import * as adminPeople from "~/routes/admin.people";
import * as invite from "~/routes/invite.$token";
import * as login from "~/routes/login";
import * as root from "~/root";
import { linkMailedTo } from "../../helpers/registration";
import { call, cookieFrom, jsonOf, signInAs } from "../../helpers/remix";

async function inviteSomeone(cookie: string, email: string, extra: Record<string, string> = {}) {
  const res = await call(adminPeople.action, {
    path: "/admin/people",
    form: { intent: "invite", fullName: "Đỗ Thị Minh Ngọc", email, role: "delegate", organisationId: "", ...extra },
    cookie,
  });
  const body = await jsonOf<{ invited?: { email: string }; errors: Record<string, string> }>(res);
  // The link reaches only the invitee's mailbox (the outbox row as stored; staff see it redacted).
  const token = res.status === 200 ? await linkMailedTo(email.toLowerCase(), "invitation") : null;
  return { res, body, token };
}

describe("invitations", () => {
  it("lets an invited person set a password once, then sign in", async () => {
    const organiser = await signInAs("organiser");
    const org = await getDb()
      .selectFrom("organisations")
      .select("id")
      .where("code", "=", "prov-lao-cai")
      .executeTakeFirstOrThrow();
    const {
      res,
      body,
      token: mailed,
    } = await inviteSomeone(organiser, "Ngoc.Do@LaoCai.gov.vn", { organisationId: String(org.id) });
    expect(res.status).toBe(200);
    // The organiser is told it was sent, not given the link.
    expect(JSON.stringify(body)).not.toContain("/invite/");
    const token = mailed!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const link = `http://localhost:3000/invite/${token}`;

    // Only the hash is stored, and the e-mail went to the outbox with the link.
    const stored = await getDb()
      .selectFrom("invitations")
      .selectAll()
      .where("email", "=", "ngoc.do@laocai.gov.vn")
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    const mail = await getDb()
      .selectFrom("outbox")
      .selectAll()
      .where("to_email", "=", "ngoc.do@laocai.gov.vn")
      .executeTakeFirstOrThrow();
    expect(mail.body_text).toContain(link);
    expect(mail.body_text).toContain("Đỗ Thị Minh Ngọc");
    // Staff reading the outbox (page or its JSON) never see the live link.
    for (const key of ["organiser", "secretariat"] as const) {
      const outbox = await (
        await call(adminOutbox.loader, { path: "/admin/outbox", cookie: await signInAs(key) })
      ).text();
      expect(outbox).toContain("Đỗ Thị Minh Ngọc");
      expect(outbox).not.toContain(token);
    }

    const page = await call(invite.loader, { path: `/invite/${token}`, params: { token } });
    expect(page.status).toBe(200);
    expect((await jsonOf(page)).fullName).toBe("Đỗ Thị Minh Ngọc");

    const mismatch = await call(invite.action, {
      path: `/invite/${token}`,
      params: { token },
      form: { password: "Sa Pa mùa đông 2021", confirm: "other" },
    });
    expect(mismatch.status).toBe(400);
    expect((await jsonOf(mismatch)).errors).toEqual({ confirm: "errors.passwordMismatch" });

    const accepted = await call(invite.action, {
      path: `/invite/${token}`,
      params: { token },
      form: { password: "Sa Pa mùa đông 2021", confirm: "Sa Pa mùa đông 2021" },
    });
    expect(accepted.status).toBe(302);
    const cookie = cookieFrom(accepted)!;
    const me = await jsonOf<{ user: { fullName: string; role: string; organisationVi: string } }>(
      await call(root.loader, { path: "/", cookie }),
    );
    expect(me.user).toMatchObject({ fullName: "Đỗ Thị Minh Ngọc", role: "delegate", organisationVi: "Lào Cai" });

    // Reuse is refused with a clear state, not a 500.
    const reused = await call(invite.action, {
      path: `/invite/${token}`,
      params: { token },
      form: { password: "Another one 2021", confirm: "Another one 2021" },
    });
    expect(reused.status).toBe(410);
    expect((await jsonOf(reused)).state).toBe("used");
    const reopened = await call(invite.loader, { path: `/invite/${token}`, params: { token } });
    expect(reopened.status).toBe(410);

    const signIn = await call(login.action, {
      path: "/login",
      form: { email: "ngoc.do@laocai.gov.vn", password: "Sa Pa mùa đông 2021" },
    });
    expect(signIn.status).toBe(302);
  });

  it("refuses an expired invitation", async () => {
    const organiser = await signInAs("organiser");
    const { token } = await inviteSomeone(organiser, "expired@ngoaivu.test");
    await getDb()
      .updateTable("invitations")
      .set({ expires_at: "2020-01-01T00:00:00.000Z" })
      .where("email", "=", "expired@ngoaivu.test")
      .execute();
    const page = await call(invite.loader, { path: `/invite/${token}`, params: { token: token! } });
    expect(page.status).toBe(410);
    expect((await jsonOf(page)).state).toBe("expired");
    const post = await call(invite.action, {
      path: `/invite/${token}`,
      params: { token: token! },
      form: { password: "Hạ Long 2021 ok", confirm: "Hạ Long 2021 ok" },
    });
    expect(post.status).toBe(410);
    const user = await getDb()
      .selectFrom("users")
      .select("id")
      .where("email", "=", "expired@ngoaivu.test")
      .executeTakeFirst();
    expect(user).toBeUndefined();
  });

  it("refuses a made-up or truncated token with 404", async () => {
    for (const token of ["abc", "A".repeat(43), "../../etc/passwd"]) {
      const page = await call(invite.loader, { path: `/invite/x`, params: { token } });
      expect(page.status).toBe(404);
      expect((await jsonOf(page)).state).toBe("invalid");
    }
  });

  it("withdraws the earlier invitation when the same person is invited again, and on revoke", async () => {
    const organiser = await signInAs("organiser");
    const first = await inviteSomeone(organiser, "twice@ngoaivu.test");
    const second = await inviteSomeone(organiser, "twice@ngoaivu.test");
    const firstToken = first.token!;
    expect((await jsonOf(await call(invite.loader, { path: "/invite/x", params: { token: firstToken } }))).state).toBe(
      "revoked",
    );
    const pending = await getDb()
      .selectFrom("invitations")
      .select("id")
      .where("email", "=", "twice@ngoaivu.test")
      .where("revoked_at", "is", null)
      .executeTakeFirstOrThrow();
    const revoke = await call(adminPeople.action, {
      path: "/admin/people",
      form: { intent: "revoke", invitationId: String(pending.id) },
      cookie: organiser,
    });
    expect(revoke.status).toBe(200);
    const secondToken = second.token!;
    expect((await call(invite.loader, { path: "/invite/x", params: { token: secondToken } })).status).toBe(410);
  });

  it("invites an e-mail that already has an account: accepting ends its other sessions before the new role applies", async () => {
    const organiser = await signInAs("organiser");
    const before = await signInAs("secretariat");
    const saved = await getDb()
      .selectFrom("users")
      .select(["role", "password_hash"])
      .where("email", "=", "thu-ky@ngoaivu.test")
      .executeTakeFirstOrThrow();
    const taken = await inviteSomeone(organiser, "thu-ky@ngoaivu.test", { role: "organiser" });
    expect(taken.res.status).toBe(200);
    // The live session keeps its old role until the link is followed, and then ends.
    const stillSecretariat = await jsonOf<{ user: { role: string } | null }>(
      await call(root.loader, { path: "/", cookie: before }),
    );
    expect(stillSecretariat.user?.role).toBe("secretariat");
    const accepted = await call(invite.action, {
      path: `/invite/${taken.token}`,
      params: { token: taken.token! },
      form: { password: "Hồ Gươm 2021 mới", confirm: "Hồ Gươm 2021 mới" },
    });
    expect(accepted.status).toBe(302);
    expect((await jsonOf<{ user: unknown }>(await call(root.loader, { path: "/", cookie: before }))).user).toBeNull();
    const after = await jsonOf<{ user: { role: string } }>(
      await call(root.loader, { path: "/", cookie: cookieFrom(accepted)! }),
    );
    expect(after.user.role).toBe("organiser");
    await getDb().updateTable("users").set(saved).where("email", "=", "thu-ky@ngoaivu.test").execute();
  });

  it("disabling an account revokes its pending links, and a link never reopens a disabled account", async () => {
    const organiser = await signInAs("organiser");
    const email = "dai-bieu.bacgiang@ngoaivu.test";
    const user = await getDb()
      .selectFrom("users")
      .select(["id", "password_hash"])
      .where("email", "=", email)
      .executeTakeFirstOrThrow();
    const before = await inviteSomeone(organiser, email);
    const disable = await call(adminPeople.action, {
      path: "/admin/people",
      form: { intent: "disable", userId: user.id },
      cookie: organiser,
    });
    expect(disable.status).toBe(200);
    expect(
      (await jsonOf(await call(invite.loader, { path: "/invite/x", params: { token: before.token! } }))).state,
    ).toBe("revoked");
    // A link sent after the account was disabled is refused too, and the account stays disabled.
    const after = await inviteSomeone(organiser, email);
    const tried = await call(invite.action, {
      path: "/invite/x",
      params: { token: after.token! },
      form: { password: "Bắc Giang 2021 mới", confirm: "Bắc Giang 2021 mới" },
    });
    expect(tried.status).toBe(410);
    const row = await getDb()
      .selectFrom("users")
      .select(["disabled_at", "password_hash"])
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(row.disabled_at).not.toBeNull();
    expect(row.password_hash).toBe(user.password_hash);
    expect(
      (
        await getDb()
          .selectFrom("invitations")
          .select("used_at")
          .where("email", "=", email)
          .orderBy("id", "desc")
          .executeTakeFirstOrThrow()
      ).used_at,
    ).toBeNull();
    await call(adminPeople.action, {
      path: "/admin/people",
      form: { intent: "enable", userId: user.id },
      cookie: organiser,
    });
  });

  it("a head invited to another organisation no longer heads the first", async () => {
    const organiser = await signInAs("organiser");
    const email = "dai-su.nhatban@ngoaivu.test";
    const before = await getDb()
      .selectFrom("users")
      .select(["organisation_id", "heads_organisation", "password_hash"])
      .where("email", "=", email)
      .executeTakeFirstOrThrow();
    expect(before.heads_organisation).toBe(1);
    const korea = await getDb()
      .selectFrom("organisations")
      .select("id")
      .where("code", "=", "mis-emb-kr")
      .executeTakeFirstOrThrow();
    const { token } = await inviteSomeone(organiser, email, { organisationId: String(korea.id) });
    expect(
      (
        await call(invite.action, {
          path: "/invite/x",
          params: { token: token! },
          form: { password: "Seoul Hà Nội 2027 ok", confirm: "Seoul Hà Nội 2027 ok" },
        })
      ).status,
    ).toBe(302);
    expect(
      await getDb()
        .selectFrom("users")
        .select(["organisation_id", "heads_organisation"])
        .where("email", "=", email)
        .executeTakeFirstOrThrow(),
    ).toEqual({ organisation_id: korea.id, heads_organisation: 0 });
    await getDb().updateTable("users").set(before).where("email", "=", email).execute();
  });

  it("refuses an unknown organisation and bad input", async () => {
    const organiser = await signInAs("organiser");
    const unknownOrg = await inviteSomeone(organiser, "new@ngoaivu.test", { organisationId: "999999" });
    expect(unknownOrg.body.errors).toEqual({ organisationId: "errors.unknownOrganisation" });
    const bad = await inviteSomeone(organiser, "not an email", { role: "king" });
    expect(bad.body.errors).toMatchObject({ email: "errors.email", role: "errors.choice" });
  });
});
