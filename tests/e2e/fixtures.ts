import { expect, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORDS } from "../../seeds/seed";

export type DemoKey = (typeof DEMO_ACCOUNTS)[number]["key"];

export function demo(key: DemoKey) {
  const a = DEMO_ACCOUNTS.find((x) => x.key === key)!;
  return { ...a, password: DEMO_PASSWORDS[key] };
}

/** Signs in through the real form, as a person would. */
export async function signIn(page: Page, key: DemoKey, redirectTo?: string) {
  const account = demo(key);
  await page.goto(redirectTo ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : "/login");
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Mật khẩu").fill(account.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(account.fullName);
}

export async function navLabels(page: Page): Promise<string[]> {
  return (await page.getByTestId("main-nav").getByRole("link").allTextContents()).map((s) => s.trim());
}
