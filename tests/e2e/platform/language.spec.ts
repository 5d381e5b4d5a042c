import type { Browser } from "@playwright/test";
import { demo, expect, signIn, test } from "../fixtures";

test("a visitor switches to English and the choice is remembered by cookie", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByRole("link", { name: "Trang chủ", exact: true })).toBeVisible();
  await page.getByTestId("language-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("link", { name: "Home", exact: true })).toBeVisible();
  await expect(page.getByText("National Conference on Local External Affairs").first()).toBeVisible();
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await page.getByTestId("language-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByRole("link", { name: "Đăng nhập", exact: true })).toBeVisible();
});

/** Signs the exhibitor in from a new browser with no cookies, so that only the account can carry a language. */
async function signInFresh(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(demo("exhibitor").email);
  await page.getByLabel("Mật khẩu").fill(demo("exhibitor").password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(demo("exhibitor").fullName);
  return { context, page };
}

test.describe("on the account (own database: the language is saved on a demo account)", () => {
  test.use({ ownDatabase: true });

  test("a signed-in person's language is kept on the account across sign-outs", async ({ page, browser }) => {
    await signIn(page, "exhibitor");
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    await page.getByTestId("language-switch").click();
    await expect(page.getByRole("link", { name: "Organisations", exact: true })).toBeVisible();

    // A new browser with no cookies: after sign-in the account's English comes back.
    const english = await signInFresh(browser);
    await expect(english.page.getByRole("link", { name: "Organisations", exact: true })).toBeVisible();
    await expect(english.page.locator("html")).toHaveAttribute("lang", "en");
    await english.context.close();

    // Switching back is saved the same way.
    await page.getByTestId("language-switch").click();
    await expect(page.getByRole("link", { name: "Đơn vị", exact: true })).toBeVisible();
    const vietnamese = await signInFresh(browser);
    await expect(vietnamese.page.locator("html")).toHaveAttribute("lang", "vi");
    await expect(vietnamese.page.getByRole("link", { name: "Đơn vị", exact: true })).toBeVisible();
    await vietnamese.context.close();
  });
});

test("titles, pages reached in the browser and the 404 page follow the language", async ({ page }) => {
  // What the server rendered is what the browser renders (no hydration mismatch), in each language.
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && !/404 \(Not Found\)/.test(m.text())) errors.push(m.text());
  });
  await page.goto("/");
  await expect(page).toHaveTitle("Hội nghị Ngoại vụ");
  await page.getByTestId("language-switch").click();
  await expect(page).toHaveTitle("External Affairs Conference");
  // A page reached without reloading gets its capability's messages with its data.
  await page.getByRole("link", { name: "Programme", exact: true }).click();
  await expect(page).toHaveURL(/\/programme/);
  await expect(page.getByRole("heading", { name: "Conference programme" })).toBeVisible();
  await expect(page).toHaveTitle("Programme · External Affairs Conference");
  // An unknown address has no root data: the cookie's language still holds, shell and title included.
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page).toHaveTitle("Page not found · External Affairs Conference");
  await expect(page.getByRole("link", { name: "Back to home" })).toBeVisible();
  await page.getByTestId("language-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByRole("heading", { name: "Không tìm thấy trang" })).toBeVisible();
  await expect(page).toHaveTitle("Không tìm thấy trang · Hội nghị Ngoại vụ");
  expect(errors).toEqual([]);
});
