// The baseline the bench compares against, and the solver's warm start: exhibitors one by one in input
// order, each taking its best free option (first booth or pair in input order on a tie).
import type { Allocation, AllocationInstance } from "./instance";
import type { Plan, Problem } from "./model";
import { indexInstance, placementValue, type Indexed } from "./score";

/** The best free option of an exhibitor given the booths held (−1: free), or null. */
export function bestFreeOption(ix: Indexed, holder: Int32Array, e: number, self = -1): number[] | null {
  const { booths, exhibitors } = ix.instance;
  const ex = exhibitors[e];
  const free = (b: number) => holder[b] < 0 || holder[b] === self;
  let best: number[] | null = null;
  let bestValue = -1;
  const consider = (option: number[]) => {
    const list = option.map((b) => booths[b]);
    if (list.reduce((s, b) => s + b.area, 0) < ex.minArea) return;
    const v = placementValue(ex, list);
    if (v > bestValue) {
      best = option;
      bestValue = v;
    }
  };
  if (ex.booths === 1) {
    for (let b = 0; b < booths.length; b++) if (free(b)) consider([b]);
  } else {
    for (const [a, b] of ix.pairs) if (free(a) && free(b)) consider([a, b]);
  }
  return best;
}

export function problemOf(ix: Indexed): Problem {
  const lockedEx = ix.instance.exhibitors.map(() => false);
  const lockedBooth = ix.instance.booths.map(() => false);
  for (const l of ix.instance.locked) {
    lockedEx[ix.exIx.get(l.exhibitor)!] = true;
    for (const b of l.booths) lockedBooth[ix.boothIx.get(b)!] = true;
  }
  return { ix, lockedEx, lockedBooth };
}

export function greedyPlan(problem: Problem): Plan {
  const { ix, lockedEx } = problem;
  const holder = new Int32Array(ix.instance.booths.length).fill(-1);
  problem.lockedBooth.forEach((locked, b) => locked && (holder[b] = ix.instance.exhibitors.length));
  return ix.instance.exhibitors.map((_, e) => {
    if (lockedEx[e]) return null;
    const option = bestFreeOption(ix, holder, e);
    option?.forEach((b) => (holder[b] = e));
    return option;
  });
}

/** Locked allocations, then every other exhibitor in input order on its best free option. */
export function greedyAllocation(instance: AllocationInstance): Allocation[] {
  const ix = indexInstance(instance);
  const plan = greedyPlan(problemOf(ix));
  return [
    ...instance.locked.map((l) => ({ exhibitor: l.exhibitor, booths: [...l.booths] })),
    ...plan.flatMap((booths, e) =>
      booths ? [{ exhibitor: instance.exhibitors[e].id, booths: booths.map((b) => instance.booths[b].id) }] : [],
    ),
  ];
}
