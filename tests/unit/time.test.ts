import { describe, expect, it } from "vitest";
import {
  formatInstant,
  formatRange,
  isValidTimeZone,
  offsetLabel,
  utcToZonedLocal,
  zoneCity,
  zonedDate,
  zonedLocalToUtc,
  zoneOffsetMinutes,
  zonesDiffer,
} from "~/lib/time";

const HCM = "Asia/Ho_Chi_Minh";

describe("zonedLocalToUtc", () => {
  it("converts Hà Nội wall-clock time to UTC", () => {
    expect(zonedLocalToUtc("2021-12-13T08:00", HCM)).toBe("2021-12-13T01:00:00.000Z");
  });

  it("handles a zone on a different date and with daylight saving", () => {
    // 16:00 on 12 December in Los Angeles (PST, UTC-8) is 00:00 UTC on the 13th.
    expect(zonedLocalToUtc("2021-12-12T16:00", "America/Los_Angeles")).toBe("2021-12-13T00:00:00.000Z");
    // In July Los Angeles is on PDT (UTC-7).
    expect(zonedLocalToUtc("2022-07-01T09:00", "America/Los_Angeles")).toBe("2022-07-01T16:00:00.000Z");
  });

  it("handles a half-hour offset", () => {
    expect(zonedLocalToUtc("2021-12-13T06:30", "Asia/Kolkata")).toBe("2021-12-13T01:00:00.000Z");
  });

  it("refuses text that is not a real date-time", () => {
    expect(zonedLocalToUtc("2021-02-30T08:00", HCM)).toBeNull();
    expect(zonedLocalToUtc("13/12/2021 08:00", HCM)).toBeNull();
    expect(zonedLocalToUtc("2021-12-13T25:00", HCM)).toBeNull();
  });

  it("round-trips with utcToZonedLocal", () => {
    for (const zone of [HCM, "America/Los_Angeles", "Asia/Kolkata", "Europe/Paris", "Australia/Sydney"]) {
      const utc = zonedLocalToUtc("2026-12-13T14:20", zone)!;
      expect(utcToZonedLocal(utc, zone)).toBe("2026-12-13T14:20");
    }
  });
});

describe("offsets and labels", () => {
  it("knows the offsets", () => {
    expect(zoneOffsetMinutes(new Date("2021-12-13T01:00:00Z"), HCM)).toBe(420);
    expect(zoneOffsetMinutes(new Date("2021-12-13T01:00:00Z"), "America/Los_Angeles")).toBe(-480);
    expect(offsetLabel("2021-12-13T01:00:00Z", "Asia/Kolkata")).toBe("GMT+5:30");
    expect(offsetLabel("2021-12-13T01:00:00Z", HCM)).toBe("GMT+7");
    expect(offsetLabel("2021-12-13T01:00:00Z", "UTC")).toBe("GMT");
  });

  it("shows the other date in a zone behind Hà Nội", () => {
    const iso = "2021-12-13T01:00:00.000Z"; // 08:00 on the 13th in Hà Nội
    expect(zonedDate(iso, HCM)).toBe("2021-12-13");
    expect(zonedDate(iso, "America/Los_Angeles")).toBe("2021-12-12");
    expect(formatInstant(iso, "America/Los_Angeles", "en", "dateTime")).toBe("12/12/2021, 17:00");
    expect(formatInstant(iso, HCM, "vi", "time")).toBe("08:00");
  });

  it("says whether two zones differ at an instant, by offset not by name", () => {
    expect(zonesDiffer("2021-12-13T01:00:00Z", HCM, "Asia/Bangkok")).toBe(false);
    expect(zonesDiffer("2021-12-13T01:00:00Z", HCM, "Asia/Tokyo")).toBe(true);
  });

  it("names zones and validates them", () => {
    expect(zoneCity("America/Los_Angeles")).toBe("Los Angeles");
    expect(isValidTimeZone("Asia/Ho_Chi_Minh")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});

describe("formatRange", () => {
  it("shows one date for a one-day event and two for a longer one", () => {
    expect(formatRange("2021-12-13T01:00:00Z", "2021-12-13T10:00:00Z", HCM, "en")).toBe("13/12/2021");
    expect(formatRange("2021-12-13T01:00:00Z", "2021-12-14T10:00:00Z", HCM, "en")).toBe("13/12/2021 – 14/12/2021");
    expect(formatRange("2021-12-13T01:00:00Z", "2021-12-13T10:30:00Z", HCM, "en", true)).toBe("13/12/2021, 08:00–17:30");
  });
});
