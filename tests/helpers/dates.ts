import { nowMs } from "~/lib/clock";
import { utcToZonedLocal, zonedLocalToUtc } from "~/lib/time";

/**
 * Dates for tests, counted from the app's clock (app/lib/clock.ts), so that no test holds a
 * calendar date that goes stale: `CLOCK_OFFSET=+365d npm test` must pass as well as today.
 */
const HA_NOI = "Asia/Ho_Chi_Minh";

/** "YYYY-MM-DDTHH:mm" in Hà Nội, `days` from now, at the given wall-clock time (as the forms take it). */
export function hanoiLocal(days: number, time = "17:00"): string {
  return `${utcToZonedLocal(new Date(nowMs() + days * 86_400_000).toISOString(), HA_NOI).slice(0, 10)}T${time}`;
}

/** The UTC instant the database stores for a Hà Nội wall-clock time. */
export function hanoiToUtc(local: string): string {
  const utc = zonedLocalToUtc(local, HA_NOI);
  if (!utc) throw new Error(`not a Hà Nội time: ${local}`);
  return utc;
}
