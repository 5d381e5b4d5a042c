import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn, type DemoKey } from "./fixtures";

/**
 * The bilateral meeting journey on the demo (which has a meeting block with
 * other provinces' requests): Bắc Giang asks the Embassy in Japan, the
 * ambassador accepts, the organiser runs the scheduler and commits, and both
 * find the meeting in "My agenda". The only spec that writes Bắc Giang's request to Japan.
 */
async function as(browser: Browser, key: DemoKey, path: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, key, path);
  return page;
}

test("a province requests, the ambassador accepts, the organiser schedules and commits, both see it in My agenda", async ({ browser }) => {
  test.setTimeout(120_000);

  // The province finds the embassy by a search without diacritics and sends a concrete ask.
  const province = await as(browser, "delegate", "/meetings");
  await province.locator("input[name=q]").fill("nhat ban");
  await province.locator("input[name=q]").press("Enter");
  const japan = province.getByTestId("parties").getByRole("listitem").filter({ hasText: "Đại sứ quán Việt Nam tại Nhật Bản" });
  await expect(japan).toContainText("Người đứng đầu: Phạm Thị Lan Anh");
  await expect(japan).toContainText("Lĩnh vực phụ trách: Nông nghiệp, Đầu tư, Lao động, Du lịch");
  await japan.getByRole("link").click();
  const form = province.locator("form", { has: province.locator("select[name=toOrganisationId]") });
  await expect(form.locator("select[name=toOrganisationId] option:checked")).toHaveText("Đại sứ quán Việt Nam tại Nhật Bản");
  await form.locator("input[name=sector]").fill("Nông nghiệp");
  await form.locator("textarea[name=ask]").fill("Tìm nhà nhập khẩu vải thiều Lục Ngạn tại Tokyo và Osaka");
  await form.locator("select[name=priority]").selectOption("3");
  await form.getByRole("button", { name: "Gửi đề nghị" }).click();
  await expect(province.getByText("Đã gửi đề nghị gặp.")).toBeVisible();
  const sent = province.getByTestId("sent-requests").getByRole("listitem").filter({ hasText: "Nhật Bản" });
  await expect(sent).toContainText("Chờ trả lời");

  // The ambassador (head of the mission) accepts it among the requests waiting.
  const ambassador = await as(browser, "ambassador", "/meetings");
  const fromBacGiang = ambassador.getByTestId("received-requests").getByRole("listitem").filter({ hasText: "Bắc Giang" });
  await expect(fromBacGiang).toContainText("Tìm nhà nhập khẩu vải thiều Lục Ngạn");
  await fromBacGiang.getByRole("button", { name: "Chấp nhận" }).click();
  await expect(ambassador.getByText("Đã ghi nhận trả lời.")).toBeVisible();
  await expect(ambassador.getByTestId("received-requests").getByRole("listitem").filter({ hasText: "Bắc Giang" })).toContainText("Đã chấp nhận");

  // The organiser previews the optimal schedule, then commits it.
  const organiser = await as(browser, "organiser", "/admin/meetings");
  await expect(organiser.getByTestId("unplaced-requests")).toContainText("Bắc Giang");
  await organiser.getByRole("button", { name: "Chạy xếp lịch" }).click();
  const preview = organiser.getByRole("region", { name: "Lịch xem trước (chưa lưu)" });
  await expect(preview).toContainText("Đây là phương án tối ưu.");
  await expect(preview).toContainText("Bắc Giang – Đại sứ quán Việt Nam tại Nhật Bản");
  await preview.getByRole("button", { name: "Lưu lịch này" }).click();
  await expect(organiser.getByText(/Đã lưu lịch: \d+ cuộc gặp\./)).toBeVisible();
  await expect(organiser.getByTestId("meeting-grid")).toContainText("Bắc Giang");

  // Both see it in My agenda: the province its table, the ambassador (online) the meeting.
  await province.goto("/my-agenda");
  await expect(province.getByTestId("my-meetings")).toContainText("Đại sứ quán Việt Nam tại Nhật Bản");
  await expect(province.getByTestId("my-meetings")).toContainText(/Bàn \d+/);
  await ambassador.goto("/my-agenda");
  await expect(ambassador.getByTestId("my-meetings")).toContainText("Bắc Giang");

  // The organiser moves it by hand to a slot where both are free; the page offers only that slot's free tables.
  await organiser.getByTestId("meeting-grid").getByRole("link", { name: /Bắc Giang/ }).click();
  const before = await organiser.getByTestId("current-placement").textContent();
  const slot = organiser.locator("select#slotId");
  const free = (await slot.locator("option").evaluateAll((options) => options.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? "" }))))
    .filter((o) => o.value && /còn \d+ bàn trống/.test(o.text) && !(before ?? "").includes(o.text.split(" · ")[0]));
  expect(free.length).toBeGreaterThan(0);
  const target = free[free.length - 1];
  await slot.selectOption(target.value);
  const table = organiser.locator("select#tableId");
  await expect(table.locator("option")).toHaveCount(Number(/còn (\d+) bàn trống/.exec(target.text)![1]) + 1);
  await table.selectOption({ index: 1 });
  await organiser.getByRole("button", { name: "Chuyển", exact: true }).click();
  await expect(organiser.getByText("Đã chuyển cuộc gặp.")).toBeVisible();
  await expect(organiser.getByTestId("current-placement")).not.toHaveText(before ?? "");
  await expect(organiser.getByTestId("current-placement")).toContainText("Đã khóa");
});
