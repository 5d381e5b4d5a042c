import type { Locator, Page } from "@playwright/test";
import { expect, signIn, test } from "../fixtures";

// Adds a session: on a database of its own, where the demo's first day has exactly six.
test.use({ ownDatabase: true });

/** Drags with the real mouse, as a person would (HTML5 drag and drop in Chromium). */
async function drag(page: Page, source: Locator, target: Locator) {
  const from = (await source.boundingBox())!;
  await page.mouse.move(from.x + 20, from.y + 8);
  await page.mouse.down();
  const to = (await target.boundingBox())!;
  await page.mouse.move(to.x + to.width / 2, to.y + 2, { steps: 8 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 2 });
  await page.mouse.up();
}

async function roomIdOf(page: Page, name: string) {
  return page.locator("[data-room-header]", { hasText: name }).getAttribute("data-room-header");
}

test("an organiser creates and moves a session and sees a clash refused", async ({ page }) => {
  // Tall enough that the whole day shows: a drag then needs no scrolling.
  await page.setViewportSize({ width: 1280, height: 1600 });
  await signIn(page, "organiser", "/admin/agenda");
  await expect(page.getByRole("heading", { name: "Chương trình hội nghị" })).toBeVisible();
  await expect(page.getByTestId("session-block")).toHaveCount(6);

  await page.getByRole("link", { name: "Thêm phiên" }).click();
  await page.getByLabel("Loại phiên").selectOption("discussion");
  await page.getByLabel("Tên phiên (tiếng Việt)").fill("Phiên chuyên đề “Chuyển đổi số”");
  await page.getByLabel("Tên phiên (tiếng Anh)").fill("Digital transformation");
  await page.getByLabel("Giờ bắt đầu").fill("17:00");
  await page.getByLabel("Giờ kết thúc").fill("18:00");
  await page.getByLabel("Phòng", { exact: true }).selectOption({ label: "Phòng họp 1 (150 chỗ)" });
  await page.getByTestId("picker-speaker").getByRole("combobox").fill("le van hung");
  await page
    .getByTestId("picker-speaker")
    .getByRole("option", { name: /Lê Văn Hùng/ })
    .click();
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu thay đổi." })).toBeVisible();
  await expect(page.getByTestId("picker-speaker")).toContainText("1. Lê Văn Hùng");

  await page.getByRole("link", { name: "← Về lịch" }).click();
  await expect(page.getByTestId("session-block")).toHaveCount(7);
  const block = page.getByTestId("session-block").filter({ hasText: "Chuyển đổi số" });
  await expect(block).toContainText("17:00–18:00");
  await expect(block).toContainText("Bản nháp");

  // Onto the opening plenary's hall at 08:00: refused, naming the plenary.
  const hall = await roomIdOf(page, "Hội trường lớn");
  await drag(page, block, page.locator(`[data-room="${hall}"][data-slot="08:00"]`));
  const refusal = page.getByRole("alert").filter({ hasText: "Không dời được phiên" });
  await expect(refusal).toContainText("Phiên khai mạc toàn thể");
  await expect(block).toContainText("17:00–18:00");

  // Onto a free slot in Meeting room 2: moved, with its duration kept.
  const room2 = await roomIdOf(page, "Phòng họp 2");
  await drag(page, block, page.locator(`[data-room="${room2}"][data-slot="13:00"]`));
  await expect(page.getByRole("status").filter({ hasText: "Đã dời phiên" })).toBeVisible();
  await expect(block).toContainText("13:00–14:00");
  const header = (await page.locator(`[data-room-header="${room2}"]`).boundingBox())!;
  const moved = (await block.boundingBox())!;
  expect(Math.abs(moved.x - header.x)).toBeLessThan(8);

  // Saved, not just drawn: a fresh load has it there.
  await page.reload();
  await expect(block).toContainText("13:00–14:00");
  await block.click();
  await expect(page.getByLabel("Phòng", { exact: true })).toHaveValue(room2!);
  await expect(page.getByLabel("Giờ bắt đầu")).toHaveValue("13:00");
});
