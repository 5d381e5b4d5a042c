import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, signIn, test, type DemoKey } from "../fixtures";

/**
 * axe-core over every page, as a visitor, as the demo delegate and as the demo organiser, at a
 * phone's size and a desk's: no serious or critical violation of WCAG 2.0/2.1/2.2 A and AA.
 * Only reads: the shared demo database.
 */

const VIEWPORTS = [
  { name: "phone", width: 390, height: 844 },
  { name: "desk", width: 1366, height: 900 },
] as const;

const TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"];

const VISITOR_PAGES = ["/", "/login", "/forgot-password", "/register", "/programme", "/no-such-page"];

const DELEGATE_PAGES = [
  "/",
  "/programme",
  "/my-registration",
  "/my-agenda",
  "/meetings",
  "/exhibition",
  "/agreements",
  "/agreements/new",
  "/organisations",
  "/account",
];

const EXHIBITOR_PAGES = ["/exhibition/apply", "/exhibition"];

const ORGANISER_PAGES = [
  "/admin/dashboard",
  "/admin/delegates",
  "/admin/delegates/import",
  "/admin/agenda",
  "/admin/meetings",
  "/admin/meetings/settings",
  "/admin/exhibition",
  "/admin/exhibition/plan",
  "/admin/exhibition/plan/import",
  "/admin/exhibition/applications",
  "/admin/documents",
  "/admin/documents/new",
  "/admin/proceedings",
  "/admin/prints",
  "/agreements",
  "/admin/checkin",
  "/organisations",
  "/admin/conference",
  "/admin/quotas",
  "/admin/rooms",
  "/admin/people",
  "/admin/outbox",
  "/admin/audit",
  "/account",
];

/** Detail pages, reached from the first link of their list (the demo's own ids). */
const ORGANISER_DETAILS: Array<{ list: string; link: RegExp }> = [
  { list: "/admin/delegates", link: /^\/admin\/delegates\/\d+$/ },
  { list: "/admin/agenda", link: /^\/admin\/agenda\/\d+$/ },
  { list: "/admin/meetings", link: /^\/admin\/meetings\/requests\/\d+$/ },
  { list: "/admin/exhibition/applications", link: /^\/admin\/exhibition\/applications\/\d+$/ },
  { list: "/exhibition", link: /^\/exhibition\/exhibitors\/\d+$/ },
  { list: "/admin/documents", link: /^\/admin\/documents\/\d+$/ },
  { list: "/programme", link: /^\/programme\/sessions\/\d+$/ },
];

interface Finding {
  path: string;
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

async function check(page: Page, path: string): Promise<Finding[]> {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      path,
      id: v.id,
      impact: v.impact ?? "",
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
    }));
}

async function detailPaths(page: Page): Promise<string[]> {
  const paths: string[] = [];
  for (const { list, link } of ORGANISER_DETAILS) {
    await page.goto(list);
    const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    const found = hrefs.find((h) => link.test(h.split("?")[0]));
    if (found) paths.push(found);
  }
  // A party's page is chosen in a list of parties on the meetings page.
  await page.goto("/admin/meetings");
  const party = await page.locator('select[name="party"] option[value]:not([value=""])').first().getAttribute("value");
  if (party) paths.push(`/admin/meetings/parties/${party}`);
  return paths;
}

const ROLES: Array<{ who: DemoKey | null; pages: string[]; details?: boolean }> = [
  { who: null, pages: VISITOR_PAGES },
  { who: "delegate", pages: DELEGATE_PAGES },
  { who: "exhibitor", pages: EXHIBITOR_PAGES },
  { who: "organiser", pages: ORGANISER_PAGES, details: true },
];

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width}×${viewport.height} (${viewport.name})`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    for (const role of ROLES) {
      test(`every page ${role.who ? `of the demo ${role.who}` : "a visitor sees"} passes axe-core`, async ({
        page,
      }) => {
        test.setTimeout(180_000);
        if (role.who) await signIn(page, role.who);
        const paths = [...role.pages, ...(role.details ? await detailPaths(page) : [])];
        if (role.details)
          expect(paths.length, "every detail page was found").toBe(role.pages.length + ORGANISER_DETAILS.length + 1);
        const findings: Finding[] = [];
        for (const path of paths) findings.push(...(await check(page, path)));
        expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
      });
    }
  });
}

test.describe("in the states a page only reaches by use", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the open phone menu, and the registration form showing its errors, pass axe-core", async ({ page }) => {
    await signIn(page, "delegate", "/programme");
    await page.getByTestId("phone-menu").locator("summary").click();
    await expect(page.locator("#phone-menu-list")).toBeVisible();
    const menu = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(menu.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

    await page.context().clearCookies();
    await page.goto("/register");
    const organisation = page.getByRole("combobox", { name: /Đơn vị/ });
    // Announced as required; the listbox holds options only, and "no match" is a status outside it.
    await expect(organisation).toHaveAttribute("aria-required", "true");
    await organisation.fill("ha noi");
    const roles = await page
      .getByRole("listbox")
      .evaluate((list) => Array.from(list.children).map((c) => c.getAttribute("role")));
    expect(roles.length).toBeGreaterThan(0);
    expect(new Set(roles)).toEqual(new Set(["option"]));
    await page
      .getByRole("option", { name: /Hà Nội/ })
      .first()
      .click();
    await expect(organisation).toBeFocused();
    await expect(page.getByRole("listbox")).toHaveCount(0);
    await organisation.fill("không có đơn vị này");
    await expect(page.getByRole("listbox")).toHaveCount(0);
    await expect(page.getByRole("status").filter({ hasText: "Không có kết quả phù hợp." })).toBeVisible();
    await page.getByRole("button", { name: "Gửi đăng ký" }).click();
    await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
    const form = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(form.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  });

  test("the attendance mode's error, from the server, is linked to its inputs", async ({ page }) => {
    // The form ticks a mode by default; with none ticked in the page, the server says why (and writes nothing).
    await page.goto("/register");
    await page.getByRole("textbox", { name: /^Họ và tên/ }).fill("Đinh Văn Tú");
    await page.getByRole("textbox", { name: /^Chức vụ/ }).fill("Chuyên viên");
    await page.getByRole("textbox", { name: /^E-mail/ }).fill("tu.dinh@caobang.gov.vn");
    await page.getByRole("textbox", { name: /^Điện thoại/ }).fill("+84 24 3825 3536");
    await page.getByRole("combobox", { name: /Đơn vị/ }).fill("cao bang");
    await page.getByRole("option", { name: /Cao Bằng/ }).click();
    await page.locator('input[name="mode"]').evaluateAll((radios: HTMLInputElement[]) => {
      for (const r of radios) r.checked = false;
    });
    await page.getByRole("button", { name: "Gửi đăng ký" }).click();
    const mode = page.getByRole("radiogroup", { name: /Hình thức/ });
    await expect(mode).toHaveAttribute("aria-invalid", "true");
    const described = (await mode.getAttribute("aria-describedby"))!;
    await expect(page.locator(`[id="${described}"]`)).toHaveClass(/field-error/);
    await expect(page.getByRole("radio").first()).toHaveAttribute("aria-describedby", described);
    const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(result.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  });
});

test.describe("after a submission (own database: a delegate signs up for a session)", () => {
  test.use({ ownDatabase: true });

  test("the focus stays with the person, on the button or the result message, never on <body>", async ({ page }) => {
    await signIn(page, "delegate", "/programme");
    const card = page.getByTestId("session-card").filter({ hasText: "Phiên thảo luận 1" });
    await card.getByRole("button", { name: "Đăng ký dự phiên" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "Phiên thảo luận 1" }).first()).toBeVisible();
    await expect(card.getByRole("button", { name: "Hủy đăng ký" })).toBeVisible();
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return el && el !== document.body ? `${el.tagName} ${el.textContent?.trim().slice(0, 60)}` : "body";
    });
    expect(focused).not.toBe("body");
  });
});

test("the session form's person search is a combobox: options only in its listbox, chosen by keyboard", async ({
  page,
}) => {
  await signIn(page, "organiser", "/admin/agenda");
  await page.getByRole("link", { name: "Thêm phiên" }).click();
  const picker = page.getByTestId("picker-speaker");
  const search = picker.getByRole("combobox");
  await search.fill("zzz không ai");
  await expect(picker.getByRole("listbox")).toHaveCount(0);
  await expect(picker.getByRole("status")).toHaveText("Không tìm thấy đại biểu phù hợp.");
  await search.fill("le van hung");
  const roles = await picker
    .getByRole("listbox")
    .evaluate((list) => Array.from(list.children).map((c) => c.getAttribute("role")));
  expect(new Set(roles)).toEqual(new Set(["option"]));
  await expect(search).toHaveAttribute("aria-expanded", "true");
  await expect(search).toHaveAttribute("aria-activedescendant", /.+/);
  await search.press("Enter");
  await expect(picker).toContainText("1. Lê Văn Hùng");
  await expect(search).toHaveValue("");
  await expect(search).toBeFocused();
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(result.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
});
