import { describe, expect, it } from "vitest";
import { getDb, nowIso } from "~/platform/db.server";
import { getCurrentConference } from "~/features/people/conference.server";
import * as adminConference from "~/routes/admin.conference";
import * as home from "~/routes/_index";
import { call, jsonOf, signInAs } from "../../helpers/remix";

const valid = {
  edition: "20",
  titleVi: "Hội nghị Ngoại vụ toàn quốc lần thứ 20",
  titleEn: "20th National Conference on Local External Affairs",
  themeVi: "Tiếp tục đổi mới và nâng cao hiệu quả công tác đối ngoại",
  themeEn: "Continuing to renew local external affairs",
  startsAt: "2027-12-13T08:00",
  endsAt: "2027-12-14T17:30",
  timeZone: "Asia/Ho_Chi_Minh",
  venueVi: "Trụ sở Bộ Ngoại giao, Hà Nội",
  venueEn: "Ministry of Foreign Affairs, Ha Noi",
  format: "hybrid",
  inPersonCapacity: "480",
  registrationOpensAt: "2027-11-01T08:00",
  registrationClosesAt: "2027-12-10T17:00",
};

describe("conference settings", () => {
  it("shows the seeded demo: the 20th conference, hybrid, Hà Nội, 500 places", async () => {
    const res = await call(home.loader, { path: "/" });
    const { conference, window } = await jsonOf<{ conference: Record<string, unknown>; window: string }>(res);
    expect(conference).toMatchObject({
      edition: 20,
      format: "hybrid",
      in_person_capacity: 500,
      time_zone: "Asia/Ho_Chi_Minh",
    });
    expect(String(conference.venue_vi)).toContain("Hà Nội");
    expect(window).toBe("open");
  });

  it("saves times entered in Hà Nội time as UTC, with an audit entry", async () => {
    const cookie = await signInAs("organiser");
    const res = await call(adminConference.action, { path: "/admin/conference", form: valid, cookie });
    expect(res.status).toBe(200);
    const c = (await getCurrentConference())!;
    expect(c.starts_at).toBe("2027-12-13T01:00:00.000Z");
    expect(c.ends_at).toBe("2027-12-14T10:30:00.000Z");
    expect(c.in_person_capacity).toBe(480);
    expect(c.theme_vi).toBe(valid.themeVi);
    const audit = await getDb().selectFrom("audit_log").selectAll().where("action", "=", "conference.update").execute();
    expect(audit).toHaveLength(1);

    const page = await jsonOf<{ values: Record<string, string> }>(
      await call(adminConference.loader, { path: "/admin/conference", cookie }),
    );
    expect(page.values.startsAt).toBe("2027-12-13T08:00");
  });

  it("refuses bad input with field errors and keeps what was saved", async () => {
    const cookie = await signInAs("organiser");
    const before = await getCurrentConference();
    const res = await call(adminConference.action, {
      path: "/admin/conference",
      form: { ...valid, endsAt: "2027-12-12T08:00", inPersonCapacity: "năm trăm", titleVi: "" },
      cookie,
    });
    expect(res.status).toBe(400);
    const body = await jsonOf<{ errors: Record<string, string>; values: Record<string, string> }>(res);
    // Cross-field rules (end after start) are checked once every field parses.
    expect(body.errors).toEqual({ inPersonCapacity: "errors.integer", titleVi: "errors.required" });
    expect(body.values.venueVi).toBe(valid.venueVi);
    expect(await getCurrentConference()).toEqual(before);
  });

  it("refuses an edition number that another conference has", async () => {
    const cookie = await signInAs("organiser");
    const at = nowIso();
    await getDb()
      .insertInto("conferences")
      .values({
        edition: 19,
        title_vi: "Hội nghị Ngoại vụ lần thứ 19",
        title_en: "19th",
        theme_vi: "",
        theme_en: "",
        starts_at: "2018-08-12T01:00:00.000Z",
        ends_at: "2018-08-12T10:00:00.000Z",
        time_zone: "Asia/Ho_Chi_Minh",
        venue_vi: "Hà Nội",
        venue_en: "Ha Noi",
        format: "in_person",
        in_person_capacity: 500,
        registration_opens_at: null,
        registration_closes_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const res = await call(adminConference.action, {
      path: "/admin/conference",
      form: { ...valid, edition: "19" },
      cookie,
    });
    expect(res.status).toBe(400);
    expect((await jsonOf(res)).errors).toEqual({ edition: "errors.editionTaken" });
  });

  it("has the database refuse a conference that ends before it starts", async () => {
    const at = nowIso();
    await expect(
      getDb()
        .insertInto("conferences")
        .values({
          edition: 77,
          title_vi: "x",
          title_en: "x",
          theme_vi: "",
          theme_en: "",
          starts_at: "2030-01-02T00:00:00.000Z",
          ends_at: "2030-01-01T00:00:00.000Z",
          time_zone: "Asia/Ho_Chi_Minh",
          venue_vi: "x",
          venue_en: "x",
          format: "hybrid",
          in_person_capacity: 1,
          registration_opens_at: null,
          registration_closes_at: null,
          created_at: at,
          updated_at: at,
        })
        .execute(),
    ).rejects.toThrow(/CHECK constraint failed/);
  });
});
