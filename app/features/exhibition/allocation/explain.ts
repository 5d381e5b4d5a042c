/**
 * The allocator's result in the organisers' words (pure): every exhibitor's wishes met and missed as
 * counts, and the allocator's own notes (why a better wish was not met) translated (zone codes as zone names, "e12" as the exhibitor's name),
 * sorted so that what needs a look comes first: unplaced, then those short of their first zone.
 */
import type { Locale } from "~/platform/i18n";
import { exhibitionDictionary, translate } from "../i18n";
import { ZONES } from "../rules";
import { exhibitorIdOf } from "./instance-build";

export type Names = Map<number, { name_vi: string; name_en: string }>;

type Note = { key: string; params?: Record<string, string | number> };

/** The part of the allocator's explanation of one exhibitor that the page reads. */
export interface ExplanationInput {
  exhibitor: string;
  placed: boolean;
  locked: boolean;
  booths: string[];
  zoneRank: number | null;
  typeMet: boolean | null;
  neighboursMet: string[];
  neighboursMissed: string[];
  apartConflicts: string[];
  notes: Note[];
}

export interface ExplanationRow {
  exhibitorId: number;
  name: string;
  placed: boolean;
  locked: boolean;
  booths: string[];
  /** 1–3, or null: no wished zone (or unplaced). */
  zoneRank: number | null;
  firstZone: boolean;
  typeMet: boolean | null;
  neighboursMet: number;
  neighboursAsked: number;
  apartConflicts: number;
  /** Sentences: what it got, what it did not, and why. */
  lines: string[];
}

const known = (key: string) => Object.prototype.hasOwnProperty.call(exhibitionDictionary.vi, key);

/** An exhibitor's name in the language, or its id when unknown. */
export function nameOf(names: Names, key: string, locale: Locale): string {
  const id = exhibitorIdOf(key);
  const row = id === null ? undefined : names.get(id);
  if (!row) return key;
  return locale === "en" && row.name_en ? row.name_en : row.name_vi;
}

const EXHIBITOR_ID = /\be[1-9]\d*\b/g;

/** A note's parameter as the reader should see it: codes as words, exhibitor ids ("e12, e14 (+2)") as names. */
function readable(name: string, value: string | number, names: Names, locale: Locale): string | number {
  if (typeof value === "number") return value;
  const words = (prefix: string) =>
    value
      .split(/,\s*/)
      .map((code) => (known(`${prefix}.${code}`) ? translate(locale, `${prefix}.${code}`) : code))
      .join(", ");
  if (name === "zone" && (ZONES as readonly string[]).includes(value))
    return translate(locale, `exhibition.zone.${value}`);
  if (name === "type" || name === "types") return words("exhibition.boothType");
  if (name === "category") return words("exhibition.category");
  return value.replace(EXHIBITOR_ID, (id) => nameOf(names, id, locale));
}

/** A note from the allocator in the language; null when its key is unknown (never a raw key on the page). */
export function translateNote(note: Note, names: Names, locale: Locale): string | null {
  if (!known(note.key)) return null;
  const params = Object.fromEntries(
    Object.entries(note.params ?? {}).map(([k, v]) => [k, readable(k, v, names, locale)]),
  );
  return translate(locale, note.key, params);
}

export function explanationRow(e: ExplanationInput, names: Names, locale: Locale, unplaced?: Note): ExplanationRow {
  const lines: string[] = [];
  const reason = unplaced ? translateNote(unplaced, names, locale) : null;
  if (!e.placed)
    lines.push(
      reason
        ? translate(locale, "exhibition.allocation.why.unplaced", { reason })
        : translate(locale, "exhibition.allocation.why.unplacedNoReason"),
    );
  for (const note of e.notes) {
    const line = translateNote(note, names, locale);
    if (line && line !== reason && !lines.includes(line)) lines.push(line);
  }
  return {
    exhibitorId: exhibitorIdOf(e.exhibitor) ?? 0,
    name: nameOf(names, e.exhibitor, locale),
    placed: e.placed,
    locked: e.locked,
    booths: e.booths,
    zoneRank: e.placed ? e.zoneRank : null,
    firstZone: e.placed && e.zoneRank === 1,
    typeMet: e.typeMet,
    neighboursMet: e.neighboursMet.length,
    neighboursAsked: e.neighboursMet.length + e.neighboursMissed.length,
    apartConflicts: e.apartConflicts.length,
    lines,
  };
}

/** Unplaced first, then placed outside the first zone, then the rest; by name within each (Vietnamese order). */
export function sortExplanations(rows: ExplanationRow[]): ExplanationRow[] {
  const collator = new Intl.Collator("vi");
  const rank = (r: ExplanationRow) => (!r.placed ? 0 : r.firstZone ? 2 : 1);
  return [...rows].sort((a, b) => rank(a) - rank(b) || collator.compare(a.name, b.name));
}
