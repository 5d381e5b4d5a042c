import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { checkIn } from "~/features/registration/checkin.server";
import { setLocale } from "~/features/people/users.server";
import { nowIso } from "~/lib/clock";
import { CONFERENCE_ZONE, zonedDate } from "~/lib/time";
import * as audit from "~/routes/admin.audit";
import * as delegates from "~/routes/admin.delegates._index";
import { demoConference, organisationId, registerVisitor, resetRegistrations } from "../../helpers/factories";
import { call, demoAccount, jsonOf, signInAs } from "../../helpers/remix";

beforeEach(resetRegistrations);

interface Page {
  rows: Array<{ sentence: string; action: string; detail: string | null; actorName: string | null }>;
  total: number;
  kinds: Array<{ value: string; label: string }>;
  actors: Array<{ id: string; name: string }>;
}

const userIdOf = async (key: "organiser" | "secretariat") =>
  (
    await getDb()
      .selectFrom("users")
      .select("id")
      .where("email", "=", demoAccount(key).email.toLowerCase())
      .executeTakeFirstOrThrow()
  ).id;

async function page(cookie: string, query = "") {
  const res = await call(audit.loader, { path: `/admin/audit${query}`, cookie });
  expect(res.status).toBe(200);
  return jsonOf<Page>(res);
}

describe("the audit log, read as sentences", () => {
  it("says who did what to whom in the reader's language, with the raw record kept, and filters by person, kind and date", async () => {
    const conference = await demoConference(10);
    const organiser = await signInAs("organiser");
    const organiserId = await userIdOf("organiser");
    const hung = await registerVisitor({
      organisationId: await organisationId("prov-ha-giang"),
      fullName: "Lê Văn Hùng",
    });
    // One click on the row's button, as the organiser.
    const res = await call(delegates.action, {
      path: "/admin/delegates",
      form: { approveOne: String(hung.registrationId) },
      cookie: organiser,
    });
    expect(res.status).toBe(302);
    await checkIn(conference.id, hung.registrationId, { id: organiserId, ip: "10.0.0.9" });

    const mine = `?actor=${organiserId}&kind=registration`;
    const vi = await page(organiser, mine);
    expect(vi.rows.map((r) => r.sentence)).toEqual([
      "Nguyễn Thị Thu Hà ghi nhận Lê Văn Hùng có mặt",
      "Nguyễn Thị Thu Hà duyệt đăng ký của Lê Văn Hùng: chờ duyệt → đã duyệt",
    ]);
    // The raw record is still there, one click away on the page.
    expect(vi.rows[1]).toMatchObject({ action: "registration.approve", detail: '{"from":"pending","to":"approved"}' });
    expect(vi.kinds).toContainEqual({ value: "registration", label: "Đăng ký, đón tiếp" });
    expect(vi.actors).toContainEqual({ id: organiserId, name: "Nguyễn Thị Thu Hà" });

    // The same log for a reader who chose English.
    await setLocale(organiserId, "en");
    const en = await page(await signInAs("organiser"), mine);
    expect(en.rows.map((r) => r.sentence)).toEqual([
      "Nguyễn Thị Thu Hà checked Lê Văn Hùng in",
      "Nguyễn Thị Thu Hà approved the registration of Lê Văn Hùng: awaiting decision → approved",
    ]);
    expect(en.kinds).toContainEqual({ value: "registration", label: "Registration and check-in" });
    await setLocale(organiserId, "vi");

    // Kind of action: signing in is not registration; the organiser's sign-ins are under "auth".
    const signIns = await page(organiser, `?actor=${organiserId}&kind=auth`);
    expect(signIns.rows.length).toBeGreaterThan(0);
    expect(
      signIns.rows.every((r) => r.sentence === "Nguyễn Thị Thu Hà đăng nhập" || /đăng xuất$/.test(r.sentence)),
    ).toBe(true);
    // Person: the registration itself was the delegate's own doing, not the organiser's.
    const all = await page(organiser, "?kind=registration");
    expect(all.rows.map((r) => r.sentence)).toContain("Lê Văn Hùng đăng ký tham dự hội nghị");
    expect(vi.rows.map((r) => r.sentence).some((s) => s.includes("tạo đăng ký"))).toBe(false);
    const secretariat = await page(organiser, `?actor=${await userIdOf("secretariat")}&kind=registration`);
    expect(secretariat.rows).toEqual([]);

    // Date, as days in Hà Nội: today holds them, tomorrow and before yesterday do not.
    const today = zonedDate(nowIso(), CONFERENCE_ZONE);
    const shift = (days: number) =>
      new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    expect((await page(organiser, `${mine}&from=${today}&to=${today}`)).total).toBe(2);
    expect((await page(organiser, `${mine}&from=${shift(1)}`)).total).toBe(0);
    expect((await page(organiser, `${mine}&to=${shift(-2)}`)).total).toBe(0);
    // Nonsense in the filters is ignored, never a 500.
    const odd = await page(organiser, "?kind=nope&actor=%27;drop&from=2026-99-99&to=x");
    expect(odd.total).toBeGreaterThan(2);
  });

  it("is for organisers only", async () => {
    for (const key of ["secretariat", "delegate"] as const) {
      const res = await call(audit.loader, { path: "/admin/audit", cookie: await signInAs(key) });
      expect(res.status, key).toBe(403);
    }
  });
});
