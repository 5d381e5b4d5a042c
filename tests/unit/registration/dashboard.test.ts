import { describe, expect, it } from "vitest";
import {
  breakdown,
  dailySeries,
  fixedOffsetMinutes,
  formatDay,
  nextDay,
  percentOf,
} from "~/features/registration/dashboard";

describe("breakdown", () => {
  it("turns kind × mode × status cells into totals, live counts and the in-person places held", () => {
    const b = breakdown([
      { kind: "province", mode: "in_person", status: "approved", count: 3 },
      { kind: "province", mode: "in_person", status: "pending", count: 2 },
      { kind: "ministry", mode: "in_person", status: "waitlisted", count: 1 },
      { kind: "mission", mode: "online", status: "approved", count: 4 },
      { kind: "mission", mode: "online", status: "cancelled", count: 5 },
      { kind: "province", mode: "online", status: "rejected", count: 1 },
    ]);
    expect(b.all).toEqual({ pending: 2, approved: 7, waitlisted: 1, rejected: 1, cancelled: 5, total: 16, live: 10 });
    expect(b.byMode.in_person).toMatchObject({ total: 6, live: 6 });
    expect(b.byMode.online).toMatchObject({ total: 10, live: 4, cancelled: 5 });
    expect(b.byKind.province).toMatchObject({ approved: 3, pending: 2, rejected: 1, total: 6, live: 5 });
    expect(b.byKind.foreign.total).toBe(0);
    expect(b.inPerson).toEqual({ approved: 3, pending: 2, held: 5, waiting: 1 });
  });
});

describe("percentOf", () => {
  it("rounds, caps the bar at 100 and copes with no capacity", () => {
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(500, 500)).toBe(100);
    expect(percentOf(12, 10)).toBe(100);
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(2, 0)).toBe(100);
  });
});

describe("dailySeries", () => {
  const zone = "Asia/Ho_Chi_Minh";
  it("folds minute buckets into Hà Nội days (17:00 UTC is the next day) and fills the gaps up to today", () => {
    const series = dailySeries(
      [
        { at: "2026-11-19T16:59", count: 2, mode: "in_person" },
        { at: "2026-11-19T17:00", count: 1, mode: "online" },
        { at: "2026-11-21T01:00", count: 3, mode: "in_person" },
      ],
      [{ at: "2026-11-21T00:10", count: 2 }],
      zone,
      "2026-11-22",
    );
    expect(series.map((p) => [p.day, p.created, p.inPerson, p.online, p.approved, p.cumulative])).toEqual([
      ["2026-11-19", 2, 2, 0, 0, 2],
      ["2026-11-20", 1, 0, 1, 0, 3],
      ["2026-11-21", 3, 3, 0, 2, 6],
      ["2026-11-22", 0, 0, 0, 0, 6],
    ]);
  });

  it("takes day buckets already folded by SQL as they are", () => {
    const series = dailySeries(
      [{ at: "2026-11-20", count: 4, mode: "online" }],
      [{ at: "2026-11-21", count: 1 }],
      zone,
      "2026-11-21",
    );
    expect(series.map((p) => [p.day, p.created, p.online, p.approved, p.cumulative])).toEqual([
      ["2026-11-20", 4, 4, 0, 4],
      ["2026-11-21", 0, 0, 1, 4],
    ]);
  });

  it("lets SQL fold days only in zones without daylight saving", () => {
    const now = new Date("2026-11-22T00:00:00Z");
    expect(fixedOffsetMinutes("Asia/Ho_Chi_Minh", now)).toBe(420);
    expect(fixedOffsetMinutes("Asia/Kolkata", now)).toBe(330);
    expect(fixedOffsetMinutes("Europe/Paris", now)).toBeNull();
  });

  it("keeps only the last days asked for, with the running total carried in", () => {
    const series = dailySeries(
      [
        { at: "2026-10-01T03:00", count: 7 },
        { at: "2026-11-01T03:00", count: 1 },
      ],
      [],
      zone,
      "2026-11-02",
      3,
    );
    expect(series.map((p) => [p.day, p.cumulative])).toEqual([
      ["2026-10-31", 7],
      ["2026-11-01", 8],
      ["2026-11-02", 8],
    ]);
  });

  it("is empty without activity, and reaches a day after 'today' when data lies there", () => {
    expect(dailySeries([], [], zone, "2026-11-22")).toEqual([]);
    expect(dailySeries([{ at: "2026-11-23T01:00", count: 1 }], [], zone, "2026-11-22").map((p) => p.day)).toEqual([
      "2026-11-23",
    ]);
  });
});

describe("days", () => {
  it("steps across months and years", () => {
    expect(nextDay("2026-11-30")).toBe("2026-12-01");
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
    expect(nextDay("2028-02-28")).toBe("2028-02-29");
  });

  it("labels a day as each language writes it", () => {
    expect(formatDay("2026-11-20", "vi")).toBe("20/11");
    expect(formatDay("2026-01-05", "vi", true)).toBe("05/01/2026");
    expect(formatDay("2026-11-20", "en")).toBe("20 Nov");
    expect(formatDay("2026-11-20", "en", true)).toBe("20 Nov 2026");
  });
});
