import { describe, expect, it } from "vitest";
import { en, isMessageKey, ordinalSuffix, translate, vi } from "~/lib/i18n";
import { coreVi } from "~/lib/i18n/vi";

describe("dictionary", () => {
  it("has the same keys in Vietnamese and English, none empty", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const [key, value] of [...Object.entries(vi), ...Object.entries(en)]) {
      expect(value.trim(), key).not.toBe("");
    }
  });

  it("uses the same placeholders in both languages", () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(vi) as Array<keyof typeof vi>) {
      expect(names(en[key]), key).toEqual(names(vi[key]));
    }
  });

  it("has no key defined twice across the core and the modules", async () => {
    const { readdirSync } = await import("node:fs");
    const seen = new Map<string, string>(Object.keys(coreVi).map((k) => [k, "core"]));
    for (const file of readdirSync(new URL("../../app/lib/i18n/modules/", import.meta.url))) {
      const mod = (await import(`../../app/lib/i18n/modules/${file}`)) as Record<string, Record<string, string>>;
      const viPart = Object.entries(mod).find(([name]) => name.endsWith("Vi"))![1];
      for (const key of Object.keys(viPart)) {
        expect(seen.get(key), `${key} in ${file}`).toBeUndefined();
        seen.set(key, file);
      }
    }
  });

  it("is stored in NFC", () => {
    for (const value of Object.values(vi)) expect(value).toBe(value.normalize("NFC"));
  });
});

describe("translate", () => {
  it("fills placeholders and defaults to the key for unknown text", () => {
    expect(translate("vi", "login.tooMany", { minutes: 15 })).toBe("Quá nhiều lần đăng nhập sai. Vui lòng thử lại sau 15 phút.");
    expect(translate("en", "login.tooMany", { minutes: 15 })).toBe("Too many failed sign-ins. Please try again in 15 minutes.");
    expect(translate("en", "no.such.key")).toBe("no.such.key");
    expect(isMessageKey("nav.home")).toBe(true);
    expect(isMessageKey("toString")).toBe(false);
  });

  it("writes English ordinals", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 20, 21, 22, 101].map((n) => `${n}${ordinalSuffix(n)}`)).toEqual([
      "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "20th", "21st", "22nd", "101st",
    ]);
  });
});
