import { expect, signIn, test } from "../fixtures";

// The browser tests' server runs without SMTP settings: the outbox says so and offers no "Send now".
test("the outbox tells the secretariat that no mail server is configured", async ({ page }) => {
  await signIn(page, "secretariat");
  await page.goto("/admin/outbox");
  await expect(page.getByTestId("smtp-status")).toContainText("Chưa cấu hình máy chủ thư (SMTP)");
  await expect(page.getByRole("button", { name: "Gửi ngay" })).toHaveCount(0);
});
