import { demo, expect, signIn, test, type DemoKey } from "../fixtures";

const expectedNav: Record<DemoKey, string[]> = {
  organiser: [
    "/",
    "/programme",
    "/my-registration",
    "/my-agenda",
    "/meetings",
    "/exhibition",
    "/agreements",
    "/admin/dashboard",
    "/admin/delegates",
    "/admin/agenda",
    "/admin/meetings",
    "/admin/exhibition",
    "/admin/documents",
    "/admin/proceedings",
    "/admin/prints",
    "/admin/checkin",
    "/organisations",
    "/admin/conference",
    "/admin/people",
    "/admin/outbox",
    "/admin/audit",
    "/account",
  ],
  secretariat: [
    "/",
    "/programme",
    "/my-registration",
    "/my-agenda",
    "/meetings",
    "/exhibition",
    "/agreements",
    "/admin/dashboard",
    "/admin/delegates",
    "/admin/exhibition",
    "/admin/documents",
    "/admin/proceedings",
    "/admin/prints",
    "/organisations",
    "/admin/people",
    "/admin/outbox",
    "/account",
  ],
  delegate: [
    "/",
    "/programme",
    "/my-registration",
    "/my-agenda",
    "/meetings",
    "/exhibition",
    "/agreements",
    "/organisations",
    "/account",
  ],
  ambassador: [
    "/",
    "/programme",
    "/my-registration",
    "/my-agenda",
    "/meetings",
    "/exhibition",
    "/agreements",
    "/organisations",
    "/account",
  ],
  exhibitor: [
    "/",
    "/programme",
    "/my-registration",
    "/my-agenda",
    "/meetings",
    "/exhibition",
    "/exhibition/apply",
    "/organisations",
    "/account",
  ],
};

for (const key of Object.keys(expectedNav) as DemoKey[]) {
  test(`${key} signs in, sees the role's navigation and signs out`, async ({ page }) => {
    await signIn(page, key);
    const nav = page.getByTestId("main-nav");
    await expect(nav).toHaveAttribute("data-role", demo(key).role);
    const hrefs = await nav.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs).toEqual(expectedNav[key]);
    // Organisers land on the dashboard (issue 12); everyone else on the home page and its next steps.
    if (key === "organiser") {
      await expect(page).toHaveURL(/\/admin\/dashboard$/);
      await page.goto("/");
    }
    await expect(page.getByTestId("next-steps")).toBeVisible();

    // Every demo account is in Vietnamese on the shared demo (the language spec switches only its own copy).
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    await page.getByRole("button", { name: "Đăng xuất", exact: true }).click();
    await expect(page).toHaveURL(/\/login\?loggedOut=1/);
    await expect(page.getByTestId("main-nav")).toHaveAttribute("data-role", "visitor");
    // The old session is gone: an organiser page now asks to sign in.
    await page.goto("/admin/people");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin%2Fpeople/);
  });
}

test("a delegate opening an organiser page gets a refusal page, not the page", async ({ page }) => {
  await signIn(page, "delegate");
  const response = await page.goto("/admin/people");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Bạn không có quyền truy cập trang này" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Về trang chủ" })).toBeVisible();
  await expect(page.getByText("Mời người dùng")).toHaveCount(0);
});

test("sign-in returns to the page that asked for it", async ({ page }) => {
  await signIn(page, "organiser", "/admin/audit");
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByRole("heading", { name: "Nhật ký thao tác" })).toBeVisible();
});
