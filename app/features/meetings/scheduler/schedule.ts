// The bilateral meeting scheduler: an exact integer program solved by HiGHS (WASM), with a greedy +
// local-improvement fallback, then tables slot by slot, then a reason for every request left out.
import highsLoader from "highs";
import type { Instance, Meeting, Result, Unscheduled } from "./instance";
import { validateResult } from "./validate";
import { plural } from "../../../lib/plural";

export type ScheduleOptions = {
  /** Seconds HiGHS may spend before the greedy result is used instead. */
  timeLimitSec?: number;
  /** false skips the solver (the fallback path alone). */
  useSolver?: boolean;
};
/** The result file's content, plus the weight, whether it is proven optimal, and each left-out request's reason as data (for translation). */
export type ScheduleResult = Result & { weight: number; optimal: boolean; ms: number; reasons: Record<string, Reason> };

/** Why a request was left out; reasonText turns it into the sentence organisers read. */
export type Reason =
  | { kind: "not-available"; party: string }
  | { kind: "no-common-slot"; a: string; b: string }
  | { kind: "locked-full"; a: string; b: string }
  | { kind: "at-maximum"; party: string; max: number }
  | { kind: "higher-priority" }
  | { kind: "outweighed" };

export function reasonText(reason: Reason): string {
  switch (reason.kind) {
    case "not-available":
      return `${reason.party} is not available in any slot`;
    case "no-common-slot":
      return `${reason.a} has no free slot in common with ${reason.b}`;
    case "locked-full":
      return `all slots that suit both ${reason.a} and ${reason.b} are taken by locked meetings`;
    case "at-maximum":
      return `${reason.party} has reached its maximum of ${plural("en", reason.max, { one: "# meeting", other: "# meetings" })}`;
    case "higher-priority":
      return "all slots that suit both parties are taken by meetings of equal or higher priority";
    case "outweighed":
      return "all slots that suit both parties are taken by other meetings that together weigh more";
  }
}

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let highsPromise: Promise<Highs> | undefined;
const loadHighs = () => (highsPromise ??= highsLoader());

/** The instance in index form, with locked meetings already taken out of the capacities. */
type Prepared = {
  S: number;
  req: { a: number; b: number; p: number }[];
  avail: boolean[][]; // [party][slot]
  lockedBusy: boolean[][]; // [party][slot]
  freeTables: number[]; // [slot]
  cap: number[]; // [party] meetings still allowed
  feasible: number[][]; // [request] slots it could take
  lockedReq: Set<number>;
};

function prepare(instance: Instance): Prepared {
  const S = instance.slots.length;
  const slotIx = new Map(instance.slots.map((s, i) => [s.id, i]));
  const partyIx = new Map(instance.parties.map((p, i) => [p.id, i]));
  const reqIx = new Map(instance.requests.map((r, i) => [r.id, i]));
  const req = instance.requests.map((r) => ({ a: partyIx.get(r.a)!, b: partyIx.get(r.b)!, p: r.priority }));
  const avail = instance.parties.map((p) => {
    const row = new Array<boolean>(S).fill(p.available === undefined);
    for (const id of p.available ?? []) row[slotIx.get(id)!] = true;
    return row;
  });
  const lockedBusy = instance.parties.map(() => new Array<boolean>(S).fill(false));
  const freeTables = new Array<number>(S).fill(instance.tables.length);
  const cap = instance.parties.map((p) => p.maxMeetings ?? Infinity);
  const lockedReq = new Set<number>();
  for (const m of instance.locked) {
    const r = reqIx.get(m.request)!;
    const s = slotIx.get(m.slot)!;
    lockedReq.add(r);
    freeTables[s]--;
    for (const p of [req[r].a, req[r].b]) {
      lockedBusy[p][s] = true;
      cap[p]--;
    }
  }
  const feasible = req.map(({ a, b }, r) => {
    if (lockedReq.has(r) || cap[a] <= 0 || cap[b] <= 0) return [];
    const slots: number[] = [];
    for (let s = 0; s < S; s++) {
      if (avail[a][s] && avail[b][s] && !lockedBusy[a][s] && !lockedBusy[b][s] && freeTables[s] > 0) slots.push(s);
    }
    return slots;
  });
  return { S, req, avail, lockedBusy, freeTables, cap, feasible, lockedReq };
}

/** slotOf[r] = slot index or -1, for the free (not locked) requests. */
type Plan = number[];

const planWeight = (pr: Prepared, plan: Plan) => plan.reduce((w, s, r) => (s >= 0 ? w + pr.req[r].p : w), 0);

function planIsFeasible(pr: Prepared, plan: Plan): boolean {
  const used = [...pr.freeTables];
  const cap = [...pr.cap];
  const busy = new Set<number>();
  for (let r = 0; r < plan.length; r++) {
    const s = plan[r];
    if (s < 0) continue;
    if (!pr.feasible[r].includes(s) || --used[s] < 0) return false;
    for (const p of [pr.req[r].a, pr.req[r].b]) {
      if (--cap[p] < 0 || busy.has(p * pr.S + s)) return false;
      busy.add(p * pr.S + s);
    }
  }
  return true;
}

function solveExactly(highs: Highs, pr: Prepared, timeLimitSec: number): { plan: Plan; optimal: boolean } | null {
  const vars: { r: number; s: number }[] = [];
  pr.feasible.forEach((slots, r) => slots.forEach((s) => vars.push({ r, s })));
  if (vars.length === 0) return { plan: pr.req.map(() => -1), optimal: true };
  const byRequest = new Map<number, number[]>();
  const byPartySlot = new Map<number, number[]>();
  const bySlot = new Map<number, number[]>();
  const byParty = new Map<number, Set<number>>();
  const push = <K>(map: Map<K, number[]>, key: K, v: number) => (map.get(key) ?? map.set(key, []).get(key)!).push(v);
  vars.forEach(({ r, s }, v) => {
    push(byRequest, r, v);
    push(bySlot, s, v);
    for (const p of [pr.req[r].a, pr.req[r].b]) {
      push(byPartySlot, p * pr.S + s, v);
      (byParty.get(p) ?? byParty.set(p, new Set()).get(p)!).add(v);
    }
  });
  const sum = (vs: Iterable<number>) => {
    const terms = [...vs].map((v) => `x${v}`);
    const lines: string[] = [];
    for (let i = 0; i < terms.length; i += 20) lines.push(terms.slice(i, i + 20).join(" + "));
    return lines.join("\n + ");
  };
  const rows: string[] = [];
  for (const [r, vs] of byRequest) if (vs.length > 1) rows.push(`r${r}: ${sum(vs)} <= 1`);
  for (const [k, vs] of byPartySlot) if (vs.length > 1) rows.push(`ps${k}: ${sum(vs)} <= 1`);
  for (const [s, vs] of bySlot) if (vs.length > pr.freeTables[s]) rows.push(`t${s}: ${sum(vs)} <= ${pr.freeTables[s]}`);
  for (const [p, vs] of byParty) {
    const requests = new Set([...vs].map((v) => vars[v].r));
    if (requests.size > pr.cap[p]) rows.push(`m${p}: ${sum(vs)} <= ${pr.cap[p]}`);
  }
  const objective = vars.map(({ r }, v) => `${pr.req[r].p} x${v}`);
  const lp = [
    "Maximize",
    ` obj: ${objective.join(" + ").replace(/((?:\S+ ){60})/g, "$1\n ")}`,
    "Subject To",
    ...(rows.length > 0 ? rows.map((row) => ` ${row}`) : [" none: x0 <= 1"]),
    "Binary",
    ...vars.map((_, v) => ` x${v}`),
    "End",
  ].join("\n");
  try {
    // Weights are integers, so an absolute gap below 1 proves the optimum.
    const solution = highs.solve(lp, {
      output_flag: false,
      time_limit: timeLimitSec,
      mip_rel_gap: 0,
      mip_abs_gap: 0.99,
    });
    if (!("Columns" in solution) || !solution.Columns || !solution.Columns.x0) return null;
    const plan: Plan = pr.req.map(() => -1);
    vars.forEach(({ r, s }, v) => {
      const column = solution.Columns[`x${v}`] as { Primal?: number } | undefined;
      if ((column?.Primal ?? 0) > 0.5) plan[r] = s;
    });
    if (!planIsFeasible(pr, plan)) return null;
    return { plan, optimal: solution.Status === "Optimal" };
  } catch {
    return null;
  }
}

/** Greedy by priority, then moves and swaps that raise the weight. */
function greedy(pr: Prepared): Plan {
  const R = pr.req.length;
  const plan: Plan = new Array(R).fill(-1);
  const busy = new Map<number, number>(); // party*S+slot -> request
  const used = new Array<number>(pr.S).fill(0);
  const count = pr.cap.map(() => 0);
  const fits = (r: number, s: number) => {
    const { a, b } = pr.req[r];
    return (
      !busy.has(a * pr.S + s) &&
      !busy.has(b * pr.S + s) &&
      used[s] < pr.freeTables[s] &&
      count[a] < pr.cap[a] &&
      count[b] < pr.cap[b]
    );
  };
  const place = (r: number, s: number) => {
    plan[r] = s;
    used[s]++;
    for (const p of [pr.req[r].a, pr.req[r].b]) {
      busy.set(p * pr.S + s, r);
      count[p]++;
    }
  };
  const remove = (r: number) => {
    const s = plan[r];
    plan[r] = -1;
    used[s]--;
    for (const p of [pr.req[r].a, pr.req[r].b]) {
      busy.delete(p * pr.S + s);
      count[p]--;
    }
  };
  const placeAnywhere = (r: number, except = -1) => {
    let best = -1;
    for (const s of pr.feasible[r]) {
      if (s !== except && fits(r, s) && (best < 0 || used[s] < used[best])) best = s;
    }
    if (best >= 0) place(r, best);
    return best >= 0;
  };
  const order = [...Array(R).keys()]
    .filter((r) => pr.feasible[r].length > 0)
    .sort((x, y) => pr.req[y].p - pr.req[x].p || pr.feasible[x].length - pr.feasible[y].length || x - y);
  for (const r of order) placeAnywhere(r);

  for (let pass = 0, improved = true; improved && pass < 20; pass++) {
    improved = false;
    for (const r of order) {
      if (plan[r] >= 0) continue;
      for (const s of pr.feasible[r]) {
        const { a, b, p } = pr.req[r];
        const blockers = [busy.get(a * pr.S + s), busy.get(b * pr.S + s)].filter((x): x is number => x !== undefined);
        const unique = [...new Set(blockers)];
        // Move: shift each blocker to another slot, keep it if r then fits.
        const moved: [number, number][] = [];
        for (const m of unique) {
          const from = plan[m];
          remove(m);
          if (placeAnywhere(m, s)) moved.push([m, from]);
          else place(m, from);
        }
        if (fits(r, s)) {
          place(r, s);
          improved = true;
          break;
        }
        for (const [m, from] of moved.reverse()) {
          remove(m);
          place(m, from);
        }
        // Swap: drop lighter blockers for r, then try to re-place them elsewhere.
        const lost = unique.reduce((w, m) => w + pr.req[m].p, 0);
        if (unique.length > 0 && lost < p) {
          unique.forEach(remove);
          if (fits(r, s)) {
            place(r, s);
            unique.forEach((m) => placeAnywhere(m));
            improved = true;
            break;
          }
          unique.forEach((m) => place(m, s));
        }
      }
    }
  }
  return plan;
}

function reasonFor(instance: Instance, pr: Prepared, plan: Plan, r: number): Reason {
  const request = instance.requests[r];
  const { a, b, p } = pr.req[r];
  for (const [ix, id] of [
    [a, request.a],
    [b, request.b],
  ] as const) {
    if (!pr.avail[ix].some(Boolean)) return { kind: "not-available", party: id };
  }
  const common = [...Array(pr.S).keys()].filter((s) => pr.avail[a][s] && pr.avail[b][s]);
  if (common.length === 0) return { kind: "no-common-slot", a: request.a, b: request.b };
  const count = pr.cap.map((c, i) => (instance.parties[i].maxMeetings ?? Infinity) - c);
  plan.forEach((s, q) => s >= 0 && (count[pr.req[q].a]++, count[pr.req[q].b]++));
  for (const [ix, id] of [
    [a, request.a],
    [b, request.b],
  ] as const) {
    const max = instance.parties[ix].maxMeetings;
    if (max !== undefined && count[ix] >= max) return { kind: "at-maximum", party: id, max };
  }
  if (pr.feasible[r].length === 0) return { kind: "locked-full", a: request.a, b: request.b };
  // Which free meetings block r in each slot it could take?
  let allHeavier = true;
  for (const s of pr.feasible[r]) {
    plan.forEach((slot, q) => {
      if (slot !== s) return;
      const shares = pr.req[q].a === a || pr.req[q].b === a || pr.req[q].a === b || pr.req[q].b === b;
      if (shares && pr.req[q].p < p) allHeavier = false;
    });
  }
  return allHeavier ? { kind: "higher-priority" } : { kind: "outweighed" };
}

function assignTables(instance: Instance, pr: Prepared, plan: Plan): Meeting[] {
  const meetings: Meeting[] = instance.locked.map((m) => ({ ...m }));
  const taken = new Set(instance.locked.map((m) => `${m.slot}|${m.table}`));
  instance.slots.forEach((slot, s) => {
    const free = instance.tables.filter((t) => !taken.has(`${slot.id}|${t.id}`));
    let next = 0;
    plan.forEach((ps, r) => {
      if (ps === s) meetings.push({ request: instance.requests[r].id, slot: slot.id, table: free[next++].id });
    });
  });
  return meetings;
}

export async function scheduleMeetings(instance: Instance, options: ScheduleOptions = {}): Promise<ScheduleResult> {
  const started = performance.now();
  const pr = prepare(instance);
  let plan = greedy(pr);
  let optimal = false;
  if (options.useSolver !== false) {
    // A solver that cannot be loaded is a solver that failed: use the fallback, and load it again next time.
    const highs = await loadHighs().catch(() => {
      highsPromise = undefined;
      return null;
    });
    const exact = highs && solveExactly(highs, pr, options.timeLimitSec ?? 10);
    if (exact && (exact.optimal || planWeight(pr, exact.plan) >= planWeight(pr, plan))) {
      plan = exact.plan;
      optimal = exact.optimal;
    }
  }
  const meetings = assignTables(instance, pr, plan);
  const unscheduled: Unscheduled[] = [];
  const reasons: Record<string, Reason> = {};
  instance.requests.forEach((request, r) => {
    if (plan[r] < 0 && !pr.lockedReq.has(r)) {
      reasons[request.id] = reasonFor(instance, pr, plan, r);
      unscheduled.push({ request: request.id, reason: reasonText(reasons[request.id]) });
    }
  });
  const result = { meetings, unscheduled };
  const violations = validateResult(instance, result);
  if (violations.length > 0) throw new Error(`The scheduler produced an invalid schedule: ${violations.join("; ")}`);
  const lockedWeight = [...pr.lockedReq].reduce((w, r) => w + pr.req[r].p, 0);
  return {
    ...result,
    reasons,
    weight: planWeight(pr, plan) + lockedWeight,
    optimal,
    ms: Math.round(performance.now() - started),
  };
}
