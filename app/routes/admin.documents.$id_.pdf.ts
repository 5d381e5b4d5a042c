import type { LoaderFunctionArgs } from "@remix-run/node";
import { documentPdf } from "~/features/proceedings/documents/document-pdf.server";
import { translate } from "~/http/i18n.server";
import { startDownload } from "~/http/download.server";
import { idOf } from "~/http/refusal.server";
import { foldForSearch } from "~/lib/text";
import { getDb } from "~/platform/db.server";
import { pdfRefusal, pdfResponse } from "~/platform/pdf/render.server";

/** GET /admin/documents/:id/pdf: the document alone as a PDF (drafts too), for staff. `?lang=` sets its labels. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale, conference } = await startDownload(request, "update:document");
  const id = idOf(params.id);
  const pdf = id === null ? null : await documentPdf(getDb(), conference, id, locale);
  if (!pdf) return pdfRefusal(translate(locale, "proceedings.errors.notFound"), 404);
  const name = foldForSearch(pdf.title).replace(/ /g, "-").slice(0, 60) || "document";
  return pdfResponse(pdf.bytes, `document-${id}-${name}.pdf`);
}
