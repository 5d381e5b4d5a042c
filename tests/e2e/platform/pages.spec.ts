import { expect, signIn, test } from "../fixtures";
import { demoConference, hanoiDay, hanoiTime } from "../support/dates";

/** "13/12/2027": a day of the demo conference, in the year the seed chose from the app's clock. */
const demoDay = (day: 10 | 12 | 13 | 14) => `${day}/12/${demoConference().startsAt.slice(0, 4)}`;

test("the home page shows the conference to a visitor", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Hội nghị Ngoại vụ toàn quốc lần thứ 20" })).toBeVisible();
  await expect(page.getByText("Trực tiếp kết hợp trực tuyến")).toBeVisible();
  await expect(page.locator("main")).toContainText(`08:00 ${demoDay(13)} – 17:30 ${demoDay(14)}`);
  // Open by the app's clock: the demo closes registration at 17:00 on 10 December, Hà Nội time.
  await expect(page.getByTestId("registration-window")).toHaveText(`Đang mở đến 17:00 ${demoDay(10)}`);
  await expect(page.getByRole("link", { name: "Đăng nhập bằng tài khoản được Ban tổ chức cấp" })).toBeVisible();
});

test("an ambassador abroad sees conference times in Hà Nội time and in Tokyo time", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ timezoneId: "Asia/Tokyo", baseURL });
  const page = await context.newPage();
  await signIn(page, "ambassador");
  await page.reload();
  await expect(page.getByText(/Giờ Hà Nội \(GMT\+7\)/)).toBeVisible();
  // Tokyo is two hours ahead of Hà Nội.
  await expect(page.getByTestId("viewer-time")).toContainText(`10:00 ${demoDay(13)} – 19:30 ${demoDay(14)}`);
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
  const before = hanoiTime();
  await signIn(page, "organiser");
  const after = hanoiTime();
  await page.goto("/admin/audit");
  // Sentences, not codes: this very sign-in, by the organiser, at the app's now (Hà Nội time).
  const mine = page
    .getByRole("row")
    .filter({ has: page.getByTestId("audit-sentence").getByText("Nguyễn Thị Thu Hà đăng nhập", { exact: true }) })
    .filter({ has: page.getByRole("cell", { name: new RegExp(`^(${before}|${after}) ${hanoiDay()}$`) }) });
  await expect(mine.first()).toBeVisible();
  // The raw record is one click away.
  await mine.first().getByText("Dữ liệu gốc").click();
  await expect(mine.first().getByText("auth.sign_in", { exact: true })).toBeVisible();
});
