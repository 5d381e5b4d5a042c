import type { LoaderFunctionArgs } from "@remix-run/node";
import { getUser } from "~/auth/guards.server";
import { resolveLocale } from "~/auth/request.server";
import { isLocale, translate } from "~/platform/i18n";
import { getCurrentConference } from "~/features/people/conference.server";
import { publishedProgramme } from "~/features/agenda/programme.server";
import { programmeDocument } from "~/features/agenda/pdf/programme";
import { pdfRefusal, pdfResponse, renderPdf } from "~/platform/pdf/render.server";

/** GET /programme.pdf[?lang=en]: the published programme, by day (public). */
export async function loader({ request }: LoaderFunctionArgs) {
  const asked = new URL(request.url).searchParams.get("lang");
  const locale = isLocale(asked) ? asked : resolveLocale(request, (await getUser(request))?.locale);
  const conference = await getCurrentConference();
  if (!conference) return pdfRefusal(translate(locale, "programme.noConference"), 404);
  const sessions = await publishedProgramme(conference.id);
  const bytes = await renderPdf(programmeDocument(sessions, { locale, conference }));
  return pdfResponse(bytes, `programme-${conference.edition}-${locale}.pdf`);
}
