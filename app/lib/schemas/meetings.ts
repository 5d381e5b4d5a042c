import { z } from "zod";
import { integerField, msg, optionalText, requiredText } from "./common";

/** A province's or ministry's request for a bilateral meeting (shared by the browser and the action). */
export const meetingRequestSchema = z.object({
  toOrganisationId: integerField({ min: 1 }),
  sector: requiredText(120),
  ask: requiredText(1000),
  priority: z.enum(["1", "2", "3"], { errorMap: () => ({ message: "meetingsDelegate.errors.priority" }) }).transform((p) => Number(p) as 1 | 2 | 3),
});
export type MeetingRequestForm = z.output<typeof meetingRequestSchema>;

/** A mission's answer: declining needs a reason for the requester. */
export const meetingAnswerSchema = z
  .object({
    requestId: integerField({ min: 1 }),
    decision: z.enum(["accept", "decline"], { errorMap: () => ({ message: msg("errors.required") }) }),
    reason: optionalText(500),
  })
  .refine((a) => a.decision === "accept" || a.reason.length > 0, { path: ["reason"], message: "meetings.errors.reasonRequired" });

/** The mission's maximum number of meetings; empty means no limit. */
export const maxMeetingsSchema = z.object({
  maxMeetings: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v === "" || /^\d{1,3}$/.test(v), "errors.integer")
    .transform((v) => (v === "" ? null : Number(v))),
});
