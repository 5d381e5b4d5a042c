/**
 * Booths on the floor plan: added, edited, moved, resized, held and deleted by the organisers.
 * Positions snap to the hall's grid; a booth never overlaps another, stands on an obstacle or
 * leaves the hall; an allocated booth neither moves nor goes (the exhibitor holding it is named).
 */
import { recordAudit } from "~/platform/audit.server";
import { inTransaction, nowIso } from "~/platform/db.server";
import { conflict, invalid, notFound, type Actor, type Db, type Refused, type Result } from "~/platform/types";
import { hallCorners, type PlanHall } from "./plan-data";
import { placementProblem, rectArea, snapRect, type Rect } from "./geometry";
import { findHall } from "./halls.server";
import type { BoothInput } from "./schema";

/** The other booths and the obstacles of a hall, to check a placement against. */
export async function hallLayout(db: Db, hallId: number, exceptBoothId: number | null = null) {
  const booths = await db
    .selectFrom("booths")
    .select(["id", "code", "x", "y", "w", "h"])
    .where("hall_id", "=", hallId)
    .$if(exceptBoothId !== null, (q) => q.where("id", "!=", exceptBoothId!))
    .execute();
  const obstacles = await db
    .selectFrom("exhibition_obstacles")
    .select(["id", "kind", "label", "x", "y", "w", "h"])
    .where("hall_id", "=", hallId)
    .execute();
  return { booths, obstacles };
}

/** Why the rectangle cannot stand in the hall, as the refusal the form shows beside the position. */
export function placementRefusal(
  hall: PlanHall,
  rect: Rect,
  layout: Awaited<ReturnType<typeof hallLayout>>,
): Refused | null {
  // A grid finer than a centimetre snaps a booth to (next to) nothing: no area to store (the table keeps area > 0).
  if (!(rect.w > 0 && rect.h > 0 && rectArea(rect) > 0)) return invalid("exhibition.plan.error.noArea", "w");
  const problem = placementProblem(rect, hallCorners(hall), layout.booths, layout.obstacles);
  if (!problem) return null;
  if (problem.kind === "outside") return invalid("exhibition.plan.error.outside", "x", { hall: hall.code });
  if (problem.kind === "overlap") return conflict("exhibition.plan.error.overlap", { code: problem.code }, "x");
  return conflict(
    "exhibition.plan.error.onObstacle",
    { kind: `exhibition.obstacle.${problem.obstacleKind}`, label: problem.label },
    "x",
  );
}

/** The exhibitor a booth is allocated to, if any. */
async function holderOf(db: Db, boothId: number): Promise<string | null> {
  const row = await db
    .selectFrom("booth_allocations as a")
    .innerJoin("exhibitors as e", "e.id", "a.exhibitor_id")
    .select("e.name_vi")
    .where("a.booth_id", "=", boothId)
    .executeTakeFirst();
  return row ? row.name_vi : null;
}

async function boothOf(db: Db, conferenceId: number, id: number) {
  return db
    .selectFrom("booths")
    .selectAll()
    .where("id", "=", id)
    .where("conference_id", "=", conferenceId)
    .executeTakeFirst();
}

const allocatedRefusal = (code: string, exhibitor: string) =>
  conflict("exhibition.plan.error.boothAllocated", { code, exhibitor });

/** A new booth (id null) or a booth's every field. The area is width × depth unless given. */
export async function saveBooth(
  db: Db,
  conferenceId: number,
  id: number | null,
  input: BoothInput,
  actor: Actor,
): Promise<Result<{ id: number }>> {
  return inTransaction(db, async (trx): Promise<Result<{ id: number }>> => {
    const hall = await findHall(trx, conferenceId, input.hallId);
    if (!hall) return invalid("exhibition.plan.error.unknownHall", "hallId");
    const existing = id === null ? null : await boothOf(trx, conferenceId, id);
    if (id !== null && !existing) return notFound("exhibition.errors.notFound");
    const taken = await trx
      .selectFrom("booths")
      .select("id")
      .where("conference_id", "=", conferenceId)
      .where("code", "=", input.code)
      .$if(id !== null, (q) => q.where("id", "!=", id!))
      .executeTakeFirst();
    if (taken) return invalid("exhibition.plan.error.codeTaken", "code", { code: input.code });
    const rect = snapRect(input, hall.grid_m);
    if (existing) {
      const moved =
        existing.hall_id !== hall.id ||
        (["x", "y", "w", "h"] as const).some((k) => Math.abs(existing[k] - rect[k]) > 0.0005);
      const holder = moved ? await holderOf(trx, existing.id) : null;
      if (holder) return allocatedRefusal(existing.code, holder);
      if (input.held && !existing.held) {
        const holding = await holderOf(trx, existing.id);
        if (holding)
          return conflict("exhibition.plan.error.holdAllocated", { code: existing.code, exhibitor: holding });
      }
    }
    const refusal = placementRefusal(hall, rect, await hallLayout(trx, hall.id, id));
    if (refusal) return refusal;
    const values = {
      hall_id: hall.id,
      code: input.code,
      zone: input.zone,
      type: input.type,
      ...rect,
      area: input.area ?? rectArea(rect),
      power: input.power ? 1 : 0,
      water: input.water ? 1 : 0,
      held: input.held ? 1 : 0,
      note: input.note,
    };
    const now = nowIso();
    let boothId: number;
    if (existing) {
      await trx
        .updateTable("booths")
        .set({ ...values, updated_at: now })
        .where("id", "=", existing.id)
        .execute();
      boothId = existing.id;
    } else {
      boothId = (
        await trx
          .insertInto("booths")
          .values({ ...values, conference_id: conferenceId, created_at: now, updated_at: now })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    }
    await recordAudit(trx, {
      actorId: actor.id,
      ip: actor.ip,
      action: existing ? "exhibition_booth.update" : "exhibition_booth.create",
      entity: "booth",
      entityId: boothId,
      detail: values,
    });
    return { ok: true, id: boothId };
  });
}

/** A drag or an arrow key: the new rectangle (snapped), checked like the form. */
export async function moveBooth(
  db: Db,
  conferenceId: number,
  id: number,
  to: Rect,
  actor: Actor,
): Promise<Result<{ rect: Rect; area: number }>> {
  return inTransaction(db, async (trx): Promise<Result<{ rect: Rect; area: number }>> => {
    const booth = await boothOf(trx, conferenceId, id);
    if (!booth) return notFound("exhibition.errors.notFound");
    const hall = (await findHall(trx, conferenceId, booth.hall_id))!;
    const rect = snapRect(to, hall.grid_m);
    const holder = await holderOf(trx, id);
    if (holder) return allocatedRefusal(booth.code, holder);
    const refusal = placementRefusal(hall, rect, await hallLayout(trx, hall.id, id));
    if (refusal) return refusal;
    // A resize keeps a typed-in area only when the size is unchanged.
    const resized = Math.abs(booth.w - rect.w) > 0.0005 || Math.abs(booth.h - rect.h) > 0.0005;
    const area = resized ? rectArea(rect) : booth.area;
    await trx
      .updateTable("booths")
      .set({ ...rect, area, updated_at: nowIso() })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, {
      actorId: actor.id,
      ip: actor.ip,
      action: "exhibition_booth.move",
      entity: "booth",
      entityId: id,
      detail: { code: booth.code, from: { x: booth.x, y: booth.y, w: booth.w, h: booth.h }, to: rect },
    });
    return { ok: true, rect, area };
  });
}

export async function deleteBooth(db: Db, conferenceId: number, id: number, actor: Actor): Promise<Result> {
  return inTransaction(db, async (trx): Promise<Result> => {
    const booth = await boothOf(trx, conferenceId, id);
    if (!booth) return notFound("exhibition.errors.notFound");
    const holder = await holderOf(trx, id);
    if (holder) return allocatedRefusal(booth.code, holder);
    await trx.deleteFrom("booths").where("id", "=", id).execute();
    await recordAudit(trx, {
      actorId: actor.id,
      ip: actor.ip,
      action: "exhibition_booth.delete",
      entity: "booth",
      entityId: id,
      detail: { code: booth.code, hall_id: booth.hall_id, x: booth.x, y: booth.y, w: booth.w, h: booth.h },
    });
    return { ok: true };
  });
}

/** Held back (a partner's booth, a stage): neither free nor for the allocator. An allocated booth cannot be held. */
export async function setBoothHeld(
  db: Db,
  conferenceId: number,
  id: number,
  held: boolean,
  actor: Actor,
): Promise<Result> {
  return inTransaction(db, async (trx): Promise<Result> => {
    const booth = await boothOf(trx, conferenceId, id);
    if (!booth) return notFound("exhibition.errors.notFound");
    if (held) {
      const holder = await holderOf(trx, id);
      if (holder) return conflict("exhibition.plan.error.holdAllocated", { code: booth.code, exhibitor: holder });
    }
    await trx
      .updateTable("booths")
      .set({ held: held ? 1 : 0, updated_at: nowIso() })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, {
      actorId: actor.id,
      ip: actor.ip,
      action: held ? "exhibition_booth.hold" : "exhibition_booth.release",
      entity: "booth",
      entityId: id,
      detail: { code: booth.code },
    });
    return { ok: true };
  });
}
