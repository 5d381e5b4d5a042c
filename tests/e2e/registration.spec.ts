import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./fixtures";

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

async function fillCommon(page: Page, name: string, email: string) {
  await page.getByRole("textbox", { name: /^Họ và tên/ }).fill(name);
  await page.getByRole("textbox", { name: /^Chức vụ/ }).fill("Phó Giám đốc Sở Ngoại vụ");
  await page.getByRole("textbox", { name: /^E-mail/ }).fill(email);
  await page.getByRole("textbox", { name: /^Điện thoại/ }).fill("+84 24 3825 3536");
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a person registers with the plain form and sees the status", async ({ page }) => {
    await page.goto("/register");
    await fillCommon(page, "Hà Thị Mai", `mai.${unique()}@caobang.gov.vn`);
    await page.getByRole("combobox", { name: /Đơn vị/ }).selectOption({ label: "Cao Bằng" });
    await page.getByLabel("Trực tuyến").check();
    await page.getByRole("button", { name: "Gửi đăng ký" }).click();
    await expect(page).toHaveURL(/\/my-registration\?registered=1/);
    await expect(page.getByTestId("registration-status")).toContainText("Chờ duyệt");
    await expect(page.getByTestId("registration-status")).toContainText("Trực tuyến");
    await expect(page.getByTestId("signed-in-as")).toContainText("Hà Thị Mai");
  });

  test("bad input comes back with messages next to the fields and nothing typed is lost", async ({ page }) => {
    await page.goto("/register");
    await fillCommon(page, "Đinh Văn Tú", "khong-phai-email");
    await page.getByRole("textbox", { name: /^Điện thoại/ }).fill("12");
    await page.getByRole("button", { name: "Gửi đăng ký" }).click();
    await expect(page.getByText("E-mail không đúng định dạng")).toBeVisible();
    await expect(page.getByText("Số điện thoại không hợp lệ")).toBeVisible();
    await expect(page.getByText("Vui lòng nhập trường này.")).toBeVisible(); // the organisation
    await expect(page.getByRole("textbox", { name: /^Họ và tên/ })).toHaveValue("Đinh Văn Tú");
  });
});

test("with JavaScript, a person finds the organisation by typing without diacritics and registers", async ({ page }) => {
  await page.goto("/register");
  await fillCommon(page, "Nguyễn Thị Hồng Nhung", `nhung.${unique()}@hanoi.gov.vn`);
  const phone = page.getByRole("textbox", { name: /^Điện thoại/ });
  await phone.fill("abc");
  await phone.blur();
  await expect(page.getByText("Số điện thoại không hợp lệ")).toBeVisible();
  await phone.fill("024 3825 3536");
  const org = page.getByRole("combobox", { name: /Đơn vị/ });
  await org.fill("ha noi");
  await expect(page.getByRole("listbox").getByRole("option", { name: /Hà Nội/ })).toBeVisible();
  await org.press("Enter");
  await expect(org).toHaveValue("Hà Nội");
  await page.getByRole("button", { name: "Gửi đăng ký" }).click();
  await expect(page).toHaveURL(/\/my-registration/);
  await expect(page.getByTestId("registration-status")).toContainText("Hà Nội");
});

test("an organiser approves a registration from the list and prints the delegate's badge", async ({ page, browser }) => {
  const name = `Triệu Thị Lành ${unique()}`;
  const registrant = await browser.newContext();
  const p = await registrant.newPage();
  await p.goto("/register");
  await fillCommon(p, name, `lanh.${unique()}@backan.gov.vn`);
  await p.getByRole("combobox", { name: /Đơn vị/ }).fill("bac kan");
  await p.getByRole("listbox").getByRole("option", { name: /Bắc Kạn/ }).click();
  await p.getByRole("button", { name: "Gửi đăng ký" }).click();
  await expect(p.getByTestId("registration-status")).toContainText("Chờ duyệt");

  await signIn(page, "organiser");
  await page.goto(`/admin/delegates?q=${encodeURIComponent(name)}`);
  await expect(page.getByTestId("delegate-count")).toContainText("1 trên");
  await page.getByRole("checkbox", { name: `Chọn ${name}` }).check();
  await page.getByRole("button", { name: "Duyệt", exact: true }).click();
  await expect(page.getByText("Đã duyệt 1 đăng ký.")).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Đã duyệt");

  // The delegate now sees the approval and can download the badge.
  await p.reload();
  await expect(p.getByTestId("registration-status")).toContainText("Đã duyệt");
  const badge = await p.request.get("/my-registration/badge.pdf");
  expect(badge.status()).toBe(200);
  expect(badge.headers()["content-type"]).toContain("application/pdf");
  expect((await badge.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await registrant.close();

  // The organiser prints the same badge from the delegate's page.
  await page.getByRole("link", { name: new RegExp(name) }).click();
  await expect(page.getByRole("heading", { name: new RegExp(name) })).toBeVisible();
  const printHref = await page.getByRole("link", { name: "In thẻ đại biểu" }).getAttribute("href");
  expect(printHref).toMatch(/^\/admin\/delegates\/\d+\/badge\.pdf$/);
  const printed = await page.request.get(printHref!);
  expect(printed.status()).toBe(200);
  expect((await printed.body()).subarray(0, 5).toString()).toBe("%PDF-");
});

test("an organiser exports the list as CSV that Excel reads as UTF-8", async ({ page }) => {
  await signIn(page, "organiser");
  await page.goto("/admin/delegates");
  const href = await page.getByTestId("export-link").getAttribute("href");
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  const bytes = await res.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString("utf8")).toContain("Lê Văn Hùng");
});
