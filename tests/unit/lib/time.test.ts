import { describe, expect, it } from "vitest";
import {
  CONFERENCE_ZONE,
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

  it("accepts seconds and surrounding spaces, and nothing else around the date-time", () => {
    expect(zonedLocalToUtc("2021-12-13T08:00:05", HCM)).toBe("2021-12-13T01:00:05.000Z");
    expect(zonedLocalToUtc("  2021-12-13T08:00 ", HCM)).toBe("2021-12-13T01:00:00.000Z");
    expect(zonedLocalToUtc("x2021-12-13T08:00", HCM)).toBeNull();
    expect(zonedLocalToUtc("2021-12-13T08:00Z", HCM)).toBeNull();
    expect(zonedLocalToUtc("2021-12-13T08:00:5", HCM)).toBeNull();
    expect(zonedLocalToUtc("2021-12-13T08:00:ab", HCM)).toBeNull();
  });

  it("takes the first and last of every field and refuses one past them", () => {
    expect(zonedLocalToUtc("2021-01-01T00:00:00", HCM)).toBe("2020-12-31T17:00:00.000Z");
    expect(zonedLocalToUtc("2021-12-31T23:59:59", HCM)).toBe("2021-12-31T16:59:59.000Z");
    expect(zonedLocalToUtc("2021-01-31T08:00", HCM)).toBe("2021-01-31T01:00:00.000Z");
    for (const bad of [
      "2021-00-10T08:00",
      "2021-13-10T08:00",
      "2021-12-00T08:00",
      "2021-12-32T08:00",
      "2021-12-13T24:00",
      "2021-12-13T08:60",
      "2021-12-13T08:00:60",
      "2021-04-31T08:00",
    ]) {
      expect(zonedLocalToUtc(bad, HCM), bad).toBeNull();
    }
  });

  it("finds the offset of the instant itself next to a daylight-saving change", () => {
    // 05:00 on the day Los Angeles moves to PDT (02:00 PST → 03:00 PDT) is 12:00 UTC, not 13:00.
    expect(zonedLocalToUtc("2022-03-13T05:00", "America/Los_Angeles")).toBe("2022-03-13T12:00:00.000Z");
    expect(zonedLocalToUtc("2022-03-13T01:59", "America/Los_Angeles")).toBe("2022-03-13T09:59:00.000Z");
    expect(zonedLocalToUtc("2022-03-13T03:00", "America/Los_Angeles")).toBe("2022-03-13T10:00:00.000Z");
  });

  it("moves a time the clocks skip forward, on either side of UTC", () => {
    // 02:30 does not exist on those days; calendars read it with the offset before the change.
    expect(utcToZonedLocal(zonedLocalToUtc("2022-03-13T02:30", "America/Los_Angeles")!, "America/Los_Angeles")).toBe(
      "2022-03-13T03:30",
    );
    expect(zonedLocalToUtc("2022-03-13T02:30", "America/Los_Angeles")).toBe("2022-03-13T10:30:00.000Z");
    expect(zonedLocalToUtc("2022-03-27T02:30", "Europe/Paris")).toBe("2022-03-27T01:30:00.000Z");
    expect(zonedLocalToUtc("2022-10-02T02:30", "Australia/Sydney")).toBe("2022-10-01T16:30:00.000Z");
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
    expect(CONFERENCE_ZONE).toBe("Asia/Ho_Chi_Minh");
    expect(isValidTimeZone(CONFERENCE_ZONE)).toBe(true);
    expect(zoneCity("America/Los_Angeles")).toBe("Los Angeles");
    expect(zoneCity("America/Argentina/Buenos_Aires")).toBe("Buenos Aires");
    expect(zoneCity("UTC")).toBe("UTC");
    expect(isValidTimeZone("Asia/Ho_Chi_Minh")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });

  it("formats in the named style, date and time by default", () => {
    const iso = "2026-12-13T01:00:00.000Z";
    expect(formatInstant(iso, HCM, "en")).toBe("13/12/2026, 08:00");
    expect(formatInstant(iso, HCM, "vi")).toBe("08:00 13/12/2026");
    expect(formatInstant(iso, HCM, "en", "date")).toBe("13/12/2026");
    expect(formatInstant(iso, HCM, "en", "longDate")).toBe("Sunday, 13 December 2026");
    expect(formatInstant(iso, HCM, "vi", "longDate")).toBe("Chủ Nhật, 13 tháng 12, 2026");
  });
});

describe("formatRange", () => {
  it("shows one date for a one-day event and two for a longer one", () => {
    expect(formatRange("2021-12-13T01:00:00Z", "2021-12-13T10:00:00Z", HCM, "en")).toBe("13/12/2021");
    expect(formatRange("2021-12-13T01:00:00Z", "2021-12-14T10:00:00Z", HCM, "en")).toBe("13/12/2021 – 14/12/2021");
    expect(formatRange("2021-12-13T01:00:00Z", "2021-12-13T10:30:00Z", HCM, "en", true)).toBe(
      "13/12/2021, 08:00–17:30",
    );
    expect(formatRange("2021-12-13T01:00:00Z", "2021-12-14T10:00:00Z", HCM, "en", true)).toBe(
      "13/12/2021, 08:00 – 14/12/2021, 17:00",
    );
    expect(formatRange("2021-12-13T01:00:00Z", "2021-12-14T10:00:00Z", HCM, "vi", true)).toBe(
      "08:00 13/12/2021 – 17:00 14/12/2021",
    );
    // The same instants are two days in Hà Nội but one in Los Angeles.
    expect(formatRange("2021-12-12T16:00:00Z", "2021-12-12T18:00:00Z", "America/Los_Angeles", "en")).toBe("12/12/2021");
    expect(formatRange("2021-12-12T16:00:00Z", "2021-12-12T18:00:00Z", HCM, "en")).toBe("12/12/2021 – 13/12/2021");
  });
});
