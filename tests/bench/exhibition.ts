// `npm run bench:exhibition`: the booth allocator on generated exhibitions (300 booths / 240 exhibitors, the
// same hall over-subscribed, and twice the first). The placement score is compared with an independently
// written bound, the LP relaxation of the plain model (a variable per exhibitor and booth or adjacent pair,
// nothing aggregated or pruned), and the neighbourhood score with the greedy baseline's. Scores are
// recomputed here from the result, not taken from the allocator's word.
import highsLoader from "highs";
import { allocateBooths, greedyAllocation } from "~/features/exhibition/allocator/allocate";
import type { AllocationInstance } from "~/features/exhibition/allocator/instance";
import { parseInstance } from "~/features/exhibition/allocator/instance";
import { validateAllocation } from "~/features/exhibition/allocator/validate";
import { generateExhibition } from "../helpers/exhibition-instances";

type Allocation = { exhibitor: string; booths: string[] };

const lookups = new WeakMap<
  AllocationInstance,
  { e: Map<string, AllocationInstance["exhibitors"][number]>; b: Map<string, AllocationInstance["booths"][number]> }
>();

function value(inst: AllocationInstance, exhibitor: string, boothIds: string[]): number {
  let maps = lookups.get(inst);
  if (!maps)
    lookups.set(
      inst,
      (maps = { e: new Map(inst.exhibitors.map((x) => [x.id, x])), b: new Map(inst.booths.map((x) => [x.id, x])) }),
    );
  const e = maps.e.get(exhibitor)!;
  const booths = boothIds.map((id) => maps.b.get(id)!);
  const ranks = booths.map((b) => e.zones.indexOf(b.zone));
  const zone = ranks.some((r) => r < 0) ? 0 : [30, 20, 10][Math.max(...ranks)];
  const type = e.types.length > 0 && booths.some((b) => e.types.includes(b.type)) ? 10 : 0;
  return 1000 + zone + type;
}

function scores(inst: AllocationInstance, allocations: Allocation[]) {
  const owner = new Map<string, string>();
  for (const a of allocations) for (const b of a.booths) owner.set(b, a.exhibitor);
  const ex = new Map(inst.exhibitors.map((e) => [e.id, e]));
  const friends = new Set<string>();
  const metPairs = new Set<string>();
  let apart = 0;
  for (const booth of inst.booths) {
    for (const other of booth.adjacent) {
      if (booth.id > other) continue;
      const [e, f] = [owner.get(booth.id), owner.get(other)];
      if (!e || !f || e === f) continue;
      const [x, y] = [ex.get(e)!, ex.get(f)!];
      if (x.neighbours.includes(f) || y.neighbours.includes(e)) friends.add([e, f].sort().join("|"));
      if (x.apart && x.apart === y.apart) apart++;
      if (x.neighbours.includes(f)) metPairs.add(`${e}>${f}`);
      if (y.neighbours.includes(e)) metPairs.add(`${f}>${e}`);
    }
  }
  return {
    placement: allocations.reduce((s, a) => s + value(inst, a.exhibitor, a.booths), 0),
    neighbourhood: 15 * friends.size - 20 * apart,
    wishesMet: metPairs.size,
  };
}

/** The LP relaxation of the plain model: an upper bound on the placement score. */
function lpBound(highs: Awaited<ReturnType<typeof highsLoader>>, inst: AllocationInstance): number {
  const boothIx = new Map(inst.booths.map((b, i) => [b.id, i]));
  const cols: { e: number; booths: number[]; cost: number }[] = [];
  const locked = new Map(inst.locked.map((l) => [l.exhibitor, l.booths]));
  inst.exhibitors.forEach((e, i) => {
    const lock = locked.get(e.id);
    if (lock) return void cols.push({ e: i, booths: lock.map((b) => boothIx.get(b)!), cost: value(inst, e.id, lock) });
    const options: string[][] =
      e.booths === 1
        ? inst.booths.map((b) => [b.id])
        : inst.booths.flatMap((b) => b.adjacent.filter((a) => b.id < a).map((a) => [b.id, a]));
    for (const o of options) {
      const area = o.reduce((s, id) => s + inst.booths[boothIx.get(id)!].area, 0);
      if (area >= e.minArea) cols.push({ e: i, booths: o.map((id) => boothIx.get(id)!), cost: value(inst, e.id, o) });
    }
  });
  const E = inst.exhibitors.length;
  // Rows: one per exhibitor, then one per booth; CSC columns.
  const starts = [0];
  const indices: number[] = [];
  for (const c of cols) {
    indices.push(c.e, ...c.booths.map((b) => E + b).sort((a, b) => a - b));
    starts.push(indices.length);
  }
  const model = highs.createModel();
  try {
    model.options.set({ output_flag: false });
    const numRows = E + inst.booths.length;
    model.passModel({
      numCols: cols.length,
      numRows,
      sense: highs.constants.objectiveSense.maximize,
      colCost: cols.map((c) => c.cost),
      colLower: cols.map(() => 0),
      colUpper: cols.map(() => 1),
      rowLower: Array.from({ length: numRows }, (_, r) =>
        r < E && locked.has(inst.exhibitors[r].id) ? 1 : -highs.infinity,
      ),
      rowUpper: Array.from({ length: numRows }, () => 1),
      matrix: { format: "csc", numRows, numCols: cols.length, starts, indices, values: indices.map(() => 1) },
    });
    const run = model.run();
    if (run.modelStatus !== 7) throw new Error(`LP relaxation ended with status ${run.modelStatus}`);
    return model.getObjectiveValue();
  } finally {
    model.dispose();
  }
}

async function main() {
  const highs = await highsLoader();
  const warm = await allocateBooths({ booths: [], exhibitors: [], locked: [] });
  console.log(JSON.stringify({ solverLoadMs: warm.ms }));
  const cases = [
    { instance: "300 booths / 240 exhibitors", scale: 1, oversubscribed: false },
    { instance: "300 booths, over-subscribed (95 % of the booths asked for)", scale: 1, oversubscribed: true },
    { instance: "600 booths / 480 exhibitors", scale: 2, oversubscribed: false },
  ];
  const rows = [];
  for (const c of cases) {
    const parsed = parseInstance(JSON.parse(JSON.stringify(generateExhibition({ ...c, seed: 1 }))));
    if (!parsed.ok) throw new Error(`generated instance is malformed: ${parsed.error}`);
    const inst = parsed.instance;
    const result = await allocateBooths(inst);
    const violations = validateAllocation(inst, result);
    const mine = scores(inst, result.allocations);
    if (mine.placement !== result.placementScore || mine.neighbourhood !== result.neighbourhoodScore) {
      throw new Error(
        `scores differ: bench ${JSON.stringify(mine)}, allocator ${result.placementScore}/${result.neighbourhoodScore}`,
      );
    }
    const greedy = scores(inst, greedyAllocation(inst));
    const started = performance.now();
    const bound = lpBound(highs, inst);
    const row = {
      instance: c.instance,
      booths: inst.booths.length,
      exhibitors: inst.exhibitors.length,
      boothsAskedFor: inst.exhibitors.reduce((s, e) => s + e.booths, 0),
      placed: result.placed,
      placementScore: result.placementScore,
      bound: Number(bound.toFixed(2)),
      ratio: Number((result.placementScore / bound).toFixed(5)),
      optimal: result.optimal,
      solverBound: result.bound,
      neighbourhoodScore: result.neighbourhoodScore,
      greedyNeighbourhoodScore: greedy.neighbourhood,
      greedyPlacementScore: greedy.placement,
      neighbourWishesMet: mine.wishesMet,
      neighbourWishes: inst.exhibitors.reduce((s, e) => s + e.neighbours.length, 0),
      greedyNeighbourWishesMet: greedy.wishesMet,
      validatorPassed: violations.length === 0,
      ms: result.ms,
      lpMs: Math.round(performance.now() - started),
      scale: c.scale,
      oversubscribed: c.oversubscribed,
    };
    rows.push(row);
    console.log(JSON.stringify(row));
  }
  // Targets of the issue: proven optimal when not full, within 0.1 % of the bound when over-subscribed,
  // under 15 s at 1×; the result valid and never below the greedy baseline's placement score.
  const bad = rows.filter(
    (r) =>
      !r.validatorPassed ||
      (r.oversubscribed ? r.ratio < 0.999 : !r.optimal) ||
      (r.scale === 1 && r.ms >= 15_000) ||
      r.placementScore < r.greedyPlacementScore,
  );
  console.log(JSON.stringify({ passed: bad.length === 0, minRatio: Math.min(...rows.map((r) => r.ratio)) }));
  if (bad.length > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
