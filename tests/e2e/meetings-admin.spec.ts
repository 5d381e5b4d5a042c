import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

// Writes nothing: other specs share the demo database (its meeting block and requests).
test("an organiser sees the demo's grid and requests, and the settings form checks as they type", async ({ page }) => {
  await signIn(page, "organiser", "/admin/meetings");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gặp gỡ song phương");
  await expect(page.getByTestId("meeting-grid").getByRole("columnheader", { name: /Bàn 12/ })).toBeVisible();
  await expect(page.getByTestId("unplaced-requests").getByRole("listitem").first()).toBeVisible();

  await page.getByRole("link", { name: "Thiết lập gặp song phương" }).click();
  await expect(page).toHaveURL(/\/admin\/meetings\/settings\?session=\d+$/);
  await expect(page.getByLabel("Tên bàn 1", { exact: true })).toHaveValue("Khu A");
  await expect(page.getByLabel("Tỉnh, thành phố được đề nghị gặp Cơ quan đại diện ở nước ngoài")).toBeChecked();
  await page.locator("input[name=tableCount]").fill("abc");
  await page.getByLabel("Hạn gửi đề nghị gặp (giờ Hà Nội)").fill("2030-12-05T17:00");
  await page.getByLabel("Hạn trả lời đề nghị (giờ Hà Nội)").fill("2030-12-01T17:00");
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page.locator("[aria-invalid=true]")).toHaveCount(1);
  await expect(page.getByText("Vui lòng nhập một số nguyên.")).toBeVisible();
  await page.locator("input[name=tableCount]").fill("12");
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page.getByText("Hạn trả lời phải sau hạn gửi đề nghị.")).toBeVisible();
  await expect(page.getByText("Đã lưu thiết lập.")).toHaveCount(0);
});

test("a delegate is refused the organisers' meetings page", async ({ page }) => {
  await signIn(page, "delegate");
  const response = await page.goto("/admin/meetings");
  expect(response?.status()).toBe(403);
});
