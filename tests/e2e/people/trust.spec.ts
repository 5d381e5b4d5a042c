import { expect, signIn, test } from "../fixtures";

/**
 * Decision 011 as people meet it: a registration gives no say over an organisation until an
 * organiser approves it; a forgotten password is replaced through the mailbox.
 */
test.describe("trust (own database)", () => {
  test.use({ ownDatabase: true });

  test("register → e-mailed link → password → pending (no meetings yet) → approved → asks the Embassy in Japan", async ({
    page,
    browser,
    mailbox,
  }) => {
    test.setTimeout(120_000);
    const name = "Hoàng Văn Sơn";
    const email = `son.${Date.now()}@langson.gov.vn`;
    const password = "Lạng Sơn 2021 Đồng Đăng";

    await page.goto("/register");
    await page.getByRole("textbox", { name: /^Họ và tên/ }).fill(name);
    await page.getByRole("textbox", { name: /^Chức vụ/ }).fill("Giám đốc Sở Ngoại vụ");
    await page.getByRole("textbox", { name: /^E-mail/ }).fill(email);
    await page.getByRole("textbox", { name: /^Điện thoại/ }).fill("+84 205 3870 000");
    await page.getByRole("combobox", { name: /Đơn vị/ }).fill("lang son");
    await page
      .getByRole("listbox")
      .getByRole("option", { name: /Lạng Sơn/ })
      .click();
    await page.getByRole("button", { name: "Gửi đăng ký" }).click();
    await expect(page.getByTestId("registration-sent")).toBeVisible();
    await expect(page.getByTestId("signed-in-as")).toHaveCount(0);

    await page.goto(await mailbox.linkTo(email, "registration.confirm"));
    await page.getByLabel("Mật khẩu mới").fill(password);
    await page.getByLabel("Nhập lại mật khẩu").fill(password);
    await page.getByRole("button", { name: "Đặt mật khẩu và đăng nhập" }).click();
    await expect(page.getByTestId("registration-status")).toContainText("Chờ duyệt");

    // Pending: the meetings page says why, and offers nothing to ask or read.
    await page.goto("/meetings");
    await expect(page.getByTestId("no-authority")).toContainText("chưa được Ban Tổ chức duyệt");
    await expect(page.getByTestId("parties")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Gửi đề nghị" })).toHaveCount(0);

    // An organiser approves.
    const organiserContext = await browser.newContext();
    const organiser = await organiserContext.newPage();
    await signIn(organiser, "organiser");
    await organiser.goto(`/admin/delegates?q=${encodeURIComponent(name)}`);
    await organiser.getByRole("checkbox", { name: `Chọn ${name}` }).check();
    await organiser.getByRole("button", { name: "Duyệt", exact: true }).click();
    await expect(organiser.getByText("Đã duyệt 1 đăng ký.")).toBeVisible();
    await organiserContext.close();

    // Approved: the delegate now speaks for Lạng Sơn.
    await page.goto("/meetings");
    await expect(page.getByTestId("no-authority")).toHaveCount(0);
    await page.locator("input[name=q]").fill("nhat ban");
    await page.locator("input[name=q]").press("Enter");
    const japan = page
      .getByTestId("parties")
      .getByRole("listitem")
      .filter({ hasText: "Đại sứ quán Việt Nam tại Nhật Bản" });
    await japan.getByRole("link").click();
    const form = page.locator("form", { has: page.locator("select[name=toOrganisationId]") });
    await form.locator("select[name=sector]").selectOption({ label: "Thương mại" });
    await form.locator("textarea[name=ask]").fill("Giới thiệu hàng nông sản qua cửa khẩu Hữu Nghị");
    await form.getByRole("button", { name: "Gửi đề nghị" }).click();
    await expect(page.getByText("Đã gửi đề nghị gặp tới")).toBeVisible();
    await expect(page.getByTestId("sent-requests").getByRole("listitem").filter({ hasText: "Nhật Bản" })).toContainText(
      "Chờ trả lời",
    );
  });

  test("forgot password: the same answer for any address, a link in the mailbox, a new password, other sessions ended", async ({
    page,
    browser,
    mailbox,
  }) => {
    // A session opened earlier, elsewhere.
    const elsewhere = await browser.newContext();
    const old = await elsewhere.newPage();
    await signIn(old, "delegate");

    await page.goto("/login");
    await page.getByRole("link", { name: "Quên mật khẩu?" }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    // Typing before the page has hydrated can be reset by it: wait until its scripts are in.
    await page.waitForLoadState("networkidle");
    await page.getByLabel("E-mail").fill("dai-bieu.bacgiang@ngoaivu.test");
    await page.getByRole("button", { name: "Gửi đường dẫn" }).click();
    await expect(page.getByTestId("reset-sent")).toContainText("Nếu e-mail này có tài khoản");
    const known = await page.getByTestId("reset-sent").textContent();
    // An unknown address gets the very same page.
    await page.goto("/forgot-password");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("E-mail").fill("khong-ai-ca@ngoaivu.test");
    await page.getByRole("button", { name: "Gửi đường dẫn" }).click();
    await expect(page.getByTestId("reset-sent")).toContainText("Nếu e-mail này có tài khoản");
    await expect(page.getByTestId("reset-sent")).toHaveText(known!);

    await page.goto(await mailbox.linkTo("dai-bieu.bacgiang@ngoaivu.test", "password.reset"));
    await expect(page.getByRole("heading", { name: "Đặt mật khẩu mới" })).toBeVisible();
    const fresh = "Bắc Giang vải thiều 2027";
    await page.getByLabel("Mật khẩu mới").fill(fresh);
    await page.getByLabel("Nhập lại mật khẩu").fill(fresh);
    await page.getByRole("button", { name: "Đặt mật khẩu và đăng nhập" }).click();
    await expect(page.getByTestId("signed-in-as")).toContainText("Lê Văn Hùng");

    // The earlier session has ended.
    await old.goto("/my-registration");
    await expect(old).toHaveURL(/\/login/);
    await elsewhere.close();

    // The new password signs in; the link does not work twice.
    const again = await browser.newContext();
    const fresher = await again.newPage();
    await fresher.goto("/login");
    await fresher.getByLabel("E-mail").fill("dai-bieu.bacgiang@ngoaivu.test");
    await fresher.getByLabel("Mật khẩu").fill(fresh);
    await fresher.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(fresher.getByTestId("signed-in-as")).toContainText("Lê Văn Hùng");
    await again.close();
    await page.goto(await mailbox.linkTo("dai-bieu.bacgiang@ngoaivu.test", "password.reset"));
    await expect(page.getByTestId("invitation-refused")).toBeVisible();
  });
});
