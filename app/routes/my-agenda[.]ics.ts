import type { LoaderFunctionArgs } from "@remix-run/node";
import { startDownload } from "~/http/download.server";
import { icsCalendar } from "~/lib/ics";
import { translate } from "~/http/i18n.server";
import { personalPlacedMeetings, placedMeetingEvents } from "~/features/meetings/meeting-outcomes.server";
import { personalAgenda, sessionEvents } from "~/features/agenda/programme.server";

/** GET /my-agenda.ics[?lang=en]: the signed-in person's agenda, with join links for online delegates; meetings located at the video link (online party) or the table. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, locale, conference } = await startDownload(request, "register:self", "programme.noConference");
  const [{ sessions }, meetings] = await Promise.all([
    personalAgenda(user.id, conference.id),
    personalPlacedMeetings(user.id, conference.id),
  ]);
  const body = icsCalendar({
    name: translate(locale, "programme.ics.agendaName", {
      title: locale === "vi" ? conference.title_vi : conference.title_en,
    }),
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
