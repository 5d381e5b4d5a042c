import { createHash } from "node:crypto";
import { getDb } from "~/platform/db.server";
import {
  importPlan,
  previewDelegateCsv,
  type ExistingRegistration,
  type ImportPreview,
  type Message,
  type PreviewRow,
} from "~/features/registration/delegate-import";
import { recordAudit } from "../../platform/audit.server";
import { conflict, type Actor, type Db, type Refusal, type Result } from "../../platform/types";
import { createRegistration, updateRegistrationAsOrganiser } from "./registrations.server";

export const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function loadContext(db: Db, conferenceId: number) {
  const [organisations, existing] = await Promise.all([
    db.selectFrom("organisations").select(["id", "code", "name_vi", "name_en", "abbreviation"]).execute(),
    db
      .selectFrom("registrations")
      .select([
        "id",
        "email",
        "honorific",
        "full_name",
        "position",
        "organisation_id",
        "phone",
        "mode",
        "status",
        "interpretation",
        "dietary",
        "consent_to_list",
        "organiser_note",
      ])
      .where("conference_id", "=", conferenceId)
      .execute() as Promise<ExistingRegistration[]>,
  ]);
  return { organisations, existing };
}

export type PreviewResult = ImportPreview & { digest: string; plan: string };

/** Reads the file and says what would happen to each row. Writes nothing. */
export async function previewImport(conferenceId: number, bytes: Uint8Array): Promise<PreviewResult> {
  const { organisations, existing } = await loadContext(getDb(), conferenceId);
  const preview = previewDelegateCsv(bytes, organisations, existing);
  return { ...preview, digest: sha256Hex(bytes), plan: preview.ok ? planDigest(preview) : "" };
}

const planDigest = (preview: Extract<ImportPreview, { ok: true }>) =>
  createHash("sha256").update(importPlan(preview)).digest("hex");

export interface ImportCommitted {
  created: number;
  approved: number;
  waitlisted: number;
  updated: number;
  unchanged: number;
  skipped: number;
}
/** Refused as a conflict (409): the file changed since its preview, or a row the rules refuse now. */
export type CommitResult = Result<ImportCommitted>;

/** Thrown inside the transaction to roll the whole import back, with the row and the reason. */
class ImportAborted extends Error {
  readonly refusal: Refusal;
  constructor(problem: Message) {
    super("import aborted");
    this.refusal = conflict(problem.key, problem.params).refusal;
  }
}

const abort = (row: PreviewRow, reason: string): never => {
  throw new ImportAborted({ key: "csv.error.rowRefused", params: { line: row.line, reason } });
};

/**
 * Writes every valid row in ONE transaction, or nothing. The bytes are parsed
 * again inside the transaction and must be the ones previewed (same SHA-256)
 * with the same fate for every row (same plan): if someone registered or
 * changed a delegate in between, the organiser previews again. A row the rules
 * refuse at write time (no place left to approve a waitlisted delegate, say)
 * rolls back the whole import with the line and the reason.
 */
export async function commitImport(
  conferenceId: number,
  bytes: Uint8Array,
  expectedDigest: string,
  actor: Actor,
  expectedPlan: string,
): Promise<CommitResult> {
  const digest = sha256Hex(bytes);
  if (digest !== expectedDigest) return conflict("csv.error.changed");
  try {
    return await getDb()
      .transaction()
      .execute(async (trx) => {
        const { organisations, existing } = await loadContext(trx, conferenceId);
        const preview = previewDelegateCsv(bytes, organisations, existing);
        if (!preview.ok) throw new ImportAborted(preview.problem);
        if (planDigest(preview) !== expectedPlan) throw new ImportAborted({ key: "csv.error.changed" });
        const result = {
          ok: true as const,
          created: 0,
          approved: 0,
          waitlisted: 0,
          updated: 0,
          unchanged: 0,
          skipped: 0,
        };
        for (const row of preview.rows) {
          if (row.action === "error" || !row.input) {
            result.skipped++;
          } else if (row.action === "new") {
            const created = await createRegistration(trx, row.input, {
              conferenceId,
              userId: null,
              attachExistingAccount: true,
              approve: row.approve,
              organiserNote: row.note ?? "",
              actor,
            });
            if (!created.ok) abort(row, created.refusal.key);
            else {
              result.created++;
              if (created.status === "approved") result.approved++;
              if (created.status === "waitlisted") result.waitlisted++;
            }
          } else if (row.changes.length === 0) {
            result.unchanged++;
          } else {
            await updateRow(trx, conferenceId, row, actor);
            result.updated++;
          }
        }
        if (result.created + result.updated === 0) throw new ImportAborted({ key: "csv.error.noValidRows" });
        const { ok: _ok, ...counts } = result;
        await recordAudit(trx, {
          actorId: actor.id,
          action: "registration.import",
          entity: "conference",
          entityId: conferenceId,
          detail: { ...counts, rows: preview.rows.length, sha256: digest },
          ip: actor.ip,
        });
        return result;
      });
  } catch (error) {
    if (error instanceof ImportAborted) return { ok: false, refusal: error.refusal };
    throw error;
  }
}

async function updateRow(trx: Db, conferenceId: number, row: PreviewRow, actor: Actor) {
  const input = row.input!;
  const current = await trx
    .selectFrom("registrations")
    .select(["status", "organiser_note"])
    .where("id", "=", row.existingId!)
    .executeTakeFirst();
  if (!current) abort(row, "csv.error.changed");
  const done = await updateRegistrationAsOrganiser(
    trx,
    conferenceId,
    row.existingId!,
    {
      ...input,
      organiserNote: row.note ?? current!.organiser_note,
      status: row.approve && current!.status !== "approved" ? "approved" : undefined,
    },
    actor,
  );
  // A refusal aborts the whole import, which rolls back what the row wrote before it.
  if (!done.ok) abort(row, done.refusal.kind === "notFound" ? "csv.error.changed" : done.refusal.key);
}
