import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { call, jsonOf, signInAs } from "../../helpers/remix";
import { applicationFields, boothFor, clearDemoApplication, demoUserId, png, postForm } from "./application-support";

/**
 * The application's life through the real routes: draft → submit → edit → reject (mailed with its
 * reason) → submit again → approve (mailed) → allocated (a row in booth_allocations) → read-only,
 * and the change request (audited, mailed to the organisers) answered by an organiser.
 */
const APPLY = "/exhibition/apply";
let dir: string;
let exhibitor: string;
let organiser: string;
let secretariat: string;
let delegate: string;
let apply: typeof import("~/routes/exhibition.apply");
let admin: typeof import("~/routes/admin.exhibition.applications.$id");
let list: typeof import("~/routes/admin.exhibition.applications._index");

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "apply-"));
  process.env.UPLOADS_DIR = dir;
  [exhibitor, organiser, secretariat, delegate] = await Promise.all(
    (["exhibitor", "organiser", "secretariat", "delegate"] as const).map(signInAs),
  );
  // The demo seed may give the demo exhibitor an application already: this file starts from none.
  await clearDemoApplication();
  apply = await import("~/routes/exhibition.apply");
  admin = await import("~/routes/admin.exhibition.applications.$id");
  list = await import("~/routes/admin.exhibition.applications._index");
});
afterAll(() => {
  delete process.env.UPLOADS_DIR;
  rmSync(dir, { recursive: true, force: true });
});

const own = async () =>
  getDb()
    .selectFrom("exhibitors")
    .selectAll()
    .where("user_id", "=", await demoUserId())
    .executeTakeFirstOrThrow();
const mails = (kind: string) =>
  getDb().selectFrom("outbox").select(["to_email", "subject", "body_text"]).where("kind", "=", kind).execute();
const decide = (id: number, form: Record<string, string>, cookie = organiser) =>
  postForm(
    admin.action,
    `/admin/exhibition/applications/${id}`,
    { intent: "decide", ...form },
    { cookie, params: { id: String(id) } },
  );

describe("an exhibitor's application, from draft to allocation", () => {
  it("is only the exhibitor's page", async () => {
    expect((await call(apply.loader, { path: APPLY, cookie: delegate })).status).toBe(403);
    expect((await call(apply.loader, { path: APPLY })).status).toBe(302);
    const page = await jsonOf<{ application: unknown; defaults: Record<string, string> }>(
      await call(apply.loader, { path: APPLY, cookie: exhibitor }),
    );
    expect(page.application).toBeNull();
    expect(page.defaults.contactEmail).toBe("trung-bay@ngoaivu.test");
  });

  it("saves a draft, refuses to submit it without products, then submits it with one", async () => {
    const fields = await applicationFields();
    const saved = await postForm(apply.action, APPLY, { intent: "save", ...fields }, { cookie: exhibitor });
    expect(saved.status).toBe(302);
    const draft = await own();
    expect(draft).toMatchObject({ status: "draft", booths_needed: 1, min_area: 9, near_province: 1 });
    expect(JSON.parse(draft.zone_wishes)).toEqual(["ocop", "food"]);
    expect(JSON.parse(draft.type_wishes)).toEqual(["corner", "standard"]);

    const early = await postForm(apply.action, APPLY, { intent: "submit", ...fields }, { cookie: exhibitor });
    expect(early.status).toBe(400);
    expect((await jsonOf<{ errors: Record<string, string> }>(early)).errors[""]).toBe(
      "exhibition.applications.errors.noProducts",
    );
    expect((await own()).status).toBe("draft");

    const product = await postForm(
      apply.action,
      APPLY,
      {
        intent: "add-product",
        nameVi: "Vải thiều Lục Ngạn",
        nameEn: "Luc Ngan lychee",
        category: "fruit",
        caption: "Vải",
      },
      { cookie: exhibitor, files: { photo: { bytes: await png(), name: "vai.png", type: "image/png" } } },
    );
    expect(product.status).toBe(302);
    expect(
      await getDb().selectFrom("exhibitor_photos").select("id").where("exhibitor_id", "=", draft.id).execute(),
    ).toHaveLength(1);

    const submitted = await postForm(apply.action, APPLY, { intent: "submit", ...fields }, { cookie: exhibitor });
    expect(submitted.status).toBe(302);
    expect(await own()).toMatchObject({ status: "submitted" });
    expect((await own()).submitted_at).not.toBeNull();
  });

  it("keeps a submitted application submitted while the exhibitor edits it", async () => {
    const edited = await postForm(
      apply.action,
      APPLY,
      { intent: "save", ...(await applicationFields({ zone1: "handicrafts", zone2: "" })) },
      { cookie: exhibitor },
    );
    expect(edited.status).toBe(302);
    expect(await own()).toMatchObject({ status: "submitted", zone_wishes: '["handicrafts"]' });
  });

  it("lists it for staff with counts, and finds it without diacritics", async () => {
    type Page = {
      rows: Array<{ id: number; status: string }>;
      counts: Record<string, number>;
      shown: number;
      total: number;
    };
    const path = (q: string) => `/admin/exhibition/applications?${q}`;
    const page = await jsonOf<Page>(
      await call(list.loader, { path: path("q=vai%20thieu&status=submitted"), cookie: secretariat }),
    );
    expect(page.rows.map((r) => r.id)).toContain((await own()).id);
    expect(page.rows.every((r) => r.status === "submitted")).toBe(true);
    expect(page.counts.submitted).toBe(page.shown);
    // Typed with its diacritics and capitals, the same finding; a word nobody uses finds nothing.
    const typed = await jsonOf<Page>(
      await call(list.loader, { path: path(`q=${encodeURIComponent("VẢI Thiều")}`), cookie: secretariat }),
    );
    expect(typed.rows.map((r) => r.id)).toContain((await own()).id);
    const none = await jsonOf<Page>(await call(list.loader, { path: path("q=zzqx"), cookie: secretariat }));
    expect(none.shown).toBe(0);
    expect(none.total).toBe(page.total);
    expect((await call(list.loader, { path: "/admin/exhibition/applications", cookie: exhibitor })).status).toBe(403);
  });

  it("is rejected only with a reason (mailed), and the secretariat may not decide", async () => {
    const { id } = await own();
    expect((await decide(id, { decision: "reject", reason: "" }, secretariat)).status).toBe(403);
    const noReason = await decide(id, { decision: "reject", reason: " " });
    expect(noReason.status).toBe(400);
    expect((await jsonOf<{ errors: Record<string, string> }>(noReason)).errors.reason).toBe(
      "exhibition.applications.errors.reasonRequired",
    );
    expect((await decide(id, { decision: "reject", reason: "Thiếu ảnh sản phẩm rõ nét" })).status).toBe(302);
    expect(await own()).toMatchObject({ status: "rejected", decision_reason: "Thiếu ảnh sản phẩm rõ nét" });
    const [mail] = await mails("exhibition.rejected");
    expect(mail.to_email).toBe("lien-he@lucngan.test");
    expect(mail.body_text).toContain("Thiếu ảnh sản phẩm rõ nét");
    expect(mail.subject).toContain("chưa được chấp thuận");
  });

  it("is submitted again and approved (mailed, audited)", async () => {
    expect(
      (await postForm(apply.action, APPLY, { intent: "submit", ...(await applicationFields()) }, { cookie: exhibitor }))
        .status,
    ).toBe(302);
    const { id } = await own();
    expect((await decide(id, { decision: "approve", reason: "" })).status).toBe(302);
    expect(await own()).toMatchObject({ status: "approved", decision_reason: "" });
    expect(await mails("exhibition.approved")).toHaveLength(1);
    const audit = await getDb()
      .selectFrom("audit_log")
      .select("action")
      .where("entity", "=", "exhibitor")
      .where("entity_id", "=", String(id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "exhibition_application.approve",
        "exhibition_application.reject",
        "exhibition_application.submit",
      ]),
    );
  });

  it("goes back for approval when the exhibitor changes its province (a claim until approved)", async () => {
    const other = await getDb()
      .selectFrom("organisations")
      .select("id")
      .where("code", "=", "prov-ha-noi")
      .executeTakeFirst();
    const provinceId = String(
      other?.id ??
        (
          await getDb()
            .selectFrom("organisations")
            .select("id")
            .where("kind", "=", "province")
            .where("code", "<>", "prov-bac-giang")
            .executeTakeFirstOrThrow()
        ).id,
    );
    await postForm(
      apply.action,
      APPLY,
      { intent: "save", ...(await applicationFields({ provinceId })) },
      { cookie: exhibitor },
    );
    expect(await own()).toMatchObject({ status: "submitted", decided_at: null });
    await postForm(apply.action, APPLY, { intent: "save", ...(await applicationFields()) }, { cookie: exhibitor });
    expect((await decide((await own()).id, { decision: "approve" })).status).toBe(302);
    expect((await own()).status).toBe("approved");
  });

  it("is read-only once a booth is allocated; the exhibitor asks for changes instead", async () => {
    const { id } = await own();
    await boothFor(id, "A01");
    const page = await jsonOf<{ application: { allocated: boolean; booths: Array<{ code: string }> } }>(
      await call(apply.loader, { path: APPLY, cookie: exhibitor }),
    );
    expect(page.application.allocated).toBe(true);
    expect(page.application.booths.map((b) => b.code)).toEqual(["A01"]);

    const edit = await postForm(
      apply.action,
      APPLY,
      { intent: "save", ...(await applicationFields({ nameEn: "Changed" })) },
      { cookie: exhibitor },
    );
    expect(edit.status).toBe(409);
    expect((await own()).name_en).toBe("Luc Ngan Agricultural Cooperative");
    expect((await postForm(apply.action, APPLY, { intent: "withdraw" }, { cookie: exhibitor })).status).toBe(409);
    expect(
      (
        await postForm(
          apply.action,
          APPLY,
          { intent: "add-product", nameVi: "Mật ong", category: "other" },
          { cookie: exhibitor },
        )
      ).status,
    ).toBe(409);
    expect((await decide(id, { decision: "reject", reason: "Muộn" })).status).toBe(409);

    const empty = await postForm(
      apply.action,
      APPLY,
      { intent: "request-change", request: "  " },
      { cookie: exhibitor },
    );
    expect(empty.status).toBe(400);
    const asked = await postForm(
      apply.action,
      APPLY,
      { intent: "request-change", request: "Xin chuyển sang gian có điện" },
      { cookie: exhibitor },
    );
    expect(asked.status).toBe(302);
    expect((await own()).change_request).toBe("Xin chuyển sang gian có điện");
    const toOrganisers = await mails("exhibition.changeRequest");
    expect(toOrganisers.map((m) => m.to_email)).toContain("to-chuc@ngoaivu.test");
    expect(toOrganisers[0].body_text).toContain("Xin chuyển sang gian có điện");
    const audited = await getDb()
      .selectFrom("audit_log")
      .select("detail")
      .where("action", "=", "exhibition_application.change_request")
      .executeTakeFirstOrThrow();
    expect(audited.detail).toContain("Xin chuyển sang gian có điện");
  });

  it("the organisers answer the change request and mark it handled", async () => {
    const { id } = await own();
    const answer = { intent: "answer", answer: "Đã chuyển sang gian A02 có điện" };
    const opts = { params: { id: String(id) } };
    expect(
      (await postForm(admin.action, `/admin/exhibition/applications/${id}`, answer, { ...opts, cookie: secretariat }))
        .status,
    ).toBe(403);
    expect(
      (await postForm(admin.action, `/admin/exhibition/applications/${id}`, answer, { ...opts, cookie: organiser }))
        .status,
    ).toBe(302);
    expect(await own()).toMatchObject({ change_request: "", change_requested_at: null });
    const [reply] = await mails("exhibition.changeAnswer");
    expect(reply.body_text).toContain("Đã chuyển sang gian A02 có điện");
    const again = await postForm(admin.action, `/admin/exhibition/applications/${id}`, answer, {
      ...opts,
      cookie: organiser,
    });
    expect(again.status).toBe(409);
  });

  it("shows staff the application in full, and 404 for an unknown one", async () => {
    const { id } = await own();
    const page = await jsonOf<{
      application: { products: unknown[]; photos: unknown[]; booths: unknown[] };
      canDecide: boolean;
    }>(
      await call(admin.loader, {
        path: `/admin/exhibition/applications/${id}`,
        cookie: secretariat,
        params: { id: String(id) },
      }),
    );
    expect(page.canDecide).toBe(false);
    expect(page.application.products).toHaveLength(1);
    expect(page.application.photos).toHaveLength(1);
    expect(page.application.booths).toHaveLength(1);
    const missing = await call(admin.loader, {
      path: "/admin/exhibition/applications/99999",
      cookie: organiser,
      params: { id: "99999" },
    });
    expect(missing.status).toBe(404);
  });
});
