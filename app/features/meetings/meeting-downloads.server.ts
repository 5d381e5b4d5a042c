import { requirePermission } from "~/auth/guards.server";
import { resolveLocale } from "~/auth/request.server";
import { isLocale, translate, type Locale } from "~/platform/i18n";
import { pdfRefusal } from "~/platform/pdf/render.server";
import { getCurrentConference } from "../people/conference.server";

/**
 * What every organisers' meeting download starts with: the organiser (403
 * otherwise), the language (`?lang=` else the viewer's), and the conference,
 * or the translated refusal to return instead.
 */
export async function meetingDownload(request: Request): Promise<{ ok: true; url: URL; locale: Locale; conference: NonNullable<Awaited<ReturnType<typeof getCurrentConference>>> } | { ok: false; response: Response }> {
  const user = await requirePermission(request, "update:agenda");
  const url = new URL(request.url);
  const asked = url.searchParams.get("lang");
  const locale = isLocale(asked) ? asked : resolveLocale(request, user.locale);
  const conference = await getCurrentConference();
  if (!conference) return { ok: false, response: pdfRefusal(translate(locale, "error.notFound.title"), 404) };
  return { ok: true, url, locale, conference };
}
