// The two scores of the design note (shared/design/booth-allocation.md) and the indexed form of an
// instance the solver, the local search and the explanations work on. The validator does not use this.
import type { Allocation, AllocationInstance, AllocatorBooth, AllocatorExhibitor } from "./instance";

export const PLACED_POINTS = 1000;
export const ZONE_POINTS = [30, 20, 10] as const;
export const TYPE_POINTS = 10;
export const NEIGHBOUR_POINTS = 15;
export const APART_PENALTY = 20;

/** The rank (1–3) of the worst zone among the booths, or null when one is outside the wishes. */
export function zoneRankOf(exhibitor: AllocatorExhibitor, booths: AllocatorBooth[]): 1 | 2 | 3 | null {
  let worst = 0;
  for (const booth of booths) {
    const rank = exhibitor.zones.indexOf(booth.zone);
    if (rank < 0) return null;
    worst = Math.max(worst, rank + 1);
  }
  return worst === 0 ? null : (worst as 1 | 2 | 3);
}

/** null when the exhibitor accepts any type. */
export function typeMetBy(exhibitor: AllocatorExhibitor, booths: AllocatorBooth[]): boolean | null {
  if (exhibitor.types.length === 0) return null;
  return booths.some((b) => exhibitor.types.includes(b.type));
}

export function placementValue(exhibitor: AllocatorExhibitor, booths: AllocatorBooth[]): number {
  const rank = zoneRankOf(exhibitor, booths);
  return PLACED_POINTS + (rank === null ? 0 : ZONE_POINTS[rank - 1]) + (typeMetBy(exhibitor, booths) ? TYPE_POINTS : 0);
}

/** The instance by index: booths, exhibitors, adjacency, and who wants to stand by whom. */
export type Indexed = {
  instance: AllocationInstance;
  boothIx: Map<string, number>;
  exIx: Map<string, number>;
  adjacent: number[][];
  /** Adjacent pairs (a < b), each once. */
  pairs: [number, number][];
  /** neighbourly.has(key(e, f)) when either names the other. */
  neighbourly: Set<number>;
  /** The exhibitors each one is neighbourly with (either direction). */
  friends: number[][];
};

export const pairKey = (a: number, b: number, n: number) => (a < b ? a * n + b : b * n + a);

export function indexInstance(instance: AllocationInstance): Indexed {
  const boothIx = new Map(instance.booths.map((b, i) => [b.id, i]));
  const exIx = new Map(instance.exhibitors.map((e, i) => [e.id, i]));
  const adjacent = instance.booths.map((b) => b.adjacent.map((id) => boothIx.get(id)!));
  const pairs: [number, number][] = [];
  adjacent.forEach((list, a) => list.forEach((b) => a < b && pairs.push([a, b])));
  const E = instance.exhibitors.length;
  const neighbourly = new Set<number>();
  const friends: number[][] = instance.exhibitors.map(() => []);
  instance.exhibitors.forEach((e, i) => {
    for (const id of e.neighbours) {
      const j = exIx.get(id)!;
      const key = pairKey(i, j, E);
      if (neighbourly.has(key)) continue;
      neighbourly.add(key);
      friends[i].push(j);
      friends[j].push(i);
    }
  });
  return { instance, boothIx, exIx, adjacent, pairs, neighbourly, friends };
}

export function placementScore(instance: AllocationInstance, allocations: Allocation[]): number {
  const booths = new Map(instance.booths.map((b) => [b.id, b]));
  const exhibitors = new Map(instance.exhibitors.map((e) => [e.id, e]));
  return allocations.reduce(
    (sum, a) =>
      sum +
      placementValue(
        exhibitors.get(a.exhibitor)!,
        a.booths.map((id) => booths.get(id)!),
      ),
    0,
  );
}

/** +15 per neighbourly pair standing side by side, −20 per adjacent booth pair of two same-`apart` exhibitors. */
export function neighbourhoodScore(ix: Indexed, holder: Int32Array | number[]): number {
  const E = ix.instance.exhibitors.length;
  const seen = new Set<number>();
  let score = 0;
  for (const [a, b] of ix.pairs) {
    const e = holder[a];
    const f = holder[b];
    if (e < 0 || f < 0 || e === f) continue;
    const key = pairKey(e, f, E);
    if (ix.neighbourly.has(key) && !seen.has(key)) {
      seen.add(key);
      score += NEIGHBOUR_POINTS;
    }
    const apart = ix.instance.exhibitors[e].apart;
    if (apart && apart === ix.instance.exhibitors[f].apart) score -= APART_PENALTY;
  }
  return score;
}

/** Booth index → exhibitor index (−1: free). */
export function holdersOf(ix: Indexed, allocations: Allocation[]): Int32Array {
  const holder = new Int32Array(ix.instance.booths.length).fill(-1);
  for (const a of allocations) for (const id of a.booths) holder[ix.boothIx.get(id)!] = ix.exIx.get(a.exhibitor)!;
  return holder;
}
