/**
 * The proceedings as a job's handler (and the CLI's renderer): reads the settings, loads and builds
 * each chosen section (progress by section), then draws the book (progress while pdfmake draws).
 * A section that fails to load or build becomes a visible marker; a definition pdfmake cannot draw
 * is narrowed down to the sections at fault, which become markers too: the book is always produced.
 */
import { z } from "zod";
import { foldForSearch } from "~/lib/text";
import type { Locale } from "~/platform/i18n";
import type { JobResult } from "~/platform/jobs/protocol";
import { renderPdf } from "~/platform/pdf/render.server";
import type { Db, MessageParams } from "~/platform/types";
import { translate } from "../i18n";
import { DOCUMENT_LANGUAGES, PROCEEDINGS_JOB, type ProceedingsSection } from "../rules";
import { bookDocument, marker, type BookData } from "./book-document";
import { CONTENT_WIDTH } from "./layout";
import type { BookSection, SectionContext } from "./section";
import { ASSEMBLED, SECTION_MAKERS } from "./sections.server";
import { effectiveSettings } from "./settings.server";

export const proceedingsInput = z.object({ language: z.enum(DOCUMENT_LANGUAGES).optional() });
export type ProceedingsInput = z.infer<typeof proceedingsInput>;

type Report = (progress: number, step: string, params?: MessageParams) => void;

/** Share of the progress bar for reading the sections; the drawing takes the rest. */
const LOADING_SHARE = 30;

export function sectionContext(locale: Locale, timeZone: string): SectionContext {
  return {
    locale,
    timeZone,
    t: (key, params) => translate(locale, key, params),
    contentWidth: CONTENT_WIDTH,
  };
}

/** "ky-yeu-20-v3.pdf": the edition in plain letters, the version number. */
export function bookFileName(editionLabel: string, version: number): string {
  const edition =
    foldForSearch(editionLabel)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "hoi-nghi";
  return `ky-yeu-${edition}-v${version}.pdf`;
}

/** The version this rendering will be: one more than the finished ones. */
async function nextVersion(db: Db, conferenceId: number): Promise<number> {
  const row = await db
    .selectFrom("jobs")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("kind", "=", PROCEEDINGS_JOB)
    .where("conference_id", "=", conferenceId)
    .where("state", "=", "done")
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

function failedSection(id: ProceedingsSection, ctx: SectionContext, error: unknown): BookSection {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    id,
    title: ctx.t(`proceedings.section.${id}`),
    content: [marker(ctx.t("proceedings.book.marker.section", { reason: reason.slice(0, 200) }))],
  };
}

/** Draws the book; when pdfmake throws, finds the sections it cannot draw alone and marks them. */
async function drawSafely(data: BookData, ctx: SectionContext, onProgress: (fraction: number) => void) {
  let pages = 0;
  const draw = (d: BookData, progress?: (f: number) => void) =>
    renderPdf(bookDocument(d, ctx, { onPageCount: (n) => (pages = n) }), { onProgress: progress });
  try {
    const bytes = await draw(data, onProgress);
    return { bytes, pages };
  } catch {
    const sections: BookSection[] = [];
    for (const section of data.sections) {
      try {
        await draw({ ...data, order: [section.id], sections: [section] });
        sections.push(section);
      } catch (inner) {
        sections.push(failedSection(section.id, ctx, inner));
      }
    }
    let foreword = data.foreword;
    if (foreword) {
      try {
        await draw({ ...data, order: ["foreword"], sections: [] });
      } catch {
        foreword = "";
      }
    }
    const bytes = await draw({ ...data, foreword, sections }, onProgress);
    return { bytes, pages };
  }
}

export async function renderProceedings(
  db: Db,
  conferenceId: number,
  rawInput: unknown,
  report: Report,
): Promise<JobResult> {
  const input = proceedingsInput.parse(rawInput ?? {});
  report(1, "proceedings.book.step.reading");
  const conference = await db
    .selectFrom("conferences")
    .select(["time_zone"])
    .where("id", "=", conferenceId)
    .executeTakeFirst();
  const settings = await effectiveSettings(db, conferenceId, input.language);
  if (!conference || !settings) throw new Error("proceedings.errors.notFound");
  const language = settings.language;
  const ctx = sectionContext(language, conference.time_zone);

  const toBuild = settings.sections.filter((id) => !ASSEMBLED.has(id) && SECTION_MAKERS[id]);
  const sections: BookSection[] = [];
  for (const [i, id] of toBuild.entries()) {
    report(1 + (i / Math.max(1, toBuild.length)) * (LOADING_SHARE - 1), `proceedings.book.step.${id}`, {
      n: i + 1,
      total: toBuild.length,
    });
    try {
      sections.push(await SECTION_MAKERS[id]!(db, conferenceId, ctx, language));
    } catch (error) {
      sections.push(failedSection(id, ctx, error));
    }
  }
  const order = settings.sections.filter((id) => ASSEMBLED.has(id) || sections.some((s) => s.id === id));
  const data: BookData = {
    titlePage: settings,
    foreword: settings.foreword,
    order,
    sections,
  };
  report(LOADING_SHARE, "proceedings.book.step.drawing", { percent: 0 });
  let lastPercent = -1;
  const { bytes, pages } = await drawSafely(data, ctx, (fraction) => {
    const percent = Math.floor(fraction * 100);
    if (percent === lastPercent) return;
    lastPercent = percent;
    report(LOADING_SHARE + fraction * (99 - LOADING_SHARE), "proceedings.book.step.drawing", { percent });
  });
  const version = await nextVersion(db, conferenceId);
  return {
    bytes,
    name: bookFileName(settings.editionLabel, version),
    type: "application/pdf",
    meta: { pages, sections: order, language, version },
  };
}
