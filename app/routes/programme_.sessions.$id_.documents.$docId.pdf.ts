import type { LoaderFunctionArgs } from "@remix-run/node";
import { documentPdf } from "~/features/proceedings/documents/document-pdf.server";
import { publicDocument } from "~/features/proceedings/documents/summaries.server";
import { startDownload } from "~/http/download.server";
import { translate } from "~/http/i18n.server";
import { idOf } from "~/http/refusal.server";
import { foldForSearch } from "~/lib/text";
import { getDb } from "~/platform/db.server";
import { pdfRefusal, pdfResponse } from "~/platform/pdf/render.server";

/**
 * GET /programme/sessions/:id/documents/:docId/pdf: a final document of a published session, to whoever
 * sees the programme. A draft, or a document of another session, is the same 404 as none.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale, conference } = await startDownload(request, null);
  const sessionId = idOf(params.id);
  const documentId = idOf(params.docId);
  const db = getDb();
  const visible =
    sessionId !== null && documentId !== null ? await publicDocument(db, conference.id, sessionId, documentId) : null;
  const pdf = visible ? await documentPdf(db, conference, visible.id, locale) : null;
  if (!pdf) return pdfRefusal(translate(locale, "proceedings.errors.notFound"), 404);
  const name = foldForSearch(pdf.title).replace(/ /g, "-").slice(0, 60) || "document";
  return pdfResponse(pdf.bytes, `document-${documentId}-${name}.pdf`);
}
