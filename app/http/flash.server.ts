import { createCookie } from "@remix-run/node";
import type { z } from "zod";
import { cookiesAreSecure } from "~/auth/lucia.server";

/**
 * Post/redirect/get with the outcome kept for one page view: an action stores what it did in a
 * short-lived cookie scoped to its page and redirects to the page's own URL (so no `?index` stays
 * in the address bar, and a reload does not post again); the loader reads it once and clears it.
 * The value is only what the page shows, checked against `schema` when read back.
 */
export function flash<S extends z.ZodTypeAny>(name: string, path: string, schema: S) {
  const cookie = () =>
    createCookie(name, { path, httpOnly: true, sameSite: "lax", secure: cookiesAreSecure(), maxAge: 120 });
  return {
    /** The Set-Cookie header for the redirect. */
    async set(value: z.input<S>): Promise<string> {
      return cookie().serialize(value);
    },
    /** The stored outcome (null when none or unreadable) and the header that clears it. */
    async take(request: Request): Promise<{ value: z.output<S> | null; headers: HeadersInit }> {
      const raw: unknown = await cookie().parse(request.headers.get("Cookie"));
      if (raw === null || raw === undefined) return { value: null, headers: {} };
      const parsed = schema.safeParse(raw);
      return {
        value: parsed.success ? (parsed.data as z.output<S>) : null,
        headers: { "Set-Cookie": await cookie().serialize("", { maxAge: 0 }) },
      };
    },
  };
}

/** The request's own path and query without Remix's `index` and `_data` parameters. */
export function ownUrl(request: Request): string {
  const url = new URL(request.url);
  url.searchParams.delete("index");
  url.searchParams.delete("_data");
  const search = url.searchParams.toString();
  return `${url.pathname}${search ? `?${search}` : ""}`;
}
