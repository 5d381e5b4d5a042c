import { demo, expect, signIn, test } from "../fixtures";
import { DAY_MS, hanoiDay, hanoiTime, now } from "../support/dates";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test.describe("a wrong password (own database: a failure counts towards the account's sign-in limit)", () => {
    test.use({ ownDatabase: true });

    test("sign-in shows a translated error next to the form, keeps the e-mail, then works", async ({ page }) => {
      await page.goto("/login");
      await page.getByLabel("E-mail").fill(demo("secretariat").email);
      await page.getByLabel("Mật khẩu").fill("not-the-password");
      await page.getByRole("button", { name: "Đăng nhập" }).click();
      await expect(page.getByRole("alert")).toContainText("E-mail hoặc mật khẩu không đúng.");
      await expect(page.getByLabel("E-mail")).toHaveValue(demo("secretariat").email);
      await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
      await page.getByLabel("Mật khẩu").fill(demo("secretariat").password);
      await page.getByRole("button", { name: "Đăng nhập" }).click();
      await expect(page.getByTestId("signed-in-as")).toContainText(demo("secretariat").fullName);
    });
  });

  test("the conference form reports a field error from the server", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("E-mail").fill(demo("organiser").email);
    await page.getByLabel("Mật khẩu").fill(demo("organiser").password);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.goto("/admin/conference");
    await page.getByLabel("Số chỗ dự trực tiếp").fill("năm trăm");
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect(page.getByText("Vui lòng nhập một số nguyên.")).toBeVisible();
    await expect(page.getByLabel("Số chỗ dự trực tiếp")).toHaveValue("năm trăm");
    // Nothing was saved: a fresh load has the demo's 500.
    await page.goto("/admin/conference");
    await expect(page.getByLabel("Số chỗ dự trực tiếp")).toHaveValue("500");
  });
});

// Saving the conference and inviting a person write: each test has a database of its own.
test.describe("writing (own database)", () => {
  test.use({ ownDatabase: true });

  test("with JavaScript, the conference form validates as you type and saves", async ({ page }) => {
    await signIn(page, "organiser");
    await page.goto("/admin/conference");
    const capacity = page.getByLabel("Số chỗ dự trực tiếp");
    await expect(capacity).toHaveValue("500");
    await capacity.fill("-3");
    await capacity.blur();
    await expect(page.getByText("Giá trị không được âm.")).toBeVisible();
    // A value other than the demo's, so that saving it shows.
    await capacity.fill("480");
    await capacity.blur();
    await expect(page.getByText("Giá trị không được âm.")).toHaveCount(0);
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Đã lưu thay đổi." })).toBeVisible();
    // Saved: a fresh load has it, and the dashboard counts places against it.
    await page.goto("/admin/conference");
    await expect(page.getByLabel("Số chỗ dự trực tiếp")).toHaveValue("480");
    await page.goto("/admin/dashboard");
    await expect(page.getByTestId("capacity").locator("p > span").first()).toHaveText("1/480 chỗ đã dùng");
  });

  test("an organiser invites a person who sets a password and arrives signed in", async ({
    page,
    browser,
    mailbox,
  }) => {
    await signIn(page, "organiser");
    await page.goto("/admin/people");
    const email = `moi.${Date.now()}@quangninh.gov.vn`;
    await page.getByLabel("Họ và tên").fill("Vũ Thị Hải Yến");
    await page.getByLabel("E-mail").fill(email);
    await page.getByRole("combobox", { name: "Vai trò" }).selectOption("delegate");
    await page.getByRole("combobox", { name: "Đơn vị" }).selectOption({ label: "Quảng Ninh · Tỉnh, thành phố" });
    const sentAt = now().getTime();
    await page.getByRole("button", { name: "Gửi lời mời" }).click();
    const notice = page.getByText(`Đã gửi lời mời đến ${email}.`);
    await expect(notice).toBeVisible();
    // Valid for seven days from the app's now, shown in Hà Nội time.
    const expiry = (at: number) => `${hanoiTime(new Date(at + 7 * DAY_MS))} ${hanoiDay(new Date(at + 7 * DAY_MS))}`;
    const text = (await notice.textContent())!.trim();
    expect(
      [sentAt, now().getTime()].map(
        (at) =>
          `Đã gửi lời mời đến ${email}. Đường dẫn trong thư hết hạn lúc ${expiry(at)} và chỉ người nhận thấy được.`,
      ),
    ).toContain(text);
    // The one-time link reaches only the invitee's mailbox, never the organiser's page.
    const link = await mailbox.linkTo(email, "invitation");
    await expect(page.locator("main")).not.toContainText("/invite/");

    const invitee = await browser.newContext();
    const p2 = await invitee.newPage();
    await p2.goto(link);
    await expect(p2.getByText("Chào Vũ Thị Hải Yến")).toBeVisible();
    await p2.getByLabel("Mật khẩu mới").fill("123456");
    await p2.getByLabel("Mật khẩu mới").blur();
    await expect(p2.getByText("Mật khẩu cần ít nhất 8 ký tự.")).toBeVisible();
    await p2.getByLabel("Mật khẩu mới").fill("Vịnh Hạ Long 2021");
    await p2.getByLabel("Nhập lại mật khẩu").fill("Vịnh Hạ Long 2021");
    await p2.getByRole("button", { name: "Đặt mật khẩu và đăng nhập" }).click();
    await expect(p2.getByTestId("signed-in-as")).toContainText("Vũ Thị Hải Yến");
    await expect(p2.getByTestId("main-nav")).toHaveAttribute("data-role", "delegate");

    // The link works once.
    await p2.goto(link);
    await expect(p2.getByTestId("invitation-refused")).toContainText("Lời mời đã được sử dụng.");
    await invitee.close();
  });
});
