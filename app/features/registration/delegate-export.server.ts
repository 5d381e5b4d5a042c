import { toCsvBytes, type Delimiter } from "~/lib/csv";
import type { DelegateFilters } from "~/features/registration/delegate-filters";
import { exportHeader, exportRow } from "~/features/registration/delegate-import";
import type { Locale } from "~/platform/i18n";
import { utcToZonedLocal } from "~/lib/time";
import { delegateColumns, filteredDelegates, sortedDelegates } from "./delegate-list.server";

/** "2026-12-13 08:05" in the conference's zone: a form Excel reads as a date and time. */
const wallClock = (iso: string | null, zone: string) => (iso ? utcToZonedLocal(iso, zone).replace("T", " ") : "");

/**
 * The delegate list as the organiser sees it (same filters and order, every
 * page), as CSV bytes with a UTF-8 BOM so that Excel shows Vietnamese right.
 * Column order is the import's, so the file can be edited and imported back.
 */
export async function exportDelegatesCsv(
  conferenceId: number,
  filters: DelegateFilters,
  options: { locale: Locale; zone: string; delimiter?: Delimiter },
): Promise<{ bytes: Uint8Array<ArrayBuffer>; count: number }> {
  const rows = await sortedDelegates(filteredDelegates(conferenceId, filters), filters)
    .select([...delegateColumns, "r.organiser_note"])
    .execute();
  const table = [
    exportHeader(options.locale),
    ...rows.map((r) =>
      exportRow(
        {
          ...r,
          checked_in_at: wallClock(r.checked_in_at, options.zone),
          registered_at: wallClock(r.created_at, options.zone),
        },
        options.locale,
      ),
    ),
  ];
  return { bytes: toCsvBytes(table, options.delimiter ?? ","), count: rows.length };
}
