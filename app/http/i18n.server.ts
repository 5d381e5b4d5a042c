/**
 * The whole app's dictionary, put together here, above the features (a feature knows only its
 * own messages and the layers below it), and what the loaders send the browser: the root the
 * platform's messages, each page its capabilities' own, in the active language only. The
 * browser's useT() (app/components/i18n.tsx) merges what the matched routes sent.
 */
import { createHash } from "node:crypto";
import { getUser } from "~/auth/guards.server";
import { resolveLocale } from "~/auth/request.server";
import { agendaMessages } from "~/features/agenda/i18n";
import { exhibitionMessages } from "~/features/exhibition/i18n";
import { meetingsMessages } from "~/features/meetings/i18n";
import { proceedingsMessages } from "~/features/proceedings/i18n";
import { registrationMessages } from "~/features/registration/i18n";
import {
  isKeyOf,
  isLocale,
  makeTranslate,
  mergeDictionaries,
  type KeyOf,
  type Locale,
  type MessageBundle,
  type Messages,
  type SentMessages,
  type Translate,
  DOCUMENT_REQUEST_HEADER,
  MESSAGE_BUNDLES_GLOBAL,
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

/** The root's bundle is named "platform"; a page's, by its capabilities joined with "+". */
const PLATFORM = "platform";

/** The messages of a bundle's name ("vi.platform", "en.agenda+meetings"), or null for a name that is none. */
export function bundleMessages(name: string): Messages | null {
  const [locale, list, ...rest] = name.split(".");
  if (rest.length || !isLocale(locale) || !list) return null;
  if (list === PLATFORM) return rootMessages(locale);
  const namespaces = list.split("+");
  if (!namespaces.every((n): n is Namespace => Object.prototype.hasOwnProperty.call(NAMESPACES, n))) return null;
  // One object per bundle, so that the page's merge of the same bundles is cached (app/components/i18n.tsx).
  return bundles(name, () => pageMessages(locale, ...namespaces)).messages;
}

interface Bundle {
  messages: Messages;
  script: string;
  hash: string;
}
const builtBundles = new Map<string, Bundle>();

function bundles(name: string, messages: () => Messages): Bundle {
  let bundle = builtBundles.get(name);
  if (!bundle) {
    const content = messages();
    const script = `(self.${MESSAGE_BUNDLES_GLOBAL}||(self.${MESSAGE_BUNDLES_GLOBAL}={}))[${JSON.stringify(name)}]=${JSON.stringify(content)};\n`;
    const hash = createHash("sha256").update(script).digest("hex").slice(0, 16);
    bundle = { messages: content, script, hash };
    builtBundles.set(name, bundle);
  }
  return bundle;
}

/** A bundle's script and the hash its address carries; null for a name that is none. */
export function bundleScript(name: string): { script: string; hash: string } | null {
  const messages = bundleMessages(name);
  return messages ? bundles(name, () => messages) : null;
}

function bundleRef(name: string): MessageBundle {
  const { hash } = bundleScript(name)!;
  return { bundle: name, src: `/i18n/${name}.${hash}.js` };
}

/** Only a whole page's first load names its bundles; anything else (Remix's data requests) gets the messages inline. */
const isDataRequest = (request: Request) => request.headers.get(DOCUMENT_REQUEST_HEADER) !== "1";

/** The root loader's messages: the platform's, by name on a first load. */
export function sendRootMessages(request: Request, locale: Locale): SentMessages {
  return isDataRequest(request) ? rootMessages(locale) : bundleRef(`${locale}.${PLATFORM}`);
}

/** pageMessages in the language of the request (the signed-in person's, else the cookie's, else Vietnamese), by name on a first load. */
export async function requestMessages(request: Request, ...namespaces: Namespace[]): Promise<SentMessages> {
  const user = await getUser(request);
  const locale = resolveLocale(request, user?.locale);
  if (namespaces.length === 0) return {};
  return isDataRequest(request) ? pageMessages(locale, ...namespaces) : bundleRef(`${locale}.${namespaces.join("+")}`);
}
