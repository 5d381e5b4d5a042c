import type { LoaderFunctionArgs } from "@remix-run/node";
import { startDownload } from "~/http/download.server";
import { etagOf, matches, notModified, REVALIDATE } from "~/http/etag.server";
import { icsCalendar } from "~/lib/ics";
import { translate } from "~/http/i18n.server";
import { publishedProgramme, sessionEvents } from "~/features/agenda/programme.server";

/** GET /programme.ics[?lang=en]: the full published programme as a calendar feed (public; 304 while unchanged). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { locale, conference } = await startDownload(request, null, "programme.noConference");
  const sessions = await publishedProgramme(conference.id);
  const etag = etagOf("programme.ics", locale, conference, sessions);
  if (matches(request, etag)) return notModified(etag);
  const body = icsCalendar({
    name: translate(locale, "programme.ics.programmeName", {
      title: locale === "vi" ? conference.title_vi : conference.title_en,
    }),
    events: sessionEvents(sessions, "programme", locale),
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `inline; filename="programme-${conference.edition}.ics"`,
      "Cache-Control": REVALIDATE,
      ETag: etag,
    },
  });
}
