/**
 * One source of "now" for the app, the demo seed and the tests. CLOCK_OFFSET (for example
 * "+365d", "-2h", "+90m") moves it, so the whole suite can run as if it were a year later and
 * no date written into a test or the seed goes stale. Sign-in sessions use it too (our own
 * validateSession in app/auth/lucia.server.ts); only the mailer's back-off keeps real time.
 */
const UNIT_MS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };

/** "+365d" → 31,536,000,000; an empty or missing value is 0; anything else is an error. */
export function parseClockOffset(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return 0;
  const match = /^([+-]?)(\d+)([dhms])$/.exec(value.trim());
  if (!match) throw new Error(`CLOCK_OFFSET must look like +365d, -2h, +90m or +30s, not "${value}"`);
  const ms = Number(match[2]) * UNIT_MS[match[3]];
  return match[1] === "-" ? -ms : ms;
}

const fromEnv = typeof process !== "undefined" && process.env ? process.env.CLOCK_OFFSET : undefined;
const offsetMs = parseClockOffset(fromEnv);

/** The current instant, moved by CLOCK_OFFSET. */
export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

export function nowMs(): number {
  return Date.now() + offsetMs;
}

export const nowIso = (): string => now().toISOString();

/** How far the clock is moved, in milliseconds (0 unless CLOCK_OFFSET is set). */
export function clockOffsetMs(): number {
  return offsetMs;
}
