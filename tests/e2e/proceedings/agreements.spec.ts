import { expect, signIn, test } from "../fixtures";

test.use({ ownDatabase: true });

const shoot = async (page: import("@playwright/test").Page, name: string) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.screenshot({ path: `/tmp/eng2/${name}-1366.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `/tmp/eng2/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });
};

test("a province delegate records an agreement and sends it for the Ministry's opinion", async ({ page }) => {
  await signIn(page, "delegate");
  await page.goto("/agreements");
  await expect(page.getByRole("heading", { name: "Thỏa thuận quốc tế", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Ghi nhận thỏa thuận" }).click();
  await expect(page.getByRole("heading", { name: "Ghi nhận thỏa thuận quốc tế", level: 1 })).toBeVisible();

  // Checked in the browser with the action's schema: the message is beside the field, nothing is sent.
  await page.getByLabel(/^Bên nước ngoài/).fill("Tỉnh Gunma");
  await page.getByRole("button", { name: "Ghi nhận" }).click();
  await expect(page.getByText("Vui lòng nhập trường này.").first()).toBeVisible();
  await expect(page).toHaveURL(/\/agreements\/new$/);
  await expect(page.getByLabel(/^Bên nước ngoài/)).toHaveValue("Tỉnh Gunma");

  await page.getByLabel("Tên thỏa thuận").fill("Bản ghi nhớ hợp tác xuất khẩu vải thiều");
  await page.getByLabel("Quốc gia của bên nước ngoài").selectOption("JP");
  await page.getByLabel(/^Lĩnh vực/).selectOption("trade");
  await page.getByLabel("Loại văn bản").selectOption("memorandum");
  await shoot(page, "agreement-new");
  await page.getByRole("button", { name: "Ghi nhận" }).click();

  await expect(page.getByText("Đã ghi nhận thỏa thuận.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Bản ghi nhớ hợp tác xuất khẩu vải thiều" })).toBeVisible();
  await expect(page.getByTestId("agreement-details")).toContainText("Nhật Bản");
  await expect(page.getByTestId("step-drafted")).toHaveAttribute("data-status", "current");

  // The next step and today's date are proposed; moving on records them.
  const stepper = page.getByTestId("agreement-stepper");
  await expect(stepper.getByLabel("Chuyển sang")).toHaveValue("sent_for_opinion");
  await stepper.getByRole("button", { name: "Chuyển bước" }).click();
  await expect(page.getByText("Đã chuyển bước.")).toBeVisible();
  await expect(page.getByTestId("step-sent_for_opinion")).toHaveAttribute("data-status", "current");
  await expect(page.getByTestId("due-opinion")).toContainText("Hạn ý kiến Bộ Ngoại giao");
  // The next step is proposed with its date field alone (JavaScript hides the later steps' dates).
  await expect(stepper.getByLabel("Chuyển sang")).toHaveValue("opinion_received");
  await expect(stepper.getByLabel("Ngày nhận ý kiến")).toBeVisible();
  await expect(stepper.getByLabel("Ngày ký")).toHaveCount(0);
  await stepper.getByLabel("Chuyển sang").selectOption("signed");
  await expect(stepper.getByLabel("Ngày ký")).toBeVisible();
  await stepper.getByLabel("Chuyển sang").selectOption("opinion_received");
  // A delegate does not correct steps: that is the staff's.
  await expect(page.getByRole("button", { name: "Quay lại bước trước (sửa nhầm)" })).toHaveCount(0);
  await shoot(page, "agreement-detail");

  await page.getByRole("link", { name: "← Danh sách thỏa thuận" }).click();
  await expect(page.getByTestId("agreement-table")).toContainText("Bản ghi nhớ hợp tác xuất khẩu vải thiều");
  await expect(page.getByTestId("agreement-table")).toContainText("Đã gửi lấy ý kiến Bộ Ngoại giao");
});

test("an organiser filters the late agreements and downloads them as CSV", async ({ page, app }) => {
  await app.withDb(async (db) => {
    const conference = await db
      .selectFrom("conferences")
      .select("id")
      .orderBy("edition", "desc")
      .executeTakeFirstOrThrow();
    const org = await db
      .selectFrom("organisations")
      .select("id")
      .where("code", "=", "prov-cao-bang")
      .executeTakeFirstOrThrow();
    const at = new Date().toISOString();
    const base = {
      conference_id: conference.id,
      organisation_id: org.id,
      country_code: "KR",
      field: "trade",
      kind: "agreement",
      created_at: at,
      updated_at: at,
    } as const;
    await db
      .insertInto("agreements")
      .values([
        {
          ...base,
          title: "Thỏa thuận quá hạn ý kiến E2E",
          foreign_party: "Tỉnh Gyeonggi",
          state: "sent_for_opinion",
          sent_for_opinion_on: "2025-01-06",
        },
        { ...base, title: "Thỏa thuận đúng hạn E2E", foreign_party: "Tỉnh Gangwon", state: "drafted" },
      ])
      .execute();
  });
  await signIn(page, "organiser");
  await page.goto("/agreements");
  await expect(page.getByTestId("agreement-table")).toContainText("Thỏa thuận đúng hạn E2E");
  await page
    .getByRole("group", { name: "Thời hạn" })
    .getByRole("link", { name: /Quá hạn ý kiến/ })
    .click();
  await expect(page).toHaveURL(/late=opinion/);
  const table = page.getByTestId("agreement-table");
  await expect(table).toContainText("Thỏa thuận quá hạn ý kiến E2E");
  await expect(table).not.toContainText("Thỏa thuận đúng hạn E2E");
  // In words, not colour alone.
  await expect(table.getByTestId("due-opinion").first()).toContainText("Quá hạn ý kiến (hạn");
  await shoot(page, "agreements-late");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Tải CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^thoa-thuan-quoc-te-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
  expect(text).toContain("Bên Việt Nam");
  expect(text).toContain("Thỏa thuận quá hạn ý kiến E2E");
  expect(text).not.toContain("Thỏa thuận đúng hạn E2E");

  await page.goto("/admin/dashboard");
  const panel = page.getByTestId("agreements-panel");
  await expect(panel.getByRole("heading", { name: "Thỏa thuận quốc tế" })).toBeVisible();
  await panel.getByTestId("agreements-late-opinion").getByRole("link").click();
  await expect(page).toHaveURL(/\/agreements\?late=opinion/);
  await page.goto("/admin/dashboard");
  await page.getByTestId("agreements-panel").scrollIntoViewIfNeeded();
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.getByTestId("agreements-panel").screenshot({ path: "/tmp/eng2/dashboard-panel-1366.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId("agreements-panel").screenshot({ path: "/tmp/eng2/dashboard-panel-390.png" });
});
