import { describe, expect, it } from "vitest";
import {
  checkinTimeLabel,
  codeFromScan,
  isExpected,
  presentPercent,
  refusalKey,
} from "~/features/registration/checkin";
import { en, isMessageKey, vi } from "~/http/i18n.server";
import { registrationEn } from "~/features/registration/messages.en";
import { registrationVi } from "~/features/registration/messages.vi";
import { STATUSES } from "~/features/registration/rules";
import { checkinCodeSchema, registrationIdSchema } from "~/features/registration/checkin-schema";
import { parseWith } from "~/platform/forms/fields";

describe("codeFromScan", () => {
  it("reads what staff type: any case, with or without dashes or spaces", () => {
    expect(codeFromScan("K7QM-3XPA-9T2D")).toBe("K7QM-3XPA-9T2D");
    expect(codeFromScan("k7qm3xpa9t2d")).toBe("K7QM-3XPA-9T2D");
    expect(codeFromScan("  k7qm 3xpa 9t2d ")).toBe("K7QM-3XPA-9T2D");
    expect(codeFromScan("hnvv-2021-0001")).toBe("HNVV-2021-0001");
  });

  it("reads letters people confuse with digits as Crockford does", () => {
    expect(codeFromScan("HNVV-2O21-OOOl")).toBe("HNVV-2021-0001");
  });

  it("finds the code inside a scanned link", () => {
    expect(codeFromScan("https://hoinghi.gov.vn/badge/K7QM-3XPA-9T2D")).toBe("K7QM-3XPA-9T2D");
  });

  it("refuses what cannot be a badge code", () => {
    for (const text of [
      "",
      "abc",
      "K7QM-3XPA-9T2",
      "K7QM-3XPA-9T2DX",
      "UUUU-UUUU-UUUU",
      "https://example.com/",
      "x".repeat(400),
    ]) {
      expect(codeFromScan(text), text).toBeNull();
    }
  });
});

describe("who is expected at the door", () => {
  it("expects only approved in-person delegates", () => {
    expect(isExpected({ status: "approved", mode: "in_person" })).toBe(true);
    expect(isExpected({ status: "approved", mode: "online" })).toBe(false);
    for (const status of STATUSES.filter((s) => s !== "approved"))
      expect(isExpected({ status, mode: "in_person" })).toBe(false);
  });

  it("gives every other status a refusal that sends them to the registration desk", () => {
    expect(refusalKey({ status: "approved", mode: "in_person" })).toBeNull();
    expect(refusalKey({ status: "approved", mode: "online" })).toBe("checkin.refuse.online");
    expect(refusalKey({ status: "pending", mode: "in_person" })).toBe("checkin.refuse.pending");
    expect(refusalKey({ status: "waitlisted", mode: "in_person" })).toBe("checkin.refuse.waitlisted");
    expect(refusalKey({ status: "rejected", mode: "online" })).toBe("checkin.refuse.rejected");
    expect(refusalKey({ status: "cancelled", mode: "in_person" })).toBe("checkin.refuse.cancelled");
    for (const status of STATUSES) {
      for (const mode of ["in_person", "online"] as const) {
        const key = refusalKey({ status, mode });
        if (key) {
          expect(isMessageKey(key)).toBe(true);
          expect(vi[key]).toContain("bàn đăng ký");
          expect(en[key]).toContain("registration desk");
        }
      }
    }
  });
});

describe("checkinTimeLabel", () => {
  const zone = "Asia/Ho_Chi_Minh";
  it("shows Hà Nội time (UTC+7), hours and minutes", () => {
    expect(checkinTimeLabel("2027-12-13T01:05:00.000Z", "2027-12-13T03:00:00.000Z", zone, "vi")).toEqual({
      time: "08:05",
      date: null,
    });
    expect(checkinTimeLabel("2027-12-13T10:30:00.000Z", "2027-12-13T11:00:00.000Z", zone, "en")).toEqual({
      time: "17:30",
      date: null,
    });
  });

  it("adds the date when the check-in was on another day in Hà Nội", () => {
    // 23:30 UTC on the 12th is 06:30 on the 13th in Hà Nội: the same day as a check-in at 08:00 on the 13th.
    expect(checkinTimeLabel("2027-12-12T23:30:00.000Z", "2027-12-13T01:00:00.000Z", zone, "vi").date).toBeNull();
    expect(checkinTimeLabel("2027-12-13T01:00:00.000Z", "2027-12-14T01:00:00.000Z", zone, "vi")).toEqual({
      time: "08:00",
      date: "13/12/2027",
    });
  });
});

describe("presentPercent", () => {
  it("rounds, never passes 100 and is 0 when nobody is expected", () => {
    expect(presentPercent(1, 3)).toBe(33);
    expect(presentPercent(2, 3)).toBe(67);
    expect(presentPercent(5, 4)).toBe(100);
    expect(presentPercent(0, 0)).toBe(0);
  });
});

describe("check-in schemas", () => {
  it("parses a typed code into the stored form", () => {
    expect(parseWith(checkinCodeSchema, { code: " k7qm 3xpa 9t2d " })).toEqual({
      ok: true,
      data: { code: "K7QM-3XPA-9T2D" },
    });
  });

  it("answers bad codes with dictionary keys", () => {
    expect(parseWith(checkinCodeSchema, { code: "" })).toEqual({ ok: false, errors: { code: "errors.required" } });
    expect(parseWith(checkinCodeSchema, {})).toEqual({ ok: false, errors: { code: "errors.required" } });
    expect(parseWith(checkinCodeSchema, { code: "12345" })).toEqual({
      ok: false,
      errors: { code: "checkin.code.invalid" },
    });
    expect(isMessageKey("checkin.code.invalid")).toBe(true);
  });

  it("accepts only a registration id made of digits", () => {
    expect(parseWith(registrationIdSchema, { registrationId: "42" })).toEqual({
      ok: true,
      data: { registrationId: 42 },
    });
    expect(parseWith(registrationIdSchema, { registrationId: "1 or 1=1" }).ok).toBe(false);
  });
});

/** The check-in section of registration's messages. */
const section = (messages: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(messages).filter(([key]) => key.startsWith("checkin.")));
const checkinVi = section(registrationVi);
const checkinEn = section(registrationEn);

describe("the check-in dictionary", () => {
  it("has the same keys and placeholders in both languages, prefixed, in NFC", () => {
    expect(Object.keys(checkinEn).sort()).toEqual(Object.keys(checkinVi).sort());
    // "{n}" and "{n, plural, …}" both name n; a language may write either.
    const placeholders = (s: string) =>
      [...new Set([...s.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]))].sort();
    for (const [key, value] of Object.entries(checkinVi)) {
      expect(key.startsWith("checkin.")).toBe(true);
      expect(value).toBe(value.normalize("NFC"));
      expect(placeholders(checkinEn[key as keyof typeof checkinEn]), key).toEqual(placeholders(value));
    }
  });
});
