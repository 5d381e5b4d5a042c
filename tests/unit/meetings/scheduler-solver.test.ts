// The scheduler around its solver: what it asks HiGHS for, and what it does when HiGHS cannot be
// loaded, throws, answers without columns, breaks a rule or runs out of time. HiGHS is the real one
// unless a test puts a stand-in in front of it.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Instance } from "~/features/meetings/scheduler/instance";
import { scheduleMeetings } from "~/features/meetings/scheduler/schedule";
import { validateResult } from "~/features/meetings/scheduler/validate";
import { make, req, slots, tables } from "../../helpers/scheduler-instances";

type Solve = (lp: string, options: Record<string, unknown>) => unknown;
type Answer = { Status: string; Columns?: Record<string, { Primal?: number }> | null };

const solver = vi.hoisted(() => ({
  /** Replaces HiGHS' answer when set; `real` is the real solve. */
  answer: undefined as undefined | ((lp: string, options: Record<string, unknown>, real: Solve) => unknown),
  failLoads: 0,
  calls: [] as { lp: string; options: Record<string, unknown> }[],
}));

vi.mock("highs", async (importOriginal) => {
  const actual = await importOriginal<{ default: () => Promise<{ solve: Solve }> }>();
  return {
    default: async () => {
      if (solver.failLoads > 0) {
        solver.failLoads--;
        throw new Error("highs.wasm could not be loaded");
      }
      const real = await actual.default();
      return {
        solve: (lp: string, options: Record<string, unknown>) => {
          solver.calls.push({ lp, options });
          const realSolve: Solve = (l, o) => real.solve(l, o);
          return solver.answer ? solver.answer(lp, options, realSolve) : realSolve(lp, options);
        },
      };
    },
  };
});

afterEach(() => {
  solver.answer = undefined;
  solver.failLoads = 0;
  solver.calls = [];
});

/** Columns for an answer: the variables x0, x1, … in the order the scheduler numbers them (request by request, slot by slot). */
const columns = (values: number[]) => Object.fromEntries(values.map((v, i) => [`x${i}`, { Primal: v }]));
const answer = (a: Answer) => {
  solver.answer = () => a;
};

// r1 (A–B) can use s1 or s2, r2 (C–D) too: x0 = r1 in s1, x1 = r1 in s2, x2 = r2 in s1, x3 = r2 in s2.
const two = (over: Partial<Instance> = {}) =>
  make({
    tables: tables(2),
    parties: ["A", "B", "C", "D"].map((id) => ({ id })),
    requests: [req("r1", "A", "B"), req("r2", "C", "D")],
    ...over,
  });

describe("the solver's input", () => {
  it("asks HiGHS for a proven optimum, silently, within the time limit (10 s unless told)", async () => {
    const result = await scheduleMeetings(two());
    expect(result.optimal).toBe(true);
    expect(solver.calls).toHaveLength(1);
    expect(solver.calls[0].options).toEqual({ output_flag: false, time_limit: 10, mip_rel_gap: 0, mip_abs_gap: 0.99 });
    await scheduleMeetings(two(), { timeLimitSec: 3 });
    expect(solver.calls[1].options).toMatchObject({ time_limit: 3 });
  });

  it("is not called at all for the fallback alone", async () => {
    const result = await scheduleMeetings(two(), { useSolver: false });
    expect(solver.calls).toEqual([]);
    expect(result.optimal).toBe(false);
    expect(result.weight).toBe(2);
  });
});

describe("when the solver is unavailable", () => {
  it("uses the fallback if HiGHS cannot be loaded, and tries to load it again next time", async () => {
    // A fresh module, so HiGHS has not been loaded yet.
    vi.resetModules();
    const fresh = await import("~/features/meetings/scheduler/schedule");
    const instance = two();
    const fallback = await fresh.scheduleMeetings(instance, { useSolver: false });
    solver.failLoads = 1;
    const result = await fresh.scheduleMeetings(instance);
    expect(validateResult(instance, result)).toEqual([]);
    expect(result).toMatchObject({ optimal: false, weight: fallback.weight, meetings: fallback.meetings });
    expect(solver.failLoads).toBe(0);
    expect((await fresh.scheduleMeetings(instance)).optimal).toBe(true);
  });

  it("uses the fallback if HiGHS throws", async () => {
    solver.answer = () => {
      throw new Error("out of memory");
    };
    const instance = two();
    const result = await scheduleMeetings(instance);
    expect(validateResult(instance, result)).toEqual([]);
    expect(result).toMatchObject({ optimal: false, weight: 2 });
  });

  it.each<[string, Answer]>([
    ["no columns", { Status: "Optimal" }],
    ["empty columns", { Status: "Optimal", Columns: {} }],
    ["null columns", { Status: "Optimal", Columns: null }],
  ])("uses the fallback if HiGHS answers with %s", async (_name, a) => {
    answer(a);
    const instance = two();
    const result = await scheduleMeetings(instance);
    expect(validateResult(instance, result)).toEqual([]);
    expect(result).toMatchObject({ optimal: false, weight: 2 });
  });
});

describe("when the solver's answer breaks a rule", () => {
  it.each<[string, Partial<Instance>, number[]]>([
    // r1 and r2 in s1 at one table.
    ["more meetings than tables", { tables: tables(1) }, [1, 0, 1, 0]],
    // A meets B and C in s1.
    ["a party twice in a slot", { requests: [req("r1", "A", "B"), req("r2", "A", "C")] }, [1, 0, 1, 0]],
    // B meets A and C in s1 (B second in both).
    ["a party twice in a slot, second in both", { requests: [req("r1", "A", "B"), req("r2", "C", "B")] }, [1, 0, 1, 0]],
    // A, with a maximum of 1, in s1 and s2.
    [
      "a party over its maximum",
      {
        parties: [{ id: "A", maxMeetings: 1 }, { id: "B" }, { id: "C" }, { id: "D" }],
        requests: [req("r1", "A", "B"), req("r2", "A", "C")],
      },
      [1, 0, 0, 1],
    ],
    // D, with a maximum of 1, second in both.
    [
      "a second party over its maximum",
      {
        parties: [{ id: "A" }, { id: "B" }, { id: "C" }, { id: "D", maxMeetings: 1 }],
        requests: [req("r1", "A", "D"), req("r2", "C", "D")],
      },
      [1, 0, 0, 1],
    ],
  ])("does not trust it (%s) and uses the fallback", async (_name, over, values) => {
    answer({ Status: "Optimal", Columns: columns(values) });
    const instance = two(over);
    const fallback = await scheduleMeetings(instance, { useSolver: false });
    const result = await scheduleMeetings(instance);
    expect(validateResult(instance, result)).toEqual([]);
    expect(result).toMatchObject({ optimal: false, weight: fallback.weight, meetings: fallback.meetings });
  });

  it("accepts a valid answer that uses only some of the slots", async () => {
    answer({ Status: "Optimal", Columns: columns([0, 1, 0, 1]) });
    const result = await scheduleMeetings(two());
    expect(result.optimal).toBe(true);
    expect(result.meetings).toEqual([
      { request: "r1", slot: "s2", table: "T1" },
      { request: "r2", slot: "s2", table: "T2" },
    ]);
  });
});

describe("when the solver runs out of time", () => {
  // One table and one slot: the fallback takes r1 (the first of equals); x0 = r1, x1 = r2, x2 = r3.
  const one = () =>
    make({
      slots: slots(1),
      parties: ["A", "B", "C", "D", "E", "F"].map((id) => ({ id })),
      requests: [req("r1", "A", "B"), req("r2", "C", "D"), req("r3", "E", "F")],
    });

  it("keeps its answer when it weighs as much as the fallback's, not calling it optimal", async () => {
    answer({ Status: "Time limit reached", Columns: columns([0, 1, 0]) });
    const result = await scheduleMeetings(one());
    expect(result).toMatchObject({ optimal: false, weight: 1, meetings: [{ request: "r2", slot: "s1", table: "T1" }] });
  });

  it("keeps the fallback's answer when the solver's weighs less", async () => {
    answer({ Status: "Time limit reached", Columns: columns([0, 0, 0]) });
    const result = await scheduleMeetings(one());
    expect(result).toMatchObject({ optimal: false, weight: 1, meetings: [{ request: "r1", slot: "s1", table: "T1" }] });
  });

  it("keeps its answer when it weighs more than the fallback's", async () => {
    // The fallback reaches 6 here, the optimum is 8 (seed 8 of the random small instances).
    const instance = make({
      tables: tables(2),
      parties: ["p0", "p1", "p2", "p3", "p4", "p5"].map((id) => ({ id })),
      requests: [
        req("r0", "p0", "p3", 1),
        req("r1", "p2", "p3", 2),
        req("r2", "p1", "p3", 3),
        req("r3", "p2", "p1", 2),
        req("r4", "p4", "p5", 1),
        req("r5", "p3", "p0", 2),
        req("r6", "p3", "p0", 2),
      ],
    });
    const fallback = await scheduleMeetings(instance, { useSolver: false });
    const exact = await scheduleMeetings(instance);
    expect(exact.optimal).toBe(true);
    solver.answer = (lp, options, real) => ({ ...(real(lp, options) as Answer), Status: "Time limit reached" });
    const result = await scheduleMeetings(instance);
    expect(validateResult(instance, result)).toEqual([]);
    expect(result).toMatchObject({ optimal: false, weight: exact.weight, meetings: exact.meetings });
    expect(result.weight).toBeGreaterThan(fallback.weight);
  });

  it("reads a column as chosen only above one half, and a missing one as not chosen", async () => {
    answer({ Status: "Time limit reached", Columns: { x0: { Primal: 0.5 }, x1: { Primal: 0.9999999 } } });
    const result = await scheduleMeetings(one());
    expect(result).toMatchObject({ optimal: false, weight: 1, meetings: [{ request: "r2", slot: "s1", table: "T1" }] });
  });
});
