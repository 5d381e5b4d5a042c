import { mkdirSync } from "node:fs";
import sharp from "sharp";
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "../fixtures";

/**
 * The demo exhibitor applies: organisation, wishes stated while the plan and each zone's outlook are
 * shown, a product with a photo (a non-image refused beside its field, the typed fields kept), submit.
 */
test.use({ ownDatabase: true });

const SHOTS = "/tmp/h3";

/** A key a page shows but was not sent, or a hydration mismatch, is a console error: none is allowed here. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    // The refused upload's 400 is the browser noting an answer, not a page's error.
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

test("the demo exhibitor applies with a photo, stating wishes on the plan", async ({ page, app }) => {
  // The demo seed gives the exhibitor an application already: this journey starts from none.
  await app.withDb(async (db) => {
    const user = await db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "trung-bay@ngoaivu.test")
      .executeTakeFirstOrThrow();
    const ids = (await db.selectFrom("exhibitors").select("id").where("user_id", "=", user.id).execute()).map(
      (r) => r.id,
    );
    if (ids.length) {
      await db.deleteFrom("booth_allocations").where("exhibitor_id", "in", ids).execute();
      await db.deleteFrom("exhibitors").where("id", "in", ids).execute();
    }
  });
  mkdirSync(SHOTS, { recursive: true });
  const errors = consoleErrors(page);
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, "exhibitor", "/exhibition/apply");
  await expect(page.getByRole("heading", { name: "Đăng ký gian trưng bày" })).toBeVisible();

  await page.getByLabel("Tên đơn vị (tiếng Việt)").fill("Hợp tác xã Nông sản Lục Ngạn");
  await page.getByLabel("Tên đơn vị (tiếng Anh)").fill("Luc Ngan Agricultural Cooperative");
  await page.getByLabel("Loại đơn vị").selectOption("cooperative");
  const province = page.getByRole("combobox", { name: /Tỉnh, thành phố/ });
  await province.fill("bac giang");
  await page
    .getByRole("option", { name: /Bắc Giang/ })
    .first()
    .click();

  // The plan is on the page while the wishes are stated; the first wish marks its zone in the outlook.
  const plan = page.getByTestId("wish-plan");
  await expect(plan.locator("svg").first()).toBeVisible();
  await page.getByLabel("Khu mong muốn thứ nhất").selectOption("ocop");
  await page.getByLabel("Khu mong muốn thứ hai").selectOption("food");
  await expect(page.getByTestId("zone-outlook").locator('tr[data-zone="ocop"] th')).toHaveText(/^1\. Nông sản và OCOP/);
  await expect(page.getByTestId("zone-outlook").locator('tr[data-zone="food"] th')).toHaveText(/^2\. /);
  await page.getByRole("checkbox", { name: "Gian góc", exact: true }).check();
  await page.getByLabel("Diện tích tối thiểu (m²)").fill("9");
  await page.getByRole("checkbox", { name: "Cần điện", exact: true }).check();
  await page.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(page.getByTestId("apply-done")).toHaveText("Đã lưu hồ sơ.");
  await expect(page.getByLabel("Khu mong muốn thứ nhất")).toHaveValue("ocop");

  // A product with a file that is not a picture: refused beside the field, the typed name kept.
  const form = page.getByTestId("add-product-form");
  await form.getByLabel("Tên sản phẩm (tiếng Việt)").fill("Vải thiều Lục Ngạn");
  await form.getByLabel("Tên sản phẩm (tiếng Anh)").fill("Luc Ngan lychee");
  await form.getByLabel("Nhóm sản phẩm").selectOption("fruit");
  await form.getByLabel("Mô tả ngắn (tiếng Việt)").fill("Vải thiều tươi, chỉ dẫn địa lý Lục Ngạn.");
  const photo = form.getByLabel("Ảnh (JPEG, PNG hoặc WebP)");
  // Too large: said at once, before anything is sent.
  await photo.setInputFiles({ name: "lon.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(6 * 1024 * 1024, 1) });
  await expect(form.getByTestId("photo-error")).toHaveText("Ảnh lớn hơn 5 MB. Hãy chọn ảnh nhỏ hơn.");
  // A text file named .jpg: only the server, reading its bytes, can tell.
  await photo.setInputFiles({ name: "vai.jpg", mimeType: "image/jpeg", buffer: Buffer.from("Đây không phải là ảnh") });
  await form.getByRole("button", { name: "Thêm sản phẩm" }).click();
  await expect(form.getByTestId("photo-error")).toHaveText("Tệp này không phải ảnh JPEG, PNG hoặc WebP.");
  await expect(form.getByLabel("Tên sản phẩm (tiếng Việt)")).toHaveValue("Vải thiều Lục Ngạn");
  await expect(form.getByLabel("Mô tả ngắn (tiếng Việt)")).toHaveValue("Vải thiều tươi, chỉ dẫn địa lý Lục Ngạn.");
  await expect(page.getByLabel("Khu mong muốn thứ nhất")).toHaveValue("ocop");

  const picture = await sharp({ create: { width: 1200, height: 900, channels: 3, background: "#c0392b" } })
    .jpeg()
    .toBuffer();
  await photo.setInputFiles({ name: "vai.jpg", mimeType: "image/jpeg", buffer: picture });
  await form.getByRole("button", { name: "Thêm sản phẩm" }).click();
  await expect(page.getByTestId("apply-done")).toHaveText("Đã thêm sản phẩm.");
  const img = page.getByTestId("product").getByRole("img");
  await img.scrollIntoViewIfNeeded();
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(1200);

  await page.screenshot({ path: `${SHOTS}/apply-1366.png`, fullPage: true });
  await page.getByRole("button", { name: "Nộp hồ sơ" }).click();
  await expect(page.getByTestId("apply-done")).toHaveText(
    "Đã nộp hồ sơ. Ban tổ chức sẽ xem xét và trả lời qua e-mail.",
  );
  await expect(page.getByTestId("application-status")).toContainText("Đã nộp");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByTestId("wish-plan").locator("svg").first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/apply-390.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test("an organiser approves; once allocated the exhibitor sees its booth and asks for a change", async ({
  page,
  app,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  const errors = consoleErrors(page);
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, "organiser", "/admin/exhibition/applications");
  await expect(page.getByRole("heading", { name: "Hồ sơ đăng ký trưng bày" })).toBeVisible();
  await expect(page.getByTestId("application-count")).toHaveText(/^\d+ \/ \d+ hồ sơ$/);
  await page
    .getByRole("group", { name: "Tình trạng" })
    .getByRole("link", { name: /Đã nộp/ })
    .click();
  await page.getByLabel("Tìm theo tên, người liên hệ, sản phẩm").fill("luc ngan");
  await page.getByRole("button", { name: "Lọc" }).click();
  const rows = page.getByTestId("applications").locator("tbody tr");
  await expect(rows.first()).toHaveAttribute("data-status", "submitted");
  await page.screenshot({ path: `${SHOTS}/admin-list-1366.png`, fullPage: true });
  await page.getByRole("link", { name: "Hợp tác xã Nông sản Lục Ngạn" }).click();

  const decision = page.getByTestId("decision");
  await decision.getByRole("radio", { name: "Từ chối" }).check();
  await decision.getByRole("button", { name: "Lưu" }).click();
  await expect(decision.getByText("Nêu lý do từ chối (lý do được gửi tới đơn vị).")).toBeVisible();
  await decision.getByRole("radio", { name: "Duyệt hồ sơ" }).check();
  await decision.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByTestId("decision-done")).toHaveText("Đã duyệt hồ sơ và gửi e-mail tới đơn vị.");
  await page.screenshot({ path: `${SHOTS}/admin-detail-1366.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/admin-detail-390.png`, fullPage: true });

  // The allocation is another engineer's page: here a row written straight into booth_allocations.
  const code = await app.withDb(async (db) => {
    const user = await db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "trung-bay@ngoaivu.test")
      .executeTakeFirstOrThrow();
    const mine = await db
      .selectFrom("exhibitors")
      .select(["id", "conference_id"])
      .where("user_id", "=", user.id)
      .executeTakeFirstOrThrow();
    const booth = await db
      .selectFrom("booths")
      .select(["id", "code"])
      .where("held", "=", 0)
      .where("id", "not in", db.selectFrom("booth_allocations").select("booth_id"))
      .orderBy("code")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("booth_allocations")
      .values({
        booth_id: booth.id,
        conference_id: mine.conference_id,
        exhibitor_id: mine.id,
        source: "hand",
        allocated_at: new Date().toISOString(),
      })
      .execute();
    return booth.code;
  });

  await page.context().clearCookies();
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, "exhibitor", "/exhibition/apply");
  await expect(page.getByTestId("my-booths")).toContainText(code);
  await expect(page.getByTestId("application-readonly")).toBeVisible();
  await expect(page.getByLabel("Tên đơn vị (tiếng Việt)")).toBeDisabled();
  await expect(page.locator(`[data-booth="${code}"] rect`).first()).toHaveAttribute("stroke", "#7c3aed");
  await page.getByLabel("Nội dung cần thay đổi").fill("Xin thêm một ổ điện cho tủ mát.");
  await page.getByRole("button", { name: "Gửi yêu cầu" }).click();
  await expect(page.getByTestId("apply-done")).toHaveText("Đã gửi yêu cầu thay đổi tới Ban tổ chức.");
  await page.screenshot({ path: `${SHOTS}/apply-allocated-1366.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the server refuses beside the field and fills in again what was typed", async ({ page }) => {
    await signIn(page, "exhibitor", "/exhibition/apply");
    // The seeded application is submitted: its form says "save changes".
    await page.getByLabel("Tên đơn vị (tiếng Việt)").fill("");
    await page.getByLabel("Tên đơn vị (tiếng Anh)").fill("Luc Ngan Lychee Cooperative");
    await page.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect(page.getByLabel("Tên đơn vị (tiếng Việt)")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Tên đơn vị (tiếng Anh)")).toHaveValue("Luc Ngan Lychee Cooperative");

    await page.getByText("Thêm sản phẩm", { exact: true }).first().click();
    const form = page.getByTestId("add-product-form");
    await form.getByLabel("Tên sản phẩm (tiếng Việt)").fill("Mật ong hoa vải Lục Ngạn");
    await form.getByLabel("Mô tả ngắn (tiếng Việt)").fill("Thu hoạch trong mùa vải ra hoa.");
    await form
      .getByLabel("Ảnh (JPEG, PNG hoặc WebP)")
      .setInputFiles({ name: "mat-ong.jpg", mimeType: "image/jpeg", buffer: Buffer.from("không phải ảnh") });
    await form.getByRole("button", { name: "Thêm sản phẩm" }).click();
    const again = page.getByTestId("add-product-form");
    await expect(again.getByTestId("photo-error")).toHaveText("Tệp này không phải ảnh JPEG, PNG hoặc WebP.");
    await expect(again.getByLabel("Tên sản phẩm (tiếng Việt)")).toHaveValue("Mật ong hoa vải Lục Ngạn");
    await expect(again.getByLabel("Mô tả ngắn (tiếng Việt)")).toHaveValue("Thu hoạch trong mùa vải ra hoa.");
  });
});
