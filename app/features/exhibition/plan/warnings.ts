/**
 * The plan's safety warnings, pure: aisles narrower than the hall's minimum (a marked aisle, or the
 * gap left between facing booths, a booth and a wall or column), and emergency exits with a booth
 * standing in front. Warnings are data; the page translates them and highlights the booths.
 */
import { DEFAULT_MIN_AISLE_M } from "../rules";
import { EPSILON_M, overlaps, type Rect } from "./geometry";

export type PlanWarningKey =
  | "exhibition.plan.warning.aisleTooNarrow"
  | "exhibition.plan.warning.gapBetweenBooths"
  | "exhibition.plan.warning.gapToWall"
  | "exhibition.plan.warning.gapToObstacle"
  | "exhibition.plan.warning.exitBlocked";

export interface PlanWarning {
  key: PlanWarningKey;
  params: Record<string, string | number>;
  boothIds: number[];
  obstacleId?: number;
}

export interface WarningHall {
  width_m: number;
  depth_m: number;
  outline: [number, number][] | null;
  min_aisle_m: number;
}
export type WarningBooth = Rect & { id: number; code: string };
export type WarningObstacle = Rect & { id: number; kind: string; label: string };

/** Obstacles that narrow a passage beside a booth (an aisle or exit is itself the passage). */
const SOLID_KINDS = new Set(["wall", "column"]);

const metres = (n: number) => Math.round(n * 100) / 100;

/** Every warning of one hall, in a stable order: marked aisles, gaps, then exits. */
export function planWarnings(
  hall: WarningHall,
  booths: readonly WarningBooth[],
  obstacles: readonly WarningObstacle[],
): PlanWarning[] {
  const min = Number.isFinite(hall.min_aisle_m) && hall.min_aisle_m >= 0 ? hall.min_aisle_m : DEFAULT_MIN_AISLE_M;
  const warnings: PlanWarning[] = [];
  for (const o of obstacles) {
    if (o.kind === "aisle" && Math.min(o.w, o.h) < min - EPSILON_M)
      warnings.push({
        key: "exhibition.plan.warning.aisleTooNarrow",
        params: { label: o.label, width: metres(Math.min(o.w, o.h)), min },
        boothIds: [],
        obstacleId: o.id,
      });
  }
  if (min > 0) warnings.push(...gapWarnings(hall, booths, obstacles, min));
  warnings.push(...exitWarnings(hall, booths, obstacles, min));
  return warnings;
}

/**
 * The corridor between two facing rectangles (projections overlapping over more than the
 * tolerance on one axis, a gap on the other), or null when they do not face each other.
 */
function corridor(a: Rect, b: Rect): { rect: Rect; gap: number } | null {
  const oy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  const ox = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  if (oy > EPSILON_M && ox < -EPSILON_M) {
    const [left, right] = a.x < b.x ? [a, b] : [b, a];
    const x = left.x + left.w;
    return { rect: { x, y: Math.max(a.y, b.y), w: right.x - x, h: oy }, gap: right.x - x };
  }
  if (ox > EPSILON_M && oy < -EPSILON_M) {
    const [top, bottom] = a.y < b.y ? [a, b] : [b, a];
    const y = top.y + top.h;
    return { rect: { x: Math.max(a.x, b.x), y, w: ox, h: bottom.y - y }, gap: bottom.y - y };
  }
  return null;
}

function gapWarnings(
  hall: WarningHall,
  booths: readonly WarningBooth[],
  obstacles: readonly WarningObstacle[],
  min: number,
): PlanWarning[] {
  const solids = obstacles.filter((o) => SOLID_KINDS.has(o.kind));
  // Something standing in the corridor makes it two passages, each judged on its own.
  const blocked = (rect: Rect, except: readonly Rect[]) =>
    booths.some((b) => !except.includes(b) && overlaps(rect, b)) ||
    solids.some((o) => !except.includes(o) && overlaps(rect, o));
  const narrow = (gap: number) => gap > EPSILON_M && gap < min - EPSILON_M;
  const out: PlanWarning[] = [];
  for (let i = 0; i < booths.length; i++) {
    const a = booths[i]!;
    for (let j = i + 1; j < booths.length; j++) {
      const b = booths[j]!;
      const c = corridor(a, b);
      if (c && narrow(c.gap) && !blocked(c.rect, [a, b]))
        out.push({
          key: "exhibition.plan.warning.gapBetweenBooths",
          params: { a: a.code, b: b.code, gap: metres(c.gap), min },
          boothIds: [a.id, b.id],
        });
    }
    for (const o of solids) {
      const c = corridor(a, o);
      if (c && narrow(c.gap) && !blocked(c.rect, [a, o]))
        out.push({
          key: "exhibition.plan.warning.gapToObstacle",
          params: { booth: a.code, obstacle: o.label, kind: o.kind, gap: metres(c.gap), min },
          boothIds: [a.id],
          obstacleId: o.id,
        });
    }
    // One warning per booth for the walls: its narrowest passage (a corner booth has two).
    let wallGap = Infinity;
    for (const wall of wallRects(hall)) {
      const c = corridor(a, wall);
      if (c && narrow(c.gap) && !blocked(c.rect, [a])) wallGap = Math.min(wallGap, c.gap);
    }
    if (wallGap < Infinity)
      out.push({
        key: "exhibition.plan.warning.gapToWall",
        params: { booth: a.code, gap: metres(wallGap), min },
        boothIds: [a.id],
      });
  }
  return out;
}

/** The outline's axis-aligned walls as thin rectangles outside the hall (slanted walls are not judged). */
function wallRects(hall: WarningHall): Rect[] {
  const corners = hall.outline ?? [
    [0, 0],
    [hall.width_m, 0],
    [hall.width_m, hall.depth_m],
    [0, hall.depth_m],
  ];
  const t = 0.001;
  const walls: Rect[] = [];
  for (let i = 0; i < corners.length; i++) {
    const [x1, y1] = corners[i]!;
    const [x2, y2] = corners[(i + 1) % corners.length]!;
    if (Math.abs(x1 - x2) <= EPSILON_M && Math.abs(y1 - y2) > EPSILON_M)
      walls.push({ x: x1 - t / 2, y: Math.min(y1, y2), w: t, h: Math.abs(y2 - y1) });
    else if (Math.abs(y1 - y2) <= EPSILON_M && Math.abs(x1 - x2) > EPSILON_M)
      walls.push({ x: Math.min(x1, x2), y: y1 - t / 2, w: Math.abs(x2 - x1), h: t });
  }
  return walls;
}

/**
 * The clear area in front of an exit: min_aisle_m deep into the hall, as wide as the exit. An exit on
 * an outer wall opens one way (away from the wall); one inside the hall must stay clear all around.
 */
export function exitClearance(hall: WarningHall, exit: Rect, min: number): Rect[] {
  const xs = (hall.outline ?? [[hall.width_m, hall.depth_m]]).map((c) => c[0]);
  const ys = (hall.outline ?? [[hall.width_m, hall.depth_m]]).map((c) => c[1]);
  const [minX, maxX] = hall.outline ? [Math.min(...xs), Math.max(...xs)] : [0, hall.width_m];
  const [minY, maxY] = hall.outline ? [Math.min(...ys), Math.max(...ys)] : [0, hall.depth_m];
  const zones: Rect[] = [];
  if (exit.x <= minX + EPSILON_M) zones.push({ x: exit.x + exit.w, y: exit.y, w: min, h: exit.h });
  if (exit.x + exit.w >= maxX - EPSILON_M) zones.push({ x: exit.x - min, y: exit.y, w: min, h: exit.h });
  if (exit.y <= minY + EPSILON_M) zones.push({ x: exit.x, y: exit.y + exit.h, w: exit.w, h: min });
  if (exit.y + exit.h >= maxY - EPSILON_M) zones.push({ x: exit.x, y: exit.y - min, w: exit.w, h: min });
  if (zones.length === 0) zones.push({ x: exit.x - min, y: exit.y - min, w: exit.w + 2 * min, h: exit.h + 2 * min });
  return zones;
}

function exitWarnings(
  hall: WarningHall,
  booths: readonly WarningBooth[],
  obstacles: readonly WarningObstacle[],
  min: number,
): PlanWarning[] {
  const out: PlanWarning[] = [];
  for (const exit of obstacles.filter((o) => o.kind === "exit")) {
    const zones = exitClearance(hall, exit, Math.max(min, EPSILON_M * 2));
    const inFront = booths.filter((b) => zones.some((z) => overlaps(z, b)));
    if (inFront.length > 0)
      out.push({
        key: "exhibition.plan.warning.exitBlocked",
        params: { exit: exit.label, booths: inFront.map((b) => b.code).join(", "), min },
        boothIds: inFront.map((b) => b.id),
        obstacleId: exit.id,
      });
  }
  return out;
}
