import { expect, signIn, test } from "../fixtures";

test.use({ ownDatabase: true });

const pageCount = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
const sectionOrder = async (page: import("@playwright/test").Page) =>
  page
    .getByTestId("book-sections")
    .locator("li")
    .evaluateAll((items) => items.map((li) => li.getAttribute("data-section")));

test("the secretariat orders the sections, generates the proceedings, watches the progress and downloads the version", async ({
  page,
}) => {
  await signIn(page, "secretariat");
  await page.goto("/admin/proceedings");
  await expect(page.getByRole("heading", { name: "Biên soạn kỷ yếu" })).toBeVisible();
  await page.screenshot({ path: "/tmp/helper3/e2e/builder-1366.png", fullPage: true });

  // Speeches before the programme, at once (JavaScript) — then saved with the settings.
  const before = await sectionOrder(page);
  expect(before.slice(3, 5)).toEqual(["programme", "speeches"]);
  await page.getByRole("button", { name: "Chuyển lên: Bài phát biểu và báo cáo" }).click();
  expect((await sectionOrder(page)).slice(3, 5)).toEqual(["speeches", "programme"]);
  await page.getByRole("checkbox", { name: "Đưa vào kỷ yếu: Danh sách đại biểu" }).uncheck();
  await page.getByLabel("Dòng phụ").fill("Tài liệu lưu hành nội bộ");

  await page.getByRole("button", { name: "Tạo kỷ yếu" }).click();
  const progress = page.getByTestId("job-progress");
  await expect(progress).toBeVisible();
  const steps = new Set<string>();
  await expect
    .poll(
      async () => {
        steps.add((await page.getByTestId("job-step").textContent()) ?? "");
        return progress.getAttribute("data-state");
      },
      { timeout: 90_000, intervals: [100] },
    )
    .toBe("done");
  expect(
    [...steps].some((s) => s.startsWith("Đang")),
    [...steps].join(" | "),
  ).toBe(true);

  // The saved order came back with the page.
  await page.reload();
  expect((await sectionOrder(page)).slice(3, 5)).toEqual(["speeches", "programme"]);
  await expect(page.getByRole("checkbox", { name: "Đưa vào kỷ yếu: Danh sách đại biểu" })).not.toBeChecked();
  const version = page.getByTestId("book-version").first();
  await expect(version).toContainText("Trần Minh Quân");
  await expect(version).toContainText("Tiếng Việt");
  await page.screenshot({ path: "/tmp/helper3/e2e/builder-done-1366.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  // Nothing wider than a phone's screen: the versions table scrolls inside its card.
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll("main *")]
      .filter((el) => el.getBoundingClientRect().right > 391 && !el.closest(".overflow-x-auto"))
      .map((el) => `${el.tagName}.${el.className}`)
      .slice(0, 5),
  );
  expect(wide).toEqual([]);
  await page.screenshot({ path: "/tmp/helper3/e2e/builder-390.png", fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    version.getByRole("link", { name: /Tải về/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("ky-yeu-20-v1.pdf");
  const pdf = Buffer.concat(await (await download.createReadStream()).toArray());
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const pages = Number((await version.locator("td").nth(2).textContent())?.trim());
  expect(pageCount(pdf)).toBe(pages);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the up button is a submit that saves the new order", async ({ page }) => {
    await signIn(page, "organiser");
    await page.goto("/admin/proceedings");
    await page.getByRole("button", { name: "Chuyển xuống: Bìa" }).click();
    await expect(page.getByText("Đã lưu thiết lập kỷ yếu.")).toBeVisible();
    expect((await sectionOrder(page)).slice(0, 2)).toEqual(["foreword", "cover"]);
  });
});
