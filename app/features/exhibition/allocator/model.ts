// The placement score as an exact integer program in HiGHS (WASM), aggregated so that it stays small.
//
// Booths that look the same to every exhibitor (same zone, type and area) are interchangeable for single-
// booth exhibitors, so those choose a booth *class* with a capacity instead of a booth: x[e,c]. Pairs keep
// their geometry: y[p] says an adjacent pair is handed out as a pair (each booth in at most one chosen pair),
// and z[e,k] gives a two-booth exhibitor a pair of class k (zones, types, total area), at most as many as
// pairs of that class are chosen. A class's capacity counts its booths taken by chosen pairs. Any integer
// solution maps back to booths (singles take the free booths of their class, pair exhibitors the chosen
// pairs of theirs), and every allocation maps to one: the aggregation is exact, not a heuristic.
import highsLoader from "highs";
import type { AllocatorBooth } from "./instance";
import { placementValue, type Indexed } from "./score";

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let highsPromise: Promise<Highs> | undefined;
/** The solver, loaded once; a failed load is tried again next time. */
export const loadHighs = () =>
  (highsPromise ??= highsLoader().catch((error: unknown) => {
    highsPromise = undefined;
    throw error;
  }));

/** Booth indices per exhibitor (null: not placed); locked exhibitors stay null here. */
export type Plan = (number[] | null)[];

export type Problem = {
  ix: Indexed;
  lockedEx: boolean[];
  lockedBooth: boolean[];
};

export type Force = { exhibitor: number; accept: (booths: AllocatorBooth[]) => boolean };

export type MipOutcome =
  | { kind: "solved"; plan: Plan; value: number; bound: number; optimal: boolean; placed: number }
  | { kind: "infeasible" }
  | { kind: "failed"; status: string };

type Column =
  { kind: "x"; e: number; c: number } | { kind: "z"; e: number; k: number } | { kind: "y"; p: number; k: number };

const STATUS: Record<number, string> = { 7: "Optimal", 8: "Infeasible", 13: "Time limit reached", 17: "Interrupted" };

function classes(problem: Problem) {
  const { ix, lockedBooth } = problem;
  const booths = ix.instance.booths;
  const single = new Map<string, number[]>();
  booths.forEach((b, i) => {
    if (lockedBooth[i]) return;
    const key = `${b.zone}\u0000${b.type}\u0000${b.area}`;
    (single.get(key) ?? single.set(key, []).get(key)!).push(i);
  });
  const singleClasses = [...single.values()];
  const classOf = new Int32Array(booths.length).fill(-1);
  singleClasses.forEach((list, c) => list.forEach((b) => (classOf[b] = c)));
  const pair = new Map<string, number[]>();
  const freePairs: [number, number][] = ix.pairs.filter(([a, b]) => !lockedBooth[a] && !lockedBooth[b]);
  freePairs.forEach(([a, b], p) => {
    const [x, y] = [booths[a], booths[b]];
    const key = [[x.zone, y.zone].sort().join("\u0001"), [x.type, y.type].sort().join("\u0001"), x.area + y.area].join(
      "\u0000",
    );
    (pair.get(key) ?? pair.set(key, []).get(key)!).push(p);
  });
  return { singleClasses, classOf, pairClasses: [...pair.values()], freePairs };
}

/** Solves the placement score over the free exhibitors and booths; `force` makes one exhibitor placed on an accepted option. */
export function solvePlacement(
  highs: Highs,
  problem: Problem,
  options: { timeLimitSec: number; force?: Force; start?: Plan },
): MipOutcome {
  const { ix, lockedEx } = problem;
  const { booths, exhibitors } = ix.instance;
  const { singleClasses, classOf, pairClasses, freePairs } = classes(problem);
  const cols: Column[] = [];
  const cost: number[] = [];
  const exRows = new Map<number, number[]>();
  const classRows = singleClasses.map((): number[] => []);
  const pairClassZ = pairClasses.map((): number[] => []);
  const add = (col: Column, value: number) => {
    cols.push(col);
    cost.push(value);
    return cols.length - 1;
  };
  exhibitors.forEach((e, i) => {
    if (lockedEx[i]) return;
    const accept = options.force?.exhibitor === i ? options.force.accept : () => true;
    const mine: number[] = [];
    if (e.booths === 1) {
      singleClasses.forEach((list, c) => {
        const rep = [booths[list[0]]];
        if (rep[0].area < e.minArea || !accept(rep)) return;
        const v = add({ kind: "x", e: i, c }, placementValue(e, rep));
        mine.push(v);
        classRows[c].push(v);
      });
    } else {
      pairClasses.forEach((list, k) => {
        const [a, b] = freePairs[list[0]];
        const rep = [booths[a], booths[b]];
        if (rep[0].area + rep[1].area < e.minArea || !accept(rep)) return;
        const v = add({ kind: "z", e: i, k }, placementValue(e, rep));
        mine.push(v);
        pairClassZ[k].push(v);
      });
    }
    if (mine.length > 0) exRows.set(i, mine);
  });
  const forced = options.force?.exhibitor;
  if (forced !== undefined && !exRows.has(forced)) return { kind: "infeasible" };

  // Pairs only exist as columns where some exhibitor could take their class.
  const yOfPair = new Map<number, number>();
  const boothY = booths.map((): number[] => []);
  const classY = singleClasses.map((): number[] => []);
  const pairClassY = pairClasses.map((): number[] => []);
  pairClasses.forEach((list, k) => {
    if (pairClassZ[k].length === 0) return;
    for (const p of list) {
      const v = add({ kind: "y", p, k }, 0);
      yOfPair.set(p, v);
      pairClassY[k].push(v);
      for (const b of freePairs[p]) {
        boothY[b].push(v);
        classY[classOf[b]].push(v);
      }
    }
  });

  const rows: { terms: Map<number, number>; lo: number; hi: number }[] = [];
  const row = (terms: [number, number][], lo: number, hi: number) => {
    const map = new Map<number, number>();
    for (const [v, a] of terms) map.set(v, (map.get(v) ?? 0) + a);
    rows.push({ terms: map, lo, hi });
  };
  for (const [i, vs] of exRows)
    row(
      vs.map((v) => [v, 1]),
      i === forced ? 1 : -Infinity,
      1,
    );
  singleClasses.forEach((list, c) => {
    if (classRows[c].length === 0) return;
    const terms = [
      ...classRows[c].map((v): [number, number] => [v, 1]),
      ...classY[c].map((v): [number, number] => [v, 1]),
    ];
    if (classRows[c].length + classY[c].length > list.length) row(terms, -Infinity, list.length);
  });
  boothY.forEach(
    (vs) =>
      vs.length > 1 &&
      row(
        vs.map((v) => [v, 1]),
        -Infinity,
        1,
      ),
  );
  pairClasses.forEach((_, k) => {
    if (pairClassZ[k].length === 0) return;
    row(
      [...pairClassZ[k].map((v): [number, number] => [v, 1]), ...pairClassY[k].map((v): [number, number] => [v, -1])],
      -Infinity,
      0,
    );
  });

  if (cols.length === 0)
    return { kind: "solved", plan: exhibitors.map(() => null), value: 0, bound: 0, optimal: true, placed: 0 };
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const r of rows) {
    for (const [v, a] of [...r.terms].sort((p, q) => p[0] - q[0])) {
      indices.push(v);
      values.push(a);
    }
    starts.push(indices.length);
  }
  const inf = highs.infinity;
  const model = highs.createModel();
  try {
    // The objective is integral, so a gap below 1 proves the optimum.
    model.options.set({ output_flag: false, time_limit: options.timeLimitSec, mip_rel_gap: 0, mip_abs_gap: 0.99 });
    model.passModel({
      numCols: cols.length,
      numRows: rows.length,
      sense: highs.constants.objectiveSense.maximize,
      colCost: cost,
      colLower: cols.map(() => 0),
      colUpper: cols.map(() => 1),
      rowLower: rows.map((r) => (r.lo === -Infinity ? -inf : r.lo)),
      rowUpper: rows.map((r) => r.hi),
      matrix: { format: "csr", numRows: rows.length, numCols: cols.length, starts, indices, values },
      integrality: cols.map(() => 1),
    });
    if (options.start) {
      const start = startValues(problem, options.start, cols, classOf, freePairs, yOfPair);
      try {
        model.setSolution({ colValue: start });
      } catch {
        // A start HiGHS refuses is only a lost head start.
      }
    }
    const run = model.run();
    if (run.modelStatus === 8) return { kind: "infeasible" };
    if (Number(model.info.get("primal_solution_status")) !== 2) {
      return { kind: "failed", status: STATUS[run.modelStatus] ?? `status ${run.modelStatus}` };
    }
    const x = model.getSolution().colValue;
    const value = Math.round(model.getObjectiveValue());
    const optimal = run.modelStatus === 7;
    const dual = Number(model.info.get("mip_dual_bound"));
    const bound = optimal || !Number.isFinite(dual) ? value : Math.max(value, Math.floor(dual + 1e-6));
    const plan = disaggregate(problem, cols, x, singleClasses, freePairs, pairClasses);
    return { kind: "solved", plan, value, bound, optimal, placed: plan.filter(Boolean).length };
  } finally {
    model.dispose();
  }
}

/** The aggregated values of a plan (a warm start from the greedy allocation). */
function startValues(
  problem: Problem,
  plan: Plan,
  cols: Column[],
  classOf: Int32Array,
  freePairs: [number, number][],
  yOfPair: Map<number, number>,
): number[] {
  const start = cols.map(() => 0);
  const pairIx = new Map(freePairs.map(([a, b], p) => [a * problem.lockedBooth.length + b, p]));
  const colOf = new Map<string, number>();
  cols.forEach((c, v) => c.kind !== "y" && colOf.set(c.kind === "x" ? `x${c.e}|${c.c}` : `z${c.e}|${c.k}`, v));
  plan.forEach((booths, e) => {
    if (!booths) return;
    if (booths.length === 1) {
      const v = colOf.get(`x${e}|${classOf[booths[0]]}`);
      if (v !== undefined) start[v] = 1;
      return;
    }
    const [a, b] = booths[0] < booths[1] ? booths : [booths[1], booths[0]];
    const p = pairIx.get(a * problem.lockedBooth.length + b);
    const y = p === undefined ? undefined : yOfPair.get(p);
    if (y === undefined) return;
    start[y] = 1;
    const z = colOf.get(`z${e}|${(cols[y] as { k: number }).k}`);
    if (z !== undefined) start[z] = 1;
  });
  return start;
}

function disaggregate(
  problem: Problem,
  cols: Column[],
  x: Float64Array,
  singleClasses: number[][],
  freePairs: [number, number][],
  pairClasses: number[][],
): Plan {
  const plan: Plan = problem.ix.instance.exhibitors.map(() => null);
  const used = new Set<number>();
  const chosenPairs = pairClasses.map((): number[] => []);
  const pairClassOf = new Map<number, number>();
  pairClasses.forEach((list, k) => list.forEach((p) => pairClassOf.set(p, k)));
  cols.forEach((c, v) => c.kind === "y" && x[v] > 0.5 && chosenPairs[pairClassOf.get(c.p)!].push(c.p));
  cols.forEach((c, v) => {
    if (c.kind !== "z" || x[v] < 0.5) return;
    const p = chosenPairs[c.k].shift();
    if (p === undefined) throw new Error("allocator: a pair class is short of chosen pairs");
    plan[c.e] = [...freePairs[p]];
    freePairs[p].forEach((b) => used.add(b));
  });
  const freeOfClass = singleClasses.map((list) => list.filter((b) => !used.has(b)));
  // Within its class any booth scores the same; take the one beside most wished neighbours placed so far
  // (a head start for the local search).
  const { ix } = problem;
  const holder = new Int32Array(ix.instance.booths.length).fill(-1);
  plan.forEach((booths, e) => booths?.forEach((b) => (holder[b] = e)));
  ix.instance.locked.forEach((l) => l.booths.forEach((b) => (holder[ix.boothIx.get(b)!] = ix.exIx.get(l.exhibitor)!)));
  cols.forEach((c, v) => {
    if (c.kind !== "x" || x[v] < 0.5) return;
    const free = freeOfClass[c.c];
    if (free.length === 0) throw new Error("allocator: a booth class is over capacity");
    const friends = new Set(ix.friends[c.e]);
    let best = 0;
    let bestCount = -1;
    free.forEach((b, i) => {
      const count = ix.adjacent[b].filter((a) => friends.has(holder[a])).length;
      if (count > bestCount) [best, bestCount] = [i, count];
    });
    const [b] = free.splice(best, 1);
    holder[b] = c.e;
    plan[c.e] = [b];
  });
  return plan;
}
