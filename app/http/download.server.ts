import { requirePermission, getUser } from "~/auth/guards.server";
import type { Permission } from "~/auth/permissions";
import { resolveLocale } from "~/auth/request.server";
import { getCurrentConference } from "~/features/people/conference.server";
import { isLocale, translate, type Locale } from "~/platform/i18n";
import { pdfRefusal as plainRefusal } from "~/platform/pdf/render.server";
import type { CurrentConference } from "./conference.server";

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
export async function startDownload(request: Request, permission: Permission | null, noConferenceKey = "error.notFound.title"): Promise<Download> {
  const user = permission ? await requirePermission(request, permission) : await getUser(request);
  const url = new URL(request.url);
  const asked = url.searchParams.get("lang");
  const locale = isLocale(asked) ? asked : resolveLocale(request, user?.locale);
  const conference = await getCurrentConference();
  if (!conference) throw plainRefusal(translate(locale, noConferenceKey), 404);
  return { url, locale, conference, user };
}
