import { expect, signIn, test } from "../fixtures";
import { DAY_MS, demoConference, hanoiLocalInput } from "../support/dates";

// Writes nothing (the settings form is refused): reads the shared demo's meeting block, whose
// seed (seeds/demo-meetings.ts) cuts 08:30–12:00 into seven 20-minute slots, 12 tables, and gives
// 20 provinces 3 requests each, 42 of them accepted and none placed yet.
test("an organiser sees the demo's grid and requests, and the settings form checks as they type", async ({ page }) => {
  await signIn(page, "organiser", "/admin/meetings");
  // The page's title is its menu entry's.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xếp lịch gặp");
  const grid = page.getByTestId("meeting-grid");
  await expect(grid.getByRole("columnheader", { name: /Bàn 12/ })).toBeVisible();
  await expect(grid.getByRole("columnheader", { name: /^Bàn \d+/ })).toHaveCount(12);
  await expect(grid.locator("tbody tr")).toHaveCount(7);
  await expect(grid.locator("tbody tr").first().locator("th, td").first()).toHaveText("08:30–08:50");
  await expect(grid.locator("tbody tr").last().locator("th, td").first()).toHaveText("11:30–11:50");
  const unplaced = page.getByTestId("unplaced-requests").getByRole("listitem");
  await expect(unplaced).toHaveCount(42);
  // Highest priority first.
  await expect(unplaced.first()).toContainText("Ưu tiên 3");
  await expect(unplaced.last()).toContainText("Ưu tiên 1");

  await page.getByRole("link", { name: "Thiết lập gặp song phương" }).click();
  await expect(page).toHaveURL(/\/admin\/meetings\/settings\?session=\d+$/);
  await expect(page.getByLabel("Tên bàn 1", { exact: true })).toHaveValue("Khu A");
  await expect(page.getByLabel("Tỉnh, thành phố được đề nghị gặp Cơ quan đại diện ở nước ngoài")).toBeChecked();
  await page.locator("input[name=tableCount]").fill("abc");
  // Deadlines before the demo conference (from the app's clock), answers due before the requests: refused.
  const start = Date.parse(demoConference().startsAt);
  await page.getByLabel("Hạn gửi đề nghị gặp (giờ Hà Nội)").fill(hanoiLocalInput(new Date(start - 5 * DAY_MS)));
  await page.getByLabel("Hạn trả lời đề nghị (giờ Hà Nội)").fill(hanoiLocalInput(new Date(start - 8 * DAY_MS)));
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page.locator("[aria-invalid=true]")).toHaveCount(1);
  await expect(page.getByText("Vui lòng nhập một số nguyên.")).toBeVisible();
  await page.locator("input[name=tableCount]").fill("12");
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page.getByText("Hạn trả lời phải sau hạn gửi đề nghị.")).toBeVisible();
  await expect(page.getByText("Đã lưu thiết lập.")).toHaveCount(0);
});

test("a delegate is refused the organisers' meetings page", async ({ page }) => {
  await signIn(page, "delegate");
  const response = await page.goto("/admin/meetings");
  expect(response?.status()).toBe(403);
});

// Without JavaScript the scheduler's preview is a plain GET form: the loader answers it at an address to keep.
// It writes nothing, so it runs on the shared demo.
test("the scheduler's preview works without JavaScript, at its own address", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await signIn(page, "organiser", "/admin/meetings");
    await page.getByRole("button", { name: "Chạy xếp lịch" }).click();
    await expect(page).toHaveURL(/\/admin\/meetings\?session=\d+&preview=1$/);
    const preview = page.getByRole("region", { name: "Lịch xem trước (chưa lưu)" });
    await expect(preview).toContainText(/Xếp được \d+ cuộc gặp/);
    // The commit form carries the previewed meetings from the loader's answer.
    const meetings = await page.locator("form input[name=meetings]").inputValue();
    expect((JSON.parse(meetings) as unknown[]).length).toBeGreaterThan(0);
  } finally {
    await context.close();
  }
});

test.describe("cutting a second meeting block", () => {
  test.use({ ownDatabase: true });

  test("creating the block comes back to the session's page with no ?index, the outcome shown once", async ({
    page,
    app,
  }) => {
    // An afternoon round, not cut yet: a copy of the demo's meeting session, six hours later.
    const sessionId = await app.withDb(async (db) => {
      const morning = await db
        .selectFrom("sessions")
        .selectAll()
        .where("kind", "=", "meeting_block")
        .orderBy("starts_at")
        .executeTakeFirstOrThrow();
      const { id: _id, ...rest } = morning;
      const shift = (iso: string) => new Date(Date.parse(iso) + 6 * 3600_000).toISOString();
      const row = await db
        .insertInto("sessions")
        .values({
          ...rest,
          title_vi: "Gặp gỡ song phương – lượt chiều",
          title_en: "Bilateral meetings – afternoon round",
          starts_at: shift(morning.starts_at),
          ends_at: shift(morning.ends_at),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    });
    await signIn(page, "organiser", `/admin/meetings?session=${sessionId}`);
    await page.getByRole("button", { name: "Tạo các lượt gặp" }).click();
    await expect(page.getByText(/^Đã chia phiên thành \d+ lượt gặp\.$/)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/admin/meetings\\?session=${sessionId}$`));
    await expect(page.getByTestId("meeting-grid")).toBeVisible();
    await page.reload();
    await expect(page.getByText(/^Đã chia phiên thành \d+ lượt gặp\.$/)).toHaveCount(0);
  });
});
