import { describe, expect, it } from "vitest";
import { getDb } from "~/db.server";
import * as adminPeople from "~/routes/admin.people";
import * as invite from "~/routes/invite.$token";
import * as login from "~/routes/login";
import * as root from "~/root";
import { call, cookieFrom, jsonOf, signInAs } from "../helpers/remix";

async function inviteSomeone(cookie: string, email: string, extra: Record<string, string> = {}) {
  const res = await call(adminPeople.action, {
    path: "/admin/people",
    form: { intent: "invite", fullName: "Đỗ Thị Minh Ngọc", email, role: "delegate", organisationId: "", ...extra },
    cookie,
  });
  return { res, body: await jsonOf<{ invited?: { link: string }; errors: Record<string, string> }>(res) };
}

const tokenOf = (link: string) => link.split("/invite/")[1];

describe("invitations", () => {
  it("lets an invited person set a password once, then sign in", async () => {
    const organiser = await signInAs("organiser");
    const org = await getDb().selectFrom("organisations").select("id").where("code", "=", "prov-lao-cai").executeTakeFirstOrThrow();
    const { res, body } = await inviteSomeone(organiser, "Ngoc.Do@LaoCai.gov.vn", { organisationId: String(org.id) });
    expect(res.status).toBe(200);
    const link = body.invited!.link;
    expect(link).toMatch(/^http:\/\/localhost:3000\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(link);

    // Only the hash is stored, and the e-mail went to the outbox with the link.
    const stored = await getDb().selectFrom("invitations").selectAll().where("email", "=", "ngoc.do@laocai.gov.vn").executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    const mail = await getDb().selectFrom("outbox").selectAll().where("to_email", "=", "ngoc.do@laocai.gov.vn").executeTakeFirstOrThrow();
    expect(mail.body_text).toContain(link);
    expect(mail.body_text).toContain("Đỗ Thị Minh Ngọc");

    const page = await call(invite.loader, { path: `/invite/${token}`, params: { token } });
    expect(page.status).toBe(200);
    expect((await jsonOf(page)).fullName).toBe("Đỗ Thị Minh Ngọc");

    const mismatch = await call(invite.action, { path: `/invite/${token}`, params: { token }, form: { password: "Sa Pa mùa đông 2021", confirm: "other" } });
    expect(mismatch.status).toBe(400);
    expect((await jsonOf(mismatch)).errors).toEqual({ confirm: "errors.passwordMismatch" });

    const accepted = await call(invite.action, { path: `/invite/${token}`, params: { token }, form: { password: "Sa Pa mùa đông 2021", confirm: "Sa Pa mùa đông 2021" } });
    expect(accepted.status).toBe(302);
    const cookie = cookieFrom(accepted)!;
    const me = await jsonOf<{ user: { fullName: string; role: string; organisationVi: string } }>(await call(root.loader, { path: "/", cookie }));
    expect(me.user).toMatchObject({ fullName: "Đỗ Thị Minh Ngọc", role: "delegate", organisationVi: "Lào Cai" });

    // Reuse is refused with a clear state, not a 500.
    const reused = await call(invite.action, { path: `/invite/${token}`, params: { token }, form: { password: "Another one 2021", confirm: "Another one 2021" } });
    expect(reused.status).toBe(410);
    expect((await jsonOf(reused)).state).toBe("used");
    const reopened = await call(invite.loader, { path: `/invite/${token}`, params: { token } });
    expect(reopened.status).toBe(410);

    const signIn = await call(login.action, { path: "/login", form: { email: "ngoc.do@laocai.gov.vn", password: "Sa Pa mùa đông 2021" } });
    expect(signIn.status).toBe(302);
  });

  it("refuses an expired invitation", async () => {
    const organiser = await signInAs("organiser");
    const { body } = await inviteSomeone(organiser, "expired@ngoaivu.test");
    const token = tokenOf(body.invited!.link);
    await getDb().updateTable("invitations").set({ expires_at: "2020-01-01T00:00:00.000Z" }).where("email", "=", "expired@ngoaivu.test").execute();
    const page = await call(invite.loader, { path: `/invite/${token}`, params: { token } });
    expect(page.status).toBe(410);
    expect((await jsonOf(page)).state).toBe("expired");
    const post = await call(invite.action, { path: `/invite/${token}`, params: { token }, form: { password: "Hạ Long 2021 ok", confirm: "Hạ Long 2021 ok" } });
    expect(post.status).toBe(410);
    const user = await getDb().selectFrom("users").select("id").where("email", "=", "expired@ngoaivu.test").executeTakeFirst();
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
    const firstToken = tokenOf(first.body.invited!.link);
    expect((await jsonOf(await call(invite.loader, { path: "/invite/x", params: { token: firstToken } }))).state).toBe("revoked");
    const pending = await getDb().selectFrom("invitations").select("id").where("email", "=", "twice@ngoaivu.test").where("revoked_at", "is", null).executeTakeFirstOrThrow();
    const revoke = await call(adminPeople.action, { path: "/admin/people", form: { intent: "revoke", invitationId: String(pending.id) }, cookie: organiser });
    expect(revoke.status).toBe(200);
    const secondToken = tokenOf(second.body.invited!.link);
    expect((await call(invite.loader, { path: "/invite/x", params: { token: secondToken } })).status).toBe(410);
  });

  it("refuses to invite an e-mail that already has an account, or an unknown organisation", async () => {
    const organiser = await signInAs("organiser");
    const taken = await inviteSomeone(organiser, "thu-ky@ngoaivu.test");
    expect(taken.res.status).toBe(400);
    expect(taken.body.errors).toEqual({ email: "people.alreadyMember" });
    const unknownOrg = await inviteSomeone(organiser, "new@ngoaivu.test", { organisationId: "999999" });
    expect(unknownOrg.body.errors).toEqual({ organisationId: "errors.unknownOrganisation" });
    const bad = await inviteSomeone(organiser, "not an email", { role: "king" });
    expect(bad.body.errors).toMatchObject({ email: "errors.email", role: "errors.choice" });
  });
});
