import { demo, expect, test } from "../fixtures";

test("every response carries the security headers", async ({ request }) => {
  for (const path of ["/", "/login", "/healthz", "/favicon.svg"]) {
    const res = await request.get(path);
    const headers = res.headers();
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
  }
  const health = await request.get("/healthz");
  expect(await health.json()).toEqual({ status: "ok", database: "ok" });
});

test("a POST from another origin is refused before it reaches the app", async ({ request }) => {
  const res = await request.post("/login", {
    headers: { Origin: "https://evil.example" },
    form: { email: demo("organiser").email, password: demo("organiser").password },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(403);
  expect(res.headers()["set-cookie"]).toBeUndefined();
  expect(await res.text()).toContain("Request refused");
});

test("a page of ours runs its scripts under the CSP (no violations)", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") violations.push(m.text());
  });
  await page.goto("/login");
  await page.getByLabel("E-mail").fill("x");
  await page.getByLabel("E-mail").blur();
  // Instant validation proves the client bundle ran under the nonce-based CSP.
  await expect(page.getByText("E-mail không đúng định dạng")).toBeVisible();
  expect(violations.filter((v) => /Content Security Policy/i.test(v))).toEqual([]);
});

test("a tampered session cookie is treated as signed out", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "nv_session", value: "forged0123456789", url: baseURL! }]);
  const res = await page.goto("/admin/conference");
  expect(res?.status()).toBe(200);
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
});
