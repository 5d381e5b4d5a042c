import type { LoaderFunctionArgs } from "@remix-run/node";
import { catalogueData } from "~/features/exhibition/allocation/prints.server";
import { exhibitionSettings } from "~/features/exhibition/allocation/desk.server";
import { catalogueDocument } from "~/features/exhibition/pdf/catalogue";
import { catalogueVisible } from "~/features/exhibition/rules";
import { startDownload } from "~/http/download.server";
import { translate } from "~/http/i18n.server";
import { getDb } from "~/platform/db.server";
import { pdfRefusal, pdfResponse, renderPdf } from "~/platform/pdf/render.server";

/**
 * GET /exhibition/catalogue.pdf[?lang=vi|en]: the exhibitor catalogue. Staff and every signed-in
 * person always; the public once the organisers publish the exhibition.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { locale, conference, user } = await startDownload(request, null);
  const db = getDb();
  const settings = await exhibitionSettings(db, conference.id);
  if (!catalogueVisible(settings.published, user !== null))
    return pdfRefusal(translate(locale, "exhibition.allocation.print.notPublished"), 403);
  const data = await catalogueData(db, conference.id);
  const bytes = await renderPdf(catalogueDocument({ conference, ...data }, { locale }));
  return pdfResponse(
    bytes,
    `${locale === "en" ? "exhibitor-catalogue" : "danh-muc-trien-lam"}-${conference.edition}.pdf`,
  );
}
