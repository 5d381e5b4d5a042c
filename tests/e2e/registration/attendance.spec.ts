import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "../fixtures";

const IN_PERSON = "HNVV-2021-0001";

/** Screenshots for a person to look at, when SCREENSHOTS_DIR is set (not part of what the test checks). */
async function shoot(page: Page, name: string) {
  const dir = process.env.SCREENSHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  for (const [width, height] of [
    [1366, 900],
    [390, 844],
  ]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${dir}/${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

const figure = async (page: Page, id: string) => {
  const text = (await page.getByTestId(`${id}-figure`).textContent()) ?? "";
  const m = /(\d+)\s*\/\s*(\d+)/.exec(text);
  if (!m) throw new Error(`no figure in "${text}"`);
  return { n: Number(m[1]), of: Number(m[2]) };
};

test.describe("on the day (own database)", () => {
  test.use({ ownDatabase: true });

  test("an organiser lands on the dashboard, whose attendance follows a check-in at the door without a reload; the audit log says it in words", async ({
    page,
    context,
  }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    // No redirectTo: an organiser lands on the dashboard.
    await signIn(page, "organiser");
    await expect(page).toHaveURL(/\/admin\/dashboard$/);
    const attendance = page.getByTestId("attendance");
    await expect(attendance.getByRole("heading", { name: "Tham dự hôm nay" })).toBeVisible();
    await expect(page.getByTestId("attendance-updated")).toContainText(/Cập nhật lúc \d{2}:\d{2}/);
    await expect(page.getByTestId("attendance-updated")).toContainText("tự cập nhật 20 giây một lần");
    const before = await figure(page, "attendance-in-person");
    const online = await figure(page, "attendance-online");
    expect(online.of).toBeGreaterThan(0);
    await expect(page.getByTestId("attendance-kind-province")).toBeVisible();
    const updatedBefore = await page.getByTestId("attendance-updated").getAttribute("data-at");

    // The door, in another tab: one check-in.
    const door = await context.newPage();
    await door.goto("/admin/checkin");
    await door.getByLabel("Mã thẻ đại biểu").fill(IN_PERSON);
    await door.getByLabel("Mã thẻ đại biểu").press("Enter");
    await expect(door.getByTestId("checkin-result")).toHaveAttribute("data-state", "checked_in");

    // The dashboard catches up by itself, and says when.
    await expect(page.getByTestId("attendance-in-person-figure")).toHaveText(`${before.n + 1} / ${before.of}`, {
      timeout: 30_000,
    });
    await expect(page.getByTestId("attendance-updated")).not.toHaveAttribute("data-at", updatedBefore ?? "");
    await shoot(page, "dashboard");

    // The audit log: sentences, filterable, the raw record one click away.
    await page.goto("/admin/audit");
    const sentence = page
      .getByTestId("audit-sentence")
      .filter({ hasText: "Nguyễn Thị Thu Hà ghi nhận Lê Văn Hùng có mặt" });
    await expect(sentence.first()).toBeVisible();
    await page.getByLabel("Loại thao tác").selectOption({ label: "Đăng nhập, đăng xuất" });
    await page.getByRole("button", { name: "Lọc", exact: true }).click();
    await expect(page).toHaveURL(/kind=auth/);
    await expect(page.getByTestId("audit-sentence").first()).toHaveText(/đăng (nhập|xuất)$/);
    await expect(page.getByTestId("audit-sentence").filter({ hasText: "có mặt" })).toHaveCount(0);
    await page.goto("/admin/audit?kind=registration");
    await shoot(page, "audit");

    // The same entry in English, for a reader who chose English (saved on this database's account).
    await page.getByTestId("language-switch").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(
      page.getByTestId("audit-sentence").filter({ hasText: "Nguyễn Thị Thu Hà checked Lê Văn Hùng in" }).first(),
    ).toBeVisible();
  });

  test("one click approves a registration from its row; the address has no ?index afterwards", async ({
    page,
    app,
  }) => {
    // A pending registration to approve: the in-person demo delegate's, back to pending.
    await app.withDb((db) =>
      db.updateTable("registrations").set({ status: "pending" }).where("badge_code", "=", IN_PERSON).execute(),
    );
    await signIn(page, "organiser", "/admin/delegates?status=pending");
    const row = page.getByRole("row").filter({ hasText: "Lê Văn Hùng" });
    await row.getByRole("button", { name: "Duyệt đăng ký của Lê Văn Hùng" }).click();
    await expect(page.getByTestId("decided")).toHaveText("Đã duyệt 1 đăng ký.");
    await expect(page).toHaveURL(/\/admin\/delegates\?status=pending$/);
    expect(page.url()).not.toContain("index");
    await expect(page.getByRole("row").filter({ hasText: "Lê Văn Hùng" })).toHaveCount(0);
    // Shown once: a reload does not post again, nor show it again.
    await page.reload();
    await expect(page.getByTestId("decided")).toHaveCount(0);
  });
});
