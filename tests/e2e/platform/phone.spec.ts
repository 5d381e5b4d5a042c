import type { Locator, Page } from "@playwright/test";
import { demo, expect, signIn, test } from "../fixtures";

/** On a phone (390×844): the whole navigation behind one menu button, and targets a thumb can hit. Only reads. */
test.use({ viewport: { width: 390, height: 844 } });

const DELEGATE_MENU = [
  "Trang chủ",
  "Chương trình",
  "Đăng ký của tôi",
  "Lịch của tôi",
  "Gặp gỡ song phương",
  "Triển lãm",
  "Thỏa thuận quốc tế",
  "Đơn vị",
  "Tài khoản",
];

const menuButton = (page: Page) => page.getByTestId("phone-menu").locator("summary");
const menuList = (page: Page) => page.locator("#phone-menu-list");

/** Presses Tab until `target` has the focus (at most `max` times), as a keyboard user would. */
async function tabTo(page: Page, target: Locator, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab did not reach ${target}`);
}

test("a delegate opens the menu by keyboard and reaches every page, the meetings and the account too", async ({
  page,
}) => {
  await signIn(page, "delegate", "/programme");
  await expect(page).toHaveURL(/\/programme$/);
  // The desktop bar is not shown on a phone; the menu button is, and names the current page.
  await expect(page.getByTestId("main-nav").getByRole("link", { name: "Gặp gỡ song phương" })).toBeHidden();
  const button = menuButton(page);
  await expect(button).toBeVisible();
  await expect(button).toContainText("Trình đơn");
  await expect(button).toContainText("Chương trình");
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(button).toHaveAttribute("aria-controls", "phone-menu-list");

  await page.keyboard.press("Tab");
  await tabTo(page, button);
  await page.keyboard.press("Enter");
  await expect(button).toHaveAttribute("aria-expanded", "true");
  const links = menuList(page).getByRole("link");
  await expect(links).toHaveText(DELEGATE_MENU);
  // The current page is marked, and visible in the open menu.
  const current = menuList(page).locator('[aria-current="page"]');
  await expect(current).toHaveText("Chương trình");
  await expect(current).toBeInViewport();

  // Escape closes the menu and gives the focus back to its button.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Escape");
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(button).toBeFocused();
  await expect(menuList(page)).toBeHidden();

  // Open again, Tab to "Gặp gỡ song phương", Enter: the page opens and the menu is closed.
  await page.keyboard.press("Enter");
  await tabTo(page, menuList(page).getByRole("link", { name: "Gặp gỡ song phương" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/meetings$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(button).toContainText("Gặp gỡ song phương");

  // And the account, last in the menu.
  await tabTo(page, button);
  await page.keyboard.press("Space");
  await tabTo(page, menuList(page).getByRole("link", { name: "Tài khoản" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/account$/);
  await expect(button).toContainText("Tài khoản");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the menu button still opens the whole navigation", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("E-mail").fill(demo("delegate").email);
    await page.getByLabel("Mật khẩu").fill(demo("delegate").password);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.goto("/my-agenda");
    await expect(menuList(page)).toBeHidden();
    await menuButton(page).click();
    await expect(menuList(page).getByRole("link")).toHaveText(DELEGATE_MENU);
    await expect(menuList(page).locator('[aria-current="page"]')).toHaveText("Lịch của tôi");
    await menuList(page).getByRole("link", { name: "Gặp gỡ song phương" }).click();
    await expect(page).toHaveURL(/\/meetings$/);
  });
});

interface Target {
  what: string;
  width: number;
  height: number;
}

/**
 * Every visible control a finger taps: buttons, button-styled and text-button links, fields,
 * filter chips, the language switch and the menu; a checkbox or radio counts by its label.
 */
async function smallTargets(page: Page): Promise<Target[]> {
  return page.evaluate(() => {
    const selector = [
      "button",
      "summary",
      "select",
      "textarea",
      'input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"])',
      "label:has(> input[type='checkbox'])",
      "label:has(> input[type='radio'])",
      "a.btn-primary, a.btn-secondary, a.btn-danger, a.btn-link",
      "[role='group'] a",
      "[role='tablist'] a, [role='tab']",
      "header a",
    ].join(", ");
    const out: Array<{ what: string; width: number; height: number }> = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width === 0 || r.height === 0 || style.visibility === "hidden") continue;
      if (el.closest(".sr-only")) continue;
      // A floor of 43.5 px allows for sub-pixel rounding of 44 px.
      if (r.width < 43.5 || r.height < 43.5) {
        const name = (el.getAttribute("aria-label") || el.textContent || el.getAttribute("name") || "").trim();
        out.push({
          what: `${el.tagName.toLowerCase()} "${name.slice(0, 40)}"`,
          width: Math.round(r.width),
          height: Math.round(r.height),
        });
      }
    }
    return out;
  });
}

test("the main controls are at least 44×44 on the programme, the meetings and the registration form", async ({
  page,
}) => {
  await page.goto("/register");
  await expect(page.getByRole("button", { name: "Gửi đăng ký" })).toBeVisible();
  expect(await smallTargets(page), "/register").toEqual([]);

  await signIn(page, "delegate", "/programme");
  await expect(page.getByTestId("programme-sessions")).toBeVisible();
  expect(await smallTargets(page), "/programme").toEqual([]);

  await page.goto("/meetings");
  await expect(page.getByTestId("parties")).toBeVisible();
  // "Chọn đối tác này" was 119×20.
  const choose = page.getByRole("link", { name: "Chọn đối tác này" }).first();
  const box = (await choose.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(43.5);
  expect(await smallTargets(page), "/meetings").toEqual([]);
  // The search's placeholder is not cut off.
  const search = page.getByRole("searchbox", { name: /Tìm theo tên/ });
  const fit = await search.evaluate((input: HTMLInputElement) => {
    const style = getComputedStyle(input);
    const context = document.createElement("canvas").getContext("2d")!;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { text: context.measureText(input.placeholder).width, room };
  });
  expect(fit.text).toBeLessThanOrEqual(fit.room);
});

test("the language switch is a 44×44 target whose name starts with what it shows", async ({ page }) => {
  await page.goto("/programme");
  const sw = page.getByRole("button", { name: /^EN/ });
  await expect(sw).toHaveText("EN");
  const box = (await sw.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(43.5);
  expect(box.height).toBeGreaterThanOrEqual(43.5);
});
