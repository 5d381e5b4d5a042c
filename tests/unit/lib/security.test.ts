import { describe, expect, it } from "vitest";
import { isCrossOriginWrite, safeRedirect, securityHeaders } from "~/lib/security";

describe("safeRedirect", () => {
  it("keeps paths on this site", () => {
    expect(safeRedirect("/admin/people?role=delegate")).toBe("/admin/people?role=delegate");
  });
  it.each([
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
    "admin",
    "",
    null,
    undefined,
    "/\u0000x",
  ])("falls back for %j", (target) => {
    expect(safeRedirect(target as string | null, "/home")).toBe("/home");
  });
});

describe("isCrossOriginWrite", () => {
  const base = { host: "conference.gov.vn", secFetchSite: null };
  it("lets reads through whatever their origin", () => {
    expect(isCrossOriginWrite({ ...base, method: "GET", origin: "https://evil.example" })).toBe(false);
  });
  it("refuses a POST from another origin", () => {
    expect(isCrossOriginWrite({ ...base, method: "POST", origin: "https://evil.example" })).toBe(true);
    expect(isCrossOriginWrite({ ...base, method: "POST", origin: "null" })).toBe(true);
    expect(isCrossOriginWrite({ ...base, method: "DELETE", origin: null, secFetchSite: "cross-site" })).toBe(true);
  });
  it("accepts a POST from the same host or a configured public origin", () => {
    expect(isCrossOriginWrite({ ...base, method: "POST", origin: "https://conference.gov.vn" })).toBe(false);
    expect(
      isCrossOriginWrite({
        method: "POST",
        host: "127.0.0.1:3000",
        origin: "https://hoinghi.gov.vn",
        secFetchSite: null,
        allowedOrigins: ["https://hoinghi.gov.vn"],
      }),
    ).toBe(false);
    expect(isCrossOriginWrite({ ...base, method: "POST", origin: null, secFetchSite: "same-origin" })).toBe(false);
  });
  it("accepts non-browser clients that send neither header", () => {
    expect(isCrossOriginWrite({ ...base, method: "POST", origin: null })).toBe(false);
  });
});

describe("securityHeaders", () => {
  it("sets CSP with the nonce, frame-ancestors, nosniff and a referrer policy", () => {
    const headers = securityHeaders("abc123", { https: false });
    expect(headers["Content-Security-Policy"]).toContain("script-src 'self' 'nonce-abc123'");
    expect(headers["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    // The check-in scanner's WebAssembly may be compiled; JavaScript eval stays refused.
    expect(headers["Content-Security-Policy"]).toContain("'wasm-unsafe-eval'");
    expect(headers["Content-Security-Policy"]).not.toMatch(/'unsafe-eval'/);
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders("n", { https: true })["Strict-Transport-Security"]).toContain("max-age=");
  });
});
