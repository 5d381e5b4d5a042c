import { describe, expect, it } from "vitest";
import { bodyLimitFor, DEFAULT_BODY_LIMIT, formType, refusalPage, requestLocale } from "~/cli/http.server";

describe("bodyLimitFor", () => {
  it("gives every path 1 MB except the CSV import, whatever its case or trailing slash", () => {
    expect(DEFAULT_BODY_LIMIT).toBe(1024 * 1024);
    expect(bodyLimitFor("/login")).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitFor("/admin/delegates")).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitFor("/admin/delegates/import/extra")).toBe(DEFAULT_BODY_LIMIT);
    for (const path of ["/admin/delegates/import", "/Admin/Delegates/Import", "/admin/delegates/import/"]) {
      expect(bodyLimitFor(path)).toBe(8 * 1024 * 1024);
    }
  });

  it("lets through everything the import route itself accepts (a 5 MB file as base64 with the confirm form)", () => {
    const routeMaximum = Math.ceil((5 * 1024 * 1024 * 4) / 3) + 1024 + 64 * 1024;
    expect(bodyLimitFor("/admin/delegates/import")).toBeGreaterThanOrEqual(routeMaximum);
  });
});

describe("formType", () => {
  it("knows the two form encodings, with parameters and in any case", () => {
    expect(formType("application/x-www-form-urlencoded")).toBe("application/x-www-form-urlencoded");
    expect(formType("application/x-www-form-urlencoded;charset=UTF-8")).toBe("application/x-www-form-urlencoded");
    expect(formType("Multipart/Form-Data; boundary=----x")).toBe("multipart/form-data");
  });
  it.each([
    undefined,
    "",
    "application/json",
    "text/plain",
    "application/x-www-form-urlencodedx",
    "multipart/mixed; boundary=x",
  ])("refuses %j", (type) => {
    expect(formType(type)).toBeNull();
  });
});

describe("requestLocale", () => {
  it("takes ?lang= first, then the lang cookie, then Vietnamese", () => {
    expect(requestLocale("/login", undefined)).toBe("vi");
    expect(requestLocale("/login", "lang=en")).toBe("en");
    expect(requestLocale("/login", "nv_session=abc; lang=en; tz=Asia%2FTokyo")).toBe("en");
    expect(requestLocale("/login?lang=en", "lang=vi")).toBe("en");
    expect(requestLocale("/login?lang=vi", "lang=en")).toBe("vi");
  });
  it("ignores values that are not a language", () => {
    expect(requestLocale("/login?lang=fr", "lang=de")).toBe("vi");
    expect(requestLocale("/login?lang=<script>", "xlang=en")).toBe("vi");
    expect(requestLocale("//[bad", undefined)).toBe("vi");
  });
});

describe("refusalPage", () => {
  it("is a translated page in the chosen language, with the limit", () => {
    const vi = refusalPage("vi", "error.tooLarge", { max: 1 });
    expect(vi).toContain('<html lang="vi">');
    expect(vi).toContain("Dữ liệu gửi lên quá lớn");
    expect(vi).toContain("1 MB");
    const en = refusalPage("en", "error.notForm");
    expect(en).toContain('<html lang="en">');
    expect(en).toContain("The request could not be read");
    expect(en).not.toMatch(/\{\w+\}/);
  });
  it("carries no script, so it needs no CSP nonce", () => {
    expect(refusalPage("vi", "error.badForm")).not.toContain("<script");
  });
});
