import { z } from "zod";
import { cleanMultilineText } from "~/lib/text";
import { msg, optionalText } from "~/platform/forms/fields";
import { DOCUMENT_LANGUAGES, PROCEEDINGS_SECTIONS, type ProceedingsSection } from "../rules";

/** Bounds of the title page's fields and the foreword (the migration checks the foreword's). */
export const BOOK_LIMITS = { title: 300, line: 300, foreword: 60_000 };

/** The chosen sections, in order: each known once (unknown or repeated ones are dropped). */
export function cleanSections(values: readonly unknown[]): ProceedingsSection[] {
  const seen = new Set<ProceedingsSection>();
  for (const value of values) {
    if ((PROCEEDINGS_SECTIONS as readonly unknown[]).includes(value)) seen.add(value as ProceedingsSection);
  }
  return [...seen];
}

/**
 * The builder's form: the sections (the action reads the ticked checkboxes with getAll and keeps
 * the order of the hidden `order` field), the title page and the foreword in Markdown. Shared by
 * the browser (useZodForm) and the action.
 */
export const bookSettingsSchema = z.object({
  sections: z
    .array(z.string())
    .transform(cleanSections)
    .pipe(z.array(z.enum(PROCEEDINGS_SECTIONS)).min(1, msg("errors.required"))),
  title: optionalText(BOOK_LIMITS.title),
  subtitle: optionalText(BOOK_LIMITS.line),
  editionLabel: optionalText(BOOK_LIMITS.line),
  theme: optionalText(BOOK_LIMITS.line),
  datesLabel: optionalText(BOOK_LIMITS.line),
  venue: optionalText(BOOK_LIMITS.line),
  publisher: optionalText(BOOK_LIMITS.line),
  foreword: z
    .string()
    .optional()
    .transform((v) => cleanMultilineText(v ?? ""))
    .pipe(z.string().max(BOOK_LIMITS.foreword, msg("errors.tooLong"))),
  language: z.enum(DOCUMENT_LANGUAGES, { errorMap: () => ({ message: msg("errors.required") }) }),
});
export type BookSettingsForm = z.output<typeof bookSettingsSchema>;

/** The same form's fields as the browser checks them (the sections are checkboxes outside react-hook-form). */
export const bookTitlePageSchema = bookSettingsSchema.omit({ sections: true });

/** One section moved up or down in the order (the no-JavaScript buttons). */
export function moveSection(
  order: readonly ProceedingsSection[],
  section: ProceedingsSection,
  direction: "up" | "down",
): ProceedingsSection[] {
  const list = [...order];
  const at = list.indexOf(section);
  const to = direction === "up" ? at - 1 : at + 1;
  if (at < 0 || to < 0 || to >= list.length) return list;
  [list[at], list[to]] = [list[to], list[at]];
  return list;
}
