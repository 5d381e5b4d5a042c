import { z } from "zod";
import type { MessageKey } from "~/platform/i18n";
import { cleanText } from "~/lib/text";
import { isValidTimeZone, zonedLocalToUtc } from "~/lib/time";
import { COMMON_PASSWORDS } from "./common-passwords";

/**
 * Field schemas shared by the browser (react-hook-form's zodResolver) and the
 * server (safeParse in actions). Messages are dictionary keys, translated where shown.
 */
export const msg = (key: MessageKey) => key;

/**
 * Single-line text (names, titles, positions): cleanText removes control
 * characters (NUL and the like) and bidirectional overrides and isolates, turns
 * line breaks into spaces, collapses spaces, trims and stores NFC, before the
 * length is checked. Multi-line fields use cleanMultilineText (paragraphText).
 */
export const requiredText = (max = 200) =>
  z
    .string({ required_error: msg("errors.required"), invalid_type_error: msg("errors.required") })
    .transform(cleanText)
    .pipe(z.string().min(1, msg("errors.required")).max(max, msg("errors.tooLong")));

export const optionalText = (max = 500) =>
  z
    .string()
    .optional()
    .transform((v) => cleanText(v ?? ""))
    .pipe(z.string().max(max, msg("errors.tooLong")));

export const email = z
  .string({ required_error: msg("errors.required") })
  .transform((v) => cleanText(v).toLowerCase())
  .pipe(z.string().min(1, msg("errors.required")).max(254, msg("errors.tooLong")).email(msg("errors.email")));

export const newPassword = z
  .string({ required_error: msg("errors.required") })
  .min(1, msg("errors.required"))
  .min(8, msg("errors.passwordTooShort"))
  .max(128, msg("errors.passwordTooLong"))
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), msg("errors.passwordCommon"));

/** A whole number typed in a text or number field. */
export const integerField = (opts: { min?: number; max?: number } = {}) =>
  z
    .union([z.string(), z.number()], { required_error: msg("errors.required") })
    .transform((v) => (typeof v === "number" ? String(v) : v.trim()))
    .pipe(
      z
        .string()
        .min(1, msg("errors.required"))
        .regex(/^-?\d+$/, msg("errors.integer")),
    )
    .transform(Number)
    .pipe(
      z
        .number()
        .int(msg("errors.integer"))
        .min(opts.min ?? Number.MIN_SAFE_INTEGER, opts.min === 1 ? msg("errors.positive") : msg("errors.nonNegative"))
        .max(opts.max ?? Number.MAX_SAFE_INTEGER, msg("errors.tooLong")),
    );

export const timeZone = z
  .string({ required_error: msg("errors.required") })
  .trim()
  .min(1, msg("errors.required"))
  .refine(isValidTimeZone, msg("errors.timeZone"));

/** A datetime-local value ("2021-12-13T08:00") that must be a real wall-clock time. */
export const localDateTime = z
  .string({ required_error: msg("errors.required") })
  .trim()
  .min(1, msg("errors.required"))
  .refine((v) => zonedLocalToUtc(v, "UTC") !== null, msg("errors.dateTime"));

export const optionalLocalDateTime = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim())
  .refine((v) => v === "" || zonedLocalToUtc(v, "UTC") !== null, msg("errors.dateTime"));

// Reading a posted form needs no zod of its own: a route whose action alone parses imports these from ./parse.
export { fieldErrors, formValues, parseWith, type FieldErrors, type ParseResult } from "./parse";
