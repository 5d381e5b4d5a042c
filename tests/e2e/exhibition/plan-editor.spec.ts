import type { Page } from "@playwright/test";
import { expect, signIn, test, type App } from "../fixtures";

// Draws and moves booths: on a database of its own.
test.use({ ownDatabase: true });

const SHOTS = "/tmp/h2";

/** A hall of its own (30 × 20 m, 1 m grid) with an exit and one booth, T-01 (tourism) at x 12, y 10. */
async function hallWithOneBooth(app: App): Promise<number> {
  return app.withDb(async (db) => {
    const now = new Date().toISOString();
    const conference = await db.selectFrom("conferences").select("id").orderBy("id", "desc").executeTakeFirstOrThrow();
    const hall = await db
      .insertInto("exhibition_halls")
      .values({
        conference_id: conference.id,
        code: "T",
        name_vi: "Nhà thử nghiệm",
        name_en: "Test hall",
        width_m: 30,
        depth_m: 20,
        grid_m: 1,
        min_aisle_m: 3,
        position: 99,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("booths")
      .values({
        conference_id: conference.id,
        hall_id: hall.id,
        code: "T-01",
        zone: "tourism",
        type: "standard",
        x: 12,
        y: 10,
        w: 3,
        h: 3,
        area: 9,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto("exhibition_obstacles")
      .values({ hall_id: hall.id, kind: "exit", x: 0, y: 8, w: 0.3, h: 2, label: "EXIT" })
      .execute();
    return hall.id;
  });
}

/** A point of the plan (metres) on the screen. */
async function onScreen(page: Page, x: number, y: number) {
  return page.evaluate(
    ([mx, my]) => {
      const svg = document.querySelector<SVGSVGElement>("svg[data-viewbox]")!;
      const p = new DOMPoint(mx, my).matrixTransform(svg.getScreenCTM()!);
      return { x: p.x, y: p.y };
    },
    [x, y],
  );
}

async function dragMetres(page: Page, from: [number, number], to: [number, number]) {
  const a = await onScreen(page, ...from);
  const b = await onScreen(page, ...to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 4 });
  await page.mouse.move(b.x, b.y, { steps: 4 });
  await page.mouse.up();
}

test("an organiser draws a booth, moves it with the keyboard and sees an overlap refused", async ({ page, app }) => {
  const hallId = await hallWithOneBooth(app);
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, "organiser", `/admin/exhibition/plan?hall=${hallId}`);
  await expect(page.getByRole("heading", { name: "Sơ đồ triển lãm" })).toBeVisible();
  const plan = page.locator("svg[data-viewbox]");
  await plan.scrollIntoViewIfNeeded();
  await expect(plan.locator('[data-booth="T-01"]')).toBeVisible();

  // Draw a 3 × 3 m booth from (2, 2) to (5, 5): the form opens prefilled.
  await dragMetres(page, [2.1, 2.1], [5.1, 5.1]);
  const form = page.locator("#booth-form");
  await expect(form.getByLabel("Mã gian")).toHaveValue("T-02");
  await expect(form.getByLabel("X (m, từ trái)")).toHaveValue("2");
  await expect(form.getByLabel("Rộng (m)")).toHaveValue("3");
  await expect(form.getByLabel("Mã gian")).toBeFocused();
  // The zone of the nearest booth.
  await expect(form.getByLabel("Khu")).toHaveValue("tourism");
  await form.getByLabel("Khu").selectOption("food");
  await form.getByRole("button", { name: "Thêm gian" }).click();
  await expect(page.getByText("Đã lưu gian T-02.")).toBeVisible();
  const drawn = plan.locator('[data-booth="T-02"]');
  await expect(drawn).toBeVisible();
  // The form is ready for the next booth.
  await expect(form.getByLabel("Mã gian")).toHaveValue("T-03");
  await page.screenshot({ path: `${SHOTS}/plan-editor-1366.png`, fullPage: true });

  // The keyboard: Tab to the booth, an arrow moves it by one grid step.
  await drawn.focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("plan-live")).toHaveText("Đã chuyển gian T-02 tới x 3, y 2 (3 × 3 m).");
  await page.keyboard.press("Shift+ArrowDown");
  await expect(page.getByTestId("plan-live")).toHaveText("Đã chuyển gian T-02 tới x 3, y 2 (3 × 4 m).");
  await expect(page.getByTestId("booth-table").locator('[data-booth-row="T-02"]')).toContainText("x 3, y 2 · 3 × 4 m");

  // Dragged onto T-01: refused with the reason, and it snaps back.
  await dragMetres(page, [4.5, 3.5], [13.5, 11.5]);
  await expect(page.getByTestId("plan-live")).toHaveText("Gian chồng lên gian T-01.");
  await expect(page.getByTestId("booth-table").locator('[data-booth-row="T-02"]')).toContainText("x 3, y 2 · 3 × 4 m");
  const rect = drawn.locator("rect");
  await expect(rect).toHaveAttribute("x", "3");

  // Delete asks first.
  page.once("dialog", (dialog) => void dialog.accept());
  await drawn.focus();
  await page.keyboard.press("Delete");
  await expect(page.getByTestId("plan-live")).toHaveText("Đã xóa gian T-02.");
  await expect(drawn).toHaveCount(0);

  // Ctrl + wheel (a trackpad's pinch) zooms about the pointer; with "move the plan", a drag pans it.
  const fittedBox = await plan.getAttribute("data-viewbox");
  const centre = await onScreen(page, 22, 5);
  await page.mouse.move(centre.x, centre.y);
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -200);
  await page.keyboard.up("Control");
  await expect(plan).not.toHaveAttribute("data-viewbox", fittedBox!);
  await page.getByLabel("Kéo sơ đồ").check();
  const zoomedBox = (await plan.getAttribute("data-viewbox"))!;
  // The point under the pointer stayed put, so the drag starts on the empty floor.
  await page.mouse.move(centre.x, centre.y);
  await page.mouse.down();
  await page.mouse.move(centre.x + 120, centre.y + 60, { steps: 6 });
  await page.mouse.up();
  const pannedX = Number((await plan.getAttribute("data-viewbox"))!.split(" ")[0]);
  expect(pannedX).toBeLessThan(Number(zoomedBox.split(" ")[0]));
  await page.getByTestId("zoom-fit").click();

  // The exit's warning is listed in words.
  await expect(page.getByTestId("plan-warnings")).toContainText("Cảnh báo an toàn");

  // A phone: zoom in and fit with the buttons.
  await page.setViewportSize({ width: 390, height: 844 });
  await plan.scrollIntoViewIfNeeded();
  const fitted = await plan.getAttribute("data-viewbox");
  await page.getByTestId("zoom-in").click();
  await expect(plan).not.toHaveAttribute("data-viewbox", fitted!);
  await page.screenshot({ path: `${SHOTS}/plan-editor-390-zoomed.png` });
  await page.getByTestId("zoom-fit").click();
  await expect(plan).toHaveAttribute("data-viewbox", fitted!);
  await page.screenshot({ path: `${SHOTS}/plan-editor-390.png`, fullPage: true });
});

test("the print version shows the plan and legend without the editor", async ({ page, app }) => {
  const hallId = await hallWithOneBooth(app);
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, "organiser", `/admin/exhibition/plan?hall=${hallId}&print=1`);
  await expect(page.locator('[data-booth="T-01"]')).toBeVisible();
  await expect(page.getByRole("list", { name: "Chú giải" })).toBeVisible();
  await expect(page.locator("#booth-form")).toHaveCount(0);
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: `${SHOTS}/plan-print.png` });
  // The editor itself prints the plan alone too (its Print button calls window.print()).
  await page.emulateMedia({ media: "screen" });
  await page.goto(`/admin/exhibition/plan?hall=${hallId}`);
  await expect(page.getByTestId("print-plan")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("print-plan")).toBeHidden();
  await expect(page.locator("#booth-form")).toBeHidden();
  await expect(page.locator('[data-booth="T-01"]')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/plan-editor-print.png`, fullPage: true });
});

test("the secretariat sees the demo hall read-only, at a desk's and a phone's size", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, "secretariat", "/admin/exhibition/plan");
  const plan = page.locator("svg[data-viewbox]");
  await expect(plan.locator("[data-booth]").first()).toBeVisible();
  await expect(page.getByText("Bạn chỉ được xem sơ đồ; ban tổ chức chỉnh sửa.")).toBeVisible();
  await expect(page.locator("#booth-form")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Thêm gian" })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/plan-demo-1366.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await plan.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/plan-demo-390.png` });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an organiser adds, edits and deletes booths with plain forms, and reads a refusal beside the field", async ({
    page,
    app,
  }) => {
    const hallId = await hallWithOneBooth(app);
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page, "organiser", `/admin/exhibition/plan?hall=${hallId}`);
    const form = page.locator("#booth-form");
    await expect(form.getByLabel("Mã gian")).toHaveValue("T-02");
    await form.getByLabel("X (m, từ trái)").fill("20");
    await form.getByLabel("Y (m, từ trên)").fill("4");
    await form.getByRole("button", { name: "Thêm gian" }).click();
    await expect(page.getByText("Đã lưu gian T-02.")).toBeVisible();
    const table = page.getByTestId("booth-table");
    await expect(table.locator('[data-booth-row="T-02"]')).toContainText("x 20, y 4 · 3 × 3 m");

    // Edit it onto T-01: refused, the reason beside X, what was typed kept.
    await page.getByRole("link", { name: "Sửa gian T-02" }).click();
    await expect(form.getByRole("heading", { name: "Sửa gian T-02" })).toBeVisible();
    await form.getByLabel("X (m, từ trái)").fill("13");
    await form.getByLabel("Y (m, từ trên)").fill("11");
    await form.getByRole("button", { name: "Lưu gian" }).click();
    await expect(form.getByText("Gian chồng lên gian T-01.")).toBeVisible();
    await expect(form.getByLabel("X (m, từ trái)")).toHaveValue("13");

    await table.getByRole("button", { name: "Xóa gian T-02" }).click();
    await expect(page.getByText("Đã xóa gian T-02.")).toBeVisible();
    await expect(table.locator('[data-booth-row="T-02"]')).toHaveCount(0);
  });
});
