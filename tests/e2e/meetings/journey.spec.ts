import type { Browser, Page } from "@playwright/test";
import { expect, signIn, test, type DemoKey } from "../fixtures";

/**
 * The bilateral meeting journey on the demo (which has a meeting block with
 * other provinces' requests): Bắc Giang asks the Embassy in Japan, the
 * ambassador accepts, the organiser runs the scheduler and commits, and both
 * find the meeting in "My agenda". It writes all along, so it has a database of its own: the
 * demo as seeded, whose 42 accepted requests (seeds/demo-meetings.ts) wait to be placed.
 */
test.use({ ownDatabase: true });

async function as(browser: Browser, key: DemoKey, path: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, key, path);
  return page;
}

test("a province requests, the ambassador accepts, the organiser schedules and commits, both see it in My agenda", async ({
  browser,
}) => {
  test.setTimeout(120_000);

  // The province finds the embassy by a search without diacritics and sends a concrete ask.
  const province = await as(browser, "delegate", "/meetings");
  await province.locator("input[name=q]").fill("nhat ban");
  await province.locator("input[name=q]").press("Enter");
  const japan = province
    .getByTestId("parties")
    .getByRole("listitem")
    .filter({ hasText: "Đại sứ quán Việt Nam tại Nhật Bản" });
  await expect(japan).toContainText("Người đứng đầu: Phạm Thị Lan Anh");
  await expect(japan).toContainText("Lĩnh vực phụ trách: Đầu tư, Nông nghiệp, Du lịch, Lao động");
  await japan.getByRole("link").click();
  const form = province.locator("form", { has: province.locator("select[name=toOrganisationId]") });
  await expect(form.locator("select[name=toOrganisationId] option:checked")).toHaveText(
    "Đại sứ quán Việt Nam tại Nhật Bản",
  );
  await form.locator("select[name=sector]").selectOption({ label: "Nông nghiệp" });
  await form.locator("textarea[name=ask]").fill("Tìm nhà nhập khẩu vải thiều Lục Ngạn tại Tokyo và Osaka");
  await form.locator("select[name=priority]").selectOption("3");
  await form.getByRole("button", { name: "Gửi đề nghị" }).click();
  await expect(province.getByText("Đã gửi đề nghị gặp tới")).toBeVisible();
  const sent = province.getByTestId("sent-requests").getByRole("listitem").filter({ hasText: "Nhật Bản" });
  await expect(sent).toContainText("Chờ trả lời");

  // The ambassador (head of the mission) accepts it among the requests waiting.
  const ambassador = await as(browser, "ambassador", "/meetings");
  // Bắc Giang's and the three the demo's provinces sent (Hải Phòng, Đà Nẵng, Lào Cai).
  await expect(ambassador.getByTestId("received-requests").getByRole("listitem")).toHaveCount(4);
  const fromBacGiang = ambassador
    .getByTestId("received-requests")
    .getByRole("listitem")
    .filter({ hasText: "Bắc Giang" });
  await expect(fromBacGiang).toContainText("Tìm nhà nhập khẩu vải thiều Lục Ngạn");
  await fromBacGiang.getByRole("button", { name: "Chấp nhận" }).click();
  await expect(ambassador.getByText("Đã ghi nhận trả lời.")).toBeVisible();
  await expect(
    ambassador.getByTestId("received-requests").getByRole("listitem").filter({ hasText: "Bắc Giang" }),
  ).toContainText("Đã chấp nhận");

  // The organiser previews the optimal schedule, then commits it.
  const organiser = await as(browser, "organiser", "/admin/meetings");
  const unplaced = organiser.getByTestId("unplaced-requests").getByRole("listitem");
  await expect(unplaced).toHaveCount(43);
  await expect(organiser.getByTestId("unplaced-requests")).toContainText("Bắc Giang");
  const grid = organiser.getByTestId("meeting-grid");
  await expect(grid.getByRole("link")).toHaveCount(0);
  await organiser.getByRole("button", { name: "Chạy xếp lịch" }).click();
  const preview = organiser.getByRole("region", { name: "Lịch xem trước (chưa lưu)" });
  await expect(preview).toContainText("Đây là phương án tối ưu.");
  // The preview is a GET the page's loader answers: an address to keep, without Remix's `?index`.
  await expect(organiser).toHaveURL(/\/admin\/meetings\?session=\d+&preview=1$/);
  await expect(preview).toContainText("Bắc Giang – Đại sứ quán Việt Nam tại Nhật Bản");
  const placed = Number(/Xếp được (\d+) cuộc gặp/.exec((await preview.textContent()) ?? "")?.[1]);
  // All 43 accepted requests fit in 7 slots × 12 tables but for the parties' limits in the seed:
  // Korea meets at most twice (3 accepted) and Germany three times (4 accepted).
  expect(placed).toBe(41);
  await preview.getByRole("button", { name: "Lưu lịch này" }).click();
  // What is saved is what was previewed: that many meetings in the grid, the rest still waiting.
  await expect(organiser.getByText(`Đã lưu lịch: ${placed} cuộc gặp.`, { exact: true })).toBeVisible();
  // Post/redirect/get: back to the session's page, neither `?index` nor the preview in the address.
  await expect(organiser).toHaveURL(/\/admin\/meetings\?session=\d+$/);
  await expect(preview).toHaveCount(0);
  await expect(grid.getByRole("link")).toHaveCount(placed);
  await expect(unplaced).toHaveCount(43 - placed);
  await expect(grid).toContainText("Bắc Giang");

  // Locking a meeting from the grid, then unlocking it: each time the page's own address, the outcome shown once.
  await expect(grid.getByRole("button", { name: "Mở khóa", exact: true })).toHaveCount(0);
  await grid.getByRole("button", { name: "Khóa", exact: true }).first().click();
  await expect(organiser.getByText("Đã cập nhật khóa cuộc gặp.")).toBeVisible();
  await expect(organiser).toHaveURL(/\/admin\/meetings\?session=\d+$/);
  await expect(grid.getByRole("button", { name: "Mở khóa", exact: true })).toHaveCount(1);
  await organiser.reload();
  await expect(organiser.getByText("Đã cập nhật khóa cuộc gặp.")).toHaveCount(0);
  await expect(grid.getByRole("button", { name: "Mở khóa", exact: true })).toHaveCount(1);
  await grid.getByRole("button", { name: "Mở khóa", exact: true }).click();
  await expect(organiser.getByText("Đã cập nhật khóa cuộc gặp.")).toBeVisible();
  await expect(organiser).toHaveURL(/\/admin\/meetings\?session=\d+$/);
  await expect(grid.getByRole("button", { name: "Mở khóa", exact: true })).toHaveCount(0);

  // The organiser opens it: its slot and table.
  await grid.getByRole("link", { name: /Bắc Giang/ }).click();
  const before = (await organiser.getByTestId("current-placement").textContent()) ?? "";
  // "Đang xếp: 14/12/2027, 11:00–11:20, bàn 5."
  const table = /bàn (\d+)/i.exec(before)?.[1];
  expect(table, before).toBeTruthy();

  // Both see it in My agenda: the province its table, the ambassador (online) the meeting.
  await province.goto("/my-agenda");
  await expect(province.locator('[data-testid="agenda-item"][data-type="meeting"]')).toContainText(
    "Đại sứ quán Việt Nam tại Nhật Bản",
  );
  await expect(province.locator('[data-testid="agenda-item"][data-type="meeting"]')).toContainText(
    new RegExp(`Bàn ${table}(?!\\d)`),
  );
  await ambassador.goto("/my-agenda");
  await expect(ambassador.locator('[data-testid="agenda-item"][data-type="meeting"]')).toContainText("Bắc Giang");

  // The organiser moves it by hand to a slot where both are free; the page offers only that slot's free tables.
  const slot = organiser.locator("select#slotId");
  const free = (
    await slot
      .locator("option")
      .evaluateAll((options) =>
        options.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? "" })),
      )
  ).filter((o) => o.value && /còn \d+ bàn trống/.test(o.text) && !(before ?? "").includes(o.text.split(" · ")[0]));
  expect(free.length).toBeGreaterThan(0);
  const target = free[free.length - 1];
  const targetTime = target.text.split(" · ")[0];
  await slot.selectOption(target.value);
  const tables = organiser.locator("select#tableId");
  await expect(tables.locator("option")).toHaveCount(Number(/còn (\d+) bàn trống/.exec(target.text)![1]) + 1);
  await tables.selectOption({ index: 1 });
  const newTable = /Bàn (\d+)/.exec((await tables.locator("option:checked").textContent()) ?? "")?.[1];
  expect(newTable).toBeTruthy();
  await organiser.getByRole("button", { name: "Chuyển", exact: true }).click();
  await expect(organiser.getByText("Đã chuyển cuộc gặp.")).toBeVisible();
  const current = organiser.getByTestId("current-placement");
  await expect(current).not.toHaveText(before);
  await expect(current).toContainText(targetTime);
  await expect(current).toContainText(new RegExp(`bàn ${newTable}(?!\\d)`, "i"));
  await expect(current).toContainText("Đã khóa");
  // The province's agenda follows.
  await province.reload();
  await expect(province.locator('[data-testid="agenda-item"][data-type="meeting"]')).toContainText(
    new RegExp(`Bàn ${newTable}(?!\\d)`),
  );
});
