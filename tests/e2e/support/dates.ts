/**
 * Dates for the browser tests, from the app's one clock (app/lib/clock.ts, moved by
 * CLOCK_OFFSET) and formatted here independently of the app, in Hà Nội time.
 */
import { now, nowIso } from "../../../app/lib/clock";
import { demoConferenceDates } from "../../../seeds/seed";

export { now, nowIso };

const ZONE = "Asia/Ho_Chi_Minh";

function parts(at: Date | string) {
  const values = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: ZONE,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  );
  return values as Record<"year" | "month" | "day" | "hour" | "minute", string>;
}

/** "01/12/2026": the day in Hà Nội, as the Vietnamese pages write it. */
export function hanoiDay(at: Date | string = now()): string {
  const p = parts(at);
  return `${p.day}/${p.month}/${p.year}`;
}

/** "2026-12-01": the day in Hà Nội, as file names carry it. */
export function hanoiIsoDay(at: Date | string = now()): string {
  const p = parts(at);
  return `${p.year}-${p.month}-${p.day}`;
}

/** "08:05" in Hà Nội. */
export function hanoiTime(at: Date | string = now()): string {
  const p = parts(at);
  return `${p.hour}:${p.minute}`;
}

/** "2027-12-10T17:00": a datetime-local field's value in Hà Nội time. */
export function hanoiLocalInput(at: Date | string): string {
  return `${hanoiIsoDay(at)}T${hanoiTime(at)}`;
}

/** The demo conference's dates as the seed chose them from the same clock (13–14 December). */
export function demoConference() {
  return demoConferenceDates(now());
}

export const DAY_MS = 86_400_000;
