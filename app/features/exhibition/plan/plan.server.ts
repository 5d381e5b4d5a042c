import type { Db } from "~/platform/types";
import { boothState } from "../rules";
import { parseOutline, type FloorPlanData } from "./plan-data";

/**
 * The conference's floor plan: halls, obstacles and booths with their state and, when
 * `withExhibitors`, the exhibitor each booth is allocated to. Three queries whatever the size.
 */
export async function loadFloorPlan(
  db: Db,
  conferenceId: number,
  options: { withExhibitors: boolean } = { withExhibitors: true },
): Promise<FloorPlanData> {
  const halls = await db
    .selectFrom("exhibition_halls")
    .select(["id", "code", "name_vi", "name_en", "width_m", "depth_m", "outline", "grid_m", "min_aisle_m"])
    .where("conference_id", "=", conferenceId)
    .orderBy("position")
    .orderBy("code")
    .execute();
  const obstacles = await db
    .selectFrom("exhibition_obstacles as o")
    .innerJoin("exhibition_halls as h", "h.id", "o.hall_id")
    .select(["o.id", "o.hall_id", "o.kind", "o.x", "o.y", "o.w", "o.h", "o.label"])
    .where("h.conference_id", "=", conferenceId)
    .orderBy("o.id")
    .execute();
  const booths = await db
    .selectFrom("booths as b")
    .leftJoin("booth_allocations as a", "a.booth_id", "b.id")
    .leftJoin("exhibitors as e", "e.id", "a.exhibitor_id")
    .select([
      "b.id",
      "b.hall_id",
      "b.code",
      "b.zone",
      "b.type",
      "b.x",
      "b.y",
      "b.w",
      "b.h",
      "b.area",
      "b.power",
      "b.water",
      "b.held",
      "a.confirmed_at",
      "a.exhibitor_id",
      "e.name_vi as exhibitor_vi",
      "e.name_en as exhibitor_en",
    ])
    .where("b.conference_id", "=", conferenceId)
    .orderBy("b.code")
    .execute();
  return {
    halls: halls.map((h) => ({ ...h, outline: parseOutline(h.outline) })),
    obstacles,
    booths: booths.map((b) => ({
      id: b.id,
      hall_id: b.hall_id,
      code: b.code,
      zone: b.zone,
      type: b.type,
      x: b.x,
      y: b.y,
      w: b.w,
      h: b.h,
      area: b.area,
      power: b.power === 1,
      water: b.water === 1,
      state: boothState(b, b.exhibitor_id === null ? null : { confirmed_at: b.confirmed_at }),
      exhibitor:
        options.withExhibitors && b.exhibitor_id !== null
          ? { id: b.exhibitor_id, name_vi: b.exhibitor_vi ?? "", name_en: b.exhibitor_en ?? "" }
          : null,
    })),
  };
}
