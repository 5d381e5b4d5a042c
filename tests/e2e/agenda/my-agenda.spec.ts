import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import { expect, signIn, test, type App } from "../fixtures";
import { demoConference, nowIso } from "../support/dates";
import { screenshot } from "../support/screenshots";

const FREE = "Tọa đàm: chuyển đổi số trong công tác đối ngoại địa phương";

/** The demo's first and second day (in Hà Nội), as the seed chose them. */
const firstDay = () => demoConference().startsAt.slice(0, 10);
const secondDay = () => demoConference().endsAt.slice(0, 10);

/**
 * What the journey needs beside the demo: a published round table without sign-up (16:40–17:20 on
 * the first day, in Hà Nội) and a bilateral meeting of Bắc Giang with Japan's embassy, placed at a
 * table in the first slot of the meeting block.
 */
async function prepare(app: App) {
  return app.withDb(async (db) => {
    const conference = await db.selectFrom("conferences").selectAll().executeTakeFirstOrThrow();
    const at = nowIso();
    const session = await db
      .insertInto("sessions")
      .values({
        conference_id: conference.id,
        kind: "discussion",
        title_vi: FREE,
        title_en: "Round table: digital transformation in local external affairs",
        description_vi: "",
        description_en: "",
        starts_at: `${firstDay()}T09:40:00.000Z`,
        ends_at: `${firstDay()}T10:20:00.000Z`,
        stream_url: null,
        published: 1,
        room_id: null,
        requires_signup: 0,
        capacity: null,
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const org = async (code: string) =>
      (await db.selectFrom("organisations").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
    const [bacGiang, japan] = [await org("prov-bac-giang"), await org("mis-emb-jp")];
    const request = await db
      .insertInto("meeting_requests")
      .values({
        conference_id: conference.id,
        from_organisation_id: bacGiang,
        to_organisation_id: japan,
        sector: "Nông nghiệp",
        ask: "Xuất khẩu vải thiều Lục Ngạn",
        priority: 3,
        status: "accepted",
        decline_reason: "",
        requested_by: null,
        answered_by: null,
        created_at: at,
        answered_at: at,
        withdrawn_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const slot = await db
      .selectFrom("meeting_slots as s")
      .select(["s.id", "s.block_id", "s.starts_at"])
      .where("s.id", "not in", db.selectFrom("meeting_participants").select("slot_id"))
      .orderBy("s.starts_at")
      .executeTakeFirstOrThrow();
    const table = await db
      .selectFrom("meeting_tables")
      .select(["id", "number"])
      .where("block_id", "=", slot.block_id)
      .orderBy("number")
      .executeTakeFirstOrThrow();
    const meeting = await db
      .insertInto("meetings")
      .values({
        request_id: request.id,
        slot_id: slot.id,
        table_id: table.id,
        video_url: null,
        locked: 0,
        outcome: "",
        follow_up: "",
        outcome_recorded_by: null,
        outcome_recorded_at: null,
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("meeting_participants")
      .values([
        { meeting_id: meeting.id, slot_id: slot.id, organisation_id: bacGiang },
        { meeting_id: meeting.id, slot_id: slot.id, organisation_id: japan },
      ])
      .execute();
    return { sessionId: session.id, meetingId: meeting.id, slotStartsAt: slot.starts_at };
  });
}

test.describe("My agenda is the day (own database: the test adds a favourite and a meeting)", () => {
  test.use({ ownDatabase: true });

  test("a plenary, a favourite added from the programme and a meeting, then the ICS downloads", async ({
    page,
    app,
  }) => {
    const { sessionId, meetingId } = await prepare(app);
    await signIn(page, "delegate");
    await page.goto("/programme");
    const card = page.getByTestId("session-card").filter({ has: page.getByRole("heading", { name: FREE }) });
    await card.getByRole("button", { name: "☆ Thêm vào lịch của tôi" }).click();
    await expect(card.getByTestId("favourite-on")).toHaveText("★ Có trong lịch của tôi");
    await expect(card.getByRole("button", { name: "Bỏ khỏi lịch của tôi" })).toBeVisible();
    // A plenary is everyone's: no button, it is on the agenda already.
    const plenary = page
      .getByTestId("session-card")
      .filter({ has: page.getByRole("heading", { name: "Phiên khai mạc toàn thể" }) });
    await expect(plenary).toContainText("Dành cho mọi đại biểu");
    await expect(plenary.getByRole("button")).toHaveCount(0);
    for (const [w, h] of [
      [390, 844],
      [1366, 900],
    ]) {
      await page.setViewportSize({ width: w, height: h });
      await card.scrollIntoViewIfNeeded();
      await screenshot(page, `programme-${w}`);
    }

    await page.goto("/my-agenda");
    const days = page.getByTestId("my-agenda").locator("section");
    await expect(days).toHaveCount(2);
    const first = days.nth(0).getByTestId("agenda-item");
    await expect(first.nth(0)).toContainText("Phiên khai mạc toàn thể");
    await expect(first.nth(0)).toContainText("Dành cho mọi đại biểu");
    await expect(first.nth(0)).toContainText("08:00–10:00");
    const favourite = page.getByTestId("agenda-item").filter({ hasText: FREE });
    await expect(favourite).toContainText("★ Anh/chị đã chọn");
    await expect(favourite).toContainText("16:40–17:20");
    const meeting = days.nth(1).locator('[data-type="meeting"]');
    await expect(meeting).toContainText("Nhật Bản");
    await expect(meeting).toContainText("Cuộc gặp của anh/chị");
    await expect(meeting).toContainText("Bàn 1");
    // The meeting comes before the closing plenary of the second day.
    await expect(days.nth(1).getByTestId("agenda-item").last()).toContainText("Phiên bế mạc");
    for (const [w, h] of [
      [390, 844],
      [1366, 900],
    ]) {
      await page.setViewportSize({ width: w, height: h });
      await screenshot(page, `my-agenda-${w}`, { fullPage: true });
    }

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Tải lịch của tôi (ICS)" }).click(),
    ]);
    const text = readFileSync((await download.path())!, "utf8");
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const uids = events.map((e) => e.uid);
    expect(uids).toContain(`session-${sessionId}@localhost`);
    expect(uids).toContain(`meeting-${meetingId}@localhost`);
    expect(events.find((e) => e.summary === "Phiên khai mạc toàn thể")).toBeTruthy();
    expect(
      events
        .find((e) => e.summary === "Phiên bế mạc")
        ?.startDate.toJSDate()
        .toISOString(),
    ).toBe(`${secondDay()}T08:30:00.000Z`);
    expect(new Set(uids).size).toBe(uids.length);
    expect(events.find((e) => e.summary === "Giải lao")).toBeUndefined();

    // Taken off My agenda, it is gone from the page.
    await favourite.getByRole("button", { name: "Bỏ khỏi lịch của tôi" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Đã bỏ phiên khỏi Lịch của tôi." })).toBeVisible();
    await expect(page.getByTestId("agenda-item").filter({ hasText: FREE })).toHaveCount(0);
  });
});

test.describe("without JavaScript (own database)", () => {
  test.use({ ownDatabase: true, javaScriptEnabled: false });

  test("the favourite button is a form post: the programme comes back with its notice", async ({ page, app }) => {
    await prepare(app);
    await signIn(page, "delegate");
    await page.goto("/programme");
    const card = page.getByTestId("session-card").filter({ has: page.getByRole("heading", { name: FREE }) });
    await card.getByRole("button", { name: "☆ Thêm vào lịch của tôi" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: `Đã thêm phiên “${FREE}” vào Lịch của tôi.` }),
    ).toBeVisible();
    await page.goto("/my-agenda");
    await expect(page.getByTestId("agenda-item").filter({ hasText: FREE })).toContainText("★ Anh/chị đã chọn");
  });
});
