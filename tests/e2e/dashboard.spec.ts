import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

// The demo seed holds two approved registrations: Bắc Giang in person, the ambassador in Tokyo online.
for (const key of ["organiser", "secretariat"] as const) {
  test(`${key} sees the registration dashboard with its figures, bar, chart and provinces`, async ({ page }) => {
    await signIn(page, key);
    await page.getByTestId("main-nav").getByRole("link", { name: "Tổng quan" }).click();
    await expect(page).toHaveURL(/\/admin\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1, name: "Tổng quan đăng ký" })).toBeVisible();

    const approved = page.getByTestId("stat-approved");
    await expect(approved).toContainText("2");
    await expect(approved).toHaveAttribute("href", "/admin/delegates?status=approved");
    await expect(page.getByTestId("capacity")).toContainText("1/500 chỗ đã dùng");
    await expect(page.getByTestId("capacity-bar")).toHaveAttribute("aria-label", /Đã dùng 1 trên 500 chỗ dự trực tiếp \(0%\)/);

    // Counts link to the delegate list with the same filters.
    await expect(page.getByTestId("bar-mode-online").getByRole("link")).toHaveAttribute("href", "/admin/delegates?mode=online");
    await expect(page.getByTestId("bar-kind-province").getByRole("link")).toHaveAttribute("href", "/admin/delegates?kind=province");
    await expect(page.getByTestId("cross-province").getByRole("link", { name: /Tỉnh, thành phố · Đã duyệt/ })).toHaveAttribute(
      "href",
      "/admin/delegates?kind=province&status=approved",
    );

    // The day chart is an image with a summary, and its numbers are in a table for screen readers.
    await expect(page.getByTestId("chart-new").getByRole("img")).toHaveAttribute("aria-label", /đăng ký mới mỗi ngày/);
    await expect(page.getByTestId("daily-table").locator("tbody tr").last()).toContainText("2");

    const provinces = page.getByTestId("provinces");
    await expect(provinces.getByTestId("provinces-count")).toContainText("62/63");
    await expect(provinces).toContainText("Hà Giang");
    await expect(provinces).not.toContainText("Bắc Giang");
  });
}

test("the dashboard fits a 375 px phone without sideways scrolling", async ({ page }) => {
  await signIn(page, "organiser");
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/admin/dashboard");
  await expect(page.getByTestId("capacity-bar")).toBeVisible();
  await expect(page.getByTestId("chart-cumulative").getByRole("img")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("a delegate gets the refusal page, not the dashboard", async ({ page }) => {
  await signIn(page, "delegate");
  const response = await page.goto("/admin/dashboard");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Bạn không có quyền truy cập trang này" })).toBeVisible();
  await expect(page.getByTestId("capacity")).toHaveCount(0);
});
