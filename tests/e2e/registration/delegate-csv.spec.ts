import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { demo, expect, signIn, test } from "../fixtures";
import { hanoiIsoDay } from "../support/dates";

/** A small file as Excel on a Vietnamese Windows saves it: UTF-8 with BOM, semicolons, CRLF. */
function excelCsv(tag: string): Buffer {
  const lines = [
    "Danh xưng;Họ và tên;E-mail;Đơn vị;Chức vụ;Điện thoại;Hình thức;Ghi chú",
    `Ông;Nguyễn Văn Đức;duc.${tag}@hanoi.gov.vn;Hà Nội;Giám đốc Sở Ngoại vụ;+84 24 3825 3536;Trực tiếp;`,
    `Bà;Đặng Thị Ngọc Ánh;anh.${tag}@danang.gov.vn;Thành phố Đà Nẵng;Phó Giám đốc;0236 3822 222;Trực tuyến;"Đến muộn; cần ghế gần lối đi"`,
    `Ông;Trần Văn Lỗi;loi.${tag}@x.vn;Tỉnh Không Tồn Tại;Chuyên viên;+84 24 1111 1111;Trực tiếp;`,
  ];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join("\r\n") + "\r\n", "utf8")]);
}

async function uploadPreviewAndConfirm(page: Page, tag: string) {
  await page.goto("/admin/delegates/import");
  await expect(page.getByRole("heading", { name: "Nhập đại biểu từ tệp CSV" })).toBeVisible();
  await page.getByLabel("Tệp CSV").setInputFiles({ name: "dai-bieu.csv", mimeType: "text/csv", buffer: excelCsv(tag) });
  await page.getByRole("button", { name: "Xem trước" }).click();

  await expect(page.getByTestId("import-counts")).toHaveText("3 dòng: 2 mới, 0 cập nhật, 0 không đổi, 1 lỗi.");
  const rows = page.getByTestId("import-preview").locator("tbody tr");
  await expect(rows).toHaveCount(3);
  // Errors first, with the reason on the row.
  await expect(rows.first()).toHaveAttribute("data-action", "error");
  await expect(rows.first()).toContainText("Lỗi");
  await expect(rows.first()).toContainText("Không tìm thấy đơn vị “Tỉnh Không Tồn Tại”");
  await expect(rows.nth(1)).toContainText("Nguyễn Văn Đức");
  await expect(rows.nth(2)).toContainText("Đặng Thị Ngọc Ánh");
  await expect(rows.nth(2)).toContainText("Đà Nẵng");

  await page.getByRole("button", { name: "Xác nhận nhập 2 dòng" }).click();
  await expect(page.getByTestId("import-done")).toHaveText(
    "Đã nhập xong: 2 đại biểu mới (0 đã duyệt, 0 vào danh sách chờ), 0 cập nhật, 0 không đổi, 1 dòng lỗi bị bỏ qua.",
  );
}

// Importing writes delegates: each import test has a database of its own, which starts with the
// demo's two registrations. Downloading the template only reads the shared demo.
test.describe("importing (own database)", () => {
  test.use({ ownDatabase: true });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("an organiser previews a CSV and confirms it with plain form posts", async ({ page }) => {
      await page.goto("/login");
      await signInNoJs(page);
      await uploadPreviewAndConfirm(page, `nojs${Date.now()}`);
      await page.goto("/admin/delegates");
      await expect(page.getByTestId("delegate-count")).toHaveText("4 trên 4");
    });
  });

  async function signInNoJs(page: Page) {
    const account = demo("organiser");
    await page.getByLabel("E-mail").fill(account.email);
    await page.getByLabel("Mật khẩu").fill(account.password);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.getByTestId("signed-in-as")).toContainText(account.fullName);
  }

  test("an organiser imports a semicolon CSV with Vietnamese names, then exports the list for Excel", async ({
    page,
  }) => {
    const tag = `js${Date.now()}`;
    await signIn(page, "organiser");
    await page.goto("/admin/delegates");
    await expect(page.getByTestId("delegate-count")).toHaveText("2 trên 2");
    await uploadPreviewAndConfirm(page, tag);
    await page.getByRole("link", { name: "Về danh sách đại biểu" }).first().click();
    await expect(page).toHaveURL(/\/admin\/delegates$/);
    await expect(page.getByTestId("delegate-count")).toHaveText("4 trên 4");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-link").click()]);
    // Named after today in Hà Nội by the app's clock.
    expect(download.suggestedFilename()).toBe(`dai-bieu-${hanoiIsoDay()}.csv`);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    expect(text.startsWith("Danh xưng,Họ và tên,E-mail,Đơn vị,")).toBe(true);
    // The header and the four delegates: the demo's two and the two imported.
    expect(text.split(/\r?\n/).filter(Boolean)).toHaveLength(5);
    expect(text).toContain(
      `Ông,Nguyễn Văn Đức,duc.${tag}@hanoi.gov.vn,Hà Nội,prov-ha-noi,Giám đốc Sở Ngoại vụ,+84 24 3825 3536,Trực tiếp`,
    );
    expect(text).toContain(`anh.${tag}@danang.gov.vn`);
    expect(text).toContain("Đến muộn; cần ghế gần lối đi"); // the organiser's note travels with the row
    expect(text).not.toContain(`loi.${tag}@x.vn`);
  });
});

test("the template downloads from the import page", async ({ page }) => {
  await signIn(page, "organiser");
  await page.goto("/admin/delegates/import");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Tải tệp mẫu" }).click(),
  ]);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString("utf8")).toContain("Nguyễn Thị Hồng Nhung");
});
