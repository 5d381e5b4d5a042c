import { requirePermission, getUser } from "~/auth/guards.server";
import type { Permission } from "~/auth/permissions";
import { resolveLocale } from "~/auth/request.server";
import { getCurrentConference } from "~/features/people/conference.server";
import { isLocale, type Locale } from "~/platform/i18n";
import { translate } from "~/http/i18n.server";
import { pdfRefusal as plainRefusal } from "~/platform/pdf/render.server";
import type { Refusal } from "~/platform/types";
import type { CurrentConference } from "./conference.server";
import { statusOf } from "./refusal.server";

export interface Download {
  url: URL;
  locale: Locale;
  conference: CurrentConference;
  user: Awaited<ReturnType<typeof getUser>>;
}

/**
 * What every download (PDF, CSV, ICS) starts with: who may have it (a permission, or anyone when
 * null), the language (`?lang=`, else the viewer's) and the conference; when there is none, it
 * stops with a translated 404 the browser can show (thrown Responses are what resource routes answer).
 */
export async function startDownload(
  request: Request,
  permission: Permission,
  noConferenceKey?: string,
): Promise<Download & { user: NonNullable<Download["user"]> }>;
export async function startDownload(request: Request, permission: null, noConferenceKey?: string): Promise<Download>;
export async function startDownload(
  request: Request,
  permission: Permission | null,
  noConferenceKey = "error.notFound.title",
): Promise<Download> {
  const user = permission ? await requirePermission(request, permission) : await getUser(request);
  const url = new URL(request.url);
  const locale = downloadLocale(request, user?.locale);
  const conference = await getCurrentConference();
  if (!conference) throw plainRefusal(translate(locale, noConferenceKey), 404);
  return { url, locale, conference, user };
}

/** A download's language: `?lang=`, else the viewer's (the account's, else the cookie's). */
export function downloadLocale(request: Request, userLocale?: Locale | null): Locale {
  const asked = new URL(request.url).searchParams.get("lang");
  return isLocale(asked) ? asked : resolveLocale(request, userLocale);
}

/**
 * A download's answer to a model's refusal: its message in the download's language, as the plain
 * sentence a browser tab shows, at the refusal's status (as plainRefusal answers, not cached).
 */
export function refuseDownload(download: Pick<Download, "locale">, refusal: Refusal): Response {
  return new Response(translate(download.locale, refusal.key, refusal.params), {
    status: statusOf(refusal.kind),
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
