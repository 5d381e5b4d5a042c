import { expect, signIn, test } from "../fixtures";

test.use({ ownDatabase: true });

const pageCount = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
const bytes = async (download: import("@playwright/test").Download) =>
  Buffer.concat(await (await download.createReadStream()).toArray());

test("the secretariat prints a session's sign-in sheet, then starts the name plates and downloads them", async ({
  page,
}) => {
  await signIn(page, "secretariat");
  await page.goto("/admin/prints");
  await expect(page.getByRole("heading", { name: "Ấn phẩm in", level: 1 })).toBeVisible();

  // One session's sheet: drawn in the request, downloaded at once.
  const sheets = page.getByTestId("panel-sheets");
  await sheets.getByLabel("Phiên", { exact: true }).selectOption({ index: 1 });
  const [sheet] = await Promise.all([
    page.waitForEvent("download"),
    sheets.getByRole("button", { name: "In danh sách ký tên của phiên" }).click(),
  ]);
  expect(sheet.suggestedFilename()).toMatch(/^danh-sach-ky-ten-phien-\d+-\d+\.pdf$/);
  const sheetPdf = await bytes(sheet);
  expect(sheetPdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(pageCount(sheetPdf)).toBeGreaterThanOrEqual(1);

  // Every in-person delegate's plate: a background job, its bar, then its file.
  const plates = page.getByTestId("panel-plates");
  await plates.getByLabel("Đại biểu dự trực tiếp").selectOption("all");
  await plates.getByRole("button", { name: "Bắt đầu in" }).click();
  const progress = plates.getByTestId("job-progress");
  await expect(progress).toBeVisible();
  await expect(plates.getByRole("progressbar")).toBeVisible();
  await expect.poll(() => progress.getAttribute("data-state"), { timeout: 45_000 }).toBe("done");
  await expect(plates.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  await expect(plates.getByRole("button", { name: "In lại" })).toBeVisible();
  await page.waitForTimeout(600);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.screenshot({ path: "/tmp/helper5/prints-1366.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "/tmp/helper5/prints-390.png", fullPage: true });

  const [download] = await Promise.all([page.waitForEvent("download"), plates.getByTestId("job-download").click()]);
  expect(download.suggestedFilename()).toMatch(/^bien-ten-tat-ca-\d+\.pdf$/);
  const pdf = await bytes(download);
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
});

test("a missing choice comes back with its reason next to the field", async ({ page }) => {
  await signIn(page, "secretariat");
  // A stale bookmark or a crafted URL: the sheet's route sends the page back with the reason.
  await page.goto("/admin/prints/plates.pdf?session=");
  await expect(page).toHaveURL(/\/admin\/prints\?plateError=/);
  await expect(page.getByTestId("panel-plates")).toContainText("Hãy chọn một phiên trong danh sách.");
});
