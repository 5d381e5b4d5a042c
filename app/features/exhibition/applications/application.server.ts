import { recordAudit } from "~/platform/audit.server";
import { inTransaction, nowIso } from "~/platform/db.server";
import { takeAllowance } from "~/platform/throttle.server";
import { conflict, invalid, notFound, tooMany, type Actor, type Db, type Result } from "~/platform/types";
import type { ApplicationStatus, Zone } from "../rules";
import { mailChangeRequest } from "./application-mail.server";
import type { ApplicationInput } from "./schema";
import { parseTypes, parseZones } from "./wishes";

/**
 * The exhibitor's own application: every query has the account in its WHERE (indie-stack's
 * getNote({ id, userId })), so nobody reads or changes another's by guessing an id. It is edited
 * until a booth is allocated; then it is read-only and the exhibitor asks the organisers for changes.
 */
export interface Owner {
  conferenceId: number;
  userId: string;
  actor: Actor;
}

const E = "exhibition.applications.errors";

/** The application row of this account in this conference, or undefined. */
export function ownRow(db: Db, owner: Pick<Owner, "conferenceId" | "userId">) {
  return db
    .selectFrom("exhibitors")
    .selectAll()
    .where("conference_id", "=", owner.conferenceId)
    .where("user_id", "=", owner.userId)
    .executeTakeFirst();
}

/** The booths allocated to an exhibitor, with their hall (empty: none yet). */
export function allocatedBooths(db: Db, exhibitorId: number) {
  return db
    .selectFrom("booth_allocations as a")
    .innerJoin("booths as b", "b.id", "a.booth_id")
    .innerJoin("exhibition_halls as h", "h.id", "b.hall_id")
    .select([
      "b.id",
      "b.code",
      "b.zone",
      "b.type",
      "b.area",
      "h.name_vi as hall_vi",
      "h.name_en as hall_en",
      "a.confirmed_at",
    ])
    .where("a.exhibitor_id", "=", exhibitorId)
    .orderBy("b.code")
    .execute();
}

export async function isAllocated(db: Db, exhibitorId: number): Promise<boolean> {
  const row = await db
    .selectFrom("booth_allocations")
    .select("booth_id")
    .where("exhibitor_id", "=", exhibitorId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Everything the exhibitor's page shows of their own application (null: none yet). */
export async function getOwnApplication(db: Db, owner: Pick<Owner, "conferenceId" | "userId">) {
  const row = await ownRow(db, owner);
  if (!row) return null;
  const [products, photos, neighbours, booths] = await Promise.all([
    db
      .selectFrom("exhibitor_products")
      .select(["id", "name_vi", "name_en", "category", "description_vi", "description_en"])
      .where("exhibitor_id", "=", row.id)
      .orderBy("position")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("exhibitor_photos")
      .select(["id", "product_id", "caption", "width", "height", "content_type"])
      .where("exhibitor_id", "=", row.id)
      .orderBy("id")
      .execute(),
    db.selectFrom("exhibitor_neighbours").select("neighbour_id").where("exhibitor_id", "=", row.id).execute(),
    allocatedBooths(db, row.id),
  ]);
  return {
    ...row,
    zones: parseZones(row.zone_wishes),
    types: parseTypes(row.type_wishes),
    neighbours: neighbours.map((n) => n.neighbour_id),
    products,
    photos,
    booths,
    allocated: booths.length > 0,
  };
}
export type OwnApplication = NonNullable<Awaited<ReturnType<typeof getOwnApplication>>>;

/** The exhibitors one may name as neighbours: those submitted or approved, other than oneself. */
export function neighbourChoices(db: Db, conferenceId: number, ownId: number | null) {
  let query = db
    .selectFrom("exhibitors as e")
    .leftJoin("organisations as p", "p.id", "e.province_id")
    .select(["e.id", "e.name_vi", "e.name_en", "p.name_vi as province_vi", "p.name_en as province_en"])
    .where("e.conference_id", "=", conferenceId)
    .where("e.status", "in", ["submitted", "approved"]);
  if (ownId !== null) query = query.where("e.id", "<>", ownId);
  return query.orderBy("e.name_vi").execute();
}

/** How many other applicants (submitted or approved) wish each zone first. */
export async function firstChoiceCounts(db: Db, conferenceId: number, ownId: number | null) {
  const rows = await db
    .selectFrom("exhibitors")
    .select(["id", "zone_wishes"])
    .where("conference_id", "=", conferenceId)
    .where("status", "in", ["submitted", "approved"])
    .execute();
  const counts: Partial<Record<Zone, number>> = {};
  for (const r of rows) {
    const first = parseZones(r.zone_wishes)[0];
    if (first && r.id !== ownId) counts[first] = (counts[first] ?? 0) + 1;
  }
  return counts;
}

/** The organisers' closing instant for applications (null: open until they set one). */
export async function applicationsCloseAt(db: Db, conferenceId: number): Promise<string | null> {
  const row = await db
    .selectFrom("exhibition_settings")
    .select("applications_close_at")
    .where("conference_id", "=", conferenceId)
    .executeTakeFirst();
  return row?.applications_close_at ?? null;
}

/** Past the closing instant, no new application and no first submission; those already in may still be edited. */
export function applicationsClosed(closeAt: string | null, at: string): boolean {
  return closeAt !== null && at >= closeAt;
}

/** The provinces an exhibitor may say it comes from. */
export function provinceOptions(db: Db) {
  return db
    .selectFrom("organisations")
    .select(["id", "kind", "name_vi", "name_en"])
    .where("kind", "=", "province")
    .orderBy("name_vi")
    .execute();
}

/**
 * Saves the application as a draft or submits it. Editing an approved application's identity (name,
 * kind, province) sends it back for approval: the province is a claim that counts only once approved.
 */
export async function saveOwnApplication(
  db: Db,
  owner: Owner,
  input: ApplicationInput,
  submit: boolean,
): Promise<Result<{ id: number; status: ApplicationStatus; reopened: boolean }>> {
  return inTransaction(db, async (trx) => {
    const existing = await ownRow(trx, owner);
    if (existing && (await isAllocated(trx, existing.id))) return conflict(`${E}.allocated`);
    const province = await trx
      .selectFrom("organisations")
      .select("id")
      .where("id", "=", input.provinceId)
      .where("kind", "=", "province")
      .executeTakeFirst();
    if (!province) return invalid(`${E}.provincePick`, "provinceId");
    if (input.neighbours.length) {
      const allowed = new Set((await neighbourChoices(trx, owner.conferenceId, existing?.id ?? null)).map((n) => n.id));
      if (input.neighbours.some((id) => !allowed.has(id))) return invalid(`${E}.neighbour`, "neighbours");
    }
    if (submit && input.zones.length === 0) return invalid(`${E}.zoneRequired`, "zone1");

    const at = nowIso();
    const firstSubmission = submit && (!existing || ["draft", "withdrawn", "rejected"].includes(existing.status));
    if ((!existing || firstSubmission) && applicationsClosed(await applicationsCloseAt(trx, owner.conferenceId), at))
      return conflict(`${E}.closed`);
    const identityChanged =
      existing !== undefined &&
      (existing.name_vi !== input.nameVi || existing.kind !== input.kind || existing.province_id !== input.provinceId);
    const before = existing?.status ?? "draft";
    let status: ApplicationStatus = before;
    let reopened = false;
    if (submit && (before === "draft" || before === "withdrawn" || before === "rejected")) status = "submitted";
    else if (!submit && before === "withdrawn") status = "draft";
    else if (before === "approved" && identityChanged) {
      status = "submitted";
      reopened = true;
    }
    const values = {
      name_vi: input.nameVi,
      name_en: input.nameEn,
      kind: input.kind,
      province_id: input.provinceId,
      contact_name: input.contactName,
      contact_email: input.contactEmail,
      contact_phone: input.contactPhone,
      website: input.website,
      about_vi: input.aboutVi,
      about_en: input.aboutEn,
      booths_needed: input.boothsNeeded,
      min_area: input.minArea,
      zone_wishes: JSON.stringify(input.zones),
      type_wishes: JSON.stringify(input.types),
      near_province: input.nearProvince ? 1 : 0,
      apart_category: input.apartCategory,
      needs_power: input.needsPower ? 1 : 0,
      needs_water: input.needsWater ? 1 : 0,
      status,
      updated_at: at,
    };
    let id: number;
    if (existing) {
      id = existing.id;
      await trx
        .updateTable("exhibitors")
        .set({
          ...values,
          ...(status === "submitted" && before !== "submitted" ? { submitted_at: at } : {}),
          ...(reopened ? { decided_at: null, decided_by: null } : {}),
        })
        .where("id", "=", existing.id)
        .where("user_id", "=", owner.userId)
        .execute();
    } else {
      id = (
        await trx
          .insertInto("exhibitors")
          .values({
            ...values,
            conference_id: owner.conferenceId,
            user_id: owner.userId,
            submitted_at: status === "submitted" ? at : null,
            created_at: at,
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    }
    if (submit && status === "submitted") {
      const products = await trx
        .selectFrom("exhibitor_products")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("exhibitor_id", "=", id)
        .executeTakeFirstOrThrow();
      if (Number(products.n) === 0) return invalid(`${E}.noProducts`);
    }
    await trx.deleteFrom("exhibitor_neighbours").where("exhibitor_id", "=", id).execute();
    if (input.neighbours.length)
      await trx
        .insertInto("exhibitor_neighbours")
        .values(input.neighbours.map((n) => ({ exhibitor_id: id, neighbour_id: n })))
        .execute();
    await recordAudit(trx, {
      actorId: owner.actor.id,
      ip: owner.actor.ip,
      action: submit ? "exhibition_application.submit" : "exhibition_application.save",
      entity: "exhibitor",
      entityId: id,
      detail: { status, before, reopened },
    });
    return { ok: true, id, status, reopened };
  });
}

/** Withdraws the application (until a booth is allocated: then the organisers must be asked). */
export async function withdrawOwnApplication(db: Db, owner: Owner): Promise<Result> {
  return inTransaction(db, async (trx) => {
    const row = await ownRow(trx, owner);
    if (!row) return notFound("exhibition.errors.notFound");
    if (await isAllocated(trx, row.id)) return conflict(`${E}.allocated`);
    if (row.status === "withdrawn") return conflict(`${E}.alreadyWithdrawn`);
    await trx
      .updateTable("exhibitors")
      .set({ status: "withdrawn", updated_at: nowIso() })
      .where("id", "=", row.id)
      .where("user_id", "=", owner.userId)
      .execute();
    await recordAudit(trx, {
      actorId: owner.actor.id,
      ip: owner.actor.ip,
      action: "exhibition_application.withdraw",
      entity: "exhibitor",
      entityId: row.id,
      detail: { before: row.status },
    });
    return { ok: true };
  });
}

/** How many change requests an application may send in an hour (each is mailed to every organiser). */
export const CHANGE_REQUESTS_PER_HOUR = 5;

/** After allocation: asks the organisers for a change (kept on the application, audited, mailed to them). */
export async function requestChange(db: Db, owner: Owner, request: string): Promise<Result> {
  return inTransaction(db, async (trx) => {
    const row = await ownRow(trx, owner);
    if (!row) return notFound("exhibition.errors.notFound");
    if (!(await isAllocated(trx, row.id))) return conflict(`${E}.notAllocated`);
    // Each request mails every organiser: a few an hour per application, so that none can flood their inbox.
    const allowed = await takeAllowance(trx, [
      { key: `exhibition-change:${row.id}`, limit: CHANGE_REQUESTS_PER_HOUR, windowMinutes: 60 },
    ]);
    if (!allowed.ok) return tooMany(`${E}.tooManyChangeRequests`, { minutes: allowed.minutes });
    const at = nowIso();
    await trx
      .updateTable("exhibitors")
      .set({ change_request: request, change_requested_at: at, updated_at: at })
      .where("id", "=", row.id)
      .where("user_id", "=", owner.userId)
      .execute();
    await recordAudit(trx, {
      actorId: owner.actor.id,
      ip: owner.actor.ip,
      action: "exhibition_application.change_request",
      entity: "exhibitor",
      entityId: row.id,
      detail: { request },
    });
    await mailChangeRequest(trx, { id: row.id, name_vi: row.name_vi, name_en: row.name_en }, request);
    return { ok: true };
  });
}
