import type { LoaderFunctionArgs } from "@remix-run/node";
import { startDownload } from "~/http/download.server";
import { DocumentCache, etagOf, matches, notModified, REVALIDATE } from "~/http/etag.server";
import { publishedProgramme } from "~/features/agenda/programme.server";
import { programmeDocument } from "~/features/agenda/pdf/programme";
import { pdfResponse, renderPdf } from "~/platform/pdf/render.server";

const drawn = new DocumentCache<Buffer>();

/** GET /programme.pdf[?lang=en]: the published programme, by day (public; 304 while it has not changed). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { locale, conference } = await startDownload(request, null, "programme.noConference");
  const sessions = await publishedProgramme(conference.id);
  const etag = etagOf("programme.pdf", locale, conference, sessions);
  if (matches(request, etag)) return notModified(etag);
  const bytes = await drawn.get(etag, () => renderPdf(programmeDocument(sessions, { locale, conference })));
  const response = pdfResponse(bytes, `programme-${conference.edition}-${locale}.pdf`);
  response.headers.set("ETag", etag);
  response.headers.set("Cache-Control", REVALIDATE);
  return response;
}
