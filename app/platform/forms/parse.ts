import type { z } from "zod";
import type { MessageKey } from "~/platform/i18n";

/**
 * Reading a posted form: no zod at run time here (the schema brings its own), so a page
 * whose action alone parses a form (the programme's sign-up buttons) sends no zod to the
 * browser by importing these. ./fields re-exports them beside the field schemas.
 */

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
