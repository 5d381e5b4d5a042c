/**
 * Translation in components, from the messages the loaders sent: the root the platform's, each
 * matched route its capabilities' (app/http/i18n.server.ts), in the active language only. No
 * dictionary is imported here, so none reaches the browser. Without the root's data (an unknown
 * address, a failed root loader) a small set of shell and error messages stands in.
 */
import { useRouteLoaderData, useMatches } from "@remix-run/react";
import { createContext, useContext, useMemo } from "react";
import {
  DEFAULT_LOCALE,
  fillMessage,
  hasMessage,
  isLocale,
  isMessageBundle,
  LANGUAGE_COOKIE,
  MESSAGE_BUNDLES_GLOBAL,
  type Locale,
  type MessageParams,
  type Messages,
  type SentMessages,
  type Translate,
} from "~/platform/i18n";
import { FALLBACK_MESSAGES } from "~/platform/i18n/fallback";
/** What the shared components read of the root loader's data (app/root.tsx sends this and more). */
export interface RootData {
  locale: Locale;
  /** The platform's messages in this language (or the bundle that has them). */
  messages: SentMessages;
  viewerZone: string;
}

export function useRootData(): RootData | undefined {
  return useRouteLoaderData("root") as RootData | undefined;
}

/** The language of the request, given by the server entry for pages rendered without the root's data. */
const RequestLocale = createContext<Locale | null>(null);
export const RequestLocaleProvider = RequestLocale.Provider;

/** In the browser, without the root's data: the language cookie (as the server read it), else the page's `<html lang>`. */
function documentLocale(): Locale | null {
  if (typeof document === "undefined") return null;
  const cookie = document.cookie
    .split("; ")
    .find((c) => c.startsWith(`${LANGUAGE_COOKIE}=`))
    ?.slice(LANGUAGE_COOKIE.length + 1);
  if (isLocale(cookie)) return cookie;
  const lang = document.documentElement.lang;
  return isLocale(lang) ? lang : null;
}

export function useLocale(): Locale {
  const root = useRootData();
  const requested = useContext(RequestLocale);
  return root?.locale ?? requested ?? documentLocale() ?? DEFAULT_LOCALE;
}

let knownKey: ((key: string) => boolean) | null = null;

/**
 * Installed by the server entry outside production: a key that the app's dictionary has but the
 * page was not sent (its loader's `messages` lacks the capability) is reported with console.error,
 * which fails the tests, instead of silently showing as itself.
 */
export function reportUnsentMessages(known: (key: string) => boolean) {
  knownKey = known;
}

function unsent(key: string) {
  if (knownKey?.(key)) {
    console.error(`i18n: "${key}" was not sent to this page: add its capability to the route loader's messages`);
  }
}

type WithMessages = { messages?: SentMessages } | null | undefined;

let serverBundles: ((name: string) => Messages | null) | null = null;

/** Installed by the server entry: a bundle's messages from the dictionary (the browser has them from its script). */
export function installMessageBundles(resolve: (name: string) => Messages | null) {
  serverBundles = resolve;
}

/** What a loader sent: the messages, or those of the bundle it named (its script ran before the page's). */
function resolveMessages(sent: SentMessages | undefined): Messages | undefined {
  if (!isMessageBundle(sent)) return sent;
  if (serverBundles) return serverBundles(sent.bundle) ?? undefined;
  if (typeof window === "undefined") return undefined;
  const loaded = (window as unknown as Record<string, Record<string, Messages> | undefined>)[MESSAGE_BUNDLES_GLOBAL];
  return loaded?.[sent.bundle];
}

/** The bundles a page's loaders named, for the root to load as scripts. */
export function messageBundles(data: readonly unknown[]) {
  return data.map((d) => (d as WithMessages)?.messages).filter(isMessageBundle);
}

// The last merges, by the identity of their parts: bundles resolve to the same objects, so a
// server rendering many pages of a few kinds merges each kind once.
const merges: Array<{ parts: Messages[]; merged: Messages }> = [];
const MERGES_KEPT = 32;

/** The fallback set, then the messages of each route's data, merged (cached while the same). */
function mergeMessages(locale: Locale, data: readonly unknown[]): Messages {
  const parts: Messages[] = [FALLBACK_MESSAGES[locale]];
  for (const d of data) {
    const messages = resolveMessages((d as WithMessages)?.messages);
    if (messages) parts.push(messages);
  }
  const known = merges.find((m) => m.parts.length === parts.length && m.parts.every((p, i) => p === parts[i]));
  if (known) return known.merged;
  const merged: Messages = Object.assign({}, ...parts);
  merges.unshift({ parts, merged });
  if (merges.length > MERGES_KEPT) merges.pop();
  return merged;
}

function translateWith(locale: Locale, messages: Messages): Translate {
  return (key: string, params?: MessageParams) => {
    if (hasMessage(messages, key)) return fillMessage(locale, messages[key], params);
    unsent(key);
    return fillMessage(locale, key, params);
  };
}

/** The messages of the page as it is now: the root's and every matched route's. */
export function useMessages(): Messages {
  const locale = useLocale();
  const matches = useMatches();
  return mergeMessages(
    locale,
    matches.map((m) => m.data),
  );
}

export function useT(): Translate {
  const locale = useLocale();
  const messages = useMessages();
  return useMemo(() => translateWith(locale, messages), [locale, messages]);
}

/** Picks the vi or en variant of a bilingual column pair. */
export function useBilingual() {
  const locale = useLocale();
  return (vi: string | null | undefined, en: string | null | undefined) =>
    (locale === "en" ? en || vi : vi || en) ?? "";
}

interface MetaArgsLike {
  error?: unknown;
  matches: ReadonlyArray<{ id: string; data?: unknown }>;
}

/** A translate for a `meta` function, from the matched routes' loader data. */
export function metaTranslate({ matches }: MetaArgsLike): Translate {
  const root = matches.find((m) => m.id === "root")?.data as RootData | undefined;
  const locale = root?.locale ?? documentLocale() ?? DEFAULT_LOCALE;
  return translateWith(
    locale,
    mergeMessages(
      locale,
      matches.map((m) => m.data),
    ),
  );
}

/** The title-bar key of an error: forbidden, not found, or something went wrong. */
export function errorTitleKey(error: unknown): string {
  const status = (error as { status?: unknown } | null | undefined)?.status;
  return status === 403 ? "error.forbidden.title" : status === 404 ? "error.notFound.title" : "error.generic.title";
}

/**
 * A page's `meta`: "‹its title› · ‹the app›" in the active language, the error's title when a
 * loader threw, the app's name alone without a key:
 * `export const meta: MetaFunction = (args) => pageMeta(args, "login.title")`. Without the
 * root's data the language is unknown here, and the root's Layout writes the title instead.
 */
export function pageMeta(args: MetaArgsLike, key?: string, params?: MessageParams): Array<{ title: string }> {
  if (!args.matches.find((m) => m.id === "root")?.data) return [];
  const t = metaTranslate(args);
  const head = args.error ? t(errorTitleKey(args.error)) : key ? t(key, params) : null;
  return [{ title: head ? `${head} · ${t("app.shortName")}` : t("app.shortName") }];
}
