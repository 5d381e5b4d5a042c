import type { Page } from "@playwright/test";
import { expect, signIn, test } from "../fixtures";
import { screenshot } from "../support/screenshots";

/**
 * Hostile names on the visitors' pages: markup stays text (no script runs, no element is made),
 * and a 200-character name without a space breaks no layout at phone or desktop width.
 */
test.use({ ownDatabase: true });

/** Nothing wider than the window: a long word wraps (or scrolls inside its table) instead of pushing the page sideways. */
async function expectNoSidewaysScroll(page: Page, where: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  // What sticks out, outside any scrolling box: named in the failure.
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .filter((e) => {
        for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
          if (getComputedStyle(a).overflowX !== "visible") return false;
        return true;
      })
      .slice(0, 12)
      .map((e) => `${e.tagName}.${(e.getAttribute("class") ?? "").slice(0, 80)}`),
  );
  expect(overflow, `${where}: ${wide.join(" | ")}`).toBeLessThanOrEqual(0);
}

const LONG = `HợptácxãNôngnghiệpvàDịchvụTổnghợp${"Lụcngạn".repeat(24)}`.slice(0, 200);
const MARKUP = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;

test("a long name without spaces and a name with markup break neither the plan, the list nor the exhibitor's page", async ({
  page,
  app,
}) => {
  const id = await app.withDb(async (db) => {
    const row = await db
      .selectFrom("exhibitors")
      .select("id")
      .where("name_vi", "=", "Trung tâm Xúc tiến Thương mại tỉnh Bắc Giang")
      .executeTakeFirstOrThrow();
    await db.updateTable("exhibitors").set({ name_vi: LONG, name_en: MARKUP }).where("id", "=", row.id).execute();
    await db
      .updateTable("exhibitor_products")
      .set({ name_vi: LONG, description_vi: MARKUP })
      .where("exhibitor_id", "=", row.id)
      .execute();
    return row.id;
  });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await signIn(page, "delegate");
  for (const [width, height] of [
    [390, 844],
    [1366, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const path of ["/exhibition", `/exhibition/exhibitors/${id}`]) {
      await page.goto(path);
      await expect(page.getByText(LONG).first()).toBeVisible();
      // On the plan, the booth's panel names the exhibitor too.
      if (path === "/exhibition") {
        await page.locator('[data-booth="A101"]').focus();
        await expect(page.getByTestId("booth-panel")).toContainText(LONG.slice(0, 40));
        const panel = await page.getByTestId("booth-panel").evaluate((e) => e.scrollWidth - e.clientWidth);
        expect(panel, `booth panel at ${width}px`).toBeLessThanOrEqual(0);
      }
      await expectNoSidewaysScroll(page, `${path} at ${width}px`);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      await screenshot(
        page,
        `exhibition-long-${path.startsWith("/exhibition/") ? "exhibitor" : "catalogue"}-${width}`,
        {
          fullPage: true,
        },
      );
    }
  }
  expect(errors).toEqual([]);
});

test("the organisers' pages keep a long name inside the window too", async ({ page, app }) => {
  await app.withDb(async (db) => {
    await db
      .updateTable("exhibitors")
      .set({ name_vi: LONG, name_en: MARKUP })
      .where("name_vi", "=", "Trung tâm Xúc tiến Thương mại tỉnh Bắc Giang")
      .execute();
  });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await signIn(page, "organiser");
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/admin/exhibition/applications", "/admin/exhibition"]) {
    await page.goto(path);
    await expect(page.getByText(LONG).first()).toBeAttached();
    await expectNoSidewaysScroll(page, path);
    await screenshot(page, `exhibition-long-${path.split("/").pop()}-390`, { fullPage: true });
  }
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(errors).toEqual([]);
});

test("another exhibitor's long name, offered as a neighbour, keeps the applicant's page inside the window", async ({
  page,
  app,
}) => {
  await app.withDb(async (db) => {
    await db
      .updateTable("exhibitors")
      .set({ name_vi: LONG, name_en: MARKUP })
      .where("name_vi", "=", "Trung tâm Xúc tiến Thương mại tỉnh Bắc Giang")
      .execute();
  });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await signIn(page, "exhibitor");
  for (const [width, height] of [
    [390, 844],
    [1366, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto("/exhibition/apply");
    await expect(page.getByText(LONG).first()).toBeAttached();
    await expectNoSidewaysScroll(page, `/exhibition/apply at ${width}px`);
    await screenshot(page, `exhibition-long-apply-${width}`, { fullPage: true });
  }
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(errors).toEqual([]);
});
