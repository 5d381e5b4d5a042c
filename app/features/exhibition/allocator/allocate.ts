// The automatic booth allocator: the placement score by an exact integer program (HiGHS, model.ts), then
// the neighbourhood score by a seeded local search that never lowers it, then an explanation for every
// exhibitor and the spread. Pure: no database, no Remix (shared/design/booth-allocation.md, decision 014).
import type { Allocation, AllocationInstance } from "./instance";
import {
  explain,
  noteText,
  spreadOf,
  verify,
  type Counterfactual,
  type ExhibitorExplanation,
  type Spread,
} from "./explain";
import { bestFreeOption, greedyPlan, problemOf } from "./greedy";
import { Search } from "./local-search";
import { loadHighs, solvePlacement, type Plan } from "./model";
import type { AllocatorMessageKey } from "./messages.vi";
import { indexInstance, neighbourhoodScore, placementScore } from "./score";
import { validateAllocation } from "./validate";

export type { AllocatorMessageKey } from "./messages.vi";
export type { ExhibitorExplanation, Spread } from "./explain";
export { greedyAllocation } from "./greedy";

export interface AllocationResult {
  allocations: Allocation[];
  unplaced: { exhibitor: string; reason: string; key: AllocatorMessageKey; params?: Record<string, string | number> }[];
  explanations: ExhibitorExplanation[];
  spread: Spread;
  placed: number;
  placementScore: number;
  neighbourhoodScore: number;
  optimal: boolean;
  bound: number;
  ms: number;
}

export type AllocateOptions = {
  /** Seconds HiGHS may spend on the placement score (default 10). */
  timeLimitSec?: number;
  /** Seconds for the neighbourhood local search (default 3). */
  neighbourhoodTimeLimitSec?: number;
  /** Seconds for re-solves that check explanations (default 3; 0: none). */
  explainTimeLimitSec?: number;
  /** The local search's seed (default 13). */
  seed?: number;
};

export async function allocateBooths(
  instance: AllocationInstance,
  options: AllocateOptions = {},
): Promise<AllocationResult> {
  const started = performance.now();
  const ix = indexInstance(instance);
  const problem = problemOf(ix);
  const greedy = greedyPlan(problem);
  const planValue = (plan: Plan) => new Search(problem, plan).placement();
  const lockedValue = planValue(instance.exhibitors.map(() => null));

  // A solver that cannot be loaded or fails leaves the greedy plan, reported as not optimal.
  const highs = await loadHighs().catch(() => null);
  let plan = greedy;
  let optimal = false;
  let bound = Infinity;
  if (highs) {
    const outcome = solvePlacement(highs, problem, { timeLimitSec: options.timeLimitSec ?? 10, start: greedy });
    if (outcome.kind === "solved" && outcome.value + lockedValue >= planValue(greedy)) {
      plan = outcome.plan;
      optimal = outcome.optimal;
      bound = outcome.bound + lockedValue;
    }
  }
  const search = new Search(problem, plan);
  const floor = search.placement();
  search.polish();
  search.run({ timeLimitSec: options.neighbourhoodTimeLimitSec ?? 3, seed: options.seed });
  const placement = search.placement();
  if (placement < floor)
    throw new Error(`allocator: the local search lowered the placement score (${placement} < ${floor})`);
  if (!Number.isFinite(bound)) bound = upperBoundWithoutSolver(problem, ix);
  bound = Math.max(bound, placement);
  if (placement >= bound) optimal = true;

  const at = search.at;
  const allocations: Allocation[] = [];
  at.forEach((booths, e) => {
    if (booths)
      allocations.push({ exhibitor: instance.exhibitors[e].id, booths: booths.map((b) => instance.booths[b].id) });
  });
  const violations = validateAllocation(instance, { allocations });
  if (violations.length > 0) throw new Error(`allocator: invalid allocation: ${violations.join("; ")}`);

  const freePlaced = at.filter((b, e) => b && !problem.lockedEx[e]).length;
  const base = { value: placement - lockedValue, placed: freePlaced };
  const budget = (options.explainTimeLimitSec ?? 3) * 1000;
  const explainStarted = performance.now();
  const counterfactual: Counterfactual | null =
    highs && optimal && budget > 0
      ? (force) => {
          const left = budget - (performance.now() - explainStarted);
          if (left < 50) return null;
          const outcome = solvePlacement(highs, problem, { timeLimitSec: Math.min(1, left / 1000), force });
          if (outcome.kind === "infeasible") return "infeasible";
          if (outcome.kind !== "solved" || !outcome.optimal) return null;
          return { value: outcome.value, placed: outcome.placed };
        }
      : null;
  const input = { ix, at, holder: search.holder, lockedEx: problem.lockedEx, base, counterfactual };
  const { explanations, pending } = explain(input);
  // Unplaced exhibitors first: their checks matter most when time runs short.
  pending.sort((a, b) => Number(!!at[a.force.exhibitor]) - Number(!!at[b.force.exhibitor]));
  verify(input, pending);

  const unplaced = explanations
    .filter((x) => !x.placed)
    .map((x) => {
      const note = x.notes[0];
      return {
        exhibitor: x.exhibitor,
        reason: noteText(note),
        key: note.key,
        ...(note.params ? { params: note.params } : {}),
      };
    });
  const apart = apartPairs(ix, search.holder);
  return {
    allocations,
    unplaced,
    explanations,
    spread: spreadOf(ix, explanations, apart),
    placed: allocations.length,
    placementScore: placementScore(instance, allocations),
    neighbourhoodScore: neighbourhoodScore(ix, search.holder),
    optimal,
    bound,
    ms: Math.round(performance.now() - started),
  };
}

/** Without a solver: every exhibitor at its best conceivable value (a weak but true bound). */
function upperBoundWithoutSolver(problem: ReturnType<typeof problemOf>, ix: ReturnType<typeof indexInstance>): number {
  const empty = new Int32Array(ix.instance.booths.length).fill(-1);
  const search = new Search(
    problem,
    ix.instance.exhibitors.map(() => null),
  );
  return ix.instance.exhibitors.reduce((sum, _, e) => {
    if (problem.lockedEx[e]) return sum + search.value(e, search.at[e]);
    return sum + search.value(e, bestOption(problem, ix, empty, e));
  }, 0);
}

function bestOption(
  problem: ReturnType<typeof problemOf>,
  ix: ReturnType<typeof indexInstance>,
  holder: Int32Array,
  e: number,
) {
  const masked = Int32Array.from(holder);
  problem.lockedBooth.forEach((locked, b) => locked && (masked[b] = ix.instance.exhibitors.length));
  return bestFreeOption(ix, masked, e);
}

function apartPairs(ix: ReturnType<typeof indexInstance>, holder: Int32Array): number {
  let n = 0;
  for (const [a, b] of ix.pairs) {
    const e = holder[a];
    const f = holder[b];
    if (e < 0 || f < 0 || e === f) continue;
    const apart = ix.instance.exhibitors[e].apart;
    if (apart && apart === ix.instance.exhibitors[f].apart) n++;
  }
  return n;
}
