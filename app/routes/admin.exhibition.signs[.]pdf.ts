import type { LoaderFunctionArgs } from "@remix-run/node";
import { boothSigns } from "~/features/exhibition/allocation/prints.server";
import { boothSignsDocument } from "~/features/exhibition/pdf/booth-signs";
import { startDownload } from "~/http/download.server";
import { translate } from "~/http/i18n.server";
import { getDb } from "~/platform/db.server";
import { pdfRefusal, pdfResponse, renderPdf } from "~/platform/pdf/render.server";

/** GET /admin/exhibition/signs.pdf[?lang=]: a sign per allocated booth, a landscape page each (organisers and secretariat). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { locale, conference } = await startDownload(request, "read:exhibition:any");
  const signs = await boothSigns(getDb(), conference.id);
  if (signs.length === 0) return pdfRefusal(translate(locale, "exhibition.allocation.print.noSigns"), 404);
  const bytes = await renderPdf(boothSignsDocument(signs, { locale, conference }));
  return pdfResponse(bytes, `bien-gian-hang-${conference.edition}.pdf`, "attachment");
}
