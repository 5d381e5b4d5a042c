import sharp from "sharp";
import type { Page } from "@playwright/test";
import { demo, expect, signIn, test } from "../fixtures";

test.use({ ownDatabase: true });

const SHOTS = "/tmp/helper1";

/** A message the page was not sent, or a hydration mismatch, is a console error: none is allowed. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

test("the secretariat writes a speech with a table and an image, marks it final and opens its PDF", async ({
  page,
}) => {
  const errors = consoleErrors(page);
  await signIn(page, "secretariat");
  await page.goto("/admin/documents");
  await expect(page.getByRole("heading", { name: "Tài liệu", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Tài liệu mới" }).click();
  await expect(page).toHaveURL(/\/admin\/documents\/new$/);
  // Typing before the page has hydrated can be reset by it.
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Tiêu đề").fill("Phát biểu khai mạc Hội nghị Ngoại vụ");
  await page.getByRole("combobox", { name: /^Loại/ }).selectOption("speech");
  await page.getByLabel("Hoặc tên tác giả").fill("Bộ trưởng Bộ Ngoại giao");
  const body = page.getByLabel("Nội dung (Markdown)");
  await body.fill(
    "# Kính thưa các đồng chí\n\nHội nghị lần thứ **22**.\n\n| Tỉnh | Thỏa thuận |\n|---|--:|\n| Huế | 12 |\n| Đà Nẵng | 9 |\n",
  );
  // The preview follows the typing, the table included.
  const preview = page.getByTestId("document-preview");
  await expect(preview.getByRole("cell", { name: "Đà Nẵng" })).toBeVisible();
  await page.getByRole("button", { name: "Tạo tài liệu" }).click();
  await expect(page.getByText("Đã lưu tài liệu.")).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/documents\/\d+$/);
  await page.waitForLoadState("networkidle");

  const picture = await sharp({ create: { width: 480, height: 300, channels: 3, background: "#1d4ed8" } })
    .png()
    .toBuffer();
  await page
    .getByLabel("Tệp hình ảnh")
    .setInputFiles({ name: "hoi-truong.png", mimeType: "image/png", buffer: picture });
  await page.getByLabel("Chú thích").first().fill("Hội trường");
  await page.getByRole("button", { name: "Tải lên" }).click();
  await expect(page.getByText("Đã tải hình lên.")).toBeVisible();
  await page.waitForLoadState("networkidle");
  const markdown = (await page.getByTestId("image-markdown").first().textContent())!;
  expect(markdown).toMatch(/^!\[Hội trường\]\(image:\d+\)$/);
  await body.fill(`${await body.inputValue()}\n${markdown}\n`);
  await expect(preview.getByRole("img", { name: "Hội trường" })).toBeVisible();
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page.getByText("Đã lưu tài liệu.")).toBeVisible();

  await page.getByRole("button", { name: "Đánh dấu bản chính thức" }).click();
  await expect(page.getByText("Tài liệu đã là bản chính thức.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Trả về bản nháp" })).toBeVisible();
  await expect(preview.getByRole("img", { name: "Hội trường" })).toBeVisible();

  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `${SHOTS}/editor-${width}.png`, fullPage: true });
  }

  const href = (await page.getByTestId("document-pdf").getAttribute("href"))!;
  const pdf = await page.request.get(href);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(errors).toEqual([]);
});

test("a rapporteur writes the session's summary, finalises it, and it shows on the session page", async ({
  page,
  app,
}) => {
  const delegate = demo("delegate");
  const sessionId = await app.withDb(async (db) => {
    const registration = await db
      .selectFrom("registrations as g")
      .innerJoin("users as u", "u.id", "g.user_id")
      .select(["g.id", "g.conference_id"])
      .where("u.email", "=", delegate.email)
      .where("g.status", "=", "approved")
      .executeTakeFirstOrThrow();
    const at = new Date().toISOString();
    const { id } = await db
      .insertInto("sessions")
      .values({
        conference_id: registration.conference_id,
        kind: "discussion",
        title_vi: "Thảo luận: Hợp tác địa phương với đối tác châu Âu",
        title_en: "Discussion: local cooperation with European partners",
        description_vi: "Các tỉnh chia sẻ kinh nghiệm.",
        description_en: "Provinces share their experience.",
        starts_at: "2026-12-14T07:00:00.000Z",
        ends_at: "2026-12-14T09:00:00.000Z",
        stream_url: null,
        published: 1,
        room_id: null,
        capacity: null,
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("session_people")
      .values({ session_id: id, registration_id: registration.id, role: "rapporteur", position: 0 })
      .execute();
    return id;
  });

  const errors = consoleErrors(page);
  await signIn(page, "delegate");
  await page.goto(`/programme/sessions/${sessionId}`);
  await expect(page.getByRole("heading", { name: "Thảo luận: Hợp tác địa phương với đối tác châu Âu" })).toBeVisible();
  await expect(page.getByTestId("session-people")).toContainText("Báo cáo viên");
  await page.getByRole("link", { name: "Viết tóm tắt" }).click();
  await page.waitForLoadState("networkidle");
  const text = page.getByLabel("Tóm tắt (Markdown)");
  await text.fill("## Kết luận\n\n- Mở rộng hợp tác **giáo dục**\n- Tăng cường xúc tiến đầu tư\n");
  await page.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(page.getByText("Đã lưu bản nháp tóm tắt.")).toBeVisible();

  // A draft is not public.
  await page.goto(`/programme/sessions/${sessionId}`);
  await expect(page.getByTestId("session-summary")).toHaveCount(0);

  await page.getByRole("link", { name: "Viết tóm tắt" }).click();
  await expect(text).toHaveValue(/Mở rộng hợp tác/);
  await page.getByRole("button", { name: "Lưu và đánh dấu chính thức" }).click();
  await expect(page.getByText("Tóm tắt đã là bản chính thức và hiện trên trang của phiên.")).toBeVisible();
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `${SHOTS}/summary-${width}.png`, fullPage: true });
  }

  await page.getByRole("link", { name: "Trang của phiên" }).click();
  const summary = page.getByTestId("session-summary");
  await expect(summary.getByRole("heading", { name: "Tóm tắt phiên thảo luận" })).toBeVisible();
  await expect(summary.getByRole("listitem").filter({ hasText: "giáo dục" })).toBeVisible();
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `${SHOTS}/session-${width}.png`, fullPage: true });
  }

  // Seen by a visitor too, with the programme linking to the page.
  await page.context().clearCookies();
  await page.goto(`/programme/sessions/${sessionId}`);
  await expect(page.getByTestId("session-summary")).toContainText("Tăng cường xúc tiến đầu tư");
  await expect(page.getByRole("link", { name: "Viết tóm tắt" })).toHaveCount(0);
  expect(errors).toEqual([]);
});
