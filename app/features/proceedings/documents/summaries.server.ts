import { inTransaction, nowIso } from "~/platform/db.server";
import { forbidden, invalid, notFound, type Actor, type Db, type Result } from "~/platform/types";
import type { DocumentLanguage } from "../rules";
import { audit } from "./documents.server";
import type { SummaryInput } from "./schema";

/**
 * The rapporteurs' session summaries and what the public session page shows of documents. A summary is
 * a document of kind "summary", one per session and language (a unique index): the session's
 * rapporteurs share it. Only final documents are ever shown publicly.
 */
const E = "proceedings.documents.errors";

/** The viewer's approved rapporteur registration for this session, or null. */
export async function rapporteurRegistration(db: Db, conferenceId: number, sessionId: number, userId: string) {
  const row = await db
    .selectFrom("session_people as p")
    .innerJoin("registrations as g", "g.id", "p.registration_id")
    .select(["g.id", "g.full_name"])
    .where("p.session_id", "=", sessionId)
    .where("p.role", "=", "rapporteur")
    .where("g.user_id", "=", userId)
    .where("g.conference_id", "=", conferenceId)
    .where("g.status", "=", "approved")
    .executeTakeFirst();
  return row ?? null;
}

/** Who writes this session's summary: staff (update:document) or its rapporteur; else null. */
export async function summaryWriter(
  db: Db,
  conferenceId: number,
  sessionId: number,
  user: { id: string; staff: boolean } | null,
): Promise<{ as: "staff" | "rapporteur"; registrationId: number | null } | null> {
  if (!user) return null;
  if (user.staff) return { as: "staff", registrationId: null };
  const own = await rapporteurRegistration(db, conferenceId, sessionId, user.id);
  return own ? { as: "rapporteur", registrationId: own.id } : null;
}

/** The session a summary belongs to: this conference's, a discussion. Drafts of the programme are not offered. */
export function summarySession(db: Db, conferenceId: number, sessionId: number) {
  return db
    .selectFrom("sessions")
    .select(["id", "kind", "title_vi", "title_en", "published", "starts_at", "ends_at"])
    .where("id", "=", sessionId)
    .where("conference_id", "=", conferenceId)
    .executeTakeFirst();
}

/** Both languages' summaries of a session (drafts too: for its writers). */
export function sessionSummaries(db: Db, sessionId: number) {
  return db
    .selectFrom("documents")
    .select(["id", "language", "state", "body", "title", "author_name", "finalised_at", "updated_at"])
    .where("kind", "=", "summary")
    .where("session_id", "=", sessionId)
    .orderBy("language", "desc")
    .execute();
}

/** The session's final documents (summaries first), without bodies, for the public page. */
export function finalSessionDocuments(db: Db, sessionId: number) {
  return db
    .selectFrom("documents as d")
    .leftJoin("registrations as g", "g.id", "d.author_registration_id")
    .select([
      "d.id",
      "d.kind",
      "d.title",
      "d.language",
      "d.author_name",
      "d.finalised_at",
      "g.full_name as author_registered",
    ])
    .where("d.session_id", "=", sessionId)
    .where("d.state", "=", "final")
    .orderBy("d.position")
    .orderBy("d.id")
    .execute();
}

/** A final document of a published session, with its body: what the public PDF and page may show. */
export function publicDocument(db: Db, conferenceId: number, sessionId: number, documentId: number) {
  return db
    .selectFrom("documents as d")
    .innerJoin("sessions as s", "s.id", "d.session_id")
    .select(["d.id", "d.session_id"])
    .where("d.id", "=", documentId)
    .where("d.session_id", "=", sessionId)
    .where("d.conference_id", "=", conferenceId)
    .where("d.state", "=", "final")
    .where("s.published", "=", 1)
    .executeTakeFirst();
}

/**
 * Saves the summary in a language (creating it on first save), and finalises or reopens it when asked.
 * The writer's authority is checked by the caller (summaryWriter) and again here for a rapporteur.
 */
export async function saveSummary(
  db: Db,
  conferenceId: number,
  sessionId: number,
  input: SummaryInput & { state?: "draft" | "final" },
  writer: { as: "staff" | "rapporteur"; registrationId: number | null },
  actor: Actor & { id: string },
): Promise<Result<{ id: number }>> {
  return inTransaction(db, async (trx) => {
    const session = await summarySession(trx, conferenceId, sessionId);
    if (!session) return notFound("proceedings.errors.notFound");
    if (session.kind !== "discussion") return invalid(`${E}.summaryNeedsDiscussion`);
    if (writer.as === "rapporteur" && !(await rapporteurRegistration(trx, conferenceId, sessionId, actor.id)))
      return forbidden("error.forbidden.title");
    const at = nowIso();
    const existing = await trx
      .selectFrom("documents")
      .select(["id", "state", "author_registration_id"])
      .where("kind", "=", "summary")
      .where("session_id", "=", sessionId)
      .where("language", "=", input.language)
      .executeTakeFirst();
    const state = input.state ?? existing?.state ?? "draft";
    const finalisedAt = state === "final" ? (existing?.state === "final" ? undefined : at) : null;
    if (existing) {
      await trx
        .updateTable("documents")
        .set({
          body: input.body,
          state,
          ...(finalisedAt !== undefined ? { finalised_at: finalisedAt } : {}),
          updated_by: actor.id,
          updated_at: at,
        })
        .where("id", "=", existing.id)
        .execute();
      await summaryAudit(trx, actor, existing.id, session, input.language, existing.state, state);
      return { ok: true, id: existing.id };
    }
    const author = writer.registrationId
      ? await trx
          .selectFrom("registrations")
          .select("full_name")
          .where("id", "=", writer.registrationId)
          .executeTakeFirst()
      : undefined;
    const { id } = await trx
      .insertInto("documents")
      .values({
        conference_id: conferenceId,
        kind: "summary",
        title: (input.language === "en" ? session.title_en || session.title_vi : session.title_vi).slice(0, 300),
        author_registration_id: writer.registrationId,
        author_name: author?.full_name ?? "",
        session_id: sessionId,
        language: input.language,
        state,
        body: input.body,
        finalised_at: state === "final" ? at : null,
        created_by: actor.id,
        updated_by: actor.id,
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await summaryAudit(trx, actor, id, session, input.language, null, state);
    return { ok: true, id };
  });
}

function summaryAudit(
  db: Db,
  actor: Actor,
  id: number,
  session: { title_vi: string },
  language: DocumentLanguage,
  before: string | null,
  after: string,
) {
  const action =
    before === null
      ? "document.create"
      : before !== after
        ? after === "final"
          ? "document.finalise"
          : "document.reopen"
        : "document.update";
  return audit(db, actor, action, id, session.title_vi, { kind: "summary", language, sessionTitle: session.title_vi });
}

/** Takes a final summary back to draft (off the public page), for its writers. */
export async function reopenSummary(
  db: Db,
  conferenceId: number,
  sessionId: number,
  language: DocumentLanguage,
  writer: { as: "staff" | "rapporteur" },
  actor: Actor & { id: string },
): Promise<Result> {
  return inTransaction(db, async (trx) => {
    const session = await summarySession(trx, conferenceId, sessionId);
    if (!session) return notFound("proceedings.errors.notFound");
    if (writer.as === "rapporteur" && !(await rapporteurRegistration(trx, conferenceId, sessionId, actor.id)))
      return forbidden("error.forbidden.title");
    const existing = await trx
      .selectFrom("documents")
      .select(["id", "state"])
      .where("kind", "=", "summary")
      .where("session_id", "=", sessionId)
      .where("language", "=", language)
      .executeTakeFirst();
    if (!existing) return notFound("proceedings.errors.notFound");
    if (existing.state === "draft") return { ok: true };
    await trx
      .updateTable("documents")
      .set({ state: "draft", finalised_at: null, updated_by: actor.id, updated_at: nowIso() })
      .where("id", "=", existing.id)
      .execute();
    await summaryAudit(trx, actor, existing.id, session, language, "final", "draft");
    return { ok: true };
  });
}
