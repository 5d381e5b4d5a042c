import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

// Writes nothing: other specs share this database and expect the demo to have no meeting block yet.
test("an organiser opening the empty meetings page sees the set-up form, checked as they type", async ({ page }) => {
  await signIn(page, "organiser", "/admin/meetings");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chia phiên thành các lượt gặp");
  await expect(page.getByText("Gặp gỡ song phương địa phương – Cơ quan đại diện", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Độ dài mỗi lượt (phút)")).toHaveValue("20");
  await page.getByLabel("Số bàn").fill("abc");
  await page.getByLabel("Độ dài mỗi lượt (phút)").fill("2");
  await page.getByRole("button", { name: "Tạo các lượt gặp" }).click();
  await expect(page.locator("[aria-invalid=true]")).toHaveCount(2);
  await expect(page).toHaveURL(/\/admin\/meetings$/);
});

test("a delegate is refused the organisers' meetings page", async ({ page }) => {
  await signIn(page, "delegate");
  const response = await page.goto("/admin/meetings");
  expect(response?.status()).toBe(403);
});
