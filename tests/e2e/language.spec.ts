import { expect, test } from "@playwright/test";
import { demo, signIn } from "./fixtures";

test("a visitor switches to English and the choice is remembered by cookie", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByRole("link", { name: "Trang chủ", exact: true })).toBeVisible();
  await page.getByTestId("language-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("link", { name: "Home", exact: true })).toBeVisible();
  await expect(page.getByText("National Conference on Local External Affairs").first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await page.getByTestId("language-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
});

test("a signed-in person's language is kept on the account across sign-outs", async ({ page, browser }) => {
  await signIn(page, "exhibitor");
  await page.getByTestId("language-switch").click();
  await expect(page.getByRole("link", { name: "Organisations", exact: true })).toBeVisible();

  // A new browser with no cookies: after sign-in the account's English comes back.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await page2.goto("/login");
  await page2.getByLabel("E-mail").fill(demo("exhibitor").email);
  await page2.getByLabel("Mật khẩu").fill(demo("exhibitor").password);
  await page2.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page2.getByRole("link", { name: "Organisations", exact: true })).toBeVisible();
  await expect(page2.locator("html")).toHaveAttribute("lang", "en");
  await other.close();

  // Switch back so other tests see Vietnamese.
  await page.getByTestId("language-switch").click();
  await expect(page.getByRole("link", { name: "Đơn vị", exact: true })).toBeVisible();
});
