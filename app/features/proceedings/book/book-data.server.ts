/**
 * What the book's own sections read: the published programme, the final speeches, reports and
 * presentations in session order then position, and the final discussion summaries by session, in
 * the book's language, with each document's uploaded images as data: URLs (never a URL).
 */
import { publishedProgramme } from "~/features/agenda/programme.server";
import { readImage } from "~/platform/uploads/images.server";
import type { Db } from "~/platform/types";
import type { DocumentImage } from "../documents/markdown-pdf";
import type { DocumentKind, DocumentLanguage } from "../rules";
import type { ProgrammeSession } from "./sections/programme";
import type { BookDocumentEntry } from "./sections/speeches";

export async function loadProgramme(_db: Db, conferenceId: number): Promise<ProgrammeSession[]> {
  return publishedProgramme(conferenceId);
}

const SPEECH_KINDS: DocumentKind[] = ["speech", "report", "presentation"];

async function imagesOf(db: Db, documentIds: number[]): Promise<Map<number, Map<number, DocumentImage>>> {
  const byDocument = new Map<number, Map<number, DocumentImage>>();
  if (documentIds.length === 0) return byDocument;
  const rows = await db.selectFrom("document_images").selectAll().where("document_id", "in", documentIds).execute();
  for (const row of rows) {
    const bytes = await readImage("documents", row.storage_key).catch(() => null);
    // A missing file is left out: the mapping then shows its marker.
    if (!bytes) continue;
    const images = byDocument.get(row.document_id) ?? new Map<number, DocumentImage>();
    images.set(row.id, {
      id: row.id,
      data: `data:${row.content_type};base64,${bytes.toString("base64")}`,
      width: row.width,
      height: row.height,
      caption: row.caption,
    });
    byDocument.set(row.document_id, images);
  }
  return byDocument;
}

async function finalDocuments(
  db: Db,
  conferenceId: number,
  kinds: DocumentKind[],
  language: DocumentLanguage,
): Promise<BookDocumentEntry[]> {
  const rows = await db
    .selectFrom("documents as d")
    .leftJoin("sessions as s", "s.id", "d.session_id")
    .leftJoin("rooms as r", "r.id", "s.room_id")
    .leftJoin("registrations as g", "g.id", "d.author_registration_id")
    .leftJoin("organisations as o", "o.id", "g.organisation_id")
    .select([
      "d.id",
      "d.kind",
      "d.title",
      "d.author_name",
      "d.body",
      "d.position",
      "g.full_name as registered_name",
      "g.position as author_position",
      "o.name_vi as organisation_vi",
      "o.name_en as organisation_en",
      "s.title_vi as session_vi",
      "s.title_en as session_en",
      "s.starts_at as session_starts_at",
      "r.name_vi as room_vi",
      "r.name_en as room_en",
    ])
    .where("d.conference_id", "=", conferenceId)
    .where("d.state", "=", "final")
    .where("d.kind", "in", kinds)
    .where("d.language", "=", language)
    // Session order (documents without a session last), then the secretariat's position.
    .orderBy((eb) => eb.fn.coalesce("s.starts_at", eb.val("9999")), "asc")
    .orderBy("s.id")
    .orderBy("d.position")
    .orderBy("d.id")
    .execute();
  const images = await imagesOf(
    db,
    rows.map((r) => r.id),
  );
  const vi = language === "vi";
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    authorName: r.registered_name ?? r.author_name,
    authorPosition: r.author_position ?? "",
    authorOrganisation: (vi ? r.organisation_vi : r.organisation_en) ?? "",
    sessionTitle: (vi ? r.session_vi : r.session_en) ?? null,
    sessionStartsAt: r.session_starts_at ?? null,
    sessionRoom: (vi ? r.room_vi : r.room_en) ?? null,
    body: r.body,
    images: images.get(r.id) ?? new Map(),
  }));
}

export function loadSpeeches(db: Db, conferenceId: number, language: DocumentLanguage) {
  return finalDocuments(db, conferenceId, SPEECH_KINDS, language);
}

export function loadSummaries(db: Db, conferenceId: number, language: DocumentLanguage) {
  return finalDocuments(db, conferenceId, ["summary"], language);
}
