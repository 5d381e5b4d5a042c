/**
 * The floor plan's geometry, pure (server, browser, allocator): lengths in metres from the hall's
 * top-left corner, every booth and obstacle an axis-aligned rectangle. Comparisons allow 1 cm so that
 * lengths typed as decimals (0.1 + 0.2) still meet.
 */

/** Tolerance: 1 cm. */
export const EPSILON_M = 0.01;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface HallBooth extends Rect {
  id: number;
  hall_id: number;
}

/** Length over which two intervals [a1, a2] and [b1, b2] overlap (negative: the gap between them). */
function overlapLength(a1: number, a2: number, b1: number, b2: number): number {
  return Math.min(a2, b2) - Math.max(a1, b1);
}

/** The two rectangles share a side (or part of one) over more than the tolerance, without overlapping. */
export function touches(a: Rect, b: Rect): boolean {
  const ox = overlapLength(a.x, a.x + a.w, b.x, b.x + b.w);
  const oy = overlapLength(a.y, a.y + a.h, b.y, b.y + b.h);
  const sideBySide =
    (Math.abs(a.x + a.w - b.x) <= EPSILON_M || Math.abs(b.x + b.w - a.x) <= EPSILON_M) && oy > EPSILON_M;
  const stacked = (Math.abs(a.y + a.h - b.y) <= EPSILON_M || Math.abs(b.y + b.h - a.y) <= EPSILON_M) && ox > EPSILON_M;
  return sideBySide || stacked;
}

/** The rectangles overlap over a positive area (touching sides is not overlapping). */
export function overlaps(a: Rect, b: Rect): boolean {
  return (
    overlapLength(a.x, a.x + a.w, b.x, b.x + b.w) > EPSILON_M &&
    overlapLength(a.y, a.y + a.h, b.y, b.y + b.h) > EPSILON_M
  );
}

/**
 * Pairs of booths of the same hall sharing a side, smaller id first, sorted. A sweep over the booths
 * sorted by x: a booth can only touch those starting before it ends, so large halls stay fast.
 */
export function adjacentPairs(booths: readonly HallBooth[]): [number, number][] {
  const sorted = [...booths].sort((a, b) => a.hall_id - b.hall_id || a.x - b.x || a.id - b.id);
  const pairs: [number, number][] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      if (b.hall_id !== a.hall_id || b.x > a.x + a.w + EPSILON_M) break;
      if (touches(a, b)) pairs.push(a.id < b.id ? [a.id, b.id] : [b.id, a.id]);
    }
  }
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

/** Each booth's neighbours (sharing a side), ids ascending; every booth is a key, even alone. */
export function adjacencyMap(booths: readonly HallBooth[]): Map<number, number[]> {
  const map = new Map<number, number[]>(booths.map((b) => [b.id, []]));
  for (const [a, b] of adjacentPairs(booths)) {
    map.get(a)!.push(b);
    map.get(b)!.push(a);
  }
  for (const list of map.values()) list.sort((p, q) => p - q);
  return map;
}

/** Whether the point is inside the polygon or on its boundary (within the tolerance). */
export function pointInPolygon(px: number, py: number, corners: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = corners.length - 1; i < corners.length; j = i++) {
    const [xi, yi] = corners[i]!;
    const [xj, yj] = corners[j]!;
    if (distanceToSegment(px, py, xi, yi, xj, yj) <= EPSILON_M) return true;
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * The rectangle lies inside the hall's outline: its corners inside (or on the walls) and no corner
 * of the outline strictly inside it (an L-shaped hall's inner corner cutting through the booth).
 */
export function insideOutline(rect: Rect, corners: readonly (readonly [number, number])[]): boolean {
  const x2 = rect.x + rect.w;
  const y2 = rect.y + rect.h;
  const rectCorners: [number, number][] = [
    [rect.x, rect.y],
    [x2, rect.y],
    [x2, y2],
    [rect.x, y2],
  ];
  if (!rectCorners.every(([px, py]) => pointInPolygon(px, py, corners))) return false;
  return !corners.some(
    ([cx, cy]) => cx > rect.x + EPSILON_M && cx < x2 - EPSILON_M && cy > rect.y + EPSILON_M && cy < y2 - EPSILON_M,
  );
}

/** A length on the grid: the nearest multiple of the step, without float noise (0.30000000000000004). */
export function snap(value: number, grid: number): number {
  if (!(grid > 0)) return round(value);
  return round(Math.round(value / grid) * grid);
}

/** A booth's rectangle on the grid: position to the nearest step, size at least one step. */
export function snapRect(rect: Rect, grid: number): Rect {
  return {
    x: Math.max(0, snap(rect.x, grid)),
    y: Math.max(0, snap(rect.y, grid)),
    w: Math.max(grid > 0 ? round(grid) : EPSILON_M, snap(rect.w, grid)),
    h: Math.max(grid > 0 ? round(grid) : EPSILON_M, snap(rect.h, grid)),
  };
}

/** Metres to the millimetre: what the plan stores and shows. */
export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Area in m² of the rectangle, to the hundredth. */
export function rectArea(rect: Pick<Rect, "w" | "h">): number {
  return Math.round(rect.w * rect.h * 100) / 100;
}

export type PlacementProblem =
  | { kind: "outside" }
  | { kind: "overlap"; boothId: number; code: string }
  | { kind: "obstacle"; obstacleId: number; obstacleKind: string; label: string };

/**
 * Why a booth cannot stand at `rect` in its hall (null: it can): outside the outline, on another
 * booth (`others` excludes the booth itself), or on an obstacle of any kind.
 */
export function placementProblem(
  rect: Rect,
  corners: readonly (readonly [number, number])[],
  others: readonly (Rect & { id: number; code: string })[],
  obstacles: readonly (Rect & { id: number; kind: string; label: string })[],
): PlacementProblem | null {
  if (!insideOutline(rect, corners)) return { kind: "outside" };
  const booth = others.find((o) => overlaps(rect, o));
  if (booth) return { kind: "overlap", boothId: booth.id, code: booth.code };
  const obstacle = obstacles.find((o) => overlaps(rect, o));
  if (obstacle)
    return { kind: "obstacle", obstacleId: obstacle.id, obstacleKind: obstacle.kind, label: obstacle.label };
  return null;
}
