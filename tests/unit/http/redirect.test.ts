import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/lib/security";

/** Issue 10: a redirectTo with non-ASCII text answered 500 (a Location header must be ASCII). */
describe("safeRedirect with text that is not ASCII", () => {
  it("percent-encodes it, as the browser would request it, and leaves ASCII as it was", () => {
    expect(safeRedirect("/Hà-Nội")).toBe("/H%C3%A0-N%E1%BB%99i");
    expect(decodeURIComponent(safeRedirect("/Hà-Nội"))).toBe("/Hà-Nội");
    expect(safeRedirect("/admin/delegates?q=Nguyễn Văn&status=approved#top")).toBe(
      "/admin/delegates?q=Nguy%E1%BB%85n%20V%C4%83n&status=approved#top",
    );
    expect(safeRedirect("/already%20encoded?x=%E1%BB%99")).toBe("/already%20encoded?x=%E1%BB%99");
    expect(safeRedirect("/🇻🇳")).toBe("/%F0%9F%87%BB%F0%9F%87%B3");
  });

  it("gives a value every Location header accepts", () => {
    for (const target of ["/Hà-Nội", "/Thành phố Hồ Chí Minh", "/\u00a0x", "/\u202Eevil", "/中文?名=值"]) {
      const location = safeRedirect(target, "/fallback");
      expect(location).toMatch(/^\/[\x21-\x7e]*$/);
      expect(() => new Headers({ Location: location })).not.toThrow();
    }
  });

  it.each([
    "/\ud800",
    "/x\udfff",
    "/\u007f",
    "/\u0085next",
    "/\u009b",
    "//Hà-Nội",
    "/\\Hà-Nội",
    "Hà-Nội",
    "https://hà-nội.example/",
  ])("falls back for %j", (target) => {
    expect(safeRedirect(target, "/home")).toBe("/home");
  });
});
