/**
 * People's messages and a translate for them. Accounts, invitations, sign-in, organisations and
 * the conference speak through the platform's core for now (app/platform/i18n/messages.vi.ts),
 * so the dictionary is the platform's; a messages.vi.ts here would join it with mergeDictionaries.
 * Server-side only (models, mail): pages get their messages from the loaders.
 */
import { makeTranslate, type MessageKey } from "~/platform/i18n";
import { platformDictionary } from "~/platform/i18n/dictionary";

export type PeopleKey = MessageKey;

export const peopleDictionary = platformDictionary;

export const translate = makeTranslate(peopleDictionary);
