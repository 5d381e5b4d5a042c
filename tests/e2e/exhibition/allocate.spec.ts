import { expect, signIn, test } from "../fixtures";

/** The organisers' desk on a database of its own: run the allocator, read why, commit, see the booths taken. */
test.use({ ownDatabase: true });

test("an organiser runs the allocator, reads an exhibitor's explanation, commits and sees the booths allocated", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, "organiser");
  await page.goto("/admin/exhibition");
  await expect(page.getByRole("heading", { level: 1, name: "Điều phối triển lãm" })).toBeVisible();
  const allocatedBefore = await page.getByTestId("allocations").locator("tbody tr").count();
  const waiting = await page.getByLabel("Đơn vị trưng bày").locator("option").count();
  expect(waiting).toBeGreaterThan(1);

  await page.getByRole("button", { name: "Chạy và xem trước" }).click();
  const preview = page.getByRole("region", { name: "Kết quả xem trước (chưa ghi)" });
  await expect(preview).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("preview-summary")).toContainText(/Xếp được \d+\/\d+ đơn vị/);
  await expect(preview.getByRole("list", { name: "Phân bố nguyện vọng" })).toBeVisible();
  await page.screenshot({ path: "/tmp/h4/preview-1366.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await preview.getByRole("heading", { name: "Kết quả xem trước (chưa ghi)" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/h4/preview-390.png" });
  await page.setViewportSize({ width: 1366, height: 900 });

  // The filters: those left out, those short of their first zone (the demo's hall is not full).
  await preview.getByRole("button", { name: /^Chưa xếp được/ }).click();
  await expect(preview.getByRole("button", { name: /^Chưa xếp được/ })).toHaveAttribute("aria-pressed", "true");
  await expect(preview.getByText("Không có đơn vị nào trong mục này.")).toBeVisible();
  await preview.getByRole("button", { name: /^Tất cả/ }).click();
  // An exhibitor that did not stand by every neighbour it asked for says why, in words (no keys, no ids).
  const explanations = preview.getByTestId("explanations").locator("li[data-exhibitor]");
  const item = explanations.filter({ hasText: /Cạnh 0\/\d đơn vị mong muốn/ }).first();
  await item.locator("summary").click();
  const lines = item.locator("ul li");
  await expect(lines.first()).toBeVisible();
  const text = (await lines.allTextContents()).join(" ");
  expect(text).toMatch(/Không đứng cạnh/);
  expect(text).not.toMatch(/exhibition\.|\be\d+\b/);
  await page.screenshot({ path: "/tmp/h4/explanation-1366.png" });

  await preview.getByRole("button", { name: "Ghi kết quả này" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã ghi kết quả" })).toBeVisible({ timeout: 30_000 });
  await expect(preview).toHaveCount(0);
  const allocatedAfter = await page.getByTestId("allocations").locator("tbody tr").count();
  expect(allocatedAfter).toBeGreaterThan(allocatedBefore);
  // On the plan, the committed booths are allocated (in words, not only in colour).
  const code = (await page.getByTestId("allocations").locator("tbody tr td").first().textContent())!.split(" + ")[0];
  await expect(page.locator(`[data-booth="${code}"]`).first()).toHaveAttribute("aria-label", /Đã phân|Đã xác nhận/);
  await page.screenshot({ path: "/tmp/h4/desk-1366.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "/tmp/h4/desk-390.png" });
  await page.getByRole("heading", { name: "Gian đã phân" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/h4/desk-390-table.png" });
});

test("an organiser allocates a booth by clicking it on the plan", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, "organiser");
  await page.goto("/admin/exhibition");
  const select = page.getByLabel("Đơn vị trưng bày");
  // The first exhibitor needing one booth; then a free booth clicked on the plan fills the code.
  const option = select.locator("option", { hasText: "· 1 gian" }).first();
  const value = await option.getAttribute("value");
  await select.selectOption(value!);
  const free = page.locator('[data-booth][role="button"][aria-label*="Còn trống"]').first();
  const code = await free.getAttribute("data-booth");
  await free.click();
  await expect(page.getByRole("textbox", { name: /^Mã gian/ }).first()).toHaveValue(code!);
  await page.getByRole("button", { name: "Phân gian", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: `Đã phân gian ${code}` })).toBeVisible();
  await expect(page.locator(`[data-booth="${code}"]`).first()).toHaveAttribute("aria-label", /Đã phân/);
});

test("two booths for an exhibitor that needs two: the plan keeps only adjacent ones and says when they are apart", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, "organiser");
  await page.goto("/admin/exhibition");
  const select = page.getByLabel("Đơn vị trưng bày");
  const value = await select.locator("option", { hasText: "· 2 gian" }).first().getAttribute("value");
  await select.selectOption(value!);
  // The demo's row A4 is free: A401 and A402 share a side; the island A004 stands alone.
  const booth = (code: string) => page.locator(`[data-booth="${code}"]`);
  await booth("A401").click();
  await expect(page.getByRole("textbox", { name: /^Mã gian/ }).first()).toHaveValue("A401");
  // Only the first booth's free neighbours stay bright; a booth across the hall is faded.
  await expect(booth("A402").locator("rect")).toHaveAttribute("opacity", "1");
  await expect(booth("A004").locator("rect")).toHaveAttribute("opacity", "0.45");
  await booth("A004").click();
  const second = page.getByRole("textbox", { name: /^Mã gian thứ hai/ });
  await expect(second).toHaveValue("A004");
  await expect(page.getByRole("status").filter({ hasText: "Gian A401 và A004 không liền kề nhau." })).toBeVisible();
  // Clicking the second again clears it; then the adjacent one.
  await booth("A004").click();
  await expect(second).toHaveValue("");
  await booth("A402").click();
  await expect(second).toHaveValue("A402");
  await page.getByRole("button", { name: "Phân gian", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã phân gian A401 + A402." })).toBeVisible();
  await expect(booth("A402")).toHaveAttribute("aria-label", /Đã phân/);
});

test("the secretariat reads the desk in English and cannot change it", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, "secretariat");
  await page.goto("/admin/exhibition");
  await page.getByTestId("language-switch").click();
  await expect(page.getByRole("heading", { level: 1, name: "Exhibition desk" })).toBeVisible();
  await expect(page.getByText("You may read this page but not change it.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Run and preview" })).toHaveCount(0);
  await expect(page.getByLabel("Exhibitor")).toHaveCount(0);
  await expect(page.getByTestId("allocations").getByRole("button")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Exhibitor list (CSV)" })).toHaveAttribute(
    "href",
    "/admin/exhibition/exhibitors.csv",
  );
  await expect(page.getByRole("button", { name: "Save settings" })).toHaveCount(0);
  await page.screenshot({ path: "/tmp/h4/desk-secretariat-en-1366.png" });
});
