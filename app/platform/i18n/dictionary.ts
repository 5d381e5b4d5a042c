/**
 * The platform's dictionary (the shell, navigation, sign-in, accounts, organisations, the
 * conference, errors, the outbox) and a translate for its keys. Server-side only: the browser
 * gets the active language's platform messages from the root loader (app/http/i18n.server.ts).
 */
import { isKeyOf, makeTranslate, type Dictionary, type MessageKey } from "./index";
import { platformEn } from "./messages.en";
import { platformVi } from "./messages.vi";

export const platformDictionary: Dictionary<MessageKey> = { vi: platformVi, en: platformEn };

export const translate = makeTranslate(platformDictionary);

export const isMessageKey = (value: unknown): value is MessageKey => isKeyOf(platformDictionary, value);
