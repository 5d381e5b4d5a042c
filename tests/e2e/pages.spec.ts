import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

test("the home page shows the conference to a visitor", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Hội nghị Ngoại vụ toàn quốc lần thứ 20" })).toBeVisible();
  await expect(page.getByText("Trực tiếp kết hợp trực tuyến")).toBeVisible();
  await expect(page.getByTestId("registration-window")).toContainText("Đang mở");
  await expect(page.getByRole("link", { name: "Đăng nhập bằng tài khoản được Ban tổ chức cấp" })).toBeVisible();
});

test("an ambassador abroad sees conference times in Hà Nội time and in Tokyo time", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ timezoneId: "Asia/Tokyo", baseURL });
  const page = await context.newPage();
  await signIn(page, "ambassador");
  await page.reload();
  await expect(page.getByText(/Giờ Hà Nội \(GMT\+7\)/)).toBeVisible();
  await expect(page.getByTestId("viewer-time")).toContainText("Tokyo, GMT+9");
  await context.close();
});

test("the organisations directory searches without diacritics", async ({ page }) => {
  await signIn(page, "delegate");
  await page.goto("/organisations");
  await page.getByRole("searchbox").fill("ha noi");
  await page.getByRole("button", { name: "Tìm kiếm" }).click();
  // The province and the foreign partners based in Hà Nội are found; Hải Phòng is not.
  await expect(page.getByRole("cell", { name: "Hà Nội Ha Noi" })).toBeVisible();
  await expect(page.getByRole("cell", { name: /Hải Phòng/ })).toHaveCount(0);
  await page.getByRole("link", { name: /Cơ quan đại diện ở nước ngoài/ }).click();
  await expect(page).toHaveURL(/kind=mission/);
});

test("the audit log shows what the organisers did", async ({ page }) => {
  await signIn(page, "organiser");
  await page.goto("/admin/audit");
  await expect(page.getByRole("cell", { name: "auth.sign_in" }).first()).toBeVisible();
});
