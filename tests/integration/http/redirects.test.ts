import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as language from "~/routes/language";
import * as login from "~/routes/login";
import { sourceBuild, startApp, type RunningApp } from "../../helpers/http-app";
import { demoAccount, signInAs } from "../../helpers/remix";

/**
 * Issue 10: a redirectTo with non-ASCII characters ("/Hà-Nội") answered 500 on
 * /language, on /login when already signed in, and after signing in. Through
 * the real HTTP layer, each now redirects to the percent-encoded path.
 */
const TARGET = "/Hà-Nội";
const ENCODED = "/H%C3%A0-N%E1%BB%99i";
const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

let app: RunningApp;
beforeAll(async () => {
  app = await startApp(
    await sourceBuild([
      { id: "routes/login", path: "login", module: login },
      { id: "routes/language", path: "language", module: language },
    ]),
  );
});
afterAll(() => app?.close());

function expectRedirectToTarget(res: Response) {
  expect(res.status).toBe(302);
  const location = res.headers.get("Location")!;
  expect(location).toBe(ENCODED);
  // Followed, it leads back to the path that was asked for, on this site.
  const followed = new URL(location, app.url);
  expect(followed.origin).toBe(app.url);
  expect(decodeURIComponent(followed.pathname)).toBe(TARGET);
}

describe("a redirectTo that is not ASCII", () => {
  it("is followed after switching the language on /language", async () => {
    const res = await fetch(`${app.url}/language`, {
      method: "POST",
      headers: FORM,
      body: new URLSearchParams({ locale: "en", redirectTo: TARGET }),
      redirect: "manual",
    });
    expectRedirectToTarget(res);
    expect(res.headers.get("Set-Cookie")).toMatch(/^lang=en;/);
  });

  it("is followed by /login for someone already signed in", async () => {
    const cookie = await signInAs("delegate");
    const res = await fetch(`${app.url}/login?${new URLSearchParams({ redirectTo: TARGET })}`, {
      headers: { Cookie: cookie },
      redirect: "manual",
    });
    expectRedirectToTarget(res);
  });

  it("is followed after signing in", async () => {
    const { email, password } = demoAccount("secretariat");
    const res = await fetch(`${app.url}/login`, {
      method: "POST",
      headers: FORM,
      body: new URLSearchParams({ email, password, redirectTo: TARGET }),
      redirect: "manual",
    });
    expectRedirectToTarget(res);
    expect(res.headers.get("Set-Cookie")).toMatch(/^nv_session=/);
  });

  it("with bytes that are not UTF-8 still gets an ASCII Location, not a 500", async () => {
    const res = await fetch(`${app.url}/language`, {
      method: "POST",
      headers: FORM,
      body: `locale=vi&redirectTo=${encodeURIComponent("/x")}%ED%A0%80`,
      redirect: "manual",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toMatch(/^\/[\x21-\x7e]*$/);
  });
});
