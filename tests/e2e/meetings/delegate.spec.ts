import { expect, signIn, test } from "../fixtures";
import { now } from "../support/dates";
import { placeDemoMeeting } from "../support/meetings";

// The first tests run on the shared demo database and write nothing there.
test("a province delegate searches the parties, is checked as they type, and gets the server's field errors without JavaScript", async ({
  page,
  browser,
}) => {
  await signIn(page, "delegate", "/meetings");
  await expect(page).toHaveURL(/\/meetings$/);
  const parties = page.getByTestId("parties");
  // Only one page of the parties is rendered, with how many there are and links to the next page.
  await expect(parties.getByRole("listitem")).toHaveCount(20);
  const total = Number((await parties.getByTestId("parties-total").textContent())!.match(/\d+/)![0]);
  expect(total).toBeGreaterThan(20);
  await expect(parties.getByText(`Trang 1/${Math.ceil(total / 20)}`)).toBeVisible();
  const firstOfPage1 = await parties.getByRole("listitem").first().textContent();
  await parties.getByRole("link", { name: "Trang sau" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(parties.getByText(`Trang 2/${Math.ceil(total / 20)}`)).toBeVisible();
  await expect(parties.getByRole("listitem").first()).not.toHaveText(firstOfPage1!);
  // A party chosen on page 2 fills the form, and the list stays on page 2.
  const onPage2 = parties.getByRole("listitem").first();
  const page2Id = new URL((await onPage2.getByRole("link").getAttribute("href"))!, "http://x").searchParams.get("to")!;
  await onPage2.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`page=2.*to=${page2Id}|to=${page2Id}.*page=2`));
  await expect(page.locator("select[name=toOrganisationId]")).toHaveValue(page2Id);
  await page.goto("/meetings");

  // Diacritic-insensitive search through the organisations' search keys.
  await page.locator("input[name=q]").fill("nhat ban");
  await page.locator("input[name=q]").press("Enter");
  await expect(page).toHaveURL(/q=nhat\+ban/);
  // The parties a province may ask that are in or of Japan: the embassy, the consulates general
  // in Osaka and Fukuoka, and the Japanese business association in Việt Nam.
  const found = parties.getByRole("listitem");
  await expect(found).toHaveCount(4);
  await expect(found.first()).toContainText("Nhật Bản");
  await expect(parties).toContainText("Đại sứ quán Việt Nam tại Nhật Bản");
  await expect(parties).toContainText("Tổng Lãnh sự quán Việt Nam tại Osaka");
  await expect(parties).toContainText("Tổng Lãnh sự quán Việt Nam tại Fukuoka");
  await expect(parties).toContainText("Hiệp hội Doanh nghiệp Nhật Bản tại Việt Nam (JCCI)");
  await expect(parties).not.toContainText("Hàn Quốc");

  // With JavaScript the same schema checks instantly: nothing is sent.
  const form = page.locator("form", { has: page.locator("select[name=toOrganisationId]") });
  await form.locator("button[type=submit]").click();
  await expect(form.locator("[aria-invalid=true]")).toHaveCount(3);
  // Choosing a party from the list fills the form with that party.
  const first = found.first();
  const firstId = new URL((await first.getByRole("link").getAttribute("href"))!, "http://x").searchParams.get("to")!;
  const firstName = await first.locator(":scope > span").evaluate((el) => el.firstChild!.textContent!.trim());
  await first.getByRole("link").click();
  await expect(form.locator("select[name=toOrganisationId]")).toHaveValue(firstId);
  await expect(form.locator("select[name=toOrganisationId] option:checked")).toHaveText(firstName);

  // Without JavaScript the server checks with the same schema: the errors stand beside their fields, nothing is written.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  await signIn(plain, "delegate", "/meetings?q=nhat+ban");
  await plain.getByTestId("parties").getByRole("link").first().click();
  const plainForm = plain.locator("form", { has: plain.locator("select[name=toOrganisationId]") });
  await expect(plainForm.locator("select[name=toOrganisationId]")).toHaveValue(firstId);
  await expect(plainForm.locator("select[name=toOrganisationId] option:checked")).toHaveText(firstName);
  await plainForm.locator("textarea[name=ask]").fill("Xuất khẩu vải thiều Lục Ngạn");
  await plainForm.getByRole("button", { name: "Gửi đề nghị" }).click();
  await expect(plainForm.locator("select[name=sector]")).toHaveAttribute("aria-invalid", "true");
  await expect(plainForm.getByText("Chọn một lĩnh vực trong danh sách.")).toBeVisible();
  await expect(plainForm.locator("textarea[name=ask]")).toHaveValue("Xuất khẩu vải thiều Lục Ngạn");
  await expect(plain.getByText("Đã gửi đề nghị gặp tới")).toHaveCount(0);
  await context.close();
  // Nothing was sent: Bắc Giang's list of sent requests is still empty.
  await page.goto("/meetings");
  await expect(page.getByTestId("sent-requests").getByRole("listitem")).toHaveCount(0);
});

test("a mission head sees the requests side, the maximum form, and availability once meetings open", async ({
  page,
}) => {
  await signIn(page, "ambassador", "/meetings");
  await expect(page.locator("input[name=maxMeetings]")).toBeVisible();
  await expect(page.locator("select[name=toOrganisationId]")).toHaveCount(0);
  await expect(page.getByTestId("head-only")).toHaveCount(0);
  const availability = page.getByTestId("availability");
  await expect(availability.getByRole("heading", { name: "Các lượt đơn vị có mặt" })).toBeVisible();
  // The demo has a meeting block of seven slots and Japan sets no limit: the head may tick each, all ticked.
  await expect(availability).not.toContainText("Ban tổ chức chưa mở các lượt gặp song phương");
  const boxes = availability.locator("input[name=slot]");
  await expect(boxes).toHaveCount(7);
  for (let i = 0; i < 7; i++) {
    await expect(boxes.nth(i)).toBeEnabled();
    await expect(boxes.nth(i)).toBeChecked();
  }
  await expect(availability.getByTestId("availability-summary")).toHaveText(
    "Hiện tại: đơn vị có mặt ở tất cả các lượt (không giới hạn).",
  );
});

/**
 * Ticking availability and recording an outcome write: each of these tests has a database of its
 * own (a copy of the demo, with its meeting block), to which it adds Bắc Giang's accepted request
 * to Japan placed in the first slot at table 1.
 */
test.describe("with a placed meeting (own database)", () => {
  test.use({ ownDatabase: true });

  test("a mission head ticks availability in a plain form (JavaScript off) and sees it saved; a slot with a meeting cannot be left out", async ({
    browser,
    app,
  }) => {
    await app.withDb((db) => placeDemoMeeting(db));
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, "ambassador", "/meetings");
    const section = page.getByTestId("availability");
    const boxes = section.locator("input[name=slot]");
    // Every slot of the demo's block ticked (no limit): one box per slot, 08:30–12:00 in
    // 20-minute slots every 30 minutes, in Hà Nội time.
    const total = 7;
    await expect(boxes).toHaveCount(total);
    for (let i = 0; i < total; i++) await expect(boxes.nth(i)).toBeChecked();
    await expect(section.getByTestId("availability-summary")).toHaveText(
      "Hiện tại: đơn vị có mặt ở tất cả các lượt (không giới hạn).",
    );
    await expect(section.locator("label time")).toHaveText([
      "08:30–08:50",
      "09:00–09:20",
      "09:30–09:50",
      "10:00–10:20",
      "10:30–10:50",
      "11:00–11:20",
      "11:30–11:50",
    ]);
    const firstTime = "08:30–08:50";
    await expect(section.locator("label").first()).toContainText("Đã có cuộc gặp với Bắc Giang");

    await boxes.nth(1).uncheck();
    await boxes.nth(3).uncheck();
    await section.getByRole("button", { name: "Lưu các lượt có mặt" }).click();
    await expect(section.getByText("Đã lưu các lượt có mặt của đơn vị.")).toBeVisible();
    await expect(section.getByTestId("availability-summary")).toHaveText(
      `Hiện tại: đơn vị có mặt ở ${total - 2}/${total} lượt.`,
    );

    // Saved, not just shown: a fresh load has exactly those two unticked.
    await page.goto("/meetings");
    const checked = await boxes.evaluateAll((els) => els.map((el) => (el as HTMLInputElement).checked));
    expect(checked).toEqual(Array.from({ length: total }, (_, i) => i !== 1 && i !== 3));

    // The first slot holds the meeting with Bắc Giang: leaving it out is refused, naming the time and the counterpart.
    await boxes.first().uncheck();
    await section.getByRole("button", { name: "Lưu các lượt có mặt" }).click();
    const refusal = section.getByRole("alert");
    await expect(refusal).toContainText("Không thể bỏ chọn lượt");
    await expect(refusal).toContainText(firstTime.slice(0, 5));
    await expect(refusal).toContainText("Bắc Giang");
    await expect(boxes.first()).not.toBeChecked();
    await page.goto("/meetings");
    await expect(section.getByTestId("availability-summary")).toHaveText(
      `Hiện tại: đơn vị có mặt ở ${total - 2}/${total} lượt.`,
    );
    await context.close();
  });

  test("once the meeting has started, the province records its outcome and the ambassador sees who wrote it", async ({
    browser,
    app,
  }) => {
    await app.withDb(async (db) => {
      await placeDemoMeeting(db);
      // Move the placed meeting's slot so that it started ten minutes ago by the app's clock.
      const placed = await db.selectFrom("meetings").select("slot_id").executeTakeFirstOrThrow();
      const at = now().getTime();
      await db
        .updateTable("meeting_slots")
        .set({ starts_at: new Date(at - 600_000).toISOString(), ends_at: new Date(at + 600_000).toISOString() })
        .where("id", "=", placed.slot_id)
        .execute();
    });

    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, "delegate", "/meetings");
    const meeting = page.getByTestId("placed-meeting").filter({ hasText: "Nhật Bản" });
    await expect(meeting.getByTestId("meeting-place")).toContainText(/Bàn 1(?!\d)/);
    const outcome = meeting.getByTestId("meeting-outcome");
    // Checked in the browser by the same schema: one of the two is needed.
    await outcome.getByRole("button", { name: "Lưu kết quả" }).click();
    await expect(outcome.getByText("Vui lòng ghi kết quả hoặc việc cần làm tiếp.")).toBeVisible();
    await outcome
      .getByLabel("Kết quả")
      .fill("Thống nhất xúc tiến xuất khẩu vải thiều Lục Ngạn.\nĐại sứ quán giới thiệu 3 nhà nhập khẩu.");
    await outcome.getByLabel("Việc cần làm tiếp").fill("Gửi danh sách doanh nghiệp trước 31/12.");
    await outcome.getByRole("button", { name: "Lưu kết quả" }).click();
    await expect(outcome.getByText("Đã lưu kết quả cuộc gặp.")).toBeVisible();
    await expect(outcome).toContainText("Ghi nhận bởi Lê Văn Hùng (Bắc Giang)");
    await expect(outcome.getByRole("button", { name: "Lưu kết quả" })).toBeHidden();

    const other = await browser.newContext();
    const ambassador = await other.newPage();
    await signIn(ambassador, "ambassador", "/meetings");
    const theirs = ambassador.getByTestId("placed-meeting").filter({ hasText: "Bắc Giang" });
    // The ambassador takes part online: no table, the link is still to come.
    await expect(theirs.getByTestId("meeting-place")).toHaveAttribute("data-online", "true");
    await expect(theirs.getByTestId("meeting-place")).toContainText(
      "Đường dẫn họp trực tuyến sẽ được Ban tổ chức gửi sau",
    );
    await expect(theirs.getByTestId("meeting-outcome")).toContainText("Đại sứ quán giới thiệu 3 nhà nhập khẩu.");
    await expect(theirs.getByTestId("meeting-outcome")).toContainText("Gửi danh sách doanh nghiệp trước 31/12.");
    await context.close();
    await other.close();
  });
});
