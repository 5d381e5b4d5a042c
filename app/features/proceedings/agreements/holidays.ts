/**
 * Vietnam's official days off (Labour Code 2019, art. 112) for 2024–2030, as data: the Law counts the
 * Ministry's 7 working days around them. An organiser cannot edit them; a new year's decision is a
 * code change.
 *
 * Statutory days: 1 January; Tết Nguyên đán, 5 days (the Prime Minister decides which each year);
 * Giỗ Tổ Hùng Vương (10/3 lunar); 30 April; 1 May; Quốc khánh 2 September plus one day before or
 * after. A holiday falling on a Saturday or Sunday gives a compensatory day off on the next working
 * day (art. 112(3)). Civil servants sometimes swap a working day for a Saturday: those Saturdays are
 * working days (WORKING_WEEKENDS).
 *
 * 2024–2026: the days off as decided (the Ministry of Labour's / Home Affairs' announcements).
 * 2027–2030: from the lunar calendar (Tết: 30 Chạp to mùng 4; Giỗ Tổ: 10/3) with the compensatory
 * days by the rule above and no swaps: TO BE CONFIRMED by each year's decision.
 */

/** Weekdays that are days off (weekends are already off). */
export const DAYS_OFF: readonly string[] = [
  // 2024 — Tết 8–14 Feb; 29 Apr swapped with Saturday 4 May; Quốc khánh 2–3 Sep.
  "2024-01-01",
  "2024-02-08",
  "2024-02-09",
  "2024-02-12",
  "2024-02-13",
  "2024-02-14",
  "2024-04-18",
  "2024-04-29",
  "2024-04-30",
  "2024-05-01",
  "2024-09-02",
  "2024-09-03",
  // 2025 — Tết 25 Jan–2 Feb; 2 May swapped with Saturday 26 Apr; Quốc khánh 1–2 Sep.
  "2025-01-01",
  "2025-01-27",
  "2025-01-28",
  "2025-01-29",
  "2025-01-30",
  "2025-01-31",
  "2025-04-07",
  "2025-04-30",
  "2025-05-01",
  "2025-05-02",
  "2025-09-01",
  "2025-09-02",
  // 2026 — Tết 14–22 Feb; Giỗ Tổ on Sunday 26 Apr → Monday 27 Apr; Quốc khánh 1–2 Sep (to be confirmed).
  "2026-01-01",
  "2026-02-16",
  "2026-02-17",
  "2026-02-18",
  "2026-02-19",
  "2026-02-20",
  "2026-04-27",
  "2026-04-30",
  "2026-05-01",
  "2026-09-01",
  "2026-09-02",
  // 2027 — Tết 5–9 Feb (6, 7 on the weekend → 10, 11); 1 May on Saturday → 3 May; Quốc khánh 2–3 Sep.
  "2027-01-01",
  "2027-02-05",
  "2027-02-08",
  "2027-02-09",
  "2027-02-10",
  "2027-02-11",
  "2027-04-16",
  "2027-04-30",
  "2027-05-03",
  "2027-09-02",
  "2027-09-03",
  // 2028 — 1 Jan on Saturday → 3 Jan; Tết 25–29 Jan (29 on Saturday → 31); 30 Apr on Sunday → 2 May;
  // Quốc khánh 1–2 Sep (2 on Saturday → 4 Sep).
  "2028-01-03",
  "2028-01-25",
  "2028-01-26",
  "2028-01-27",
  "2028-01-28",
  "2028-01-31",
  "2028-04-04",
  "2028-05-01",
  "2028-05-02",
  "2028-09-01",
  "2028-09-04",
  // 2029 — Tết 12–16 Feb; Quốc khánh 2 (Sunday) – 3 Sep → 3, 4 Sep.
  "2029-01-01",
  "2029-02-12",
  "2029-02-13",
  "2029-02-14",
  "2029-02-15",
  "2029-02-16",
  "2029-04-23",
  "2029-04-30",
  "2029-05-01",
  "2029-09-03",
  "2029-09-04",
  // 2030 — Tết 1–5 Feb (2, 3 on the weekend → 6, 7); Quốc khánh 2–3 Sep.
  "2030-01-01",
  "2030-02-01",
  "2030-02-04",
  "2030-02-05",
  "2030-02-06",
  "2030-02-07",
  "2030-04-12",
  "2030-04-30",
  "2030-05-01",
  "2030-09-02",
  "2030-09-03",
];

/** Saturdays worked in exchange for a weekday off. */
export const WORKING_WEEKENDS: readonly string[] = ["2024-05-04", "2025-04-26"];

export interface HolidayCalendar {
  daysOff: ReadonlySet<string>;
  workingWeekends: ReadonlySet<string>;
}

export const VIETNAM_HOLIDAYS: HolidayCalendar = {
  daysOff: new Set(DAYS_OFF),
  workingWeekends: new Set(WORKING_WEEKENDS),
};
