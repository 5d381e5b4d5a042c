import { z } from "zod";
import { SESSION_KINDS } from "./rules";
import { checkbox } from "../registration/schema";
import { integerField, optionalText, requiredText } from "../../platform/forms/fields";
import { keyed } from "../../platform/i18n";
import type { AgendaKey } from "./i18n";

const msg = keyed<AgendaKey>();

const choice = { errorMap: () => ({ message: msg("errors.choice") }) };

/** An optional web address for an online stream (https or http only). */
export const streamUrl = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim())
  .refine((v) => v === "" || /^https?:\/\/[^\s]+$/i.test(v), msg("agenda.errors.url"))
  .transform((v) => (v === "" ? null : v));

const optionalInteger = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim())
  .refine((v) => v === "" || /^\d{1,6}$/.test(v), msg("errors.integer"))
  .transform((v) => (v === "" ? null : Number(v)));

export const roomSchema = z.object({
  nameVi: requiredText(120),
  nameEn: requiredText(120),
  capacity: integerField({ min: 0, max: 100000 }),
  streamUrl,
  notes: optionalText(500),
});
export type RoomInput = z.output<typeof roomSchema>;

const day = z
  .string({ required_error: msg("errors.required") })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, msg("errors.dateTime"));
const clock = z
  .string({ required_error: msg("errors.required") })
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, msg("agenda.errors.time"));

/** A session as the editor's form sends it; times are wall-clock in the conference's zone. */
export const sessionSchema = z.object({
  kind: z.enum(SESSION_KINDS, choice),
  titleVi: requiredText(300),
  titleEn: requiredText(300),
  descriptionVi: optionalText(3000),
  descriptionEn: optionalText(3000),
  day,
  startTime: clock,
  endTime: clock,
  roomId: optionalInteger,
  requiresSignup: checkbox,
  capacity: optionalInteger,
  streamUrl,
});
export type SessionInput = z.output<typeof sessionSchema>;
