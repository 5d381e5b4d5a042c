import { describe, expect, it } from "vitest";
import { parseTrustProxy } from "~/lib/security";

describe("parseTrustProxy (TRUST_PROXY)", () => {
  it("trusts no proxy when unset, empty, false or 0", () => {
    for (const value of [undefined, "", "  ", "false", "FALSE", "0"]) expect(parseTrustProxy(value)).toBe(0);
  });
  it("trusts one hop for true or 1, and the given number otherwise", () => {
    expect(parseTrustProxy("true")).toBe(1);
    expect(parseTrustProxy("True")).toBe(1);
    expect(parseTrustProxy("1")).toBe(1);
    expect(parseTrustProxy("2")).toBe(2);
    expect(parseTrustProxy(" 3 ")).toBe(3);
  });
  it.each(["yes", "loopback", "10.0.0.1", "-1", "1.5", "01", "100", "true,2"])(
    "refuses %j instead of guessing",
    (value) => {
      expect(() => parseTrustProxy(value)).toThrow(/TRUST_PROXY/);
    },
  );
});
