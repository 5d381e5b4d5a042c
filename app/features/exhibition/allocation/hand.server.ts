/**
 * Allocation by hand and what organisers do to an allocation afterwards: release it, lock or unlock
 * it (the automatic allocator keeps locked ones), confirm it (the exhibitor has accepted; confirmed
 * implies locked). Every change in one transaction, audited; the booth is the allocations' key, so
 * two organisers giving one booth at once cannot both succeed.
 */
import { recordAudit } from "~/platform/audit.server";
import { inTransaction, nowIso } from "~/platform/db.server";
import { conflict, invalid, notFound, type Actor, type Db, type Result } from "~/platform/types";
import { adjacencyMap } from "../plan/geometry";
import { mailBoothAllocated } from "./mail.server";
import { isDoubleAllocation } from "./run.server";

export interface HandAllocation {
  conferenceId: number;
  exhibitorId: number;
  boothIds: number[];
}

/** The conference's booths named by code ("a01" finds A01); a refusal names the first unknown code. */
export async function boothIdsByCode(
  db: Db,
  conferenceId: number,
  codes: string[],
): Promise<Result<{ boothIds: number[] }>> {
  const wanted = codes.map((c) => c.trim().toUpperCase()).filter(Boolean);
  if (wanted.length === 0) return invalid("exhibition.allocation.errors.pickBooth", "booth1");
  const rows = await db
    .selectFrom("booths")
    .select(["id", "code"])
    .where("conference_id", "=", conferenceId)
    .where("code", "in", wanted)
    .execute();
  const byCode = new Map(rows.map((r) => [r.code.toUpperCase(), r.id]));
  const boothIds: number[] = [];
  for (const [i, code] of wanted.entries()) {
    const id = byCode.get(code);
    if (id === undefined) return invalid("exhibition.allocation.errors.unknownBooth", `booth${i + 1}`, { booth: code });
    boothIds.push(id);
  }
  return { ok: true, boothIds };
}

/** Gives an approved exhibitor the booth(s) picked on the plan: a locked hand allocation. */
export async function allocateByHand(
  db: Db,
  actor: Actor,
  input: HandAllocation,
): Promise<Result<{ booths: string[] }>> {
  try {
    return await inTransaction(db, async (trx) => {
      const exhibitor = await trx
        .selectFrom("exhibitors")
        .select(["id", "status", "booths_needed", "min_area", "name_vi"])
        .where("id", "=", input.exhibitorId)
        .where("conference_id", "=", input.conferenceId)
        .executeTakeFirst();
      if (!exhibitor) return notFound("exhibition.errors.notFound");
      if (exhibitor.status !== "approved")
        return invalid("exhibition.allocation.errors.notApproved", "exhibitorId", { exhibitor: exhibitor.name_vi });
      const own = await trx
        .selectFrom("booth_allocations as a")
        .innerJoin("booths as b", "b.id", "a.booth_id")
        .select("b.code")
        .where("a.exhibitor_id", "=", exhibitor.id)
        .execute();
      if (own.length)
        return conflict(
          "exhibition.allocation.errors.alreadyHas",
          { booths: own.map((o) => o.code).join(", ") },
          "exhibitorId",
        );
      const ids = [...new Set(input.boothIds)];
      if (ids.length !== exhibitor.booths_needed)
        return invalid(
          exhibitor.booths_needed === 2
            ? "exhibition.allocation.errors.needsTwo"
            : "exhibition.allocation.errors.needsOne",
          "booth1",
        );
      const booths = await trx
        .selectFrom("booths as b")
        .leftJoin("booth_allocations as a", "a.booth_id", "b.id")
        .leftJoin("exhibitors as e", "e.id", "a.exhibitor_id")
        .select(["b.id", "b.code", "b.hall_id", "b.x", "b.y", "b.w", "b.h", "b.area", "b.held", "e.name_vi as holder"])
        .where("b.conference_id", "=", input.conferenceId)
        .where("b.id", "in", ids)
        .execute();
      if (booths.length !== ids.length) return notFound("exhibition.errors.notFound");
      for (const b of booths) {
        if (b.holder !== null)
          return conflict("exhibition.allocation.errors.taken", { booth: b.code, exhibitor: b.holder }, "booth1");
        if (b.held) return conflict("exhibition.allocation.errors.held", { booth: b.code }, "booth1");
      }
      if (booths.length === 2 && !(adjacencyMap(booths).get(booths[0].id) ?? []).includes(booths[1].id))
        return invalid("exhibition.allocation.errors.notAdjacent", "booth2", {
          a: booths[0].code,
          b: booths[1].code,
        });
      const area = booths.reduce((sum, b) => sum + b.area, 0);
      if (area + 1e-9 < exhibitor.min_area)
        return invalid("exhibition.allocation.errors.tooSmall", "booth1", { area, min: exhibitor.min_area });
      const now = nowIso();
      for (const b of booths)
        await trx
          .insertInto("booth_allocations")
          .values({
            booth_id: b.id,
            conference_id: input.conferenceId,
            exhibitor_id: exhibitor.id,
            locked: 1,
            confirmed_at: null,
            source: "hand",
            allocated_by: actor.id,
            allocated_at: now,
          })
          .execute();
      const codes = booths.map((b) => b.code).sort();
      await mailBoothAllocated(trx, exhibitor.id);
      await recordAudit(trx, {
        actorId: actor.id,
        action: "exhibition_allocation.hand",
        entity: "exhibitor",
        entityId: exhibitor.id,
        detail: { booths: codes },
        ip: actor.ip,
      });
      return { ok: true as const, booths: codes };
    });
  } catch (error) {
    // The other organiser's allocation committed first: the booth's key refused this one.
    if (isDoubleAllocation(error)) return conflict("exhibition.allocation.errors.takenJustNow", undefined, "booth1");
    throw error;
  }
}

export type AllocationChange = "release" | "lock" | "unlock" | "confirm";

/** Releases, locks, unlocks or confirms an exhibitor's allocation (all its booths at once). */
export async function changeAllocation(
  db: Db,
  actor: Actor,
  input: { conferenceId: number; exhibitorId: number; change: AllocationChange },
): Promise<Result> {
  return inTransaction(db, async (trx) => {
    const rows = await trx
      .selectFrom("booth_allocations as a")
      .innerJoin("booths as b", "b.id", "a.booth_id")
      .select(["a.booth_id", "a.locked", "a.confirmed_at", "b.code"])
      .where("a.exhibitor_id", "=", input.exhibitorId)
      .where("a.conference_id", "=", input.conferenceId)
      .execute();
    if (rows.length === 0) return notFound("exhibition.allocation.errors.noAllocation");
    const where = trx.updateTable("booth_allocations").where("exhibitor_id", "=", input.exhibitorId);
    if (input.change === "release") {
      await trx.deleteFrom("booth_allocations").where("exhibitor_id", "=", input.exhibitorId).execute();
    } else if (input.change === "lock") {
      await where.set({ locked: 1 }).execute();
    } else if (input.change === "unlock") {
      if (rows.some((r) => r.confirmed_at !== null))
        return invalid("exhibition.allocation.errors.confirmedStaysLocked");
      await where.set({ locked: 0 }).execute();
    } else {
      await where.set({ locked: 1, confirmed_at: nowIso() }).where("confirmed_at", "is", null).execute();
    }
    await recordAudit(trx, {
      actorId: actor.id,
      action: `exhibition_allocation.${input.change}`,
      entity: "exhibitor",
      entityId: input.exhibitorId,
      detail: { booths: rows.map((r) => r.code).sort() },
      ip: actor.ip,
    });
    return { ok: true as const };
  });
}
