import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { parseTrustProxy } from "~/lib/security";
import * as login from "~/routes/login";
import { sourceBuild, startApp, type RunningApp } from "../../helpers/http-app";
import { demoAccount } from "../../helpers/remix";

/**
 * Issue 10: with TRUST_PROXY=true the app took the client's whole
 * X-Forwarded-For, so a client could choose the address that the sign-in
 * throttle counts and the audit log records. Now TRUST_PROXY is a number of
 * hops (true = 1). The test server is reached over loopback, which plays the
 * proxy: a proxy appends the address it saw to what the client sent.
 */
const whoami = {
  loader: ({ context }: LoaderFunctionArgs) => json({ ip: (context as { clientIp?: string }).clientIp }),
};
const apps: Record<string, RunningApp> = {};

beforeAll(async () => {
  const build = await sourceBuild([
    { id: "routes/login", path: "login", module: login },
    { id: "routes/whoami", path: "whoami", module: whoami },
  ]);
  for (const setting of ["", "true", "1", "2"])
    apps[setting] = await startApp(build, { trustProxy: parseTrustProxy(setting) });
});
afterAll(async () => {
  for (const app of Object.values(apps)) await app.close();
});

async function clientIp(setting: string, forwardedFor?: string): Promise<string> {
  const res = await fetch(`${apps[setting].url}/whoami?_data=routes%2Fwhoami`, {
    headers: forwardedFor ? { "X-Forwarded-For": forwardedFor } : {},
  });
  return ((await res.json()) as { ip: string }).ip;
}

describe("TRUST_PROXY", () => {
  it("unset: the connection's address, whatever X-Forwarded-For says", async () => {
    expect(await clientIp("", "1.2.3.4")).toBe("127.0.0.1");
  });

  it("true or 1: one proxy, so the address it appended, not the one the client wrote", async () => {
    for (const setting of ["true", "1"]) {
      // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the address it saw.
      expect(await clientIp(setting, "1.2.3.4, 203.0.113.9")).toBe("203.0.113.9");
      expect(await clientIp(setting, "1.2.3.4,5.6.7.8, 203.0.113.9")).toBe("203.0.113.9");
      expect(await clientIp(setting, "203.0.113.9")).toBe("203.0.113.9");
      expect(await clientIp(setting)).toBe("127.0.0.1");
    }
  });

  it("2: two proxies, so the address the outer one appended", async () => {
    // client (forges 1.2.3.4) → proxy A appends 203.0.113.9 → proxy B appends A's 10.0.0.2 → app
    expect(await clientIp("2", "1.2.3.4, 203.0.113.9, 10.0.0.2")).toBe("203.0.113.9");
  });

  it("a forged X-Forwarded-For does not reach the sign-in throttle or the audit log", async () => {
    const app = apps["true"];
    const { email, password } = demoAccount("secretariat");
    const post = (pw: string) =>
      fetch(`${app.url}/login`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": "1.2.3.4, 198.51.100.23" },
        body: new URLSearchParams({ email, password: pw }),
        redirect: "manual",
      });
    expect((await post("wrong-password-1")).status).toBe(400);
    expect((await post(password)).status).toBe(302);
    const db = getDb();
    const failures = await db.selectFrom("login_failures").select("key").where("key", "like", "ip:%").execute();
    expect(failures.map((f) => f.key)).toContain("ip:198.51.100.23");
    expect(failures.map((f) => f.key)).not.toContain("ip:1.2.3.4");
    const signIn = await db
      .selectFrom("audit_log")
      .select("ip")
      .where("action", "=", "auth.sign_in")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(signIn.ip).toBe("198.51.100.23");
  });
});
