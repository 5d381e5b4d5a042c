import { expect, signIn, test } from "../fixtures";

/** The visitors' plan and catalogue on the shared demo (read only): a delegate finds the lychee and its booth. */
const HIGHLIGHT = "#b91c1c";

test("a delegate finds Lục Ngạn lychee without diacritics, sees its booths on the plan and opens the exhibitor", async ({
  page,
}) => {
  const errors: string[] = [];
  page.on("console", (m) => (m.type() === "error" ? errors.push(m.text()) : undefined));
  page.on("pageerror", (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, "delegate");
  await page.goto("/exhibition");
  await expect(page.getByRole("heading", { level: 1, name: "Sơ đồ và danh mục gian trưng bày" })).toBeVisible();
  const results = page.getByTestId("catalogue-results");
  await expect(results.getByRole("listitem").filter({ has: page.getByRole("heading") })).not.toHaveCount(0);
  // Nothing is highlighted before a search.
  await expect(page.locator('[data-booth="A101"] > rect')).not.toHaveAttribute("stroke", HIGHLIGHT);

  await page.getByLabel("Tìm trong danh mục").fill("vai thieu");
  await expect(page.getByTestId("result-count")).toContainText("Tìm thấy 2 đơn vị trưng bày");
  await expect(results.getByRole("link", { name: "Trung tâm Xúc tiến Thương mại tỉnh Bắc Giang" })).toBeVisible();
  await expect(results.getByRole("link", { name: "Hợp tác xã Gốm sứ Bát Tràng" })).toHaveCount(0);
  // Its two booths are outlined on the plan, and say so to a screen reader; others are not.
  for (const code of ["A101", "A102"]) {
    await expect(page.locator(`[data-booth="${code}"] > rect`)).toHaveAttribute("stroke", HIGHLIGHT);
    await expect(page.locator(`[data-booth="${code}"]`)).toHaveAttribute("aria-label", /Kết quả tìm kiếm/);
  }
  await expect(page.locator('[data-booth="A201"] > rect')).not.toHaveAttribute("stroke", HIGHLIGHT);
  await page.screenshot({ path: "/tmp/h5/catalogue-1366.png", fullPage: true });
  // The address follows the typing: a reload (or a shared link) finds the same.
  await expect(page).toHaveURL(/\/exhibition\?q=vai\+thieu$/);
  await page.reload();
  await expect(page.getByTestId("result-count")).toContainText("Tìm thấy 2 đơn vị trưng bày");

  // Hover shows a booth's exhibitor and products beside the plan.
  const panel = page.getByTestId("booth-panel");
  await page.locator('[data-booth="A201"]').hover();
  await expect(panel).toContainText("Hợp tác xã Gốm sứ Bát Tràng");
  await expect(panel).toContainText("Gốm men lam Bát Tràng");
  // Keyboard focus does the same.
  await page.locator('[data-booth="A101"]').focus();
  await expect(panel).toContainText("Trung tâm Xúc tiến Thương mại tỉnh Bắc Giang");
  await expect(panel).toContainText("Vải thiều Lục Ngạn");

  await results.getByRole("link", { name: "Trung tâm Xúc tiến Thương mại tỉnh Bắc Giang" }).click();
  await expect(page).toHaveURL(/\/exhibition\/exhibitors\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Trung tâm Xúc tiến Thương mại tỉnh Bắc Giang");
  const products = page.getByTestId("exhibitor-products");
  await expect(products).toContainText("Vải thiều Lục Ngạn");
  await expect(products).toContainText("Luc Ngan lychee");
  await page.screenshot({ path: "/tmp/h5/exhibitor-1366.png", fullPage: true });
  // The booth goes back to the plan with that booth highlighted and described.
  await page.getByRole("link", { name: "Gian A101 trên sơ đồ" }).click();
  await expect(page.locator('[data-booth="A101"] > rect')).toHaveAttribute("stroke", HIGHLIGHT);
  await expect(panel).toContainText("A101");
  await expect(panel).toContainText("Vải thiều Lục Ngạn");
  // No hydration mismatch, no message missing from the page's loader.
  expect(errors).toEqual([]);
});

test("the search works without JavaScript, and on a phone", async ({ browser, baseURL }) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
    baseURL,
  });
  const page = await context.newPage();
  await signIn(page, "delegate");
  await page.goto("/exhibition");
  await page.getByLabel("Tìm trong danh mục").fill("ca phe");
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  await expect(page).toHaveURL(/\?q=ca\+phe/);
  await expect(page.getByTestId("catalogue-results")).toContainText("Công ty TNHH Cà phê Buôn Ma Thuột");
  await expect(page.locator('[data-booth="A107"] > rect')).toHaveAttribute("stroke", HIGHLIGHT);
  await page.screenshot({ path: "/tmp/h5/catalogue-390.png", fullPage: true });
  // Printed, the list stands alone: no search form, no plan (the PDF has the plan).
  await page.emulateMedia({ media: "print" });
  await expect(page.getByLabel("Tìm trong danh mục")).toBeHidden();
  await expect(page.locator("[data-booth]").first()).toBeHidden();
  await expect(page.getByTestId("catalogue-results")).toBeVisible();
  await page.screenshot({ path: "/tmp/h5/catalogue-print.png", fullPage: true });
  await page.emulateMedia({ media: "screen" });
  // A search that finds nothing says so and offers to clear.
  await page.goto("/exhibition?q=khong+co+gi");
  await expect(page.getByText("Không tìm thấy đơn vị hay sản phẩm nào.")).toBeVisible();
  // No horizontal scroll on the page itself at phone width (the plan scrolls inside its frame).
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  // The exhibitor's page at 360 px: no sideways scroll either.
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto("/exhibition?q=ca+phe");
  await page.getByTestId("catalogue-results").getByRole("link", { name: "Công ty TNHH Cà phê Buôn Ma Thuột" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Công ty TNHH Cà phê Buôn Ma Thuột");
  await page.screenshot({ path: "/tmp/h5/exhibitor-360.png", fullPage: true });
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
  await context.close();
});

test.describe("once published", () => {
  test.use({ ownDatabase: true });

  test("a visitor without an account reads the plan and an exhibitor's page in English", async ({ page, app }) => {
    await page.goto("/exhibition");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fexhibition/);
    await app.withDb((db) => db.updateTable("exhibition_settings").set({ published: 1 }).execute());
    await page.goto("/exhibition");
    await page.getByTestId("language-switch").click();
    await expect(page.getByRole("heading", { level: 1, name: "Floor plan and exhibitor catalogue" })).toBeVisible();
    await page.getByLabel("Search the catalogue").fill("bat trang");
    const results = page.getByTestId("catalogue-results");
    await expect(page.getByTestId("result-count")).toContainText("Found 1 exhibitor");
    await expect(page.locator('[data-booth="A201"] > rect')).toHaveAttribute("stroke", HIGHLIGHT);
    // A tap (click) on a booth pins it in the panel, which links to the exhibitor.
    await page.locator('[data-booth="A107"]').click();
    const panel = page.getByTestId("booth-panel");
    await expect(panel).toContainText("Buon Ma Thuot Coffee Co., Ltd.");
    await expect(panel).toContainText("Buon Ma Thuot Robusta coffee");
    await results.getByRole("link", { name: "Bat Trang Ceramics Cooperative" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bat Trang Ceramics Cooperative");
    // The English description first, the Vietnamese beside it.
    const products = page.getByTestId("exhibitor-products");
    await expect(products.locator('p[lang="en"]').first()).toHaveText(
      "Hand-painted vases and plates in traditional blue glaze.",
    );
    await expect(products.locator('p[lang="vi"]', { hasText: "Bình, đĩa vẽ tay men lam truyền thống." })).toBeVisible();
    // Back returns to the search as it was typed.
    await page.goBack();
    await expect(page.getByTestId("result-count")).toContainText("Found 1 exhibitor");
    await expect(page.getByLabel("Search the catalogue")).toHaveValue("bat trang");
    await page.goForward();
    await page.getByRole("link", { name: "Ha Noi" }).click();
    await expect(page.getByTestId("province-heading")).toHaveText("Booths of Ha Noi");
    await expect(results.getByRole("heading")).toHaveCount(2);
  });
});
