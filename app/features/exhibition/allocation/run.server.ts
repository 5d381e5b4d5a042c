/**
 * The automatic allocation, as the meeting scheduler's (features/meetings/meeting-schedule.server.ts):
 * a preview that runs the pure allocator and writes nothing, and a commit that checks the previewed
 * allocations again against the exhibition as it is now before replacing every unlocked allocation.
 */
import { allocateBooths } from "../allocator/allocate";
import { parseInstance, type Allocation, type AllocationInstance } from "../allocator/instance";
import { validateAllocation } from "../allocator/validate";
import { recordAudit } from "~/platform/audit.server";
import { inTransaction, nowIso } from "~/platform/db.server";
import { conflict, invalid, type Actor, type Db, type Result } from "~/platform/types";
import { buildAllocationInstance } from "./instance.server";
import { exhibitorIdOf, isLocked } from "./instance-build";
import { mailBoothAllocated } from "./mail.server";

/** The page waits for the preview: the allocator stops at this and reports the bound it proved. */
export const PREVIEW_TIME_LIMIT_SEC = 10;

export type AllocationRun = Awaited<ReturnType<typeof allocateBooths>>;

/** Runs the allocator on the current exhibition: nothing is written. */
export async function previewAllocation(
  db: Db,
  conferenceId: number,
  options: { timeLimitSec?: number } = {},
): Promise<Result<{ instance: AllocationInstance; result: AllocationRun }>> {
  const { instance } = await buildAllocationInstance(db, conferenceId);
  // The allocator trusts only a checked instance (a locked allocation the plan editor made impossible, say).
  const parsed = parseInstance(instance);
  if (!parsed.ok) return invalid("exhibition.allocation.errors.badInstance", undefined, { detail: parsed.error });
  const result = await allocateBooths(parsed.instance, {
    timeLimitSec: options.timeLimitSec ?? PREVIEW_TIME_LIMIT_SEC,
  });
  return { ok: true, instance: parsed.instance, result };
}

/** A SQLite refusal of a second allocation of one booth (the booth is the table's key). */
export function isDoubleAllocation(error: unknown): boolean {
  return error instanceof Error && /constraint failed: booth_allocations/i.test(error.message);
}

/**
 * Writes a previewed allocation in one transaction: stale when a lock, a hand allocation or a plan
 * change since the preview makes it break a hard rule; then the unlocked allocations are replaced.
 */
export async function commitAllocation(
  db: Db,
  actor: Actor,
  conferenceId: number,
  allocations: Allocation[],
): Promise<Result<{ written: number; kept: number; mailed: number }>> {
  try {
    return await inTransaction(db, async (trx) => {
      const built = await buildAllocationInstance(trx, conferenceId);
      const violations = validateAllocation(built.instance, { allocations });
      if (violations.length) return conflict("exhibition.allocation.errors.stale", { detail: violations[0] });
      // Who had which unlocked booths before: only those whose booths change are mailed.
      const codeOf = new Map([...built.boothIdByCode].map(([code, id]) => [id, code]));
      const before = new Map<number, string[]>();
      for (const a of built.allocations)
        if (!isLocked(a)) before.set(a.exhibitor_id, [...(before.get(a.exhibitor_id) ?? []), codeOf.get(a.booth_id)!]);
      const lockedKeys = new Set(built.instance.locked.map((l) => l.exhibitor));
      await trx
        .deleteFrom("booth_allocations")
        .where("conference_id", "=", conferenceId)
        .where("locked", "=", 0)
        .where("confirmed_at", "is", null)
        .execute();
      const now = nowIso();
      const changed: number[] = [];
      let written = 0;
      for (const a of allocations) {
        if (lockedKeys.has(a.exhibitor)) continue;
        const exhibitorId = exhibitorIdOf(a.exhibitor)!;
        for (const code of a.booths)
          await trx
            .insertInto("booth_allocations")
            .values({
              booth_id: built.boothIdByCode.get(code)!,
              conference_id: conferenceId,
              exhibitor_id: exhibitorId,
              locked: 0,
              confirmed_at: null,
              source: "auto",
              allocated_by: actor.id,
              allocated_at: now,
            })
            .execute();
        written += 1;
        if ((before.get(exhibitorId) ?? []).sort().join(" ") !== [...a.booths].sort().join(" "))
          changed.push(exhibitorId);
      }
      for (const exhibitorId of changed) await mailBoothAllocated(trx, exhibitorId);
      await recordAudit(trx, {
        actorId: actor.id,
        action: "exhibition_allocation.commit",
        entity: "conference",
        entityId: conferenceId,
        detail: { written, kept: lockedKeys.size, mailed: changed.length },
        ip: actor.ip,
      });
      return { ok: true as const, written, kept: lockedKeys.size, mailed: changed.length };
    });
  } catch (error) {
    // A hand allocation in the instant between the check and the write: the booth's key refuses the second.
    if (isDoubleAllocation(error)) return conflict("exhibition.allocation.errors.stale", { detail: "double" });
    throw error;
  }
}
