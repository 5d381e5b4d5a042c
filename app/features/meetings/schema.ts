import { z } from "zod";
import { cleanMultilineText } from "../../lib/text";
import { integerField, msg, optionalText, requiredText } from "../../platform/forms/fields";
import { MEETING_PRIORITIES, MEETING_SECTORS, sectorCode, type MeetingPriority } from "./rules";

/** A sector from the list: its code (a label in either language is read as its code). */
const sectorField = z
  .string({ required_error: "meetingsDelegate.errors.sector" })
  .transform((v) => sectorCode(v) ?? "")
  .pipe(z.enum(MEETING_SECTORS, { errorMap: () => ({ message: "meetingsDelegate.errors.sector" }) }));

/** A province's or ministry's request for a bilateral meeting (shared by the browser and the action). */
export const meetingRequestSchema = z.object({
  toOrganisationId: integerField({ min: 1 }),
  sector: sectorField,
  ask: requiredText(1000),
  priority: z
    .enum(MEETING_PRIORITIES, { errorMap: () => ({ message: "meetingsDelegate.errors.priority" }) })
    .transform((p) => Number(p) as MeetingPriority),
});
export type MeetingRequestForm = z.output<typeof meetingRequestSchema>;

/** A mission's answer: declining needs a reason for the requester. */
export const meetingAnswerSchema = z
  .object({
    requestId: integerField({ min: 1 }),
    decision: z.enum(["accept", "decline"], { errorMap: () => ({ message: msg("errors.required") }) }),
    reason: optionalText(500),
  })
  .refine((a) => a.decision === "accept" || a.reason.length > 0, {
    path: ["reason"],
    message: "meetings.errors.reasonRequired",
  });

/** The mission's maximum number of meetings; empty means no limit. */
export const maxMeetingsSchema = z.object({
  maxMeetings: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v === "" || /^\d{1,3}$/.test(v), "errors.integer")
    .transform((v) => (v === "" ? null : Number(v))),
});

/**
 * The slots a party is available in: the ticked checkboxes' slot ids (none
 * ticked is a valid answer: available in no slot). The action reads them with
 * FormData.getAll, since a checkbox group sends one value per ticked box.
 */
export const availabilitySchema = z.object({
  slotIds: z.array(integerField({ min: 1 })).max(1000, msg("errors.tooLong")),
});

/** Text kept as paragraphs: NFC, line breaks kept (CRLF → LF), other controls and bidi overrides removed, spaces and blank lines tidied, trimmed. */
export const paragraphText = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) =>
      cleanMultilineText(v ?? "")
        .replace(/[^\S\n]+/g, " ")
        .replace(/ ?\n ?/g, "\n")
        .replace(/\n{3,}/g, "\n\n")
        .trim(),
    )
    .pipe(z.string().max(max, msg("errors.tooLong")));

/** A meeting's outcome and follow-up, written by either party after it has started: at least one of the two. */
export const meetingOutcomeSchema = z
  .object({
    meetingId: integerField({ min: 1 }),
    outcome: paragraphText(2000),
    followUp: paragraphText(2000),
  })
  .refine((o) => o.outcome.length > 0 || o.followUp.length > 0, {
    path: ["outcome"],
    message: "meetingsDelegate.errors.outcomeEmpty",
  });
export type MeetingOutcomeForm = z.output<typeof meetingOutcomeSchema>;

/**
 * The sectors a mission or partner covers: codes ticked in the list (the action reads the
 * checkbox group with FormData.getAll), and a free note for what the list does not name.
 */
export const sectorsSchema = z.object({
  codes: z.array(z.enum(MEETING_SECTORS, { errorMap: () => ({ message: "meetingsDelegate.errors.sector" }) })),
  note: optionalText(300),
});
export type SectorsForm = z.output<typeof sectorsSchema>;
