import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { getDb, nowIso } from "~/platform/db.server";

export interface AuditInput {
  actorId: string | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  detail?: Record<string, unknown> | null;
  ip?: string | null;
}

/** Writes one audit entry; pass the transaction so it commits with the change. */
export async function recordAudit(db: Kysely<Database> | Transaction<Database>, input: AuditInput): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      at: nowIso(),
      actor_id: input.actorId,
      action: input.action,
      entity: input.entity,
      entity_id: input.entityId == null ? null : String(input.entityId),
      detail: input.detail ? JSON.stringify(input.detail) : null,
      ip: input.ip ?? null,
    })
    .execute();
}

export const AUDIT_PAGE_SIZE = 50;

export async function listAudit({ page = 1, action }: { page?: number; action?: string | null }) {
  const db = getDb();
  let q = db.selectFrom("audit_log as a").leftJoin("users as u", "u.id", "a.actor_id");
  if (action) q = q.where("a.action", "=", action);
  const [{ total }] = await q.select((eb) => eb.fn.countAll<number>().as("total")).execute();
  const rows = await q
    .select([
      "a.id",
      "a.at",
      "a.action",
      "a.entity",
      "a.entity_id",
      "a.detail",
      "a.ip",
      "u.full_name as actor_name",
      "u.email as actor_email",
    ])
    .orderBy("a.id", "desc")
    .limit(AUDIT_PAGE_SIZE)
    .offset((Math.max(1, page) - 1) * AUDIT_PAGE_SIZE)
    .execute();
  const actions = await db.selectFrom("audit_log").select("action").distinct().orderBy("action").execute();
  return { rows, total: Number(total), pageSize: AUDIT_PAGE_SIZE, actions: actions.map((a) => a.action) };
}

/** The audit trail of one object, newest first (e.g. a registration's history). */
export async function auditTrail(entity: string, entityId: string | number, limit = 50) {
  return getDb()
    .selectFrom("audit_log as a")
    .leftJoin("users as u", "u.id", "a.actor_id")
    .select(["a.id", "a.at", "a.action", "a.detail", "u.full_name as actor_name"])
    .where("a.entity", "=", entity)
    .where("a.entity_id", "=", String(entityId))
    .orderBy("a.id", "desc")
    .limit(limit)
    .execute();
}
