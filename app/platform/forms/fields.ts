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
    .pipe(z.string().min(1, msg("errors.required")).regex(/^-?\d+$/, msg("errors.integer")))
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

export type FieldErrors = Record<string, MessageKey | string>;

export type ParseResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** First error per field, keyed by its dotted path ("" for form-level errors). */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".");
    if (!(path in errors)) errors[path] = issue.message;
  }
  return errors;
}

export function parseWith<S extends z.ZodTypeAny>(schema: S, input: unknown): ParseResult<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, data: result.data } : { ok: false, errors: fieldErrors(result.error) };
}

/** Form fields as strings (the last value wins, files are ignored). */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string") values[key] = value;
  }
  return values;
}
