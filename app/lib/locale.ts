/** The languages the app speaks, listed once: Vietnamese first (the default), English second. Pure. */
export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "vi";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The cookie that keeps a visitor's language (not HttpOnly: the browser reads it on pages without the root's data). */
export const LANGUAGE_COOKIE = "lang";
