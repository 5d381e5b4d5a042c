import { describe, expect, it } from "vitest";
import { REDACTED, redactOneTimeLinks } from "~/lib/secrets";

describe("redactOneTimeLinks", () => {
  it("hides the token of every one-time link and keeps the rest", () => {
    const token = "Ab-_9".repeat(9);
    const text = `Đặt mật khẩu: http://localhost:3000/invite/${token}\nJoin: https://hoinghi.vn/join/${token}.\nReset: /reset-password/${token}`;
    const out = redactOneTimeLinks(text);
    expect(out).not.toContain(token);
    expect(out).toBe(
      `Đặt mật khẩu: http://localhost:3000/invite/${REDACTED}\nJoin: https://hoinghi.vn/join/${REDACTED}.\nReset: /reset-password/${REDACTED}`,
    );
  });

  it("leaves other addresses alone", () => {
    for (const text of [
      "http://localhost:3000/my-registration",
      "/invite/short",
      "/programme/abcdefghijklmnopqrstuvwxyz",
    ]) {
      expect(redactOneTimeLinks(text)).toBe(text);
    }
  });
});
