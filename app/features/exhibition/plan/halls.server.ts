/**
 * Halls and obstacles of the floor plan (the organisers' editor). Every change is audited with
 * the change, in one transaction; refusals carry the form field they belong beside.
 */
import { recordAudit } from "~/platform/audit.server";
import { inTransaction, nowIso } from "~/platform/db.server";
import { conflict, invalid, notFound, type Actor, type Db, type Result } from "~/platform/types";
import { hallCorners, parseOutline, type PlanHall } from "./plan-data";
import { insideOutline, overlaps, round, type Rect } from "./geometry";
import type { HallInput, ObstacleInput } from "./schema";

/** The hall when it belongs to the conference. */
export async function findHall(db: Db, conferenceId: number, hallId: number): Promise<PlanHall | null> {
  const row = await db
    .selectFrom("exhibition_halls")
    .select(["id", "code", "name_vi", "name_en", "width_m", "depth_m", "outline", "grid_m", "min_aisle_m"])
    .where("id", "=", hallId)
    .where("conference_id", "=", conferenceId)
    .executeTakeFirst();
  return row ? { ...row, outline: parseOutline(row.outline) } : null;
}

export async function saveHall(
  db: Db,
  conferenceId: number,
  id: number | null,
  input: HallInput,
  actor: Actor,
): Promise<Result<{ id: number }>> {
  return inTransaction(db, async (trx): Promise<Result<{ id: number }>> => {
    const taken = await trx
      .selectFrom("exhibition_halls")
      .select("id")
      .where("conference_id", "=", conferenceId)
      .where("code", "=", input.code)
      .$if(id !== null, (q) => q.where("id", "!=", id!))
      .executeTakeFirst();
    if (taken) return invalid("exhibition.plan.error.hallCodeTaken", "code", { code: input.code });
    const values = {
      code: input.code,
      name_vi: input.nameVi,
      name_en: input.nameEn,
      width_m: input.width,
      depth_m: input.depth,
      grid_m: input.grid,
      min_aisle_m: input.minAisle,
      outline: input.outline ? JSON.stringify(input.outline) : "",
    };
    const now = nowIso();
    let hallId: number;
    if (id === null) {
      const position = await trx
        .selectFrom("exhibition_halls")
        .select((eb) => eb.fn.coalesce(eb.fn.max("position"), eb.val(0)).as("p"))
        .where("conference_id", "=", conferenceId)
        .executeTakeFirstOrThrow();
      hallId = (
        await trx
          .insertInto("exhibition_halls")
          .values({
            ...values,
            conference_id: conferenceId,
            position: Number(position.p) + 1,
            created_at: now,
            updated_at: now,
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    } else {
      const hall = await findHall(trx, conferenceId, id);
      if (!hall) return notFound("exhibition.errors.notFound");
      // A smaller hall must still hold every booth it has.
      const corners = hallCorners({ outline: input.outline, width_m: input.width, depth_m: input.depth });
      const booths = await trx
        .selectFrom("booths")
        .select(["code", "x", "y", "w", "h"])
        .where("hall_id", "=", id)
        .execute();
      const outside = booths.find((b) => !insideOutline(b, corners));
      if (outside) return conflict("exhibition.plan.error.hallTooSmall", { code: outside.code }, "width");
      await trx
        .updateTable("exhibition_halls")
        .set({ ...values, updated_at: now })
        .where("id", "=", id)
        .execute();
      hallId = id;
    }
    await recordAudit(trx, {
      actorId: actor.id,
      ip: actor.ip,
      action: id === null ? "exhibition_hall.create" : "exhibition_hall.update",
      entity: "exhibition_hall",
      entityId: hallId,
      detail: { ...values },
    });
    return { ok: true, id: hallId };
  });
}

/** Refused while booths stand in it: they would have to go first (and allocated ones cannot). */
export async function deleteHall(db: Db, conferenceId: number, id: number, actor: Actor): Promise<Result> {
  return inTransaction(db, async (trx): Promise<Result> => {
    const hall = await findHall(trx, conferenceId, id);
    if (!hall) return notFound("exhibition.errors.notFound");
    const { count } = await trx
      .selectFrom("booths")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("hall_id", "=", id)
      .executeTakeFirstOrThrow();
    if (Number(count) > 0)
      return conflict("exhibition.plan.error.hallHasBooths", { hall: hall.code, count: Number(count) });
    await trx.deleteFrom("exhibition_obstacles").where("hall_id", "=", id).execute();
    await trx.deleteFrom("exhibition_halls").where("id", "=", id).execute();
    await recordAudit(trx, {
      actorId: actor.id,
      ip: actor.ip,
      action: "exhibition_hall.delete",
      entity: "exhibition_hall",
      entityId: id,
      detail: { code: hall.code },
    });
    return { ok: true };
  });
}

/** An obstacle may reach the walls (an exit is in one) but not beyond the hall's bounds, nor cover a booth. */
export async function saveObstacle(
  db: Db,
  conferenceId: number,
  id: number | null,
  input: ObstacleInput,
  actor: Actor,
): Promise<Result<{ id: number }>> {
  return inTransaction(db, async (trx): Promise<Result<{ id: number }>> => {
    const hall = await findHall(trx, conferenceId, input.hallId);
    if (!hall) return invalid("exhibition.plan.error.unknownHall", "hallId");
    const rect: Rect = { x: round(input.x), y: round(input.y), w: round(input.w), h: round(input.h) };
    // Stored to the millimetre: a size below half of one would be stored as nothing (the table keeps w, h > 0).
    if (rect.w <= 0) return invalid("exhibition.plan.error.tooSmall", "w");
    if (rect.h <= 0) return invalid("exhibition.plan.error.tooSmall", "h");
    const xs = hallCorners(hall).map((c) => c[0]);
    const ys = hallCorners(hall).map((c) => c[1]);
    if (rect.x + rect.w > Math.max(...xs) + 0.01 || rect.y + rect.h > Math.max(...ys) + 0.01)
      return invalid("exhibition.plan.error.obstacleOutside", "x");
    const booths = await trx
      .selectFrom("booths")
      .select(["code", "x", "y", "w", "h"])
      .where("hall_id", "=", hall.id)
      .execute();
    const covered = booths.find((b) => overlaps(rect, b));
    if (covered) return conflict("exhibition.plan.error.obstacleOnBooth", { code: covered.code }, "x");
    const values = { hall_id: hall.id, kind: input.kind, label: input.label, ...rect };
    let obstacleId: number;
    if (id === null) {
      obstacleId = (
        await trx.insertInto("exhibition_obstacles").values(values).returning("id").executeTakeFirstOrThrow()
      ).id;
    } else {
      const existing = await obstacleOf(trx, conferenceId, id);
      if (!existing) return notFound("exhibition.errors.notFound");
      await trx.updateTable("exhibition_obstacles").set(values).where("id", "=", id).execute();
      obstacleId = id;
    }
    await recordAudit(trx, {
      actorId: actor.id,
      ip: actor.ip,
      action: id === null ? "exhibition_obstacle.create" : "exhibition_obstacle.update",
      entity: "exhibition_obstacle",
      entityId: obstacleId,
      detail: values,
    });
    return { ok: true, id: obstacleId };
  });
}

async function obstacleOf(db: Db, conferenceId: number, id: number) {
  return db
    .selectFrom("exhibition_obstacles as o")
    .innerJoin("exhibition_halls as h", "h.id", "o.hall_id")
    .select(["o.id", "o.kind", "o.label", "o.hall_id"])
    .where("o.id", "=", id)
    .where("h.conference_id", "=", conferenceId)
    .executeTakeFirst();
}

export async function deleteObstacle(db: Db, conferenceId: number, id: number, actor: Actor): Promise<Result> {
  return inTransaction(db, async (trx): Promise<Result> => {
    const existing = await obstacleOf(trx, conferenceId, id);
    if (!existing) return notFound("exhibition.errors.notFound");
    await trx.deleteFrom("exhibition_obstacles").where("id", "=", id).execute();
    await recordAudit(trx, {
      actorId: actor.id,
      ip: actor.ip,
      action: "exhibition_obstacle.delete",
      entity: "exhibition_obstacle",
      entityId: id,
      detail: { kind: existing.kind, label: existing.label, hall_id: existing.hall_id },
    });
    return { ok: true };
  });
}
