import { formatInstant } from "~/lib/time";
import type { Locale } from "~/platform/i18n";
import { renderPdf } from "~/platform/pdf/render.server";
import type { Db } from "~/platform/types";
import { translate } from "../i18n";
import { getDocument } from "./documents.server";
import { imagesForPdf } from "./images.server";
import { documentDefinition } from "./pdf/document";

/** A document's PDF in the reader's language, or null when it is not this conference's. */
export async function documentPdf(
  db: Db,
  conference: { id: number; time_zone: string },
  documentId: number,
  locale: Locale,
): Promise<{ bytes: Buffer; title: string; problems: number } | null> {
  const document = await getDocument(db, conference.id, documentId);
  if (!document) return null;
  const images = (await imagesForPdf(db, [documentId])).get(documentId) ?? new Map();
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
  const session = locale === "en" ? document.session_en || document.session_vi : document.session_vi;
  const when = document.finalised_at ?? document.updated_at;
  const { definition, problems } = documentDefinition(
    {
      title: document.title,
      kindLabel: t(`proceedings.documentKind.${document.kind}`),
      stateLabel: t(`proceedings.documentState.${document.state}`),
      author: document.author,
      session: session ?? "",
      date: formatInstant(when, conference.time_zone, locale, "date"),
      body: document.body,
      images,
    },
    t,
  );
  return { bytes: await renderPdf(definition), title: document.title, problems: problems.length };
}
