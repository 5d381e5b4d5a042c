import { z } from "zod";
import { msg, optionalText, requiredText } from "~/platform/forms/fields";
import { DOCUMENT_KINDS, DOCUMENT_LANGUAGES, DOCUMENT_LIMITS } from "../rules";

/**
 * The documents' forms, shared by the browser (useZodForm) and the actions. Posted values are strings;
 * an empty select is "" (no session, no registered author).
 */
const E = "proceedings.documents.errors";

/**
 * A Markdown body: NFC, Unix line breaks, no control characters but tab and line feed; never trimmed at
 * the start (an indented first line is a code block).
 */
export const markdownBody = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .normalize("NFC")
      .replace(/\r\n?/g, "\n")
      // eslint-disable-next-line no-control-regex -- control characters are what this removes
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
      .trimEnd(),
  )
  .pipe(z.string().max(DOCUMENT_LIMITS.body, msg("errors.tooLong")));

/** A row picked in a select: "" is none. */
const optionalId = z
  .union([z.string(), z.number()])
  .optional()
  .transform((v, ctx) => {
    const s = String(v ?? "").trim();
    if (s === "") return null;
    const n = Number(s);
    if (!Number.isSafeInteger(n) || n < 1) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${E}.choice` });
      return z.NEVER;
    }
    return n;
  });

const position = z
  .union([z.string(), z.number()])
  .optional()
  .transform((v, ctx) => {
    const s = String(v ?? "").trim();
    if (s === "") return 0;
    if (!/^\d{1,4}$/.test(s)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${E}.position` });
      return z.NEVER;
    }
    return Number(s);
  });

export const documentSchema = z
  .object({
    title: requiredText(DOCUMENT_LIMITS.title),
    kind: z.enum(DOCUMENT_KINDS, { errorMap: () => ({ message: `${E}.kind` }) }),
    language: z.enum(DOCUMENT_LANGUAGES, { errorMap: () => ({ message: `${E}.language` }) }),
    sessionId: optionalId,
    authorRegistrationId: optionalId,
    authorName: optionalText(200),
    position,
    body: markdownBody,
  })
  .superRefine((value, ctx) => {
    if (value.kind === "summary" && value.sessionId === null)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["sessionId"], message: `${E}.summaryNeedsSession` });
  });
export type DocumentInput = z.output<typeof documentSchema>;

/** A rapporteur's summary: the language and the text (the session is the page's). */
export const summarySchema = z.object({
  language: z.enum(DOCUMENT_LANGUAGES, { errorMap: () => ({ message: `${E}.language` }) }),
  body: markdownBody.pipe(z.string().min(1, msg("errors.required"))),
});
export type SummaryInput = z.output<typeof summarySchema>;

export const captionSchema = z.object({ caption: optionalText(300) });
