import { describe, expect, it } from "vitest";
import { en, isMessageKey, ordinalSuffix, translate, vi } from "~/platform/i18n";
import { coreVi } from "~/platform/i18n/core.vi";

describe("dictionary", () => {
  it("has the same keys in Vietnamese and English, none empty", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const [key, value] of [...Object.entries(vi), ...Object.entries(en)]) {
      expect(value.trim(), key).not.toBe("");
    }
  });

  it("uses the same placeholders in both languages", () => {
    // "{n}" and "{n, plural, …}" both name n; a language may write either.
    const names = (s: string) => [...new Set([...s.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]))].sort();
    for (const key of Object.keys(vi) as Array<keyof typeof vi>) {
      expect(names(en[key]), key).toEqual(names(vi[key]));
    }
  });

  it("has no key defined twice across the core and the modules", async () => {
    const { existsSync, readdirSync } = await import("node:fs");
    const seen = new Map<string, string>(Object.keys(coreVi).map((k) => [k, "core"]));
    const app = new URL("../../../app/", import.meta.url);
    const dirs = ["platform/i18n/modules/", ...readdirSync(new URL("features/", app)).map((f) => `features/${f}/messages/`).filter((d) => existsSync(new URL(d, app)))];
    for (const file of dirs.flatMap((d) => readdirSync(new URL(d, app)).map((f) => `${d}${f}`))) {
      const mod = (await import(new URL(file, app).href)) as Record<string, Record<string, string>>;
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

  it("chooses plural forms by the language's rules", () => {
    expect(translate("en", "login.tooMany", { minutes: 1 })).toBe("Too many failed sign-ins. Please try again in 1 minute.");
    expect(translate("vi", "login.tooMany", { minutes: 1 })).toBe("Quá nhiều lần đăng nhập sai. Vui lòng thử lại sau 1 phút.");
    expect(translate("en", "meetingsAdmin.reason.atMaximum", { a: "Korea", max: 1 })).toBe("Korea has reached its maximum of 1 meeting.");
    expect(translate("en", "meetingsAdmin.reason.atMaximum", { a: "Korea", max: 0 })).toBe("Korea has reached its maximum of 0 meetings.");
    expect(translate("en", "meetingsAdmin.reason.atMaximum", { a: "Korea", max: 3 })).toBe("Korea has reached its maximum of 3 meetings.");
    expect(translate("en", "agendaUi.savedNotified", { n: 1 })).toContain("1 person was told");
    expect(translate("en", "agendaUi.savedNotified", { n: 4 })).toContain("4 people were told");
  });

  it("leaves no plural syntax in any filled text", () => {
    for (const locale of ["vi", "en"] as const) {
      for (const key of Object.keys(vi) as Array<keyof typeof vi>) {
        const params = Object.fromEntries([...(locale === "vi" ? vi : en)[key].matchAll(/\{(\w+)/g)].map((m) => [m[1], 2]));
        const text = translate(locale, key, params);
        expect(text, key).not.toMatch(/plural,|\{\w+\}/);
      }
    }
  });

  it("writes English ordinals", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 20, 21, 22, 101].map((n) => `${n}${ordinalSuffix(n)}`)).toEqual([
      "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "20th", "21st", "22nd", "101st",
    ]);
  });
});
