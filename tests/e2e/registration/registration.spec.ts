import type { Page } from "@playwright/test";
import { expect, signIn, test, type Mailbox } from "../fixtures";

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;
const PASSWORD = "Cao Bằng 2021 núi đá";

async function fillCommon(page: Page, name: string, email: string) {
  await page.getByRole("textbox", { name: /^Họ và tên/ }).fill(name);
  await page.getByRole("textbox", { name: /^Chức vụ/ }).fill("Phó Giám đốc Sở Ngoại vụ");
  await page.getByRole("textbox", { name: /^E-mail/ }).fill(email);
  await page.getByRole("textbox", { name: /^Điện thoại/ }).fill("+84 24 3825 3536");
}

/**
 * After the form: the page asks to check the mailbox and nobody is signed in; the e-mailed
 * link asks for a password, and only then is the registration recorded and the person signed in.
 */
async function confirmByMail(page: Page, mailbox: Mailbox, name: string, email: string) {
  await expect(page).toHaveURL(/\/register\?sent=/);
  await expect(page.getByTestId("registration-sent")).toContainText(`Nếu địa chỉ ${email} dùng được`);
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  await page.goto(await mailbox.linkTo(email, "registration.confirm"));
  await expect(page.getByText(`Chào ${name}, hãy đặt mật khẩu để xác nhận đăng ký tham dự.`)).toBeVisible();
  await page.getByLabel("Mật khẩu mới").fill(PASSWORD);
  await page.getByLabel("Nhập lại mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đặt mật khẩu và đăng nhập" }).click();
  await expect(page).toHaveURL(/\/my-registration\?confirmed=1$/);
  await expect(
    page.getByText("Đã xác nhận địa chỉ thư. Đăng ký của anh/chị đang chờ Ban Tổ chức xét duyệt."),
  ).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toContainText(name);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test.describe("registering (own database)", () => {
    test.use({ ownDatabase: true });

    test("a person registers with the plain form, confirms by the e-mailed link and sees the status", async ({
      page,
      mailbox,
    }) => {
      const email = `mai.${unique()}@caobang.gov.vn`;
      await page.goto("/register");
      await fillCommon(page, "Hà Thị Mai", email);
      await page.getByRole("combobox", { name: /Đơn vị/ }).selectOption({ label: "Cao Bằng" });
      await page.getByLabel("Trực tuyến").check();
      await page.getByRole("button", { name: "Gửi đăng ký" }).click();
      await confirmByMail(page, mailbox, "Hà Thị Mai", email);
      await expect(page.getByTestId("registration-status")).toContainText("Chờ duyệt");
      await expect(page.getByTestId("registration-status")).toContainText("Trực tuyến");
      await expect(page.getByTestId("registration-status")).toContainText("Cao Bằng");
    });
  });

  // Writes nothing: the server refuses the form.
  test("bad input comes back with messages next to the fields and nothing typed is lost", async ({ page }) => {
    await page.goto("/register");
    await fillCommon(page, "Đinh Văn Tú", "khong-phai-email");
    await page.getByRole("textbox", { name: /^Điện thoại/ }).fill("12");
    await page.getByRole("button", { name: "Gửi đăng ký" }).click();
    await expect(page.getByText("E-mail không đúng định dạng")).toBeVisible();
    await expect(page.getByText("Số điện thoại không hợp lệ")).toBeVisible();
    await expect(page.getByText("Vui lòng nhập trường này.")).toBeVisible(); // the organisation
    await expect(page.getByRole("textbox", { name: /^Họ và tên/ })).toHaveValue("Đinh Văn Tú");
    await expect(page.getByRole("textbox", { name: /^Chức vụ/ })).toHaveValue("Phó Giám đốc Sở Ngoại vụ");
    await expect(page.getByRole("textbox", { name: /^E-mail/ })).toHaveValue("khong-phai-email");
    await expect(page.getByRole("textbox", { name: /^Điện thoại/ })).toHaveValue("12");
  });
});

test.describe("registering and approving (own database)", () => {
  test.use({ ownDatabase: true });

  test("with JavaScript, a person finds the organisation by typing without diacritics and registers", async ({
    page,
    mailbox,
  }) => {
    const email = `nhung.${unique()}@hanoi.gov.vn`;
    await page.goto("/register");
    await fillCommon(page, "Nguyễn Thị Hồng Nhung", email);
    const phone = page.getByRole("textbox", { name: /^Điện thoại/ });
    await phone.fill("abc");
    await phone.blur();
    await expect(page.getByText("Số điện thoại không hợp lệ")).toBeVisible();
    await phone.fill("024 3825 3536");
    await expect(page.getByText("Số điện thoại không hợp lệ")).toHaveCount(0);
    const org = page.getByRole("combobox", { name: /Đơn vị/ });
    await org.fill("ha noi");
    await expect(page.getByRole("listbox").getByRole("option", { name: /Hà Nội/ })).toBeVisible();
    await org.press("Enter");
    await expect(org).toHaveValue("Hà Nội");
    await page.getByRole("button", { name: "Gửi đăng ký" }).click();
    await confirmByMail(page, mailbox, "Nguyễn Thị Hồng Nhung", email);
    await expect(page.getByTestId("registration-status")).toContainText("Hà Nội");
    await expect(page.getByTestId("registration-status")).toContainText("Chờ duyệt");
  });

  test("an organiser approves a registration from the list and prints the delegate's badge", async ({
    page,
    browser,
    mailbox,
  }) => {
    const name = `Triệu Thị Lành ${unique()}`;
    const registrant = await browser.newContext();
    const p = await registrant.newPage();
    await p.goto("/register");
    const email = `lanh.${unique()}@backan.gov.vn`;
    await fillCommon(p, name, email);
    await p.getByRole("combobox", { name: /Đơn vị/ }).fill("bac kan");
    await p
      .getByRole("listbox")
      .getByRole("option", { name: /Bắc Kạn/ })
      .click();
    await p.getByRole("button", { name: "Gửi đăng ký" }).click();
    await confirmByMail(p, mailbox, name, email);
    await expect(p.getByTestId("registration-status")).toContainText("Chờ duyệt");

    await signIn(page, "organiser");
    // The demo's two registrations and this one; the search finds this one alone.
    await page.goto(`/admin/delegates?q=${encodeURIComponent(name)}`);
    await expect(page.getByTestId("delegate-count")).toHaveText("1 trên 3");
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
});

test("an organiser exports the list as CSV that Excel reads as UTF-8", async ({ page }) => {
  await signIn(page, "organiser");
  await page.goto("/admin/delegates");
  await expect(page.getByTestId("delegate-count")).toHaveText("2 trên 2");
  const href = await page.getByTestId("export-link").getAttribute("href");
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  const bytes = await res.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString("utf8");
  // The shared demo's two delegates under the header.
  expect(text.slice(3).split(/\r?\n/).filter(Boolean)).toHaveLength(3);
  expect(text).toContain("Lê Văn Hùng");
  expect(text).toContain("Phạm Thị Lan Anh");
});
