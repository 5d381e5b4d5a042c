/**
 * The proceedings' messages (messages.vi.ts, the source of the keys, joining each part's own file:
 * documents/, agreements/, book/, prints/), and a translate for them joined with every feature below
 * (the book gathers all of them), for models, PDFs and CSV headers.
 * Server-side only: a page gets its messages from its loader, never from this module.
 */
import { makeTranslate, mergeDictionaries, type Dictionary } from "~/platform/i18n";
import { exhibitionMessages, type ExhibitionKey } from "~/features/exhibition/i18n";
import { meetingsDictionary, type MeetingsKey } from "~/features/meetings/i18n";
import { proceedingsEn } from "./messages.en";
import { proceedingsVi } from "./messages.vi";

export type ProceedingsKey = MeetingsKey | ExhibitionKey | keyof typeof proceedingsVi;

/** The proceedings' own messages, without the layers below. */
export const proceedingsMessages: Dictionary<keyof typeof proceedingsVi> = { vi: proceedingsVi, en: proceedingsEn };

export const proceedingsDictionary: Dictionary<ProceedingsKey> = mergeDictionaries(
  meetingsDictionary,
  exhibitionMessages,
  proceedingsMessages,
);

export const translate = makeTranslate(proceedingsDictionary);
