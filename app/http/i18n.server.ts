/**
 * The whole app's dictionary, put together here, above the features (a feature knows only its
 * own messages and the layers below it), and what the loaders send the browser: the root the
 * platform's messages, each page its capabilities' own, in the active language only. The
 * browser's useT() (app/components/i18n.tsx) merges what the matched routes sent.
 */
import { getUser } from "~/auth/guards.server";
import { resolveLocale } from "~/auth/request.server";
import { agendaMessages } from "~/features/agenda/i18n";
import { exhibitionMessages } from "~/features/exhibition/i18n";
import { meetingsMessages } from "~/features/meetings/i18n";
import { proceedingsMessages } from "~/features/proceedings/i18n";
import { registrationMessages } from "~/features/registration/i18n";
import {
  isKeyOf,
  makeTranslate,
  mergeDictionaries,
  type KeyOf,
  type Locale,
  type Messages,
  type Translate,
} from "~/platform/i18n";
import { platformDictionary } from "~/platform/i18n/dictionary";

/** The capabilities a page may ask for by name; the platform's messages come with the root. */
const NAMESPACES = {
  registration: registrationMessages,
  agenda: agendaMessages,
  meetings: meetingsMessages,
  exhibition: exhibitionMessages,
  proceedings: proceedingsMessages,
} as const;
export type Namespace = keyof typeof NAMESPACES;

/** Every message of the app: the platform's and each capability's own (keys never collide: a test checks). */
export const appDictionary = mergeDictionaries(
  platformDictionary,
  registrationMessages,
  agendaMessages,
  meetingsMessages,
  exhibitionMessages,
  proceedingsMessages,
);
export type AppMessageKey = KeyOf<typeof appDictionary>;

export const vi = appDictionary.vi;
export const en = appDictionary.en;

/** Translates any key of the app, for the root, the error pages, the HTTP layer and the tests. */
export const translate = makeTranslate(appDictionary);

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

export function isMessageKey(value: unknown): value is AppMessageKey {
  return isKeyOf(appDictionary, value);
}

/** The platform's messages in one language: what the root loader sends every page. */
export function rootMessages(locale: Locale): Messages {
  return platformDictionary[locale];
}

/**
 * A page's own messages in one language, for its loader data (`messages`): its capabilities'
 * (not the platform's, which the root sends). A page that shows another capability's texts (the
 * programme's meeting badge) names both.
 */
export function pageMessages(locale: Locale, ...namespaces: Namespace[]): Messages {
  if (namespaces.length === 1) return NAMESPACES[namespaces[0]][locale];
  return Object.assign({}, ...namespaces.map((n) => NAMESPACES[n][locale])) as Messages;
}

/** pageMessages in the language of the request: the signed-in person's, else the cookie's, else Vietnamese. */
export async function requestMessages(request: Request, ...namespaces: Namespace[]): Promise<Messages> {
  const user = await getUser(request);
  return pageMessages(resolveLocale(request, user?.locale), ...namespaces);
}
