import type { Locale } from "~/lib/locale";

/** A calendar date (YYYY-MM-DD) as people read it: "02/12/2026", "2 Dec 2026". The CSV keeps YYYY-MM-DD. */
export function formatCalendarDate(day: string, locale: Locale): string {
  const [y, m, d] = day.split("-").map(Number);
  if (!y || !m || !d) return day;
  const date = new Date(Date.UTC(y, m - 1, d, 12));
  return locale === "vi"
    ? `${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}/${y}`
    : new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" }).format(
        date,
      );
}
