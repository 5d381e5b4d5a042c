import { chromium, type Page } from "@playwright/test";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { prepareZXingModule, writeBarcode } from "zxing-wasm/writer";
import { demo, expect, signIn, test } from "../fixtures";
import { hanoiTime } from "../support/dates";

// The demo seed: Lê Văn Hùng approved in person (HNVV-2021-0001), the ambassador approved online (HNVV-2021-0002).
const IN_PERSON = "HNVV-2021-0001";
const ONLINE = "HNVV-2021-0002";

async function presentCount(page: Page): Promise<{ present: number; expected: number }> {
  const text = (await page.getByTestId("checkin-present").textContent()) ?? "";
  const m = /(\d+)\s*\/\s*(\d+)/.exec(text);
  if (!m) throw new Error(`no counts in "${text}"`);
  return { present: Number(m[1]), expected: Number(m[2]) };
}

/** Console errors and page errors (CSP violations are reported as console errors). */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

// Checking in writes: this test has a database of its own, where Lê Văn Hùng is expected in person
// and not present yet. The others only read the shared demo.
test.describe("checking in (own database)", () => {
  test.use({ ownDatabase: true });

  test("an organiser checks a delegate in by typed code; again says already; counts move live; undo; search without diacritics", async ({
    page,
    context,
  }) => {
    const errors = collectErrors(page);
    await signIn(page, "organiser", "/admin/checkin");
    await expect(page.getByRole("heading", { level: 1, name: "Đón tiếp đại biểu" })).toBeVisible();
    // Relative to what the demo holds (the small demo or the conference-size one).
    const before = await presentCount(page);
    expect(before.expected).toBeGreaterThan(before.present);
    // A second screen at the door, left open: its counts must follow without a reload.
    const other = await context.newPage();
    await other.goto("/admin/checkin");
    await expect(other.getByTestId("qr-scanner")).toBeVisible(); // hydrated

    const code = page.getByLabel("Mã thẻ đại biểu");
    await expect(code).toBeFocused();
    await code.fill("hnvv 2021 0001");
    const sentAt = hanoiTime();
    await code.press("Enter");
    const result = page.getByTestId("checkin-result");
    await expect(result).toHaveAttribute("data-state", "checked_in");
    await expect(result).toContainText(/Đã ghi nhận có mặt lúc \d{2}:\d{2}/);
    const answeredAt = hanoiTime();
    await expect(result).toContainText("Ông Lê Văn Hùng");
    await expect(result).toContainText("Giám đốc Sở Ngoại vụ tỉnh Bắc Giang");
    await expect(result).toContainText("Trực tiếp");
    // The time recorded is the app's now (its clock, in Hà Nội time), between sending and the answer.
    const time = /lúc (\d{2}:\d{2})/.exec((await result.textContent())!)![1];
    expect([sentAt, answeredAt]).toContain(time);
    await expect(page.getByTestId("checkin-present")).toHaveText(`${before.present + 1} / ${before.expected}`);
    await expect(code).toHaveValue("");
    await expect(code).toBeFocused();
    await expect(other.getByTestId("checkin-present")).toHaveText(`${before.present + 1} / ${before.expected}`, {
      timeout: 12_000,
    });

    await code.fill(IN_PERSON);
    await page.getByRole("button", { name: "Ghi nhận có mặt", exact: true }).click();
    await expect(result).toHaveAttribute("data-state", "already");
    await expect(result).toContainText(`Đã ghi nhận có mặt trước đó, lúc ${time}`);
    await expect(result).toContainText("Người ghi nhận: Nguyễn Thị Thu Hà");
    await expect(page.getByTestId("checkin-present")).toHaveText(`${before.present + 1} / ${before.expected}`);

    await result.getByRole("button", { name: "Hủy ghi nhận có mặt: Lê Văn Hùng" }).click();
    await expect(page.getByText("Đã hủy ghi nhận có mặt của Lê Văn Hùng.")).toBeVisible();
    await expect(page.getByTestId("checkin-present")).toHaveText(`${before.present} / ${before.expected}`);

    await page.getByRole("searchbox").fill("le van hung");
    await page.getByRole("button", { name: "Tìm kiếm" }).click();
    const results = page.getByTestId("checkin-search-results");
    await expect(results).toContainText("Ông Lê Văn Hùng");
    const againAt = hanoiTime();
    await results.getByRole("button", { name: "Ghi nhận có mặt: Lê Văn Hùng" }).click();
    await expect(result).toHaveAttribute("data-state", "checked_in");
    await expect(page).toHaveURL(/q=le\+van\+hung/);
    await expect(results).toContainText(/Có mặt lúc \d{2}:\d{2}/);
    const presentAt = /Có mặt lúc (\d{2}:\d{2})/.exec((await results.textContent())!)![1];
    expect([againAt, hanoiTime()]).toContain(presentAt);
    await expect(page.getByTestId("checkin-present")).toHaveText(`${before.present + 1} / ${before.expected}`);
    expect(errors).toEqual([]);
  });
});

test("a delegate registered online is refused with the reason; an unknown code is reported", async ({ page }) => {
  await signIn(page, "organiser", "/admin/checkin");
  await page.getByLabel("Mã thẻ đại biểu").fill(ONLINE);
  await page.getByLabel("Mã thẻ đại biểu").press("Enter");
  const result = page.getByTestId("checkin-result");
  await expect(result).toHaveAttribute("data-state", "not_expected");
  await expect(result).toContainText("Không ghi nhận có mặt");
  await expect(result).toContainText(
    "Đại biểu đăng ký dự trực tuyến, không có chỗ tại hội trường — mời đến bàn đăng ký.",
  );
  await expect(result).toContainText("Ngài Phạm Thị Lan Anh");

  await page.getByLabel("Mã thẻ đại biểu").fill("zzzz-zzzz-zzzz");
  await page.getByLabel("Mã thẻ đại biểu").press("Enter");
  await expect(result).toHaveAttribute("data-state", "unknown");
  await expect(result).toContainText("Không có đại biểu nào mang mã ZZZZ-ZZZZ-ZZZZ");
});

test.describe("the door, keyboard only (own database)", () => {
  test.use({ ownDatabase: true });

  test("three codes in a row without the mouse: each answer is large, the field is empty and focused again", async ({
    page,
    app,
  }) => {
    const errors = collectErrors(page);
    // Two more delegates expected in person, copies of the demo's Lê Văn Hùng with badges of their own.
    const people = [
      { code: IN_PERSON, name: "Lê Văn Hùng" },
      { code: "TEST-2026-0002", name: "Trần Minh Khoa" },
      { code: "TEST-2026-0003", name: "Đỗ Thị Hồng Nhung" },
    ];
    await app.withDb(async (db) => {
      const hung = await db
        .selectFrom("registrations")
        .selectAll()
        .where("badge_code", "=", IN_PERSON)
        .executeTakeFirstOrThrow();
      for (const [i, p] of people.slice(1).entries()) {
        const { id: _id, ...rest } = hung;
        await db
          .insertInto("registrations")
          .values({
            ...rest,
            user_id: null,
            full_name: p.name,
            email: `loop${i}@bacgiang.gov.vn`,
            badge_code: p.code,
            checked_in_at: null,
            checked_in_by: null,
            search_key: p.name.toLowerCase(),
          })
          .execute();
      }
    });
    await signIn(page, "organiser", "/admin/checkin");
    const before = await presentCount(page);
    const code = page.getByLabel("Mã thẻ đại biểu");
    await expect(code).toBeFocused();
    const result = page.getByTestId("checkin-result");
    for (const [i, p] of people.entries()) {
      // Typed as a person (or a keyboard-wedge scanner) would, then Enter: never a click.
      await page.keyboard.type(p.code.toLowerCase().replace(/-/g, " "));
      await page.keyboard.press("Enter");
      await expect(result).toHaveAttribute("data-state", "checked_in");
      await expect(result.getByTestId("checkin-result-name")).toContainText(p.name);
      await expect(result).toContainText("Đã ghi nhận có mặt lúc");
      await expect(page.getByTestId("checkin-present")).toHaveText(`${before.present + i + 1} / ${before.expected}`);
      await expect(code).toHaveValue("");
      await expect(code).toBeFocused();
    }
    // Large enough to read from a step away: the result words and the name in big type, a coloured band.
    const message = result.getByTestId("checkin-result-message");
    expect(parseFloat(await message.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(24);
    const name = result.getByTestId("checkin-result-name");
    expect(parseFloat(await name.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(30);
    await expect(result).toHaveAttribute("data-tone", "green");
    // The same badge again: amber, "already", and still ready for the next one.
    await page.keyboard.type(people[1].code);
    await page.keyboard.press("Enter");
    await expect(result).toHaveAttribute("data-state", "already");
    await expect(result).toHaveAttribute("data-tone", "amber");
    await expect(code).toHaveValue("");
    await expect(code).toBeFocused();
    // Screenshots for a person to look at, when SCREENSHOTS_DIR is set.
    if (process.env.SCREENSHOTS_DIR) {
      mkdirSync(process.env.SCREENSHOTS_DIR, { recursive: true });
      for (const [w, h] of [
        [390, 844],
        [1366, 900],
      ]) {
        await page.setViewportSize({ width: w, height: h });
        await page.screenshot({ path: `${process.env.SCREENSHOTS_DIR}/checkin-${w}.png` });
      }
    }
    expect(errors).toEqual([]);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the typed-code form works, shows field errors from the server, and there is no camera panel", async ({
    page,
  }) => {
    await page.goto("/login?redirectTo=%2Fadmin%2Fcheckin");
    await page.getByLabel("E-mail").fill(demo("organiser").email);
    await page.getByLabel("Mật khẩu").fill(demo("organiser").password);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Đón tiếp đại biểu" })).toBeVisible();
    await expect(page.getByTestId("qr-scanner")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Cập nhật số liệu" })).toBeVisible();

    await page.getByLabel("Mã thẻ đại biểu").fill("abc");
    await page.getByRole("button", { name: "Ghi nhận có mặt", exact: true }).click();
    await expect(page.getByText("Mã thẻ không đúng định dạng")).toBeVisible();
    await expect(page.getByLabel("Mã thẻ đại biểu")).toHaveValue("abc");

    await page.getByLabel("Mã thẻ đại biểu").fill(ONLINE.toLowerCase());
    await page.getByRole("button", { name: "Ghi nhận có mặt", exact: true }).click();
    await expect(page.getByTestId("checkin-result")).toHaveAttribute("data-state", "not_expected");
    await expect(page.getByTestId("checkin-result")).toContainText("Phạm Thị Lan Anh");
  });
});

test("the camera panel starts only on a click, without console errors, and says when there is no camera", async ({
  page,
  context,
  baseURL,
}) => {
  const errors = collectErrors(page);
  await context.grantPermissions(["camera"], { origin: baseURL });
  await signIn(page, "organiser", "/admin/checkin");
  const scanner = page.getByTestId("qr-scanner");
  await expect(scanner).toBeVisible();
  await expect(scanner.locator("video")).toBeHidden();
  await scanner.getByRole("button", { name: "Bật camera" }).click();
  await expect(scanner.getByRole("alert")).toHaveText(/Không tìm thấy camera trên thiết bị này/);
  await expect(scanner.getByRole("button", { name: "Bật camera" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("with a camera (a fake feed showing a badge's QR): refused permission is explained; scanning submits the code once", async ({
  baseURL,
}) => {
  // Chromium plays this file as its camera: the QR code of the online ambassador's badge. The
  // camera flags need a browser of their own (use({ launchOptions }) would change every test here).
  const video = resolve(`test-results/checkin-qr-${process.pid}.y4m`);
  await writeY4m(video, ONLINE);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--use-fake-device-for-media-stream",
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  try {
    // Not allowed: headless Chromium dismisses the permission prompt.
    const refusing = await (await browser.newContext({ baseURL })).newPage();
    const refusedErrors = collectErrors(refusing);
    await signIn(refusing, "organiser", "/admin/checkin");
    await refusing.getByTestId("qr-scanner").getByRole("button", { name: "Bật camera" }).click();
    await expect(refusing.getByTestId("scanner-problem")).toHaveText(/Trình duyệt không cho phép dùng camera/);
    expect(refusedErrors).toEqual([]);

    const context = await browser.newContext({ baseURL });
    await context.grantPermissions(["camera"], { origin: baseURL });
    const page = await context.newPage();
    const errors = collectErrors(page);
    // Everything the scanner needs, its WebAssembly included, comes from this app: no CDN, even once.
    const requested: string[] = [];
    page.on("request", (r) => requested.push(r.url()));
    await signIn(page, "organiser", "/admin/checkin");
    const scanner = page.getByTestId("qr-scanner");
    await scanner.getByRole("button", { name: "Bật camera" }).click();
    await expect(scanner.getByRole("button", { name: "Tắt camera" })).toBeVisible();
    await expect(scanner).toContainText(`Đã đọc mã ${ONLINE}`, { timeout: 15_000 });
    // The result shows under the picture, so a phone need not scroll and the picture does not move.
    const result = scanner.getByTestId("checkin-result");
    await expect(result).toHaveAttribute("data-state", "not_expected");
    await expect(result).toContainText("Không ghi nhận có mặt");
    await expect(result).toContainText("Phạm Thị Lan Anh");
    await expect(page.getByTestId("checkin-result")).toHaveCount(1);
    // The badge stays in front of the camera: no second submission while it does.
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST") posts.push(r.url());
    });
    await page.waitForTimeout(3000);
    expect(posts).toEqual([]);
    await scanner.getByRole("button", { name: "Tắt camera" }).click();
    await expect(scanner.locator("video")).toBeHidden();
    const origin = new URL(baseURL!).origin;
    expect(requested.filter((url) => !url.startsWith(origin) && !url.startsWith("data:"))).toEqual([]);
    // Chromium on Linux has no native BarcodeDetector: the ponyfill's WASM was fetched, from /build/_assets/.
    expect(requested.filter((url) => url.endsWith(".wasm"))).toEqual([
      expect.stringMatching(new RegExp(`^${origin}/build/_assets/zxing_reader-[A-Z0-9]+\\.wasm$`)),
    ]);
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
    rmSync(video, { force: true });
  }
});

/** A few frames of 320×240 YUV 4:2:0 video showing `text` as a QR code on white. */
async function writeY4m(path: string, text: string) {
  const width = 320;
  const height = 240;
  // ZXing-C++'s writer, run in Node from the package's own WebAssembly (no network).
  prepareZXingModule({
    overrides: { wasmBinary: readFileSync(resolve("node_modules/zxing-wasm/dist/writer/zxing_writer.wasm")).buffer },
  });
  const { symbol, error } = await writeBarcode(text, { format: "QRCode", scale: 1, addQuietZones: false });
  if (error) throw new Error(error);
  const module = Math.floor(200 / symbol.width);
  const size = module * symbol.width;
  const y = Buffer.alloc(width * height, 235);
  const left = Math.floor((width - size) / 2);
  const top = Math.floor((height - size) / 2);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const dark = symbol.data[Math.floor(row / module) * symbol.width + Math.floor(col / module)] === 0;
      if (dark) y[(top + row) * width + left + col] = 16;
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), y, chroma, chroma]);
  mkdirSync(resolve(path, ".."), { recursive: true });
  writeFileSync(
    path,
    Buffer.concat([
      Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`),
      ...Array.from({ length: 10 }, () => frame),
    ]),
  );
}
