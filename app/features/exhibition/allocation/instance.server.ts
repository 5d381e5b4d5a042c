import type { AllocationInstance } from "../allocator/instance";
import type { Db } from "~/platform/types";
import { instanceFrom, type InstanceAllocation, type InstanceBooth, type InstanceExhibitor } from "./instance-build";

export interface BuiltInstance {
  instance: AllocationInstance;
  /** The conference's booths by code (every booth, held ones too), for writing results back. */
  boothIdByCode: Map<string, number>;
  /** The allocations as they are now (locked or not). */
  allocations: InstanceAllocation[];
}

/** The allocator's instance for the conference as the database holds it now (see instance-build.ts). */
export async function buildAllocationInstance(db: Db, conferenceId: number): Promise<BuiltInstance> {
  const [booths, exhibitors, allocations, neighbourLinks] = await Promise.all([
    db
      .selectFrom("booths")
      .select(["id", "hall_id", "code", "zone", "type", "area", "held", "x", "y", "w", "h"])
      .where("conference_id", "=", conferenceId)
      .orderBy("code")
      .execute() as Promise<InstanceBooth[]>,
    db
      .selectFrom("exhibitors as e")
      .select([
        "e.id",
        "e.status",
        "e.province_id",
        "e.booths_needed",
        "e.min_area",
        "e.zone_wishes",
        "e.type_wishes",
        "e.near_province",
        "e.apart_category",
      ])
      .where("e.conference_id", "=", conferenceId)
      .where((w) =>
        w.or([
          w("e.status", "=", "approved"),
          w.exists(
            w
              .selectFrom("booth_allocations as a")
              .select("a.booth_id")
              .whereRef("a.exhibitor_id", "=", "e.id")
              .where((v) => v.or([v("a.locked", "=", 1), v("a.confirmed_at", "is not", null)])),
          ),
        ]),
      )
      .orderBy("e.id")
      .execute() as Promise<InstanceExhibitor[]>,
    db
      .selectFrom("booth_allocations")
      .select(["booth_id", "exhibitor_id", "locked", "confirmed_at"])
      .where("conference_id", "=", conferenceId)
      .execute(),
    db
      .selectFrom("exhibitor_neighbours as n")
      .innerJoin("exhibitors as e", "e.id", "n.exhibitor_id")
      .select(["n.exhibitor_id", "n.neighbour_id"])
      .where("e.conference_id", "=", conferenceId)
      .execute(),
  ]);
  return {
    instance: instanceFrom({ booths, exhibitors, allocations, neighbourLinks }),
    boothIdByCode: new Map(booths.map((b) => [b.code, b.id])),
    allocations,
  };
}
