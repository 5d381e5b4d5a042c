/**
 * The book's settings (proceedings_settings, one row per conference): the chosen sections in order,
 * the title page and the foreword. Without a row, defaults from the conference itself.
 */
import { recordAudit } from "~/platform/audit.server";
import { inTransaction, nowIso } from "~/platform/db.server";
import { formatInstant } from "~/lib/time";
import type { Locale } from "~/platform/i18n";
import { notFound, type Actor, type Db, type Result } from "~/platform/types";
import { PROCEEDINGS_SECTIONS, type DocumentLanguage } from "../rules";
import { cleanSections, type BookSettingsForm } from "./schema";

export interface BookSettings {
  sections: BookSettingsForm["sections"];
  title: string;
  subtitle: string;
  editionLabel: string;
  theme: string;
  datesLabel: string;
  venue: string;
  publisher: string;
  foreword: string;
  language: DocumentLanguage;
  /** Saved by someone (false: the defaults). */
  saved: boolean;
}

interface ConferenceRow {
  edition: number;
  title_vi: string;
  title_en: string;
  theme_vi: string;
  theme_en: string;
  starts_at: string;
  ends_at: string;
  time_zone: string;
  venue_vi: string;
  venue_en: string;
}

/** "13–14/12/2026" style, in the conference's zone. */
export function datesLabelOf(conference: ConferenceRow, locale: Locale): string {
  const from = formatInstant(conference.starts_at, conference.time_zone, locale, "date");
  const to = formatInstant(conference.ends_at, conference.time_zone, locale, "date");
  return from === to ? from : `${from} – ${to}`;
}

/** What a conference's book says when nobody has set anything. */
export function defaultSettings(conference: ConferenceRow, language: DocumentLanguage = "vi"): BookSettings {
  const vi = language === "vi";
  return {
    sections: [...PROCEEDINGS_SECTIONS],
    title: vi ? conference.title_vi : conference.title_en,
    subtitle: "",
    editionLabel: String(conference.edition),
    theme: vi ? conference.theme_vi : conference.theme_en,
    datesLabel: datesLabelOf(conference, language),
    venue: vi ? conference.venue_vi : conference.venue_en,
    publisher: vi
      ? "Bộ Ngoại giao – Nhà xuất bản Chính trị quốc gia Sự thật"
      : "Ministry of Foreign Affairs of Viet Nam",
    foreword: "",
    language,
    saved: false,
  };
}

function parseSections(text: string) {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? cleanSections(value) : [];
  } catch {
    return [];
  }
}

async function conferenceRow(db: Db, conferenceId: number) {
  return db
    .selectFrom("conferences")
    .select([
      "edition",
      "title_vi",
      "title_en",
      "theme_vi",
      "theme_en",
      "starts_at",
      "ends_at",
      "time_zone",
      "venue_vi",
      "venue_en",
    ])
    .where("id", "=", conferenceId)
    .executeTakeFirst();
}

/** The conference's book settings, or its defaults; null when the conference does not exist. */
export async function getBookSettings(db: Db, conferenceId: number): Promise<BookSettings | null> {
  const conference = await conferenceRow(db, conferenceId);
  if (!conference) return null;
  const row = await db
    .selectFrom("proceedings_settings")
    .selectAll()
    .where("conference_id", "=", conferenceId)
    .executeTakeFirst();
  if (!row) return defaultSettings(conference);
  return {
    sections: parseSections(row.sections),
    title: row.title,
    subtitle: row.subtitle,
    editionLabel: row.edition_label,
    theme: row.theme,
    datesLabel: row.dates_label,
    venue: row.venue,
    publisher: row.publisher,
    foreword: row.foreword,
    language: row.language,
    saved: true,
  };
}

/** The settings as saved; empty title-page fields fall back to the conference's own (the cover is never blank). */
export async function effectiveSettings(
  db: Db,
  conferenceId: number,
  language?: DocumentLanguage,
): Promise<BookSettings | null> {
  const conference = await conferenceRow(db, conferenceId);
  const settings = await getBookSettings(db, conferenceId);
  if (!conference || !settings) return null;
  const lang = language ?? settings.language;
  const fallback = defaultSettings(conference, lang);
  // A language other than the one the title page was written in: the conference's own words in it.
  const own = lang === settings.language ? settings : { ...fallback, sections: settings.sections };
  return {
    ...own,
    title: own.title || fallback.title,
    editionLabel: own.editionLabel || fallback.editionLabel,
    theme: own.theme || fallback.theme,
    datesLabel: own.datesLabel || fallback.datesLabel,
    venue: own.venue || fallback.venue,
    publisher: own.publisher || fallback.publisher,
    foreword: lang === settings.language ? settings.foreword : "",
    language: lang,
  };
}

/** Saves the settings (one row per conference) and audits the change. */
export async function saveBookSettings(
  db: Db,
  conferenceId: number,
  input: BookSettingsForm,
  actor: Actor,
): Promise<Result> {
  const conference = await conferenceRow(db, conferenceId);
  if (!conference) return notFound("proceedings.errors.notFound");
  const values = {
    sections: JSON.stringify(input.sections),
    title: input.title,
    subtitle: input.subtitle,
    edition_label: input.editionLabel,
    theme: input.theme,
    dates_label: input.datesLabel,
    venue: input.venue,
    publisher: input.publisher,
    foreword: input.foreword,
    language: input.language,
    updated_by: actor.id,
    updated_at: nowIso(),
  };
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto("proceedings_settings")
      .values({ conference_id: conferenceId, ...values })
      .onConflict((oc) => oc.column("conference_id").doUpdateSet(values))
      .execute();
    await recordAudit(trx, {
      actorId: actor.id,
      action: "proceedings.settings.update",
      entity: "conference",
      entityId: conferenceId,
      detail: { sections: input.sections, language: input.language, foreword: input.foreword.length },
      ip: actor.ip,
    });
  });
  return { ok: true };
}
