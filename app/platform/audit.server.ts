import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { getDb, nowIso } from "~/platform/db.server";
import { auditEn } from "./audit-messages.en";
import { auditVi } from "./audit-messages.vi";

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

export interface AuditFilters {
  page?: number;
  /** One action code ("registration.approve"). */
  action?: string | null;
  /** Any of these action codes (a kind of action). */
  actions?: readonly string[] | null;
  /** Who acted (a user id). */
  actorId?: string | null;
  /** Instants, ISO UTC: from inclusive, to exclusive. */
  from?: string | null;
  to?: string | null;
}

export async function listAudit({ page = 1, action, actions, actorId, from, to }: AuditFilters = {}) {
  const db = getDb();
  let q = db.selectFrom("audit_log as a").leftJoin("users as u", "u.id", "a.actor_id");
  if (action) q = q.where("a.action", "=", action);
  if (actions) q = actions.length ? q.where("a.action", "in", [...actions]) : q.where(sql<boolean>`0`);
  if (actorId) q = q.where("a.actor_id", "=", actorId);
  if (from) q = q.where("a.at", ">=", from);
  if (to) q = q.where("a.at", "<", to);
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
  const [actionRows, actors, targets] = await Promise.all([
    db.selectFrom("audit_log").select("action").distinct().orderBy("action").execute(),
    // The people who appear in the log as actors, for the filter.
    db
      .selectFrom("users as u")
      .select(["u.id", "u.full_name", "u.email"])
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom("audit_log as x")
            .select(sql`1`.as("one"))
            .whereRef("x.actor_id", "=", "u.id"),
        ),
      )
      .orderBy("u.full_name")
      .execute(),
    auditTargets(db, rows),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, target: targets.get(`${r.entity}:${r.entity_id}`) ?? null })),
    total: Number(total),
    pageSize: AUDIT_PAGE_SIZE,
    actions: actionRows.map((a) => a.action),
    actors,
  };
}

/** A target in both languages (titles and organisation names have two; a person's name one). */
export interface AuditTarget {
  vi: string;
  en: string;
}

const same = (name: string): AuditTarget => ({ vi: name, en: name });

function jobKindTarget(kind: string, id: number): AuditTarget {
  const key = `jobKind.${kind}`;
  const label = (messages: Record<string, string>) => `${messages[key] ?? kind} (#${id})`;
  return { vi: label(auditVi), en: label(auditEn) };
}

/**
 * What the entries acted on, in words, keyed "entity:id": a registration's or account's person,
 * a session's or room's name, an organisation, an invitation's e-mail, the two parties of a
 * meeting request or meeting, the session of a meeting block, a booth's code, an exhibitor's or
 * a hall's name (an obstacle's hall). One query per kind of entity.
 */
async function auditTargets(
  db: Kysely<Database>,
  rows: ReadonlyArray<{ entity: string; entity_id: string | null }>,
): Promise<Map<string, AuditTarget>> {
  const ids = (entity: string) => [
    ...new Set(
      rows
        .filter((r) => r.entity === entity && r.entity_id !== null && /^\d+$/.test(r.entity_id))
        .map((r) => Number(r.entity_id)),
    ),
  ];
  const userIds = [...new Set(rows.filter((r) => r.entity === "user" && r.entity_id).map((r) => r.entity_id!))];
  const out = new Map<string, AuditTarget>();
  const put = (entity: string, id: string | number, target: AuditTarget) => out.set(`${entity}:${id}`, target);
  const pair = (a: AuditTarget, b: AuditTarget): AuditTarget => ({ vi: `${a.vi} → ${b.vi}`, en: `${a.en} → ${b.en}` });
  const registrationIds = ids("registration");
  const sessionIds = ids("session");
  const roomIds = ids("room");
  const organisationIds = ids("organisation");
  const invitationIds = ids("invitation");
  const conferenceIds = ids("conference");
  const requestIds = ids("meeting_request");
  const meetingIds = ids("meeting");
  const blockIds = ids("meeting_block");
  const boothIds = ids("booth");
  const exhibitorIds = ids("exhibitor");
  const hallIds = ids("exhibition_hall");
  const obstacleIds = ids("exhibition_obstacle");
  const jobIds = ids("job");
  const agreementIds = ids("agreement");
  const documentIds = ids("document");
  await Promise.all([
    registrationIds.length &&
      db
        .selectFrom("registrations")
        .select(["id", "full_name"])
        .where("id", "in", registrationIds)
        .execute()
        .then((found) => found.forEach((r) => put("registration", r.id, same(r.full_name)))),
    userIds.length &&
      db
        .selectFrom("users")
        .select(["id", "full_name", "email"])
        .where("id", "in", userIds)
        .execute()
        .then((found) => found.forEach((u) => put("user", u.id, same(u.full_name || u.email)))),
    sessionIds.length &&
      db
        .selectFrom("sessions")
        .select(["id", "title_vi", "title_en"])
        .where("id", "in", sessionIds)
        .execute()
        .then((found) => found.forEach((x) => put("session", x.id, { vi: x.title_vi, en: x.title_en }))),
    roomIds.length &&
      db
        .selectFrom("rooms")
        .select(["id", "name_vi", "name_en"])
        .where("id", "in", roomIds)
        .execute()
        .then((found) => found.forEach((x) => put("room", x.id, { vi: x.name_vi, en: x.name_en }))),
    organisationIds.length &&
      db
        .selectFrom("organisations")
        .select(["id", "name_vi", "name_en"])
        .where("id", "in", organisationIds)
        .execute()
        .then((found) => found.forEach((x) => put("organisation", x.id, { vi: x.name_vi, en: x.name_en }))),
    invitationIds.length &&
      db
        .selectFrom("invitations")
        .select(["id", "email"])
        .where("id", "in", invitationIds)
        .execute()
        .then((found) => found.forEach((x) => put("invitation", x.id, same(x.email)))),
    conferenceIds.length &&
      db
        .selectFrom("conferences")
        .select(["id", "title_vi", "title_en"])
        .where("id", "in", conferenceIds)
        .execute()
        .then((found) => found.forEach((x) => put("conference", x.id, { vi: x.title_vi, en: x.title_en }))),
    requestIds.length &&
      db
        .selectFrom("meeting_requests as mr")
        .innerJoin("organisations as f", "f.id", "mr.from_organisation_id")
        .innerJoin("organisations as t", "t.id", "mr.to_organisation_id")
        .select(["mr.id", "f.name_vi as f_vi", "f.name_en as f_en", "t.name_vi as t_vi", "t.name_en as t_en"])
        .where("mr.id", "in", requestIds)
        .execute()
        .then((found) =>
          found.forEach((x) =>
            put("meeting_request", x.id, pair({ vi: x.f_vi, en: x.f_en }, { vi: x.t_vi, en: x.t_en })),
          ),
        ),
    meetingIds.length &&
      db
        .selectFrom("meetings as m")
        .innerJoin("meeting_requests as mr", "mr.id", "m.request_id")
        .innerJoin("organisations as f", "f.id", "mr.from_organisation_id")
        .innerJoin("organisations as t", "t.id", "mr.to_organisation_id")
        .select(["m.id", "f.name_vi as f_vi", "f.name_en as f_en", "t.name_vi as t_vi", "t.name_en as t_en"])
        .where("m.id", "in", meetingIds)
        .execute()
        .then((found) =>
          found.forEach((x) => put("meeting", x.id, pair({ vi: x.f_vi, en: x.f_en }, { vi: x.t_vi, en: x.t_en }))),
        ),
    blockIds.length &&
      db
        .selectFrom("meeting_blocks as b")
        .innerJoin("sessions as s", "s.id", "b.session_id")
        .select(["b.id", "s.title_vi", "s.title_en"])
        .where("b.id", "in", blockIds)
        .execute()
        .then((found) => found.forEach((x) => put("meeting_block", x.id, { vi: x.title_vi, en: x.title_en }))),
    boothIds.length &&
      db
        .selectFrom("booths")
        .select(["id", "code"])
        .where("id", "in", boothIds)
        .execute()
        .then((found) => found.forEach((x) => put("booth", x.id, same(x.code)))),
    exhibitorIds.length &&
      db
        .selectFrom("exhibitors")
        .select(["id", "name_vi", "name_en"])
        .where("id", "in", exhibitorIds)
        .execute()
        .then((found) => found.forEach((x) => put("exhibitor", x.id, { vi: x.name_vi, en: x.name_en || x.name_vi }))),
    hallIds.length &&
      db
        .selectFrom("exhibition_halls")
        .select(["id", "name_vi", "name_en"])
        .where("id", "in", hallIds)
        .execute()
        .then((found) => found.forEach((x) => put("exhibition_hall", x.id, { vi: x.name_vi, en: x.name_en }))),
    // An obstacle reads as the hall it stands in.
    obstacleIds.length &&
      db
        .selectFrom("exhibition_obstacles as o")
        .innerJoin("exhibition_halls as h", "h.id", "o.hall_id")
        .select(["o.id", "h.name_vi", "h.name_en"])
        .where("o.id", "in", obstacleIds)
        .execute()
        .then((found) => found.forEach((x) => put("exhibition_obstacle", x.id, { vi: x.name_vi, en: x.name_en }))),
    // A job reads as what it makes ("the badge batch"), its number beside.
    jobIds.length &&
      db
        .selectFrom("jobs")
        .select(["id", "kind"])
        .where("id", "in", jobIds)
        .execute()
        .then((found) => found.forEach((x) => put("job", x.id, jobKindTarget(x.kind, x.id)))),
    // An international agreement (issue 14) by its title; a deleted draft falls back to its number.
    agreementIds.length &&
      db
        .selectFrom("agreements")
        .select(["id", "title"])
        .where("id", "in", agreementIds)
        .execute()
        .then((found) => found.forEach((x) => put("agreement", x.id, same(x.title)))),
    // A document (issue 14) by its title; a deleted one falls back to its number.
    documentIds.length &&
      db
        .selectFrom("documents")
        .select(["id", "title"])
        .where("id", "in", documentIds)
        .execute()
        .then((found) => found.forEach((x) => put("document", x.id, same(x.title)))),
  ]);
  return out;
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
