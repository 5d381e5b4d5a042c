import { DEMO_ACCOUNTS } from "../../../seeds/seed";
import { expect, signIn, test } from "../fixtures";
import { placeDemoMeeting } from "../support/meetings";
import { screenshot } from "../support/screenshots";

const VIDEO = "https://hop.ngoaivu.test/gap-go/nhat-ban-bac-giang";

/**
 * On the day (issue 12): the request form says what remains and until when, clears after sending
 * and puts the confirmation, focused, by the form; the parties asked are marked. Sending writes,
 * so the test has a database of its own.
 */
test.describe("sending a meeting request (own database)", () => {
  test.use({ ownDatabase: true });

  test("the form clears, the confirmation by it has the focus, and the party is marked as asked", async ({ page }) => {
    await signIn(page, "delegate", "/meetings");
    await expect(page.getByTestId("request-allowance")).toBeVisible();
    // A party not asked yet: it still has its "choose" link.
    const party = page
      .getByTestId("parties")
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name: "Chọn đối tác này" }) })
      .first();
    const name = (
      await party
        .locator(":scope > span")
        .first()
        .evaluate((el) => el.firstChild!.textContent!)
    ).trim();
    await party.getByRole("link", { name: "Chọn đối tác này" }).click();
    const form = page.locator("form", { has: page.locator("select[name=toOrganisationId]") });
    await expect(form.locator("select[name=toOrganisationId] option:checked")).toHaveText(name);
    await form.locator("select[name=sector]").selectOption({ label: "Nông nghiệp" });
    await form.locator("textarea[name=ask]").fill("Tìm nhà nhập khẩu vải thiều Lục Ngạn");
    await form.getByRole("button", { name: "Gửi đề nghị" }).click();

    const confirmation = page.getByTestId("request-sent");
    await expect(confirmation).toContainText(`Đã gửi đề nghị gặp tới ${name}`);
    await expect(confirmation.getByRole("status")).toBeVisible();
    await expect(confirmation).toBeFocused();
    await expect(form.locator("select[name=toOrganisationId]")).toHaveValue("");
    await expect(form.locator("select[name=sector]")).toHaveValue("");
    await expect(form.locator("textarea[name=ask]")).toHaveValue("");
    // The party is marked with the state of the request, and no longer offered to choose.
    const asked = page.getByTestId("parties").getByRole("listitem").filter({ hasText: name }).first();
    await expect(asked.getByTestId("party-asked")).toContainText("Chờ trả lời");
    await expect(asked.getByRole("link", { name: "Chọn đối tác này" })).toHaveCount(0);
    await expect(page.getByTestId("sent-requests")).toContainText(name);
  });
});

test.describe("a placed meeting with an online party (own database)", () => {
  test.use({ ownDatabase: true });

  test("both sides read that the embassy attends online, with the link; screens on a phone and at a desk", async ({
    browser,
    app,
  }) => {
    await app.withDb((db) => placeDemoMeeting(db, { videoUrl: VIDEO }));
    for (const who of ["delegate", "ambassador"] as const) {
      for (const [width, height] of [
        [390, 844],
        [1366, 900],
      ]) {
        const context = await browser.newContext({ viewport: { width, height } });
        const page = await context.newPage();
        await signIn(page, who, "/meetings");
        const placed = page.getByTestId("placed-meeting");
        await expect(placed).toHaveCount(1);
        await expect(placed.getByTestId("meeting-place")).toContainText("Đại sứ quán tham dự trực tuyến");
        await expect(placed.getByRole("link", { name: "Vào họp trực tuyến" })).toHaveAttribute("href", VIDEO);
        await expect(placed).toContainText("Nông nghiệp");
        await placed.scrollIntoViewIfNeeded();
        await screenshot(page, `meetings-placed-${who}-${width}`, { fullPage: true });
        await screenshot(placed, `meetings-placed-${who}-${width}-meeting`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await context.close();
      }
    }
  });
});

test("the organisation picker finds what people type, and asks to choose from the list what was typed but not picked", async ({
  page,
}) => {
  await page.goto("/register");
  const field = page.getByRole("combobox", { name: /Đơn vị/ });
  const firstOption = page.getByRole("listbox").getByRole("option").first();
  for (const [typed, name] of [
    ["tp hcm", "Thành phố Hồ Chí Minh"],
    ["hcm", "Thành phố Hồ Chí Minh"],
    ["tphcm", "Thành phố Hồ Chí Minh"],
    ["sài gòn", "Thành phố Hồ Chí Minh"],
    ["hanoi", "Hà Nội"],
    ["Sở Ngoại vụ Quảng Ninh", "Quảng Ninh"],
    ["UBND Quảng Ninh", "Quảng Ninh"],
  ]) {
    await field.fill(typed);
    await expect(firstOption, typed).toContainText(name);
  }
  // Picked from the list: the field holds the name.
  await field.fill("hanoi");
  await firstOption.click();
  await expect(field).toHaveValue("Hà Nội");
  // Typed but not picked: the message says to choose from the list, not that the field is required.
  await field.fill("Quảng Ninh mới");
  await field.press("Escape");
  await page
    .getByRole("button", { name: /Gửi đăng ký|Đăng ký/ })
    .first()
    .click();
  await expect(page.getByText("Chọn đơn vị trong danh sách gợi ý")).toBeVisible();
});

test("screens of /meetings for a province delegate and an ambassador, on a phone and at a desk", async ({
  browser,
}) => {
  for (const who of ["delegate", "ambassador"] as const) {
    for (const [width, height] of [
      [390, 844],
      [1366, 900],
    ]) {
      const context = await browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      await signIn(page, who, "/meetings");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await screenshot(page, `meetings-${who}-${width}`, { fullPage: true });
      // Nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await context.close();
    }
  }
});

test("the programme's day tabs keep the filters chosen", async ({ page }) => {
  await page.goto("/programme?kind=plenary");
  const tabs = page.getByRole("tablist", { name: "Các ngày hội nghị" }).getByRole("tab");
  expect(await tabs.count()).toBeGreaterThan(1);
  await tabs.nth(1).click();
  await expect(page).toHaveURL(/[?&]day=\d{4}-\d{2}-\d{2}/);
  await expect(page).toHaveURL(/[?&]kind=plenary/);
  await tabs.nth(0).click();
  await expect(page).toHaveURL(/[?&]kind=plenary/);
});

test.describe("the badge code (own database)", () => {
  test.use({ ownDatabase: true });

  test("the delegate's page shows the badge code", async ({ page, app }) => {
    const code = await app.withDb(async (db) =>
      db
        .selectFrom("registrations as r")
        .innerJoin("users as u", "u.id", "r.user_id")
        .select("r.badge_code")
        .where("u.email", "=", DEMO_ACCOUNTS.find((a) => a.key === "delegate")!.email)
        .executeTakeFirstOrThrow(),
    );
    await signIn(page, "delegate", "/my-registration");
    await expect(page.getByTestId("badge-code")).toContainText("Mã thẻ");
    await expect(page.getByTestId("badge-code")).toContainText(code.badge_code);
  });
});
