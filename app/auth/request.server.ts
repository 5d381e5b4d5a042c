import { DEFAULT_LOCALE, isLocale, LANGUAGE_COOKIE, type Locale } from "~/platform/i18n";
import { isValidTimeZone } from "~/lib/time";

/** What the HTTP server passes to every loader and action. */
export interface AppLoadContext {
  cspNonce?: string;
  clientIp?: string;
}

export function clientIp(context: unknown): string | null {
  const ip = (context as AppLoadContext | undefined)?.clientIp;
  return typeof ip === "string" && ip ? ip : null;
}

export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [k, ...rest] = part.trim().split("=");
    if (k === name) {
      try {
        return decodeURIComponent(rest.join("="));
      } catch {
        return null;
      }
    }
  }
  return null;
}

export { LANGUAGE_COOKIE };
export const TIME_ZONE_COOKIE = "tz";

/** The signed-in person's choice, else the visitor's cookie, else Vietnamese. */
export function resolveLocale(request: Request, userLocale?: Locale | null): Locale {
  if (userLocale) return userLocale;
  const cookie = readCookie(request, LANGUAGE_COOKIE);
  return isLocale(cookie) ? cookie : DEFAULT_LOCALE;
}

export function languageCookie(locale: Locale, secure: boolean): string {
  return `${LANGUAGE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** The browser's zone as reported by the page (a cookie set by the client), if valid. */
export function browserTimeZone(request: Request): string | null {
  const zone = readCookie(request, TIME_ZONE_COOKIE);
  return zone && zone.length <= 64 && isValidTimeZone(zone) ? zone : null;
}
