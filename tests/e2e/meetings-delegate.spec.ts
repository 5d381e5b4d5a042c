import { createServer, type Server } from "node:http";
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { expect, test } from "@playwright/test";
import type { Kysely } from "kysely";
import { openDatabase } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import type { Database } from "../../db/schema";
import { DEMO_ACCOUNTS, seedIfEmpty } from "../../seeds/seed";
import { signIn } from "./fixtures";

// The first tests run on the shared demo database and write nothing there: the journey spec owns Bắc Giang's request to Japan.
test("a province delegate searches the parties, is checked as they type, and gets the server's field errors without JavaScript", async ({ page, browser }) => {
  await signIn(page, "delegate", "/meetings");
  await expect(page).toHaveURL(/\/meetings$/);
  const parties = page.getByTestId("parties");
  await expect(parties).toContainText("Nhật Bản");

  // Diacritic-insensitive search through the organisations' search keys.
  await page.locator("input[name=q]").fill("nhat ban");
  await page.locator("input[name=q]").press("Enter");
  await expect(page).toHaveURL(/q=nhat\+ban/);
  await expect(parties.getByRole("listitem").first()).toContainText("Nhật Bản");

  // With JavaScript the same schema checks instantly: nothing is sent.
  const form = page.locator("form", { has: page.locator("select[name=toOrganisationId]") });
  await form.locator("button[type=submit]").click();
  await expect(form.locator("[aria-invalid=true]")).toHaveCount(3);
  await parties.getByRole("link").first().click();
  await expect(form.locator("select[name=toOrganisationId]")).not.toHaveValue("");

  // Without JavaScript the server checks with the same schema: the errors stand beside their fields, nothing is written.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  await signIn(plain, "delegate", "/meetings?q=nhat+ban");
  await plain.getByTestId("parties").getByRole("link").first().click();
  const plainForm = plain.locator("form", { has: plain.locator("select[name=toOrganisationId]") });
  await expect(plainForm.locator("select[name=toOrganisationId]")).not.toHaveValue("");
  await plainForm.locator("textarea[name=ask]").fill("Xuất khẩu vải thiều Lục Ngạn");
  await plainForm.getByRole("button", { name: "Gửi đề nghị" }).click();
  await expect(plainForm.locator("input[name=sector]")).toHaveAttribute("aria-invalid", "true");
  await expect(plainForm.getByText("Vui lòng nhập trường này.")).toBeVisible();
  await expect(plainForm.locator("textarea[name=ask]")).toHaveValue("Xuất khẩu vải thiều Lục Ngạn");
  await expect(plain.getByText("Đã gửi đề nghị gặp.")).toHaveCount(0);
  await context.close();
});

test("a mission head sees the requests side, the maximum form, and availability once meetings open", async ({ page }) => {
  await signIn(page, "ambassador", "/meetings");
  await expect(page.locator("input[name=maxMeetings]")).toBeVisible();
  await expect(page.locator("select[name=toOrganisationId]")).toHaveCount(0);
  await expect(page.getByTestId("head-only")).toHaveCount(0);
  const availability = page.getByTestId("availability");
  await expect(availability.getByRole("heading", { name: "Các lượt đơn vị có mặt" })).toBeVisible();
  // Robust to a demo with or without a block: either the section says meetings are not open, or the head may tick.
  if ((await availability.locator("input[name=slot]").count()) === 0) await expect(availability).toContainText("Ban tổ chức chưa mở các lượt gặp song phương");
  else await expect(availability.locator("input[name=slot]").first()).toBeEnabled();
});

/**
 * Ticking availability writes the mission's limits, which the shared demo must
 * not get (the journey spec schedules Japan's meetings there at the same time).
 * This test serves the same built app from its own freshly seeded database,
 * with the demo's meeting block (made here if the demo has none) and one placed meeting.
 */
test.describe("with a meeting block (own database)", () => {
  // One server and database for the describe: the tests run in order in one worker.
  test.describe.configure({ mode: "serial" });
  let server: Server;
  let baseURL = "";
  const path = resolve(`test-results/e2e-meetings-delegate-${process.pid}.sqlite`);
  const removeDatabase = () => {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
  };

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    removeDatabase();
    const { db } = openDatabase(path);
    await migrateToLatest(db);
    await seedIfEmpty(db);
    await openBlockWithMeeting(db);
    await db.destroy();
    process.env.DATABASE_PATH = path;
    process.env.NODE_ENV ??= "production";
    const build = await import(pathToFileURL(resolve("build/index.js")).href);
    const { createHttpApp } = await import("../../app/cli/http.server");
    const app = createHttpApp(build, { publicUrl: "http://localhost", trustProxy: false });
    server = createServer(app);
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const address = server.address();
    baseURL = `http://localhost:${typeof address === "object" && address ? address.port : 0}`;
  });

  test.afterAll(async () => {
    if (server) await new Promise((done) => server.close(done));
    removeDatabase();
  });

  test("a mission head ticks availability in a plain form (JavaScript off) and sees it saved; a slot with a meeting cannot be left out", async ({ browser }) => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, "ambassador", "/meetings");
    const section = page.getByTestId("availability");
    const boxes = section.locator("input[name=slot]");
    // Every slot of the block ticked (no limit): one box per slot, times in Hà Nội time.
    await expect(boxes.first()).toBeVisible();
    const total = await boxes.count();
    expect(total).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < total; i++) await expect(boxes.nth(i)).toBeChecked();
    await expect(section.getByTestId("availability-summary")).toHaveText("Hiện tại: đơn vị có mặt ở tất cả các lượt (không giới hạn).");
    const firstTime = (await section.locator("label time").first().textContent())!;
    expect(firstTime).toMatch(/^\d\d:\d\d–\d\d:\d\d$/);
    await expect(section.locator("label").first()).toContainText("Đã có cuộc gặp với Bắc Giang");

    await boxes.nth(1).uncheck();
    await boxes.nth(3).uncheck();
    await section.getByRole("button", { name: "Lưu các lượt có mặt" }).click();
    await expect(section.getByText("Đã lưu các lượt có mặt của đơn vị.")).toBeVisible();
    await expect(section.getByTestId("availability-summary")).toHaveText(`Hiện tại: đơn vị có mặt ở ${total - 2}/${total} lượt.`);

    // Saved, not just shown: a fresh load has exactly those two unticked.
    await page.goto("/meetings");
    const checked = await boxes.evaluateAll((els) => els.map((el) => (el as HTMLInputElement).checked));
    expect(checked).toEqual(Array.from({ length: total }, (_, i) => i !== 1 && i !== 3));

    // The first slot holds the meeting with Bắc Giang: leaving it out is refused, naming the time and the counterpart.
    await boxes.first().uncheck();
    await section.getByRole("button", { name: "Lưu các lượt có mặt" }).click();
    const refusal = section.getByRole("alert");
    await expect(refusal).toContainText("Không thể bỏ chọn lượt");
    await expect(refusal).toContainText(firstTime.slice(0, 5));
    await expect(refusal).toContainText("Bắc Giang");
    await expect(boxes.first()).not.toBeChecked();
    await page.goto("/meetings");
    await expect(section.getByTestId("availability-summary")).toHaveText(`Hiện tại: đơn vị có mặt ở ${total - 2}/${total} lượt.`);
    await context.close();
  });

  test("once the meeting has started, the province records its outcome and the ambassador sees who wrote it", async ({ browser }) => {
    // Move the placed meeting's slot so that it started ten minutes ago.
    const { db } = openDatabase(path);
    const placed = await db.selectFrom("meetings").select("slot_id").executeTakeFirstOrThrow();
    await db.updateTable("meeting_slots").set({ starts_at: new Date(Date.now() - 600_000).toISOString(), ends_at: new Date(Date.now() + 600_000).toISOString() }).where("id", "=", placed.slot_id).execute();
    await db.destroy();

    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await signIn(page, "delegate", "/meetings");
    const meeting = page.getByTestId("placed-meeting").filter({ hasText: "Nhật Bản" });
    await expect(meeting.getByTestId("meeting-place")).toContainText(/Bàn \d+/);
    const outcome = meeting.getByTestId("meeting-outcome");
    // Checked in the browser by the same schema: one of the two is needed.
    await outcome.getByRole("button", { name: "Lưu kết quả" }).click();
    await expect(outcome.getByText("Vui lòng ghi kết quả hoặc việc cần làm tiếp.")).toBeVisible();
    await outcome.getByLabel("Kết quả").fill("Thống nhất xúc tiến xuất khẩu vải thiều Lục Ngạn.\nĐại sứ quán giới thiệu 3 nhà nhập khẩu.");
    await outcome.getByLabel("Việc cần làm tiếp").fill("Gửi danh sách doanh nghiệp trước 31/12.");
    await outcome.getByRole("button", { name: "Lưu kết quả" }).click();
    await expect(outcome.getByText("Đã lưu kết quả cuộc gặp.")).toBeVisible();
    await expect(outcome).toContainText("Ghi nhận bởi Lê Văn Hùng (Bắc Giang)");
    await expect(outcome.getByRole("button", { name: "Lưu kết quả" })).toBeHidden();

    const other = await browser.newContext({ baseURL });
    const ambassador = await other.newPage();
    await signIn(ambassador, "ambassador", "/meetings");
    const theirs = ambassador.getByTestId("placed-meeting").filter({ hasText: "Bắc Giang" });
    // The ambassador takes part online: no table, the link is still to come.
    await expect(theirs.getByTestId("meeting-place")).toHaveAttribute("data-online", "true");
    await expect(theirs.getByTestId("meeting-place")).toContainText("Đường dẫn họp trực tuyến sẽ được Ban tổ chức gửi sau");
    await expect(theirs.getByTestId("meeting-outcome")).toContainText("Đại sứ quán giới thiệu 3 nhà nhập khẩu.");
    await expect(theirs.getByTestId("meeting-outcome")).toContainText("Gửi danh sách doanh nghiệp trước 31/12.");
    await context.close();
    await other.close();
  });
});

/** The demo's meeting block (opened here if the demo has none: 20-minute slots, 10 minutes apart), with Bắc Giang's accepted request to Japan placed in its first slot. */
async function openBlockWithMeeting(db: Kysely<Database>) {
  const now = new Date().toISOString();
  const session = await db.selectFrom("sessions").selectAll().where("kind", "=", "meeting_block").orderBy("id").executeTakeFirstOrThrow();
  let block = await db.selectFrom("meeting_blocks").select("id").where("conference_id", "=", session.conference_id).orderBy("id").executeTakeFirst();
  if (!block) {
    block = await db
      .insertInto("meeting_blocks")
      .values({ conference_id: session.conference_id, session_id: session.id, slot_minutes: 20, gap_minutes: 10, table_count: 3, requests_close_at: null, answers_close_at: null, max_requests_per_organisation: null, allowed_pairs: JSON.stringify([["province", "mission"], ["ministry", "mission"]]), created_at: now, updated_at: now })
      .returning("id")
      .executeTakeFirstOrThrow();
    const slots: Array<{ block_id: number; starts_at: string; ends_at: string }> = [];
    for (let t = Date.parse(session.starts_at); t + 20 * 60000 <= Date.parse(session.ends_at); t += 30 * 60000) {
      slots.push({ block_id: block.id, starts_at: new Date(t).toISOString(), ends_at: new Date(t + 20 * 60000).toISOString() });
    }
    await db.insertInto("meeting_slots").values(slots).execute();
    await db.insertInto("meeting_tables").values([1, 2, 3].map((number) => ({ block_id: block!.id, number, label: "", room_id: session.room_id }))).execute();
  }
  const slot = await db.selectFrom("meeting_slots").select("id").where("block_id", "=", block.id).orderBy("starts_at").executeTakeFirstOrThrow();
  const table = await db.selectFrom("meeting_tables").select("id").where("block_id", "=", block.id).orderBy("number").executeTakeFirstOrThrow();
  const user = (key: string) => db.selectFrom("users").select(["id", "organisation_id"]).where("email", "=", DEMO_ACCOUNTS.find((a) => a.key === key)!.email).executeTakeFirstOrThrow();
  const [province, ambassador] = [await user("delegate"), await user("ambassador")];
  const request = await db
    .insertInto("meeting_requests")
    .values({ conference_id: session.conference_id, from_organisation_id: province.organisation_id!, to_organisation_id: ambassador.organisation_id!, sector: "Nông nghiệp", ask: "Xuất khẩu vải thiều Lục Ngạn sang Nhật Bản", priority: 3, status: "accepted", decline_reason: "", requested_by: province.id, answered_by: ambassador.id, created_at: now, answered_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  const meeting = await db
    .insertInto("meetings")
    .values({ request_id: request.id, slot_id: slot.id, table_id: table.id, video_url: null, locked: 0, outcome: "", follow_up: "", outcome_recorded_by: null, outcome_recorded_at: null, created_at: now, updated_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("meeting_participants")
    .values([province, ambassador].map((p) => ({ meeting_id: meeting.id, slot_id: slot.id, organisation_id: p.organisation_id! })))
    .execute();
}
