/**
 * The exhibition's messages (messages.vi.ts, the source of the keys, joining each part's own file:
 * plan/, applications/, allocator/, allocation/, catalogue/), and a translate for them joined with
 * the layers below (registration and people), for models, mails, PDFs and CSV headers.
 * Server-side only: a page gets its messages from its loader, never from this module.
 */
import { makeTranslate, mergeDictionaries, type Dictionary } from "~/platform/i18n";
import { registrationDictionary, type RegistrationKey } from "~/features/registration/i18n";
import { exhibitionEn } from "./messages.en";
import { exhibitionVi } from "./messages.vi";

export type ExhibitionKey = RegistrationKey | keyof typeof exhibitionVi;

/** The exhibition's own messages, without the layers below. */
export const exhibitionMessages: Dictionary<keyof typeof exhibitionVi> = { vi: exhibitionVi, en: exhibitionEn };

export const exhibitionDictionary: Dictionary<ExhibitionKey> = mergeDictionaries(
  registrationDictionary,
  exhibitionMessages,
);

export const translate = makeTranslate(exhibitionDictionary);
