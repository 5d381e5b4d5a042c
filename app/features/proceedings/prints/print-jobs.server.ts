/**
 * The printed matter rendered: the whole conference's prints as background jobs' handlers
 * (app/cli/job-kinds.ts) with progress, and the small prints (one session's sheet, one head table's
 * plates) that stay in their request.
 */
import { z } from "zod";
import { ORGANISATION_KINDS } from "~/auth/roles";
import { nowIso } from "~/lib/clock";
import { LOCALES, type Locale } from "~/platform/i18n";
import type { JobResult } from "~/platform/jobs/protocol";
import { renderPdf } from "~/platform/pdf/render.server";
import type { Db, MessageParams } from "~/platform/types";
import type { SectionContext } from "../book/section";
import { translate } from "../i18n";
import { NAME_PLATES_JOB, PARTICIPANT_LIST_JOB, SIGN_IN_SHEETS_JOB } from "../rules";
import { namePlatesDocument } from "./name-plates";
import { participantListDocument } from "./participants-pdf";
import { loadParticipants, loadPrintConference, type PrintConference } from "./participants.server";
import { loadPlateRows, loadSheetSessions, type PlateScope, type SheetScope } from "./prints.server";
import { sheetPageCount, signInSheetsDocument } from "./sign-in-sheets";

export { NAME_PLATES_JOB, PARTICIPANT_LIST_JOB, SIGN_IN_SHEETS_JOB };

const locale = z.enum(LOCALES as unknown as [Locale, ...Locale[]]);
export const participantListInput = z.object({ locale });
/** "all" or one organisation kind. */
export const namePlatesInput = z.object({ locale, kind: z.enum(["all", ...ORGANISATION_KINDS]).default("all") });
/** "all" or one day of the conference (YYYY-MM-DD in its zone). */
export const signInSheetsInput = z.object({
  locale,
  day: z.union([z.literal("all"), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]).default("all"),
});

type Report = (progress: number, step: string, params?: MessageParams) => void;

/** A section context for a print outside the book (A4 portrait, 56 pt margins: 483 pt of text). */
export function printContext(lang: Locale, conference: Pick<PrintConference, "time_zone">): SectionContext {
  return {
    locale: lang,
    timeZone: conference.time_zone,
    t: (key, params) => translate(lang, key, params),
    contentWidth: 595.28 - 112,
  };
}

export const fileNames = {
  participants: (edition: number) => `danh-sach-dai-bieu-${edition}.pdf`,
  plates: (edition: number, what: string) => `bien-ten-${what}-${edition}.pdf`,
  sheets: (edition: number, what: string) => `danh-sach-ky-ten-${what}-${edition}.pdf`,
};

async function conferenceOf(db: Db, conferenceId: number): Promise<PrintConference> {
  const conference = await loadPrintConference(db, conferenceId);
  if (!conference) throw new Error("proceedings.prints.error.noConference");
  return conference;
}

const title = (lang: Locale, c: PrintConference) => (lang === "en" ? c.title_en : c.title_vi);

/** Reports the drawing every tenth of the way, as "printing done/total". */
function drawing(report: Report, total: number) {
  let last = -1;
  return (fraction: number) => {
    const tenth = Math.floor(fraction * 10);
    if (tenth <= last) return;
    last = tenth;
    report(5 + fraction * 94, "proceedings.prints.job.drawing", {
      done: Math.min(total, Math.ceil(fraction * total)),
      total,
    });
  };
}

export async function renderParticipantList(
  db: Db,
  conferenceId: number,
  raw: unknown,
  report: Report,
): Promise<JobResult> {
  const input = participantListInput.parse(raw);
  report(1, "proceedings.prints.job.reading");
  const data = await loadParticipants(db, conferenceId);
  if (!data) throw new Error("proceedings.prints.error.noConference");
  const total = data.participants.length;
  report(5, "proceedings.prints.job.layout", { total });
  const ctx = printContext(input.locale, data.conference);
  const bytes = await renderPdf(participantListDocument(data, ctx, nowIso()), { onProgress: drawing(report, total) });
  return {
    bytes,
    name: fileNames.participants(data.conference.edition),
    type: "application/pdf",
    meta: { participants: total },
  };
}

/** Name plates of a scope, rendered (a head table in the request, everyone in the job). */
export async function renderPlates(
  db: Db,
  conferenceId: number,
  lang: Locale,
  scope: PlateScope,
  onProgress?: (total: number) => (fraction: number) => void,
): Promise<{ bytes: Buffer; name: string; count: number } | null> {
  const conference = await conferenceOf(db, conferenceId);
  const rows = await loadPlateRows(db, conferenceId, scope);
  if (rows.length === 0) return null;
  const what = "sessionId" in scope ? `phien-${scope.sessionId}` : "kind" in scope ? scope.kind : "tat-ca";
  const ctx = printContext(lang, conference);
  const bytes = await renderPdf(namePlatesDocument(rows, ctx, title(lang, conference)), {
    onProgress: onProgress?.(rows.length),
  });
  return { bytes, name: fileNames.plates(conference.edition, what), count: rows.length };
}

export async function renderNamePlates(db: Db, conferenceId: number, raw: unknown, report: Report): Promise<JobResult> {
  const input = namePlatesInput.parse(raw);
  report(1, "proceedings.prints.job.reading");
  const scope: PlateScope = input.kind === "all" ? { all: true } : { kind: input.kind };
  const done = await renderPlates(db, conferenceId, input.locale, scope, (total) => {
    report(5, "proceedings.prints.job.layout", { total });
    return drawing(report, total);
  });
  if (!done) throw new Error("proceedings.prints.error.nobody");
  return { bytes: done.bytes, name: done.name, type: "application/pdf", meta: { plates: done.count } };
}

/** Sign-in sheets of a scope, rendered (one session in the request, a day or all in the job). */
export async function renderSheets(
  db: Db,
  conferenceId: number,
  lang: Locale,
  scope: SheetScope,
  onProgress?: (total: number) => (fraction: number) => void,
): Promise<{ bytes: Buffer; name: string; sessions: number; pages: number } | null> {
  const conference = await conferenceOf(db, conferenceId);
  const sessions = await loadSheetSessions(db, conferenceId, conference.time_zone, scope);
  if (sessions.length === 0) return null;
  const what = "sessionId" in scope ? `phien-${scope.sessionId}` : "day" in scope ? scope.day : "tat-ca";
  const ctx = printContext(lang, conference);
  const bytes = await renderPdf(signInSheetsDocument(sessions, ctx, title(lang, conference)), {
    onProgress: onProgress?.(sessions.length),
  });
  return {
    bytes,
    name: fileNames.sheets(conference.edition, what),
    sessions: sessions.length,
    pages: sheetPageCount(sessions),
  };
}

export async function renderSignInSheets(
  db: Db,
  conferenceId: number,
  raw: unknown,
  report: Report,
): Promise<JobResult> {
  const input = signInSheetsInput.parse(raw);
  report(1, "proceedings.prints.job.reading");
  const scope: SheetScope = input.day === "all" ? { all: true } : { day: input.day };
  const done = await renderSheets(db, conferenceId, input.locale, scope, (total) => {
    report(5, "proceedings.prints.job.layout", { total });
    return drawing(report, total);
  });
  if (!done) throw new Error("proceedings.prints.error.noSessions");
  return {
    bytes: done.bytes,
    name: done.name,
    type: "application/pdf",
    meta: { sessions: done.sessions, pages: done.pages },
  };
}
