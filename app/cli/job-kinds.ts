/**
 * The registry of background job kinds → their handlers, run in the job worker thread
 * (app/platform/jobs). The cli layer may import features; the platform may not, so it lives here.
 */
import { BADGE_BATCH_JOB, renderBadgeBatch } from "~/features/registration/badge-batch.server";
import {
  MEETING_SCHEDULES_JOB,
  MEETING_SIGNS_JOB,
  renderMeetingSchedules,
  renderMeetingSigns,
} from "~/features/meetings/print-jobs.server";
import { renderProceedings } from "~/features/proceedings/book/book.server";
import { PROCEEDINGS_JOB } from "~/features/proceedings/rules";
import {
  NAME_PLATES_JOB,
  PARTICIPANT_LIST_JOB,
  renderNamePlates,
  renderParticipantList,
  renderSignInSheets,
  SIGN_IN_SHEETS_JOB,
} from "~/features/proceedings/prints/print-jobs.server";
import { renderSchedulePreview, SCHEDULE_PREVIEW_JOB } from "~/features/meetings/schedule-preview.server";
import type { JobHandlers } from "~/platform/jobs/worker.server";

export const JOB_HANDLERS: JobHandlers = {
  [BADGE_BATCH_JOB]: (input, { db, conferenceId, report }) => {
    if (conferenceId === null) throw new Error("badges.noConference");
    return renderBadgeBatch(db, conferenceId, input, report);
  },
  [MEETING_SCHEDULES_JOB]: (input, { db, conferenceId, report }) => {
    if (conferenceId === null) throw new Error("error.notFound.title");
    return renderMeetingSchedules(db, conferenceId, input, report);
  },
  [SCHEDULE_PREVIEW_JOB]: (input, { report }) => renderSchedulePreview(input, report),
  [MEETING_SIGNS_JOB]: (input, { db, conferenceId, report }) => {
    if (conferenceId === null) throw new Error("error.notFound.title");
    return renderMeetingSigns(db, conferenceId, input, report);
  },
  [PROCEEDINGS_JOB]: (input, { db, conferenceId, report }) => {
    if (conferenceId === null) throw new Error("proceedings.errors.notFound");
    return renderProceedings(db, conferenceId, input, report);
  },
  [PARTICIPANT_LIST_JOB]: (input, { db, conferenceId, report }) => {
    if (conferenceId === null) throw new Error("proceedings.prints.error.noConference");
    return renderParticipantList(db, conferenceId, input, report);
  },
  [NAME_PLATES_JOB]: (input, { db, conferenceId, report }) => {
    if (conferenceId === null) throw new Error("proceedings.prints.error.noConference");
    return renderNamePlates(db, conferenceId, input, report);
  },
  [SIGN_IN_SHEETS_JOB]: (input, { db, conferenceId, report }) => {
    if (conferenceId === null) throw new Error("proceedings.prints.error.noConference");
    return renderSignInSheets(db, conferenceId, input, report);
  },
};
