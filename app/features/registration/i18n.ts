/**
 * Registration's messages (messages.vi.ts, the source of the keys, and messages.en.ts), and a
 * translate for them joined with the layers below (people and what it builds on), for the
 * models, mails, PDFs and CSV headers. Server-side only: a page gets its messages from its
 * loader (pageMessages in app/http/i18n.server.ts), never from this module.
 */
import { makeTranslate, mergeDictionaries, type Dictionary } from "~/platform/i18n";
import { peopleDictionary, type PeopleKey } from "~/features/people/i18n";
import { registrationEn } from "./messages.en";
import { registrationVi } from "./messages.vi";

export type RegistrationKey = PeopleKey | keyof typeof registrationVi;

/** Registration's own messages, without the layers below. */
export const registrationMessages: Dictionary<keyof typeof registrationVi> = { vi: registrationVi, en: registrationEn };

export const registrationDictionary: Dictionary<RegistrationKey> = mergeDictionaries(
  peopleDictionary,
  registrationMessages,
);

export const translate = makeTranslate(registrationDictionary);
