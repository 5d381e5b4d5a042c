/**
 * The i18n machinery, safe in the browser: it holds no dictionary. Each capability keeps its
 * messages beside it (app/features/<f>/messages.vi.ts, the source of its keys, and
 * messages.en.ts) and composes them with the layers below in its i18n.ts; the platform's own
 * are in ./messages.vi.ts and ./messages.en.ts (with ./dictionary.ts), and the whole app's
 * dictionary is put together above the features (app/http/i18n.server.ts).
 */
import { fillPlurals } from "~/lib/plural";
import type { Locale } from "~/lib/locale";
import type { platformVi } from "./messages.vi";

export { DEFAULT_LOCALE, LANGUAGE_COOKIE, LOCALES, isLocale, type Locale } from "~/lib/locale";

/** The platform's keys (the shell, sign-in, accounts, errors, the outbox); each feature's i18n.ts has its own. */
export type MessageKey = keyof typeof platformVi;
export type MessageParams = Record<string, string | number>;

/** One language's messages: key → text with "{name}" and "{n, plural, …}" placeholders. */
export type Messages<K extends string = string> = Readonly<Record<K, string>>;

/**
 * Messages sent by name: a page's first load names the bundle of its messages, which the page
 * loads as a script cached for good (its address carries a hash of its content), instead of
 * inlining the same dictionary in every answer. Navigations in the browser (Remix's data
 * requests) still get the messages inline. The root loads the scripts (app/root.tsx), and
 * useT() resolves a name from them in the browser and from the dictionary on the server.
 */
export interface MessageBundle {
  /** "vi.platform", "en.agenda+meetings": the language, then the capabilities. */
  readonly bundle: string;
  /** The script that defines it: /i18n/<bundle>.<hash>.js */
  readonly src: string;
}

/** What a loader's `messages` is: the messages themselves, or the bundle that has them. */
export type SentMessages = Messages | MessageBundle;

/**
 * Set by the HTTP layer (app/cli/http.server.ts) on a request that renders a whole page (no
 * `_data`, which Remix removes before the loaders see the request); a client's own is dropped.
 * Without it (a data request, a loader called by a test) the messages go inline.
 */
export const DOCUMENT_REQUEST_HEADER = "x-ngoaivu-document-request";

/** The global the bundles' scripts fill in the browser: bundle → messages. */
export const MESSAGE_BUNDLES_GLOBAL = "__i18n";

export function isMessageBundle(value: unknown): value is MessageBundle {
  if (typeof value !== "object" || value === null) return false;
  const { bundle, src } = value as { bundle?: unknown; src?: unknown };
  return typeof bundle === "string" && typeof src === "string";
}

/** A capability's messages in every language, with the same keys in each. */
export type Dictionary<K extends string = string> = Readonly<Record<Locale, Messages<K>>>;

/** The keys of a dictionary. */
export type KeyOf<D> = D extends Dictionary<infer K> ? K : never;

/** Translates in the language already chosen (what useT() gives a component). */
export type Translate = (key: MessageKey | (string & {}), params?: MessageParams) => string;

export function hasMessage(messages: Messages, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(messages, key);
}

/** Fills "{name}" placeholders and "{n, plural, one {…} other {…}}" blocks; a missing parameter stays as written. */
export function fillMessage(locale: Locale, template: string, params?: MessageParams): string {
  if (!params) return template;
  return fillPlurals(locale, template, params).replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** Joins dictionaries (a lower layer's and a capability's own); their keys must not collide (a test checks). */
export function mergeDictionaries<const D extends readonly Dictionary[]>(
  ...dictionaries: D
): Dictionary<KeyOf<D[number]>> {
  const merged = { vi: {}, en: {} } as Record<Locale, Record<string, string>>;
  for (const d of dictionaries) {
    Object.assign(merged.vi, d.vi);
    Object.assign(merged.en, d.en);
  }
  return merged as Dictionary<KeyOf<D[number]>>;
}

/**
 * A translate for a dictionary: `translate(locale, key, params)`. Keys are typed for
 * autocompletion and for `Record<…, K>` tables; an unknown key shows as itself.
 */
export function makeTranslate<K extends string>(dictionary: Dictionary<K>) {
  return function translate(locale: Locale, key: K | (string & {}), params?: MessageParams): string {
    const messages: Messages = dictionary[locale];
    return fillMessage(locale, hasMessage(messages, key) ? messages[key] : key, params);
  };
}

/** Whether a string is one of a dictionary's keys (a key, not some other text). */
export function isKeyOf<K extends string>(dictionary: Dictionary<K>, value: unknown): value is K {
  return typeof value === "string" && hasMessage(dictionary.vi, value);
}

/** Checks a key against a key type at compile time and returns it: `const msg = keyed<AgendaKey>()`. */
export function keyed<K extends string>(): (key: K) => K {
  return (key) => key;
}

/** An edition number as each language writes it: "20th" in English, "20" in "lần thứ 20". */
export function ordinal(locale: Locale, n: number): string {
  return locale === "en" ? `${n}${ordinalSuffix(n)}` : String(n);
}

export function ordinalSuffix(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return "th";
  return ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
}
