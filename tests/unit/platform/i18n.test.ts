import { describe, expect, it } from "vitest";
import { translate as agendaTranslate } from "~/features/agenda/i18n";
import { meetingsDictionary } from "~/features/meetings/i18n";
import { proceedingsDictionary } from "~/features/proceedings/i18n";
import { exhibitionDictionary } from "~/features/exhibition/i18n";
import { registrationDictionary, translate as registrationTranslate } from "~/features/registration/i18n";
import { en, isMessageKey, pageMessages, rootMessages, translate, vi } from "~/http/i18n.server";
import { fillMessage, ordinalSuffix } from "~/platform/i18n";
import { platformDictionary } from "~/platform/i18n/dictionary";
import { FALLBACK_KEYS, FALLBACK_MESSAGES } from "~/platform/i18n/fallback";

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

  it("has no key defined twice across the platform and the features", async () => {
    const { existsSync, readdirSync } = await import("node:fs");
    const seen = new Map<string, string>();
    const app = new URL("../../../app/", import.meta.url);
    const features = readdirSync(new URL("features/", app)).map((f) => `features/${f}/messages.vi.ts`);
    const files = ["platform/i18n/messages.vi.ts", ...features.filter((f) => existsSync(new URL(f, app)))];
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      const mod = (await import(new URL(file, app).href)) as Record<string, Record<string, string>>;
      const viPart = Object.entries(mod).find(([name]) => name.endsWith("Vi"))![1];
      for (const key of Object.keys(viPart)) {
        expect(seen.get(key), `${key} in ${file}`).toBeUndefined();
        seen.set(key, file);
      }
    }
    // Every feature's messages are in the app's dictionary.
    expect([...seen.keys()].sort()).toEqual(Object.keys(vi).sort());
  });

  it("is stored in NFC", () => {
    for (const value of Object.values(vi)) expect(value).toBe(value.normalize("NFC"));
  });
});

describe("translate", () => {
  it("fills placeholders and defaults to the key for unknown text", () => {
    expect(translate("vi", "login.tooMany", { minutes: 15 })).toBe(
      "Quá nhiều lần đăng nhập sai. Vui lòng thử lại sau 15 phút.",
    );
    expect(translate("en", "login.tooMany", { minutes: 15 })).toBe(
      "Too many failed sign-ins. Please try again in 15 minutes.",
    );
    expect(translate("en", "no.such.key")).toBe("no.such.key");
    expect(isMessageKey("nav.home")).toBe(true);
    expect(isMessageKey("toString")).toBe(false);
  });

  it("chooses plural forms by the language's rules", () => {
    expect(translate("en", "login.tooMany", { minutes: 1 })).toBe(
      "Too many failed sign-ins. Please try again in 1 minute.",
    );
    expect(translate("vi", "login.tooMany", { minutes: 1 })).toBe(
      "Quá nhiều lần đăng nhập sai. Vui lòng thử lại sau 1 phút.",
    );
    expect(translate("en", "meetingsAdmin.reason.atMaximum", { a: "Korea", max: 1 })).toBe(
      "Korea has reached its maximum of 1 meeting.",
    );
    expect(translate("en", "meetingsAdmin.reason.atMaximum", { a: "Korea", max: 0 })).toBe(
      "Korea has reached its maximum of 0 meetings.",
    );
    expect(translate("en", "meetingsAdmin.reason.atMaximum", { a: "Korea", max: 3 })).toBe(
      "Korea has reached its maximum of 3 meetings.",
    );
    expect(translate("en", "agendaUi.savedNotified", { n: 1 })).toContain("1 person was told");
    expect(translate("en", "agendaUi.savedNotified", { n: 4 })).toContain("4 people were told");
  });

  it("leaves no plural syntax in any filled text", () => {
    for (const locale of ["vi", "en"] as const) {
      for (const key of Object.keys(vi) as Array<keyof typeof vi>) {
        const params = Object.fromEntries(
          [...(locale === "vi" ? vi : en)[key].matchAll(/\{(\w+)/g)].map((m) => [m[1], 2]),
        );
        const text = translate(locale, key, params);
        expect(text, key).not.toMatch(/plural,|\{\w+\}/);
      }
    }
  });

  it("writes English ordinals", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 20, 21, 22, 101].map((n) => `${n}${ordinalSuffix(n)}`)).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "20th",
      "21st",
      "22nd",
      "101st",
    ]);
  });
});

describe("what each layer knows", () => {
  it("gives a feature its own keys and the layers' below it, not those above", () => {
    expect(registrationTranslate("en", "registration.title")).toBe(en["registration.title"]);
    expect(registrationTranslate("en", "nav.home")).toBe("Home");
    // Meetings are above registration: their keys are not registration's to translate.
    expect(registrationTranslate("en", "meetingsAdmin.title")).toBe("meetingsAdmin.title");
    expect(agendaTranslate("vi", "registration.title")).toBe(vi["registration.title"]);
    // The top features' dictionaries, each with every layer below it, make the whole app's; the
    // proceedings' (the book gathers every feature) is the whole app's alone.
    const top = new Set([...Object.keys(meetingsDictionary.vi), ...Object.keys(exhibitionDictionary.vi)]);
    expect([...top].filter((k) => !k.startsWith("proceedings.")).sort()).toEqual(
      Object.keys(vi)
        .filter((k) => !k.startsWith("proceedings."))
        .sort(),
    );
    expect(Object.keys(proceedingsDictionary.vi).sort()).toEqual(Object.keys(vi).sort());
    expect(Object.keys(meetingsDictionary.vi)).not.toContain("proceedings.title");
    expect(Object.keys(exhibitionDictionary.vi)).not.toContain("meetingsAdmin.title");
    expect(Object.keys(registrationDictionary.en)).not.toContain("agendaUi.roomsTitle");
  });

  it("sends the root the platform's messages and a page its capabilities', in one language", () => {
    expect(rootMessages("en")).toEqual(platformDictionary.en);
    expect(rootMessages("vi")["nav.home"]).toBe("Trang chủ");
    const agenda = pageMessages("en", "agenda");
    expect(agenda["agendaUi.roomsTitle"]).toBe(en["agendaUi.roomsTitle"]);
    expect(Object.keys(agenda).every((k) => /^(agenda|agendaUi|programme)\./.test(k))).toBe(true);
    expect(agenda["nav.home"]).toBeUndefined();
    const both = pageMessages("vi", "agenda", "meetings");
    expect(both["programme.title"]).toBe(vi["programme.title"]);
    expect(both["meetingsDelegate.title"]).toBe(vi["meetingsDelegate.title"]);
    expect(both["registration.title"]).toBeUndefined();
  });

  it("keeps the browser's fallback messages (pages without the root's data) the dictionary's own", () => {
    for (const locale of ["vi", "en"] as const) {
      expect(Object.keys(FALLBACK_MESSAGES[locale]).sort()).toEqual([...FALLBACK_KEYS].sort());
      for (const key of FALLBACK_KEYS)
        expect(FALLBACK_MESSAGES[locale][key], key).toBe(platformDictionary[locale][key]);
    }
  });

  it("fills a template the way translate does", () => {
    expect(fillMessage("en", en["login.tooMany"], { minutes: 1 })).toBe(
      translate("en", "login.tooMany", { minutes: 1 }),
    );
    expect(fillMessage("vi", "{a} và {b}", { a: 1 })).toBe("1 và {b}");
  });
});
