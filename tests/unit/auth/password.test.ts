import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "~/auth/password.server";

describe("password hashing (scrypt, N=2^17)", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("Vải thiều Lục Ngạn");
    expect(hash).toMatch(/^scrypt\$17\$8\$1\$/);
    expect(await verifyPassword(hash, "Vải thiều Lục Ngạn")).toBe(true);
    expect(await verifyPassword(hash, "Vai thieu Luc Ngan")).toBe(false);
    // The same text typed in decomposed form is the same password.
    expect(await verifyPassword(hash, "Vải thiều Lục Ngạn".normalize("NFD"))).toBe(true);
  });

  it("salts every hash and refuses malformed ones", async () => {
    const [a, b] = await Promise.all([hashPassword("same-password"), hashPassword("same-password")]);
    expect(a).not.toBe(b);
    expect(await verifyPassword("not-a-hash", "x")).toBe(false);
    expect(await verifyPassword("scrypt$30$8$1$AAAA$AAAA", "x")).toBe(false);
  });
});
