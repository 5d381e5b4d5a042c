import type { LoaderFunctionArgs } from "@remix-run/node";
import { startDownload } from "~/http/download.server";
import { publishedProgramme } from "~/features/agenda/programme.server";
import { programmeDocument } from "~/features/agenda/pdf/programme";
import { pdfResponse, renderPdf } from "~/platform/pdf/render.server";

/** GET /programme.pdf[?lang=en]: the published programme, by day (public). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { locale, conference } = await startDownload(request, null, "programme.noConference");
  const sessions = await publishedProgramme(conference.id);
  const bytes = await renderPdf(programmeDocument(sessions, { locale, conference }));
  return pdfResponse(bytes, `programme-${conference.edition}-${locale}.pdf`);
}
