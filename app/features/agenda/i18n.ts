/**
 * The agenda's messages (messages.vi.ts, the source of the keys, and messages.en.ts), and a
 * translate for them joined with the layers below (registration and what it builds on), for the
 * models, mails, PDFs and CSV headers. Server-side only: a page gets its messages from its
 * loader (pageMessages in app/http/i18n.server.ts), never from this module.
 */
import { makeTranslate, mergeDictionaries, type Dictionary } from "~/platform/i18n";
import { registrationDictionary, type RegistrationKey } from "~/features/registration/i18n";
import { agendaEn } from "./messages.en";
import { agendaVi } from "./messages.vi";

export type AgendaKey = RegistrationKey | keyof typeof agendaVi;

/** The agenda's own messages, without the layers below. */
export const agendaMessages: Dictionary<keyof typeof agendaVi> = { vi: agendaVi, en: agendaEn };

export const agendaDictionary: Dictionary<AgendaKey> = mergeDictionaries(registrationDictionary, agendaMessages);

export const translate = makeTranslate(agendaDictionary);
