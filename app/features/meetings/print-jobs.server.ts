/**
 * The meetings' two long prints as background jobs' handlers (app/cli/job-kinds.ts): every party's
 * schedule and every placed meeting's table sign, for the whole conference. The prints of one party
 * or one slot are small and stay in their request.
 */
import { z } from "zod";
import { LOCALES, type Locale } from "~/platform/i18n";
import type { JobResult } from "~/platform/jobs/protocol";
import { renderPdf } from "~/platform/pdf/render.server";
import type { Db, MessageParams } from "~/platform/types";
import { partySchedules } from "./meeting-grid.server";
import { meetingPrints } from "./meeting-prints.server";
import { meetingScheduleDocument } from "./pdf/meeting-schedule";
import { meetingTableSignsDocument } from "./pdf/meeting-table-signs";

export const MEETING_SCHEDULES_JOB = "meetings.schedules";
export const MEETING_SIGNS_JOB = "meetings.signs";

const printInput = z.object({ locale: z.enum(LOCALES as unknown as [Locale, ...Locale[]]) });
type Report = (progress: number, step: string, params?: MessageParams) => void;

export const schedulesFileName = (edition: number) => `lich-gap-song-phuong-${edition}.pdf`;
export const signsFileName = (edition: number) => `bien-ban-gap-song-phuong-${edition}.pdf`;

async function conferenceOf(db: Db, conferenceId: number) {
  const conference = await db
    .selectFrom("conferences")
    .select(["edition", "title_vi", "title_en", "time_zone"])
    .where("id", "=", conferenceId)
    .executeTakeFirst();
  if (!conference) throw new Error("error.notFound.title");
  return conference;
}

/** The share of pages drawn, reported every tenth of the way (pdfmake calls back per item). */
function everyTenth(report: (done: number) => void) {
  let last = -1;
  return (fraction: number) => {
    const tenth = Math.floor(fraction * 10);
    if (tenth > last) {
      last = tenth;
      report(fraction);
    }
  };
}

/** Every party's meeting schedule, a page per party (GET /admin/meetings/schedule.pdf without ?party=). */
export async function renderMeetingSchedules(
  db: Db,
  conferenceId: number,
  raw: unknown,
  report: Report,
): Promise<JobResult> {
  const { locale } = printInput.parse(raw);
  report(1, "meetingsPrints.job.reading");
  const conference = await conferenceOf(db, conferenceId);
  const parties = await partySchedules(conferenceId);
  if (parties.length === 0) throw new Error("meetingsAdmin.pdfNothing");
  report(5, "meetingsPrints.job.layout", { total: parties.length });
  const bytes = await renderPdf(meetingScheduleDocument(parties, { locale, conference }), {
    onProgress: everyTenth((fraction) =>
      report(5 + fraction * 94, "meetingsPrints.job.schedules", {
        done: Math.min(parties.length, Math.ceil(fraction * parties.length)),
        total: parties.length,
      }),
    ),
  });
  return { bytes, name: schedulesFileName(conference.edition), type: "application/pdf" };
}

/** A table sign per placed meeting, a page each (GET /admin/meetings/signs.pdf without ?slot=). */
export async function renderMeetingSigns(
  db: Db,
  conferenceId: number,
  raw: unknown,
  report: Report,
): Promise<JobResult> {
  const { locale } = printInput.parse(raw);
  report(1, "meetingsPrints.job.reading");
  const conference = await conferenceOf(db, conferenceId);
  const prints = await meetingPrints(conferenceId);
  if (!prints.ok) throw new Error(prints.refusal.key);
  if (prints.meetings.length === 0) throw new Error("meetingsPrints.nothing");
  const total = prints.meetings.length;
  report(5, "meetingsPrints.job.layout", { total });
  const bytes = await renderPdf(meetingTableSignsDocument(prints.meetings, { locale, conference }), {
    onProgress: everyTenth((fraction) =>
      report(5 + fraction * 94, "meetingsPrints.job.signs", {
        done: Math.min(total, Math.ceil(fraction * total)),
        total,
      }),
    ),
  });
  return { bytes, name: signsFileName(conference.edition), type: "application/pdf" };
}
