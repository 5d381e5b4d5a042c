import { expect, signIn, test } from "../fixtures";
import { hanoiDay } from "../support/dates";

// Reads the shared demo, which no test changes: two approved registrations made on the day the
// run seeded it (Bắc Giang in person, the ambassador in Tokyo online), 500 in-person places.
for (const key of ["organiser", "secretariat"] as const) {
  test(`${key} sees the registration dashboard with its figures, bar, chart and provinces`, async ({ page }) => {
    await signIn(page, key);
    await page.getByTestId("main-nav").getByRole("link", { name: "Tổng quan" }).click();
    await expect(page).toHaveURL(/\/admin\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1, name: "Tổng quan đăng ký" })).toBeVisible();

    // Each card: its label, its figure (alone in its element) and its hint.
    const card = async (id: string, label: string, value: string, hint: string) => {
      const spans = page.getByTestId(id).locator(":scope > span");
      await expect(spans).toHaveText([label, value, hint]);
    };
    await card("stat-live", "Đăng ký còn hiệu lực", "2", "Trên tổng số 2 đăng ký đã nhận");
    await card("stat-approved", "Đã duyệt", "2", "1 trực tiếp · 1 trực tuyến");
    await card("stat-pending", "Chờ duyệt", "0", "Đang chờ Ban tổ chức xét duyệt");
    await card("stat-waitlisted", "Danh sách chờ", "0", "Đang chờ chỗ dự trực tiếp");
    await expect(page.getByTestId("stat-approved")).toHaveAttribute("href", "/admin/delegates?status=approved");
    const capacity = page.getByTestId("capacity");
    await expect(capacity.locator("p > span").first()).toHaveText("1/500 chỗ đã dùng");
    await expect(page.getByTestId("capacity-bar")).toHaveAttribute(
      "aria-label",
      "Đã dùng 1 trên 500 chỗ dự trực tiếp (0%): 1 đã duyệt, 0 chờ duyệt, 499 còn trống.",
    );

    // Counts link to the delegate list with the same filters.
    await expect(page.getByTestId("bar-mode-online").getByRole("link")).toHaveAttribute(
      "href",
      "/admin/delegates?mode=online",
    );
    await expect(page.getByTestId("bar-kind-province").getByRole("link")).toHaveAttribute(
      "href",
      "/admin/delegates?kind=province",
    );
    await expect(
      page.getByTestId("cross-province").getByRole("link", { name: /Tỉnh, thành phố · Đã duyệt/ }),
    ).toHaveAttribute("href", "/admin/delegates?kind=province&status=approved");

    // The day chart is an image with a summary, and its numbers are in a table for screen readers:
    // one day (today in Hà Nội, by the app's clock) with 2 new registrations, 1 in person, 1 online, 2 in all.
    await expect(page.getByTestId("chart-new").getByRole("img")).toHaveAttribute("aria-label", /đăng ký mới mỗi ngày/);
    const days = page.getByTestId("daily-table").locator("tbody tr");
    await expect(days).toHaveCount(1);
    await expect(days.first().locator("th")).toHaveText(hanoiDay());
    const cells = days.first().locator("td");
    await expect(cells.nth(0)).toHaveText("2");
    await expect(cells.nth(1)).toHaveText("1");
    await expect(cells.nth(2)).toHaveText("1");
    await expect(cells.nth(4)).toHaveText("2");

    const provinces = page.getByTestId("provinces");
    await expect(provinces.getByTestId("provinces-count")).toHaveText(
      "62/63 tỉnh, thành phố chưa có đăng ký còn hiệu lực (chờ duyệt, đã duyệt hoặc trong danh sách chờ).",
    );
    await expect(provinces.getByTestId("provinces-list").getByRole("listitem")).toHaveCount(62);
    await expect(provinces.getByRole("listitem").filter({ hasText: /^Hà Giang$/ })).toHaveCount(1);
    await expect(provinces).not.toContainText("Bắc Giang");
  });
}

test("the dashboard fits a 375 px phone without sideways scrolling", async ({ page }) => {
  await signIn(page, "organiser");
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/admin/dashboard");
  await expect(page.getByTestId("capacity-bar")).toBeVisible();
  await expect(page.getByTestId("chart-cumulative").getByRole("img")).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test("a delegate gets the refusal page, not the dashboard", async ({ page }) => {
  await signIn(page, "delegate");
  const response = await page.goto("/admin/dashboard");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Bạn không có quyền truy cập trang này" })).toBeVisible();
  await expect(page.getByTestId("capacity")).toHaveCount(0);
});
