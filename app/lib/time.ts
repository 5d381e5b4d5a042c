/**
 * Time-zone helpers. Instants are stored as ISO-8601 UTC strings; people enter
 * and read wall-clock times in the conference's zone (Asia/Ho_Chi_Minh) and,
 * where it differs, their own.
 */
import type { Locale } from "./locale";

export const CONFERENCE_ZONE = "Asia/Ho_Chi_Minh";

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(zone, f);
  }
  return f;
}

const knownZones = new Set<string>();

export function isValidTimeZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  try {
    partsFormatter(zone);
    knownZones.add(zone);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// A page shows the same few instants (sessions' starts and ends) many times, and formatToParts
// costs microseconds each: the wall clocks already read are kept, up to a bound.
const wallClocks = new Map<string, WallClock>();
const WALL_CLOCKS_KEPT = 20_000;

function wallClock(instant: Date, zone: string): WallClock {
  const key = `${zone}|${instant.getTime()}`;
  let known = wallClocks.get(key);
  if (!known) {
    known = readWallClock(instant, zone);
    if (wallClocks.size >= WALL_CLOCKS_KEPT) wallClocks.clear();
    wallClocks.set(key, known);
  }
  return known;
}

function readWallClock(instant: Date, zone: string): WallClock {
  const parts = Object.fromEntries(
    partsFormatter(zone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Minutes to add to UTC to get the zone's wall clock at that instant (+420 for Hà Nội). */
export function zoneOffsetMinutes(instant: Date, zone: string): number {
  const w = wallClock(instant, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * "2021-12-13T08:00" on the wall clock of `zone` → ISO UTC instant, or null when
 * the text is not a date-time. Resolves DST gaps forward, as calendars do.
 */
export function zonedLocalToUtc(local: string, zone: string): string | null {
  const m = LOCAL_INPUT.exec(local.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0));
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(asUtc);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return null;
  const first = zoneOffsetMinutes(new Date(asUtc - zoneOffsetMinutes(new Date(asUtc), zone) * 60000), zone);
  const second = zoneOffsetMinutes(new Date(asUtc - first * 60000), zone);
  // The two agree unless the wall-clock time falls in a DST gap; then the offset from before the
  // change (the smaller one) moves it forward, whichever side of UTC the zone is.
  return new Date(asUtc - Math.min(first, second) * 60000).toISOString();
}

const pad = (n: number) => String(n).padStart(2, "0");

/** ISO UTC instant → "YYYY-MM-DDTHH:mm" on the wall clock of `zone` (for datetime-local inputs). */
export function utcToZonedLocal(iso: string, zone: string): string {
  const w = wallClock(new Date(iso), zone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** The calendar date ("YYYY-MM-DD") of an instant in a zone. */
export function zonedDate(iso: string, zone: string): string {
  return utcToZonedLocal(iso, zone).slice(0, 10);
}

function intlLocale(locale: Locale): string {
  return locale === "vi" ? "vi-VN" : "en-GB";
}

export type DateStyle = "date" | "time" | "dateTime" | "longDate";

const styleOptions: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { day: "2-digit", month: "2-digit", year: "numeric" },
  longDate: { weekday: "long", day: "numeric", month: "long", year: "numeric" },
  time: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  dateTime: { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
};

// Building an Intl.DateTimeFormat costs far more than using one: keep them.
const displayFormatters = new Map<string, Intl.DateTimeFormat>();

export function formatInstant(iso: string, zone: string, locale: Locale, style: DateStyle = "dateTime"): string {
  const key = `${locale}|${zone}|${style}`;
  let formatter = displayFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(intlLocale(locale), { timeZone: zone, ...styleOptions[style] });
    displayFormatters.set(key, formatter);
  }
  return formatter.format(new Date(iso));
}

/** "GMT+7", "GMT-8", "GMT+5:30": the zone's offset at that instant. */
export function offsetLabel(iso: string, zone: string): string {
  const minutes = zoneOffsetMinutes(new Date(iso), zone);
  if (minutes === 0) return "GMT";
  const sign = minutes > 0 ? "+" : "-";
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `GMT${sign}${h}${m ? `:${pad(m)}` : ""}`;
}

/** A zone's city for display: "America/Los_Angeles" → "Los Angeles". */
export function zoneCity(zone: string): string {
  return (zone.split("/").pop() ?? zone).replace(/_/g, " ");
}

/** True when the two zones show a different wall clock at that instant. */
export function zonesDiffer(iso: string, a: string, b: string): boolean {
  const at = new Date(iso);
  return zoneOffsetMinutes(at, a) !== zoneOffsetMinutes(at, b);
}

/**
 * A date range as people read it: "13/12/2021" for one day, "13/12/2021 – 14/12/2021"
 * otherwise; times added when asked.
 */
export function formatRange(startIso: string, endIso: string, zone: string, locale: Locale, withTime = false): string {
  const sameDay = zonedDate(startIso, zone) === zonedDate(endIso, zone);
  if (!withTime) {
    const a = formatInstant(startIso, zone, locale, "date");
    return sameDay ? a : `${a} – ${formatInstant(endIso, zone, locale, "date")}`;
  }
  if (sameDay) {
    return `${formatInstant(startIso, zone, locale, "date")}, ${formatInstant(startIso, zone, locale, "time")}–${formatInstant(endIso, zone, locale, "time")}`;
  }
  return `${formatInstant(startIso, zone, locale, "dateTime")} – ${formatInstant(endIso, zone, locale, "dateTime")}`;
}
