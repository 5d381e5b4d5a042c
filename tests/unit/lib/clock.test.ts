import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

// The module reads CLOCK_OFFSET when it is loaded, so it is imported inside the tests: a clock that
// cannot even load fails a test here rather than the collection of the file.
const DAY = 86_400_000;

describe("parseClockOffset", () => {
  let parseClockOffset: (value: string | undefined) => number;
  beforeAll(async () => {
    vi.stubEnv("CLOCK_OFFSET", undefined);
    vi.resetModules();
    ({ parseClockOffset } = await import("~/lib/clock"));
    vi.unstubAllEnvs();
  });

  it("reads days, hours, minutes and seconds, forwards and backwards", () => {
    expect(parseClockOffset("+365d")).toBe(365 * DAY);
    expect(parseClockOffset("365d")).toBe(365 * DAY);
    expect(parseClockOffset("-2h")).toBe(-2 * 3_600_000);
    expect(parseClockOffset("+90m")).toBe(90 * 60_000);
    expect(parseClockOffset("+30s")).toBe(30_000);
    expect(parseClockOffset("-1d")).toBe(-DAY);
    expect(parseClockOffset(" +12h ")).toBe(12 * 3_600_000);
  });

  it("treats a missing or blank value as no offset", () => {
    expect(parseClockOffset(undefined)).toBe(0);
    expect(parseClockOffset("")).toBe(0);
    expect(parseClockOffset("   ")).toBe(0);
  });

  it.each(["soon", "+1y", "+d", "1.5d", "++1d", "x+1d", "+1dx", "+1 d", "d1", "+-1d"])(
    "refuses %j with the expected format",
    (value) => {
      expect(() => parseClockOffset(value)).toThrow(
        `CLOCK_OFFSET must look like +365d, -2h, +90m or +30s, not "${value}"`,
      );
    },
  );
});

describe("now", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.useRealTimers();
    vi.resetModules();
  });

  const load = async (offset: string | undefined) => {
    vi.resetModules();
    vi.stubEnv("CLOCK_OFFSET", offset);
    return import("~/lib/clock");
  };

  it("is the real time when CLOCK_OFFSET is not set", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-13T01:00:00.000Z") });
    const clock = await load(undefined);
    expect(clock.clockOffsetMs()).toBe(0);
    expect(clock.now().toISOString()).toBe("2026-12-13T01:00:00.000Z");
    expect(clock.nowMs()).toBe(Date.parse("2026-12-13T01:00:00.000Z"));
    expect(clock.nowIso()).toBe("2026-12-13T01:00:00.000Z");
  });

  it("moves every reading of the clock by CLOCK_OFFSET", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-13T01:00:00.000Z") });
    const ahead = await load("+365d");
    expect(ahead.clockOffsetMs()).toBe(365 * DAY);
    expect(ahead.now().toISOString()).toBe("2027-12-13T01:00:00.000Z");
    expect(ahead.nowMs()).toBe(Date.parse("2027-12-13T01:00:00.000Z"));
    expect(ahead.nowIso()).toBe("2027-12-13T01:00:00.000Z");
    const behind = await load("-2h");
    expect(behind.clockOffsetMs()).toBe(-7_200_000);
    expect(behind.nowIso()).toBe("2026-12-12T23:00:00.000Z");
  });

  it("refuses a malformed CLOCK_OFFSET when the app starts", async () => {
    await expect(load("next year")).rejects.toThrow(/CLOCK_OFFSET must look like/);
  });
});
