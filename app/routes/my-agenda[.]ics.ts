import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guards.server";
import { resolveLocale } from "~/auth/request.server";
import { icsCalendar } from "~/lib/ics";
import { isLocale, translate } from "~/platform/i18n";
import { getCurrentConference } from "~/features/people/conference.server";
import { personalPlacedMeetings, placedMeetingEvents } from "~/features/meetings/meeting-outcomes.server";
import { personalAgenda, sessionEvents } from "~/features/agenda/programme.server";

/** GET /my-agenda.ics[?lang=en]: the signed-in person's agenda, with join links for online delegates; meetings located at the video link (online party) or the table. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "register:self");
  const asked = new URL(request.url).searchParams.get("lang");
  const locale = isLocale(asked) ? asked : resolveLocale(request, user.locale);
  const conference = await getCurrentConference();
  if (!conference) return new Response(translate(locale, "programme.noConference"), { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const [{ sessions }, meetings] = await Promise.all([personalAgenda(user.id, conference.id), personalPlacedMeetings(user.id, conference.id)]);
  const body = icsCalendar({
    name: translate(locale, "programme.ics.agendaName", { title: locale === "vi" ? conference.title_vi : conference.title_en }),
    events: [...sessionEvents(sessions, "agenda", locale), ...placedMeetingEvents(meetings, locale)],
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="my-agenda-${conference.edition}.ics"`,
      // Personal join links inside: never kept by a shared cache.
      "Cache-Control": "private, no-store",
    },
  });
}
