import type { BoothState, BoothType, ObstacleKind, Zone } from "../rules";

/**
 * The floor plan as the pages draw it (components/floor-plan.tsx) and the PDFs print it: lengths in
 * metres from each hall's top-left corner. Plain data, shared by server and browser.
 */
export interface PlanHall {
  id: number;
  code: string;
  name_vi: string;
  name_en: string;
  width_m: number;
  depth_m: number;
  /** Corners of the hall's outline; null is the rectangle width × depth. */
  outline: [number, number][] | null;
  grid_m: number;
  min_aisle_m: number;
}

export interface PlanObstacle {
  id: number;
  hall_id: number;
  kind: ObstacleKind;
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
}

export interface PlanBooth {
  id: number;
  hall_id: number;
  code: string;
  zone: Zone;
  type: BoothType;
  x: number;
  y: number;
  w: number;
  h: number;
  area: number;
  power: boolean;
  water: boolean;
  state: BoothState;
  /** The exhibitor it is allocated to, when the viewer may know it (null otherwise). */
  exhibitor: { id: number; name_vi: string; name_en: string } | null;
}

export interface FloorPlanData {
  halls: PlanHall[];
  obstacles: PlanObstacle[];
  booths: PlanBooth[];
}

/** A hall's outline as corners (the rectangle when none is stored). */
export function hallCorners(hall: Pick<PlanHall, "outline" | "width_m" | "depth_m">): [number, number][] {
  return (
    hall.outline ?? [
      [0, 0],
      [hall.width_m, 0],
      [hall.width_m, hall.depth_m],
      [0, hall.depth_m],
    ]
  );
}

/** The stored outline ("" or JSON corners) as corners, null when it is the plain rectangle or unreadable. */
export function parseOutline(stored: string): [number, number][] | null {
  if (!stored) return null;
  try {
    const value: unknown = JSON.parse(stored);
    if (
      Array.isArray(value) &&
      value.length >= 3 &&
      value.every((p) => Array.isArray(p) && p.length === 2 && p.every((n) => typeof n === "number" && isFinite(n)))
    )
      return value as [number, number][];
  } catch {
    // An unreadable outline draws as the rectangle.
  }
  return null;
}

/**
 * The code a new booth in the hall is offered: the hall's code and the next number after the
 * highest already used there ("A-07" after "A-06"), with the separator the hall's codes use.
 */
export function suggestBoothCode(hallCode: string, codes: readonly string[]): string {
  const escaped = hallCode.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`^${escaped}(-?)(\\d+)$`, "i");
  let highest = 0;
  let separator = "-";
  let width = 2;
  for (const code of codes) {
    const match = pattern.exec(code);
    if (!match) continue;
    const n = Number(match[2]);
    if (n >= highest) {
      highest = n;
      separator = match[1]!;
      width = match[2]!.length;
    }
  }
  const taken = new Set(codes.map((c) => c.toLowerCase()));
  let next = highest + 1;
  const make = (n: number) => `${hallCode}${separator}${String(n).padStart(width, "0")}`;
  while (taken.has(make(next).toLowerCase())) next++;
  return make(next);
}
