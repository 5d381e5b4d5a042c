import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { ORGANISATION_KINDS } from "~/auth/roles";
import { getBadge, getOwnBadge, listBatchBadges } from "~/features/registration/badges.server";
import { createRegistration, decideRegistrations } from "~/features/registration/registrations.server";
import { loader as batchLoader } from "~/routes/admin.badges[.]pdf";
import { loader as staffLoader } from "~/routes/admin.delegates.$id.badge[.]pdf";
import { loader as ownLoader } from "~/routes/my-registration.badge[.]pdf";
import { demoConference, organisationId, registrationInput, resetRegistrations } from "../../helpers/factories";
import { call, demoAccount, signInAs } from "../../helpers/remix";
import type { RegistrationInput } from "~/features/registration/schema";

const actor = { id: null, ip: null };
const pageCount = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

async function userId(key: "delegate" | "ambassador") {
  return (
    await getDb().selectFrom("users").select("id").where("email", "=", demoAccount(key).email).executeTakeFirstOrThrow()
  ).id;
}

/** A registration for a demo account, through the same model the form uses. */
async function registerAccount(
  key: "delegate" | "ambassador",
  overrides: Partial<RegistrationInput> & { organisationId: number },
) {
  const conference = await demoConference(600);
  const id = await userId(key);
  const result = await getDb()
    .transaction()
    .execute((trx) =>
      createRegistration(trx, registrationInput({ email: demoAccount(key).email, ...overrides }), {
        conferenceId: conference.id,
        userId: id,
        attachExistingAccount: false,
        actor,
      }),
    );
  if (!result.ok) throw new Error(JSON.stringify(result.refusal));
  return { conference, registrationId: result.registrationId, userId: id };
}

beforeEach(resetRegistrations);

describe("a delegate's own badge", () => {
  it("is a one-page PDF for its owner once approved, never cached", async () => {
    const org = await organisationId("mis-emb-jp");
    const {
      conference,
      registrationId,
      userId: owner,
    } = await registerAccount("ambassador", {
      organisationId: org,
      honorific: "he",
      fullName: "Nguyễn Thị Phương Thảo",
      position: "Đại sứ Đặc mệnh Toàn quyền nước Cộng hòa xã hội chủ nghĩa Việt Nam tại Nhật Bản",
    });
    const cookie = await signInAs("ambassador");

    const pending = await call(ownLoader, { path: "/my-registration/badge.pdf", cookie });
    expect(pending.status).toBe(404);
    expect(await pending.text()).toContain("chưa có đăng ký được chấp thuận");

    await decideRegistrations(conference.id, [registrationId], "approved", actor);
    const response = await call(ownLoader, { path: "/my-registration/badge.pdf", cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^inline; filename="badge-20-nguyen-thi-phuong-thao\.pdf"$/,
    );
    const pdf = await bytesOf(response);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pageCount(pdf)).toBe(1);

    const badge = await getOwnBadge(owner, conference.id);
    expect(badge).toMatchObject({
      registrationId,
      fullName: "Nguyễn Thị Phương Thảo",
      organisationKind: "mission",
      status: "approved",
    });
  });

  it("is refused with a clear message to a delegate with no registration, and never shows another's", async () => {
    const org = await organisationId("prov-bac-giang");
    const { conference, registrationId } = await registerAccount("delegate", { organisationId: org });
    await decideRegistrations(conference.id, [registrationId], "approved", actor);

    const cookie = await signInAs("ambassador");
    const response = await call(ownLoader, { path: "/my-registration/badge.pdf", cookie });
    expect(response.status).toBe(404);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/plain/);
    expect(await response.text()).toMatch(/chưa có đăng ký được chấp thuận/);
    expect(await getOwnBadge(await userId("ambassador"), conference.id)).toBeNull();
  });

  it("sends a visitor to sign in", async () => {
    const response = await call(ownLoader, { path: "/my-registration/badge.pdf" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });
});

describe("staff badges", () => {
  it("lets organisers and the secretariat print any delegate's badge, and refuses delegates", async () => {
    const org = await organisationId("prov-bac-giang");
    const { registrationId } = await registerAccount("delegate", { organisationId: org, fullName: "Lê Văn Hùng" });
    const path = `/admin/delegates/${registrationId}/badge.pdf`;
    const params = { id: String(registrationId) };

    for (const key of ["organiser", "secretariat"] as const) {
      const response = await call(staffLoader, { path, params, cookie: await signInAs(key) });
      expect(response.status).toBe(200);
      expect(response.headers.get("Cache-Control")).toBe("no-store");
      const pdf = await bytesOf(response);
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(pageCount(pdf)).toBe(1);
    }
    // The delegate asks for their own registration through the staff address: still refused.
    const forbidden = await call(staffLoader, { path, params, cookie: await signInAs("delegate") });
    expect(forbidden.status).toBe(403);
    const batch = await call(batchLoader, { path: "/admin/badges.pdf", cookie: await signInAs("delegate") });
    expect(batch.status).toBe(403);
  });

  it("answers 404 for an unknown or malformed registration id", async () => {
    const cookie = await signInAs("organiser");
    for (const id of ["999999", "abc", "1e3"]) {
      const response = await call(staffLoader, { path: `/admin/delegates/${id}/badge.pdf`, params: { id }, cookie });
      expect(response.status).toBe(404);
      expect(await response.text()).toContain("Không tìm thấy đăng ký");
    }
    const conference = await demoConference();
    expect(await getBadge(conference.id, 999999)).toBeNull();
  });

  it("refuses an empty batch with a sentence rather than a blank PDF", async () => {
    const response = await call(batchLoader, { path: "/admin/badges.pdf", cookie: await signInAs("organiser") });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Chưa có đại biểu dự trực tiếp nào được chấp thuận");
  });
});

describe("the batch of badges", () => {
  it("prints 500 approved in-person delegates, one per page, sorted by organisation kind, organisation and name", async () => {
    const conference = await demoConference(600);
    const organisations = await getDb().selectFrom("organisations").select(["id", "kind"]).orderBy("id").execute();
    const surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Đặng", "Bùi", "Đỗ", "Hoàng", "Vũ", "Võ"];
    const given = [
      "Thị Phương Thảo",
      "Văn Hùng",
      "Minh Quân",
      "Thu Hà",
      "Đức Thắng",
      "Ngọc Ánh",
      "Lan Anh",
      "Quốc Bảo",
    ];
    const inputs = Array.from({ length: 500 }, (_, i) =>
      registrationInput({
        organisationId: organisations[(i * 7) % organisations.length].id,
        fullName: `${surnames[i % surnames.length]} ${given[i % given.length]}`,
      }),
    );
    const excluded = [
      registrationInput({ organisationId: organisations[0].id, mode: "online" }),
      registrationInput({ organisationId: organisations[1].id }),
    ];
    const created = await getDb()
      .transaction()
      .execute(async (trx) => {
        const ids: number[] = [];
        for (const [i, input] of [...inputs, ...excluded].entries()) {
          // The 500 are approved at once, as an organiser's import would; the online one too; the last stays pending.
          const result = await createRegistration(trx, input, {
            conferenceId: conference.id,
            userId: null,
            attachExistingAccount: true,
            approve: i < 501,
            actor,
          });
          if (!result.ok) throw new Error(JSON.stringify(result.refusal));
          ids.push(result.registrationId);
        }
        return ids;
      });
    expect(created).toHaveLength(502);

    const queryStarted = performance.now();
    const badges = await listBatchBadges(conference.id);
    const queryMs = Math.round(performance.now() - queryStarted);
    expect(badges).toHaveLength(500);
    expect(badges.every((b) => b.mode === "in_person" && b.status === "approved")).toBe(true);
    const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });
    for (let i = 1; i < badges.length; i++) {
      const [a, b] = [badges[i - 1], badges[i]];
      const byKind = ORGANISATION_KINDS.indexOf(a.organisationKind) - ORGANISATION_KINDS.indexOf(b.organisationKind);
      expect(byKind, `${a.organisationVi} / ${b.organisationVi}`).toBeLessThanOrEqual(0);
      if (byKind === 0) {
        const byOrganisation = collator.compare(a.organisationVi, b.organisationVi);
        expect(byOrganisation).toBeLessThanOrEqual(0);
        if (byOrganisation === 0) expect(collator.compare(a.fullName, b.fullName)).toBeLessThanOrEqual(0);
      }
    }
    // Vietnamese order, not byte order: "Điện Biên" comes before "Hà Giang" (bytes would put Đ after Z).
    const provinces = [
      ...new Set(badges.filter((b) => b.organisationKind === "province").map((b) => b.organisationVi)),
    ];
    expect(provinces.indexOf("Điện Biên")).toBeGreaterThanOrEqual(0);
    expect(provinces.indexOf("Điện Biên")).toBeLessThan(provinces.indexOf("Hà Giang"));

    const cookie = await signInAs("organiser");
    const started = performance.now();
    const response = await call(batchLoader, { path: "/admin/badges.pdf", cookie });
    const pdf = await bytesOf(response);
    const ms = Math.round(performance.now() - started);
    console.log(
      `batch of 500 badges: ${ms} ms for the whole request (the query alone ${queryMs} ms), ${(pdf.length / 1024 / 1024).toFixed(2)} MB`,
    );

    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="badges-hoi-nghi-ngoai-vu-20.pdf"');
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pageCount(pdf)).toBe(500);
    // About 2 s on a quiet machine; the bound only catches a gross regression on a busy one.
    expect(ms).toBeLessThan(20_000);
  }, 60_000);
});
