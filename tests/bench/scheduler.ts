// `npm run bench:scheduler`: seeded instances at 1×, 2× and 4× the conference's size; the scheduler's
// weight against an independently written exact integer program (no reduction, locked meetings as
// variables fixed to 1, no time limit), and the fallback's weight against the same optimum (floor 0.98).
import highsLoader from "highs";
import type { Instance, Meeting } from "~/features/meetings/scheduler/instance";
import { parseInstance } from "~/features/meetings/scheduler/instance";
import { scheduleMeetings } from "~/features/meetings/scheduler/schedule";
import { validateResult } from "~/features/meetings/scheduler/validate";

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generate(scale: number, seed: number): Instance {
  const rand = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const slots = Array.from({ length: 12 }, (_, i) => {
    const start = Date.UTC(2026, 11, 13, 7 + Math.floor(i / 3), (i % 3) * 20);
    return { id: `s${i + 1}`, start: new Date(start).toISOString(), end: new Date(start + 20 * 60_000).toISOString() };
  });
  const tables = Array.from({ length: 30 * scale }, (_, i) => ({ id: `T${i + 1}` }));
  const provinces = Array.from({ length: 63 * scale }, (_, i) => ({
    id: `prov-${i + 1}`,
    ...(rand() < 0.15 ? { maxMeetings: int(3, 6) } : {}),
  }));
  const missions = Array.from({ length: 95 * scale }, (_, i) => {
    const mission: { id: string; available?: string[]; maxMeetings?: number } = { id: `miss-${i + 1}` };
    if (rand() < 0.3) {
      const from = int(0, 8);
      mission.available = slots.slice(from, from + int(3, 6)).map((s) => s.id);
    }
    if (rand() < 0.25) mission.maxMeetings = int(3, 8);
    return mission;
  });
  // Popular missions (low index) are asked far more often than they can meet.
  const popularity = missions.map((_, i) => 1 / Math.pow(i + 1, 0.9));
  const total = popularity.reduce((a, b) => a + b, 0);
  const pickMission = () => {
    let x = rand() * total;
    for (let i = 0; i < missions.length; i++) if ((x -= popularity[i]) <= 0) return missions[i].id;
    return missions[missions.length - 1].id;
  };
  const pairs = new Set<string>();
  const requests: Instance["requests"] = [];
  while (requests.length < 500 * scale) {
    const a = provinces[int(0, provinces.length - 1)].id;
    const b = pickMission();
    if (pairs.has(`${a}|${b}`)) continue;
    pairs.add(`${a}|${b}`);
    requests.push({ id: `r${requests.length + 1}`, a, b, priority: int(1, 3) as 1 | 2 | 3 });
  }
  return {
    slots,
    tables,
    parties: [...provinces, ...missions],
    requests,
    locked: lockSome(slots, tables, provinces, missions, requests, 8 * scale),
  };
}

/** A few locked meetings, placed so that they obey every rule. */
function lockSome(
  slots: Instance["slots"],
  tables: Instance["tables"],
  provinces: Instance["parties"],
  missions: Instance["parties"],
  requests: Instance["requests"],
  n: number,
): Meeting[] {
  const parties = new Map([...provinces, ...missions].map((p) => [p.id, p]));
  const busy = new Set<string>();
  const used = new Map<string, number>();
  const locked: Meeting[] = [];
  for (let i = 0; i < requests.length && locked.length < n; i += 37) {
    const r = requests[i];
    if ([r.a, r.b].some((p) => (used.get(p) ?? 0) >= (parties.get(p)!.maxMeetings ?? Infinity))) continue;
    const slot = slots.find((s) =>
      [r.a, r.b].every((p) => !busy.has(`${p}|${s.id}`) && (parties.get(p)!.available ?? [s.id]).includes(s.id)),
    );
    if (!slot) continue;
    const table = tables.find((t) => !busy.has(`${t.id}|${slot.id}`))!;
    for (const key of [r.a, r.b, table.id]) busy.add(`${key}|${slot.id}`);
    for (const p of [r.a, r.b]) used.set(p, (used.get(p) ?? 0) + 1);
    locked.push({ request: r.id, slot: slot.id, table: table.id });
  }
  return locked;
}

/** The yardstick: every (request, slot) pair both parties can attend, nothing pre-reduced. */
function exactOptimum(highs: Awaited<ReturnType<typeof highsLoader>>, inst: Instance): number {
  const can = (partyId: string, slotId: string) => {
    const party = inst.parties.find((p) => p.id === partyId)!;
    return party.available === undefined || party.available.includes(slotId);
  };
  const name = (r: string, s: string) => `y_${r}_${s}`.replace(/-/g, "_");
  const cols: { r: string; s: string; p: number }[] = [];
  for (const req of inst.requests)
    for (const slot of inst.slots)
      if (can(req.a, slot.id) && can(req.b, slot.id)) cols.push({ r: req.id, s: slot.id, p: req.priority });
  const rows: string[] = [];
  const lineOf = (terms: string[]) => terms.join(" + ").replace(/((?:\S+ \+ ){25})/g, "$1\n ");
  inst.requests.forEach((req, i) => {
    const t = cols.filter((c) => c.r === req.id).map((c) => name(c.r, c.s));
    const lock = inst.locked.find((l) => l.request === req.id);
    if (t.length) rows.push(`once${i}: ${lineOf(t)} ${lock ? "=" : "<="} 1`);
    if (lock) rows.push(`lock${i}: ${name(req.id, lock.slot)} = 1`);
  });
  inst.slots.forEach((slot, j) => {
    const t = cols.filter((c) => c.s === slot.id).map((c) => name(c.r, c.s));
    if (t.length) rows.push(`tables${j}: ${lineOf(t)} <= ${inst.tables.length}`);
  });
  const reqOf = new Map(inst.requests.map((r) => [r.id, r]));
  inst.parties.forEach((party, k) => {
    const mine = cols.filter((c) => reqOf.get(c.r)!.a === party.id || reqOf.get(c.r)!.b === party.id);
    inst.slots.forEach((slot, j) => {
      const t = mine.filter((c) => c.s === slot.id).map((c) => name(c.r, c.s));
      if (t.length > 1) rows.push(`busy${k}_${j}: ${lineOf(t)} <= 1`);
    });
    if (party.maxMeetings !== undefined && mine.length)
      rows.push(`cap${k}: ${lineOf(mine.map((c) => name(c.r, c.s)))} <= ${party.maxMeetings}`);
  });
  const lp = `Maximize\n obj: ${lineOf(cols.map((c) => `${c.p} ${name(c.r, c.s)}`))}\nSubject To\n${rows.map((r) => ` ${r}`).join("\n")}\nBinary\n${cols.map((c) => ` ${name(c.r, c.s)}`).join("\n")}\nEnd`;
  const solution = highs.solve(lp, { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.5 });
  if (solution.Status !== "Optimal") throw new Error(`reference solve ended with ${solution.Status}`);
  return Math.round(solution.ObjectiveValue);
}

async function main() {
  const highs = await highsLoader();
  // The solver's WASM loads once per process; measured apart from the solves.
  const warm = await scheduleMeetings({ slots: [], tables: [], parties: [], requests: [], locked: [] });
  console.log(JSON.stringify({ solverLoadMs: warm.ms }));
  const rows = [];
  for (const [scale, seed] of [
    [1, 1],
    [1, 2],
    [2, 3],
    [4, 4],
  ] as const) {
    const parsed = parseInstance(JSON.parse(JSON.stringify(generate(scale, seed))));
    if (!parsed.ok) throw new Error(`generated instance is malformed: ${parsed.error}`);
    const inst = parsed.instance;
    const result = await scheduleMeetings(inst);
    const violations = validateResult(inst, result);
    const fallback = await scheduleMeetings(inst, { useSolver: false });
    const fallbackViolations = validateResult(inst, fallback);
    const started = performance.now();
    const optimum = exactOptimum(highs, inst);
    const row = {
      scale: `${scale}x`,
      seed,
      requests: inst.requests.length,
      placed: result.meetings.length,
      weight: result.weight,
      optimalWeight: optimum,
      ratio: Number((result.weight / optimum).toFixed(4)),
      ms: result.ms,
      solverProvedOptimal: result.optimal,
      fallbackRatio: Number((fallback.weight / optimum).toFixed(4)),
      fallbackMs: fallback.ms,
      fallbackPlaced: fallback.meetings.length,
      fallbackValidatorPassed: fallbackViolations.length === 0,
      validatorPassed: violations.length === 0,
      referenceMs: Math.round(performance.now() - started),
    };
    rows.push(row);
    console.log(JSON.stringify(row));
  }
  // Floors: the solver's schedule within 0.5 % of the optimum; the fallback (used when the solver
  // is unavailable or out of time) within 2 %.
  const FLOORS = { ratio: 0.995, fallbackRatio: 0.98 };
  const bad = rows.filter(
    (r) =>
      r.ratio < FLOORS.ratio ||
      r.fallbackRatio < FLOORS.fallbackRatio ||
      !r.validatorPassed ||
      !r.fallbackValidatorPassed,
  );
  console.log(
    JSON.stringify({
      floors: FLOORS,
      minRatio: Math.min(...rows.map((r) => r.ratio)),
      minFallbackRatio: Math.min(...rows.map((r) => r.fallbackRatio)),
      passed: bad.length === 0,
    }),
  );
  if (bad.length > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
