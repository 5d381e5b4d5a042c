import { describe, expect, it } from "vitest";
import {
  addDays,
  addWorkingDays,
  isWorkingDay,
  opinionDueOn,
  reportDueOn,
} from "~/features/proceedings/agreements/deadlines";
import { DAYS_OFF, VIETNAM_HOLIDAYS, WORKING_WEEKENDS } from "~/features/proceedings/agreements/holidays";

const NONE = { daysOff: new Set<string>(), workingWeekends: new Set<string>() };

describe("calendar days", () => {
  it("adds days across months, leap years and years", () => {
    expect(addDays("2026-12-25", 15)).toBe("2027-01-09");
    expect(addDays("2028-02-20", 10)).toBe("2028-03-01");
    expect(addDays("2027-02-20", 10)).toBe("2027-03-02");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("counts the report's 15 days as calendar days, weekends and Tết included", () => {
    // Signed on the Friday before Tết 2026: the 15 days run through the holiday.
    expect(reportDueOn("2026-02-13")).toBe("2026-02-28");
    expect(reportDueOn("2026-08-28")).toBe("2026-09-12");
  });
});

describe("working days", () => {
  it("does not count the day of sending and skips the weekend", () => {
    // Friday + 1 working day = Monday.
    expect(addWorkingDays("2026-11-06", 1, NONE)).toBe("2026-11-09");
    // Monday + 7 = Wednesday of the next week.
    expect(addWorkingDays("2026-11-02", 7, NONE)).toBe("2026-11-11");
    // Sent on a Saturday: Monday is the first working day.
    expect(addWorkingDays("2026-11-07", 1, NONE)).toBe("2026-11-09");
    expect(addWorkingDays("2026-11-02", 0, NONE)).toBe("2026-11-02");
  });

  it("skips the whole of Tết Bính Ngọ 2026 (14–22 February)", () => {
    // Sent on Thursday 12 Feb: 13 Feb counts, then nothing until Monday 23 Feb.
    // 13 Feb, then 23–27 Feb, then Monday 2 March.
    expect(opinionDueOn("2026-02-12")).toBe("2026-03-02");
    expect(addWorkingDays("2026-02-12", 2)).toBe("2026-02-23");
    for (const day of ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"])
      expect(isWorkingDay(day)).toBe(false);
  });

  it("skips Quốc khánh 2026 (1–2 September) and the weekend", () => {
    // Friday 28 Aug + 7: 31 Aug, 3, 4, 7, 8, 9, 10 Sep.
    expect(opinionDueOn("2026-08-28")).toBe("2026-09-10");
    expect(addWorkingDays("2026-08-28", 7, NONE)).toBe("2026-09-08");
  });

  it("skips 30 April and 1 May and Giỗ Tổ's compensatory Monday in 2026", () => {
    expect(isWorkingDay("2026-04-27")).toBe(false);
    // Friday 24 Apr + 7: 28, 29 Apr, 4, 5, 6, 7, 8 May.
    expect(opinionDueOn("2026-04-24")).toBe("2026-05-08");
  });

  it("counts a Saturday worked in exchange for a day off", () => {
    // 2025: Friday 2 May off, Saturday 26 April worked.
    expect(isWorkingDay("2025-04-26")).toBe(true);
    expect(isWorkingDay("2025-05-02")).toBe(false);
    expect(addWorkingDays("2025-04-25", 1)).toBe("2025-04-26");
  });

  it("knows Tết for every year to 2030", () => {
    for (const day of ["2024-02-12", "2025-01-29", "2027-02-08", "2028-01-26", "2029-02-13", "2030-02-04"])
      expect(isWorkingDay(day), day).toBe(false);
  });

  it("lists only weekdays as days off, and only weekend days as worked", () => {
    const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
    for (const day of DAYS_OFF) expect([0, 6], day).not.toContain(weekday(day));
    for (const day of WORKING_WEEKENDS) expect([0, 6], day).toContain(weekday(day));
    expect(new Set(DAYS_OFF).size).toBe(DAYS_OFF.length);
    // About 11 days off a year (1/1, 5 for Tết, Giỗ Tổ, 30/4, 1/5, 2 for Quốc khánh) plus compensations.
    for (let year = 2024; year <= 2030; year++) {
      const count = DAYS_OFF.filter((d) => d.startsWith(`${year}-`)).length;
      expect(count, String(year)).toBeGreaterThanOrEqual(10);
      expect(count, String(year)).toBeLessThanOrEqual(12);
    }
    expect(VIETNAM_HOLIDAYS.daysOff.has("2026-09-02")).toBe(true);
  });
});
