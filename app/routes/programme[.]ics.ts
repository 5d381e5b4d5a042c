import type { LoaderFunctionArgs } from "@remix-run/node";
import { getUser } from "~/auth/guards.server";
import { resolveLocale } from "~/auth/request.server";
import { icsCalendar } from "~/lib/ics";
import { isLocale, translate } from "~/platform/i18n";
import { getCurrentConference } from "~/features/people/conference.server";
import { publishedProgramme, sessionEvents } from "~/features/agenda/programme.server";

/** GET /programme.ics[?lang=en]: the full published programme as a calendar feed (public). */
export async function loader({ request }: LoaderFunctionArgs) {
  const asked = new URL(request.url).searchParams.get("lang");
  const locale = isLocale(asked) ? asked : resolveLocale(request, (await getUser(request))?.locale);
  const conference = await getCurrentConference();
  if (!conference) return new Response(translate(locale, "programme.noConference"), { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const sessions = await publishedProgramme(conference.id);
  const body = icsCalendar({
    name: translate(locale, "programme.ics.programmeName", { title: locale === "vi" ? conference.title_vi : conference.title_en }),
    events: sessionEvents(sessions, "programme", locale),
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `inline; filename="programme-${conference.edition}.ics"`,
      "Cache-Control": "no-cache",
    },
  });
}
