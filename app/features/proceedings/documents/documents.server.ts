import { recordAudit } from "~/platform/audit.server";
import { inTransaction, nowIso } from "~/platform/db.server";
import { deleteImage } from "~/platform/uploads/images.server";
import { conflict, invalid, notFound, type Actor, type Db, type Result } from "~/platform/types";
import { foldForSearch } from "~/lib/text";
import type { DocumentKind, DocumentLanguage, DocumentState } from "../rules";
import type { DocumentInput } from "./schema";

/**
 * The documents for staff (speeches, reports, presentations, session summaries): list with filters,
 * create, update, draft ⇄ final, delete. Every query is scoped to the conference; every change audited.
 * The route checks "update:document" before calling.
 */
const E = "proceedings.documents.errors";
export const DOCUMENT_IMAGE_AREA = "documents";

export interface DocumentFilters {
  kind?: DocumentKind | null;
  state?: DocumentState | null;
  sessionId?: number | null;
  language?: DocumentLanguage | null;
  /** A registered author (their registration). */
  authorRegistrationId?: number | null;
  /** Words of the title or the author's name, diacritics ignored. */
  q?: string | null;
}

/** The list without bodies (they may be 600,000 characters each), with the session's title and the author's name. */
export async function listDocuments(db: Db, conferenceId: number, filters: DocumentFilters = {}) {
  let q = db
    .selectFrom("documents as d")
    .leftJoin("sessions as s", "s.id", "d.session_id")
    .leftJoin("registrations as g", "g.id", "d.author_registration_id")
    .select([
      "d.id",
      "d.kind",
      "d.title",
      "d.language",
      "d.state",
      "d.position",
      "d.session_id",
      "d.author_registration_id",
      "d.author_name",
      "d.finalised_at",
      "d.updated_at",
      "s.title_vi as session_vi",
      "s.title_en as session_en",
      "g.full_name as author_registered",
    ])
    .select((eb) => eb.fn("length", ["d.body"]).as("length"))
    .where("d.conference_id", "=", conferenceId);
  if (filters.kind) q = q.where("d.kind", "=", filters.kind);
  if (filters.state) q = q.where("d.state", "=", filters.state);
  if (filters.language) q = q.where("d.language", "=", filters.language);
  if (filters.sessionId) q = q.where("d.session_id", "=", filters.sessionId);
  if (filters.authorRegistrationId) q = q.where("d.author_registration_id", "=", filters.authorRegistrationId);
  const rows = await q.orderBy("d.kind").orderBy("d.position").orderBy("d.id").execute();
  const words = foldForSearch(filters.q ?? "")
    .split(" ")
    .filter(Boolean);
  const list = rows.map((r) => ({ ...r, length: Number(r.length), author: r.author_registered ?? r.author_name }));
  if (words.length === 0) return list;
  // Folded in the process (the titles and names of one conference's documents are few); every word must appear.
  return list.filter((r) => {
    const haystack = ` ${foldForSearch(`${r.title} ${r.author}`)} `;
    return words.every((w) => haystack.includes(w));
  });
}
export type DocumentRow = Awaited<ReturnType<typeof listDocuments>>[number];

/** One document with its body and images, or null when it is not this conference's. */
export async function getDocument(db: Db, conferenceId: number, id: number) {
  const row = await db
    .selectFrom("documents as d")
    .leftJoin("sessions as s", "s.id", "d.session_id")
    .leftJoin("registrations as g", "g.id", "d.author_registration_id")
    .selectAll("d")
    .select([
      "s.title_vi as session_vi",
      "s.title_en as session_en",
      "s.kind as session_kind",
      "s.starts_at as session_starts_at",
      "g.full_name as author_registered",
    ])
    .where("d.id", "=", id)
    .where("d.conference_id", "=", conferenceId)
    .executeTakeFirst();
  if (!row) return null;
  const images = await db
    .selectFrom("document_images")
    .select(["id", "content_type", "width", "height", "bytes", "caption", "created_at"])
    .where("document_id", "=", id)
    .orderBy("id")
    .execute();
  return { ...row, author: row.author_registered ?? row.author_name, images };
}
export type DocumentDetail = NonNullable<Awaited<ReturnType<typeof getDocument>>>;

/** Who may be named as the author: approved registrations of the conference, by organisation. */
export function authorOptions(db: Db, conferenceId: number) {
  return db
    .selectFrom("registrations as g")
    .innerJoin("organisations as o", "o.id", "g.organisation_id")
    .select(["g.id", "g.full_name", "g.position", "o.name_vi as organisation_vi", "o.name_en as organisation_en"])
    .where("g.conference_id", "=", conferenceId)
    .where("g.status", "=", "approved")
    .orderBy("o.name_vi")
    .orderBy("g.full_name")
    .execute();
}

/** The registered authors of at least one of the conference's documents: the list's filter offers only these. */
export function documentAuthorOptions(db: Db, conferenceId: number) {
  return db
    .selectFrom("registrations as g")
    .innerJoin("organisations as o", "o.id", "g.organisation_id")
    .select(["g.id", "g.full_name", "o.name_vi as organisation_vi", "o.name_en as organisation_en"])
    .where("g.conference_id", "=", conferenceId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("documents as d")
          .select("d.id")
          .whereRef("d.author_registration_id", "=", "g.id")
          .where("d.conference_id", "=", conferenceId),
      ),
    )
    .orderBy("o.name_vi")
    .orderBy("g.full_name")
    .execute();
}

/** Every session of the conference (drafts too: staff file documents before the programme is out). */
export function sessionOptions(db: Db, conferenceId: number) {
  return db
    .selectFrom("sessions")
    .select(["id", "kind", "title_vi", "title_en", "starts_at"])
    .where("conference_id", "=", conferenceId)
    .orderBy("starts_at")
    .orderBy("id")
    .execute();
}

/** The input checked against the database: the session and the author are this conference's. */
async function checkLinks(db: Db, conferenceId: number, input: DocumentInput, selfId: number | null) {
  let authorName = input.authorName;
  if (input.sessionId !== null) {
    const session = await db
      .selectFrom("sessions")
      .select(["id", "kind"])
      .where("id", "=", input.sessionId)
      .where("conference_id", "=", conferenceId)
      .executeTakeFirst();
    if (!session) return invalid(`${E}.choice`, "sessionId");
    if (input.kind === "summary" && session.kind !== "discussion")
      return invalid(`${E}.summaryNeedsDiscussion`, "sessionId");
  }
  if (input.authorRegistrationId !== null) {
    const author = await db
      .selectFrom("registrations")
      .select(["id", "full_name"])
      .where("id", "=", input.authorRegistrationId)
      .where("conference_id", "=", conferenceId)
      .where("status", "=", "approved")
      .executeTakeFirst();
    if (!author) return invalid(`${E}.choice`, "authorRegistrationId");
    // The name kept as well: the book prints it even if the registration goes.
    authorName = author.full_name;
  }
  if (input.kind === "summary" && input.sessionId !== null) {
    const other = await db
      .selectFrom("documents")
      .select("id")
      .where("kind", "=", "summary")
      .where("session_id", "=", input.sessionId)
      .where("language", "=", input.language)
      .$if(selfId !== null, (q) => q.where("id", "<>", selfId!))
      .executeTakeFirst();
    if (other) return conflict(`${E}.summaryExists`, { id: other.id }, "language");
  }
  return { ok: true as const, authorName };
}

const values = (input: DocumentInput, authorName: string) => ({
  kind: input.kind,
  title: input.title,
  language: input.language,
  session_id: input.sessionId,
  author_registration_id: input.authorRegistrationId,
  author_name: authorName,
  position: input.position,
  body: input.body,
});

export async function createDocument(
  db: Db,
  conferenceId: number,
  input: DocumentInput,
  actor: Actor,
): Promise<Result<{ id: number }>> {
  return inTransaction(db, async (trx) => {
    const checked = await checkLinks(trx, conferenceId, input, null);
    if (!checked.ok) return checked;
    const at = nowIso();
    const { id } = await trx
      .insertInto("documents")
      .values({
        ...values(input, checked.authorName),
        conference_id: conferenceId,
        state: "draft",
        created_by: actor.id,
        updated_by: actor.id,
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, actor, "document.create", id, input.title, { kind: input.kind });
    return { ok: true, id };
  });
}

export async function updateDocument(
  db: Db,
  conferenceId: number,
  id: number,
  input: DocumentInput,
  actor: Actor,
): Promise<Result> {
  return inTransaction(db, async (trx) => {
    const current = await own(trx, conferenceId, id);
    if (!current) return notFound("proceedings.errors.notFound");
    const checked = await checkLinks(trx, conferenceId, input, id);
    if (!checked.ok) return checked;
    await trx
      .updateTable("documents")
      .set({ ...values(input, checked.authorName), updated_by: actor.id, updated_at: nowIso() })
      .where("id", "=", id)
      .where("conference_id", "=", conferenceId)
      .execute();
    await audit(trx, actor, "document.update", id, input.title);
    return { ok: true };
  });
}

/** Draft → final (dated) or back to draft; a final summary is what the session page shows. */
export async function setDocumentState(
  db: Db,
  conferenceId: number,
  id: number,
  state: DocumentState,
  actor: Actor,
): Promise<Result> {
  return inTransaction(db, async (trx) => {
    const current = await own(trx, conferenceId, id);
    if (!current) return notFound("proceedings.errors.notFound");
    if (state === "final" && current.body.trim() === "") return invalid(`${E}.emptyBody`, "body");
    if (current.state === state) return { ok: true };
    const at = nowIso();
    await trx
      .updateTable("documents")
      .set({ state, finalised_at: state === "final" ? at : null, updated_by: actor.id, updated_at: at })
      .where("id", "=", id)
      .execute();
    await audit(trx, actor, state === "final" ? "document.finalise" : "document.reopen", id, current.title);
    return { ok: true };
  });
}

/** Deletes a document (draft or final: staff decide) with its images, the files once the rows are gone. */
export async function deleteDocument(db: Db, conferenceId: number, id: number, actor: Actor): Promise<Result> {
  const keys: string[] = [];
  const result = await inTransaction(db, async (trx) => {
    const current = await own(trx, conferenceId, id);
    if (!current) return notFound("proceedings.errors.notFound");
    const images = await trx
      .selectFrom("document_images")
      .select("storage_key")
      .where("document_id", "=", id)
      .execute();
    keys.push(...images.map((i) => i.storage_key));
    await trx.deleteFrom("document_images").where("document_id", "=", id).execute();
    await trx.deleteFrom("documents").where("id", "=", id).execute();
    await audit(trx, actor, "document.delete", id, current.title, { images: keys.length, state: current.state });
    return { ok: true } as const;
  });
  if (result.ok) await Promise.all(keys.map((k) => deleteImage(DOCUMENT_IMAGE_AREA, k)));
  return result;
}

export function own(db: Db, conferenceId: number, id: number) {
  return db
    .selectFrom("documents")
    .select(["id", "title", "state", "kind", "body", "session_id", "language"])
    .where("id", "=", id)
    .where("conference_id", "=", conferenceId)
    .executeTakeFirst();
}

/** The audit entry of a change to a document: the title is its target's words. */
export function audit(
  db: Db,
  actor: Actor,
  action: string,
  documentId: number,
  title: string,
  detail: Record<string, unknown> = {},
) {
  return recordAudit(db, {
    actorId: actor.id,
    ip: actor.ip,
    action,
    entity: "document",
    entityId: documentId,
    detail: { title, ...detail },
  });
}
