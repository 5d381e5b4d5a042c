import { describe, expect, it } from "vitest";
import type { Instance, MeetingRequest, Party } from "~/features/meetings/scheduler/instance";
import { reasonText, scheduleMeetings } from "~/features/meetings/scheduler/schedule";
import { validateResult } from "~/features/meetings/scheduler/validate";
import { make, req, slots, tables } from "../../helpers/scheduler-instances";

const slotOf = (result: { meetings: { request: string; slot: string }[] }, id: string) =>
  result.meetings.find((m) => m.request === id)?.slot;
const reasonOf = (result: { unscheduled: { request: string; reason: string }[] }, id: string) =>
  result.unscheduled.find((u) => u.request === id)?.reason;

describe("scheduleMeetings", () => {
  it("beats a per-slot maximum matching: the heavy meeting waits for the slot only it can use", async () => {
    // Slot by slot, s1 would take r1 (weight 3) and C, D could never meet; the optimum is 5.
    const instance = make({
      parties: [{ id: "A" }, { id: "B" }, { id: "C", available: ["s1"] }, { id: "D", available: ["s1"] }],
      requests: [req("r1", "A", "B", 3), req("r2", "C", "D", 2)],
    });
    const result = await scheduleMeetings(instance);
    expect(result.weight).toBe(5);
    expect(result.optimal).toBe(true);
    expect(slotOf(result, "r2")).toBe("s1");
    expect(slotOf(result, "r1")).toBe("s2");
    expect(result.unscheduled).toEqual([]);
  });

  it("keeps locked meetings and fills the other tables in order", async () => {
    const instance = make({
      tables: tables(2),
      parties: [{ id: "A" }, { id: "B" }, { id: "C" }],
      requests: [req("r1", "A", "B", 1), req("r2", "A", "C", 3), req("r3", "B", "C", 3)],
      locked: [{ request: "r1", slot: "s1", table: "T2" }],
    });
    const result = await scheduleMeetings(instance);
    expect(result.meetings).toContainEqual({ request: "r1", slot: "s1", table: "T2" });
    expect(result.weight).toBe(4); // r1 locked; one of r2/r3 fits in s2, C is busy otherwise
    const s2 = result.meetings.filter((m) => m.slot === "s2");
    expect(s2.map((m) => m.table)).toEqual(["T1"]);
    expect(result.unscheduled).toHaveLength(1);
    expect(result.unscheduled[0].reason).toBe(
      "all slots that suit both parties are taken by meetings of equal or higher priority",
    );
  });

  it("respects maxMeetings and says so", async () => {
    const instance = make({
      slots: slots(3),
      tables: tables(3),
      parties: [{ id: "miss-3", maxMeetings: 1 }, { id: "prov-1" }, { id: "prov-2" }],
      requests: [req("r1", "prov-1", "miss-3", 1), req("r2", "prov-2", "miss-3", 3)],
    });
    const result = await scheduleMeetings(instance);
    expect(result.meetings.map((m) => m.request)).toEqual(["r2"]);
    expect(reasonOf(result, "r1")).toBe("miss-3 has reached its maximum of 1 meeting");
  });

  it("places meetings only where both parties are available, with reasons otherwise", async () => {
    const instance = make({
      slots: slots(3),
      tables: tables(2),
      parties: [
        { id: "miss-3", available: ["s2"] },
        { id: "prov-9", available: ["s1", "s3"] },
        { id: "prov-1" },
        { id: "miss-7", available: [] },
      ],
      requests: [req("r1", "miss-3", "prov-9"), req("r2", "prov-1", "miss-3"), req("r3", "prov-1", "miss-7", 3)],
    });
    const result = await scheduleMeetings(instance);
    expect(slotOf(result, "r2")).toBe("s2");
    expect(reasonOf(result, "r1")).toBe("miss-3 has no free slot in common with prov-9");
    expect(reasonOf(result, "r3")).toBe("miss-7 is not available in any slot");
  });

  it("prefers higher priorities when capacity is short", async () => {
    const instance = make({
      slots: slots(1),
      tables: tables(1),
      parties: [{ id: "A" }, { id: "B" }, { id: "C" }, { id: "D" }],
      requests: [req("low", "A", "B", 1), req("high", "C", "D", 3)],
    });
    const result = await scheduleMeetings(instance);
    expect(result.meetings).toEqual([{ request: "high", slot: "s1", table: "T1" }]);
    expect(reasonOf(result, "low")).toBe(
      "all slots that suit both parties are taken by meetings of equal or higher priority",
    );
  });

  it("explains requests shut out by locked meetings", async () => {
    const instance = make({
      slots: slots(1),
      parties: [{ id: "A" }, { id: "B" }, { id: "C" }, { id: "D" }],
      requests: [req("r1", "A", "B"), req("r2", "C", "D", 3)],
      locked: [{ request: "r1", slot: "s1", table: "T1" }],
    });
    const result = await scheduleMeetings(instance);
    expect(reasonOf(result, "r2")).toBe("all slots that suit both C and D are taken by locked meetings");
  });

  it("handles an instance with no requests", async () => {
    const result = await scheduleMeetings(make({ parties: [{ id: "A" }], requests: [] }));
    expect(result).toMatchObject({ meetings: [], unscheduled: [], weight: 0, optimal: true });
  });

  it("reports how long it took", async () => {
    const result = await scheduleMeetings(
      make({ parties: [{ id: "A" }, { id: "B" }], requests: [req("r1", "A", "B")] }),
    );
    expect(result.ms).toBeGreaterThanOrEqual(0);
    expect(result.ms).toBeLessThan(60_000);
  });

  it("gives a free meeting the table a locked one leaves in its slot", async () => {
    const instance = make({
      slots: slots(1),
      tables: tables(2),
      parties: [{ id: "A" }, { id: "B" }, { id: "C" }, { id: "D" }],
      requests: [req("r1", "A", "B"), req("r2", "C", "D")],
      locked: [{ request: "r1", slot: "s1", table: "T1" }],
    });
    for (const useSolver of [true, false]) {
      const result = await scheduleMeetings(instance, { useSolver });
      expect(result.meetings).toEqual([
        { request: "r1", slot: "s1", table: "T1" },
        { request: "r2", slot: "s1", table: "T2" },
      ]);
    }
  });

  it("does not place a locked request a second time", async () => {
    const instance = make({
      parties: [{ id: "A" }, { id: "B" }],
      requests: [req("r1", "A", "B", 3)],
      locked: [{ request: "r1", slot: "s2", table: "T1" }],
    });
    for (const useSolver of [true, false]) {
      const result = await scheduleMeetings(instance, { useSolver });
      expect(result.meetings).toEqual([{ request: "r1", slot: "s2", table: "T1" }]);
      expect(result.unscheduled).toEqual([]);
      expect(result.weight).toBe(3);
    }
  });

  it("counts locked meetings towards a party's maximum", async () => {
    const instance = make({
      parties: [{ id: "A", maxMeetings: 1 }, { id: "B" }, { id: "C" }],
      requests: [req("r1", "A", "B"), req("r2", "A", "C", 3)],
      locked: [{ request: "r1", slot: "s1", table: "T1" }],
    });
    for (const useSolver of [true, false]) {
      const result = await scheduleMeetings(instance, { useSolver });
      expect(result.meetings).toEqual([{ request: "r1", slot: "s1", table: "T1" }]);
      expect(result.reasons).toEqual({ r2: { kind: "at-maximum", party: "A", max: 1 } });
      expect(reasonOf(result, "r2")).toBe("A has reached its maximum of 1 meeting");
    }
  });

  it("solves a larger instance exactly: one host, 30 guests, 25 slots, one table", async () => {
    // 750 possible placements: long objective and constraint rows in the solver's input.
    const guests = Array.from({ length: 30 }, (_, i) => ({ id: `g${i + 1}` }));
    const priority = (i: number) => ((i % 3) + 1) as 1 | 2 | 3;
    const instance = make({
      slots: slots(25),
      tables: tables(1),
      parties: [{ id: "host" }, ...guests],
      requests: guests.map((g, i) => req(`r${i + 1}`, "host", g.id, priority(i))),
    });
    const result = await scheduleMeetings(instance);
    expect(validateResult(instance, result)).toEqual([]);
    expect(result.optimal).toBe(true);
    // The 25 heaviest of 10 × 3, 10 × 2 and 10 × 1.
    expect(result.weight).toBe(10 * 3 + 10 * 2 + 5 * 1);
    expect(result.meetings).toHaveLength(25);
    expect(new Set(result.meetings.map((m) => m.slot)).size).toBe(25);
    expect(result.unscheduled.map((u) => u.request).every((id) => priority(Number(id.slice(1)) - 1) === 1)).toBe(true);
  });
});

describe("reasons", () => {
  it("reads every reason as a sentence, with the maximum in the right plural", () => {
    expect(reasonText({ kind: "not-available", party: "A" })).toBe("A is not available in any slot");
    expect(reasonText({ kind: "no-common-slot", a: "A", b: "B" })).toBe("A has no free slot in common with B");
    expect(reasonText({ kind: "locked-full", a: "A", b: "B" })).toBe(
      "all slots that suit both A and B are taken by locked meetings",
    );
    expect(reasonText({ kind: "at-maximum", party: "A", max: 1 })).toBe("A has reached its maximum of 1 meeting");
    expect(reasonText({ kind: "at-maximum", party: "A", max: 2 })).toBe("A has reached its maximum of 2 meetings");
    expect(reasonText({ kind: "at-maximum", party: "A", max: 0 })).toBe("A has reached its maximum of 0 meetings");
    expect(reasonText({ kind: "higher-priority" })).toBe(
      "all slots that suit both parties are taken by meetings of equal or higher priority",
    );
    expect(reasonText({ kind: "outweighed" })).toBe(
      "all slots that suit both parties are taken by other meetings that together weigh more",
    );
  });

  it("names a party at its maximum, whichever side of the placed meetings it is on", async () => {
    // A's one meeting is in the first slot, with A first; then with A second.
    for (const placed of [req("q", "A", "C", 3), req("q", "C", "A", 3)]) {
      const instance = make({
        parties: [{ id: "A", maxMeetings: 1 }, { id: "B" }, { id: "C", available: ["s1"] }],
        requests: [placed, req("r", "A", "B", 1)],
      });
      const result = await scheduleMeetings(instance);
      expect(result.meetings).toEqual([{ request: "q", slot: "s1", table: "T1" }]);
      expect(result.reasons.r).toEqual({ kind: "at-maximum", party: "A", max: 1 });
    }
    const two = make({
      slots: slots(3),
      parties: [{ id: "A" }, { id: "B", maxMeetings: 2 }, { id: "C" }, { id: "D" }],
      requests: [req("q1", "C", "B", 3), req("q2", "D", "B", 3), req("r", "A", "B", 1)],
    });
    expect(reasonOf(await scheduleMeetings(two), "r")).toBe("B has reached its maximum of 2 meetings");
  });

  it("does not call a party below its maximum full, counting its locked meeting once", async () => {
    // A may have 2 meetings and has 1 (locked in s1); r can only use s2, where a heavier meeting of B sits.
    const instance = make({
      tables: tables(2),
      parties: [{ id: "A", maxMeetings: 2 }, { id: "B" }, { id: "C", available: ["s2"] }, { id: "X" }],
      requests: [req("lock", "A", "X"), req("q", "B", "C", 3), req("r", "A", "B", 1)],
      locked: [{ request: "lock", slot: "s1", table: "T1" }],
    });
    const result = await scheduleMeetings(instance);
    expect(slotOf(result, "q")).toBe("s2");
    expect(result.reasons).toEqual({ r: { kind: "higher-priority" } });
  });

  // r (A–B, weight 2) has one slot; a lighter meeting sharing one of its parties and a meeting of
  // weight 2 sharing the other weigh 3 together, so they win: "outweighed", whichever way round.
  it.each<[string, MeetingRequest, MeetingRequest]>([
    ["A first in the lighter one", req("q1", "A", "C", 1), req("q2", "B", "D", 2)],
    ["A second in the lighter one", req("q1", "C", "A", 1), req("q2", "B", "D", 2)],
    ["B first in the lighter one", req("q1", "B", "C", 1), req("q2", "A", "D", 2)],
    ["B second in the lighter one", req("q1", "C", "B", 1), req("q2", "A", "D", 2)],
  ])("says a request was outweighed by meetings that weigh more together (%s)", async (_name, q1, q2) => {
    const instance = make({
      slots: slots(1),
      tables: tables(3),
      parties: ["A", "B", "C", "D"].map((id) => ({ id })),
      requests: [req("r", "A", "B", 2), q1, q2],
    });
    const result = await scheduleMeetings(instance);
    expect(result.meetings.map((m) => m.request).sort()).toEqual(["q1", "q2"]);
    expect(result.reasons).toEqual({ r: { kind: "outweighed" } });
  });

  it("ignores lighter meetings that share no party when it says 'higher priority'", async () => {
    const instance = make({
      slots: slots(1),
      tables: tables(3),
      parties: ["A", "B", "C", "E", "F"].map((id) => ({ id })),
      requests: [req("r", "A", "B", 2), req("q", "A", "C", 3), req("e", "E", "F", 1)],
    });
    const result = await scheduleMeetings(instance);
    expect(result.meetings.map((m) => m.request).sort()).toEqual(["e", "q"]);
    expect(result.reasons).toEqual({ r: { kind: "higher-priority" } });
  });
});

describe("the fallback (greedy + local improvement, no solver)", () => {
  const fallback = (instance: Instance) => scheduleMeetings(instance, { useSolver: false });

  it("places meetings, passes the validator, is not called optimal and reaches the optimum on a small instance", async () => {
    // Greedy puts r1 (weight 3) in s2; a move shifts it to s3 so r0 fits in s2; a swap then gives
    // s2 to r2 (weight 2) over r0 (weight 1). Optimum: r1 + r2 = 5.
    const instance = make({
      slots: slots(4),
      tables: tables(1),
      parties: [
        { id: "p0", available: ["s2", "s3", "s4"] },
        { id: "p1", available: ["s2", "s3"] },
        { id: "p2", available: ["s2"] },
        { id: "p3", available: ["s1", "s2"] },
      ],
      requests: [req("r0", "p3", "p0", 1), req("r1", "p1", "p0", 3), req("r2", "p3", "p2", 2)],
    });
    const optimum = bruteForce(instance);
    expect(optimum).toBe(5);
    const result = await fallback(instance);
    expect(result.meetings.length).toBeGreaterThan(0);
    expect(validateResult(instance, result)).toEqual([]);
    expect(result.optimal).toBe(false);
    expect(result.weight).toBeGreaterThanOrEqual(0.8 * optimum);
    expect(result.weight).toBe(optimum);
    expect(result.meetings).toEqual([
      { request: "r2", slot: "s2", table: "T1" },
      { request: "r1", slot: "s3", table: "T1" },
    ]);
    expect(result.reasons).toEqual({ r0: { kind: "higher-priority" } });
  });

  it("places heavier requests first", async () => {
    const instance = make({
      slots: slots(1),
      parties: ["A", "B", "C", "D"].map((id) => ({ id })),
      requests: [req("low", "A", "B", 1), req("high", "C", "D", 3)],
    });
    const result = await fallback(instance);
    expect(result.meetings).toEqual([{ request: "high", slot: "s1", table: "T1" }]);
    expect(result.reasons).toEqual({ low: { kind: "higher-priority" } });
  });

  it("at equal weight, places the request with fewer possible slots first", async () => {
    // r1 could use s1 or s2, r2 only s1, r3 only s2: r2 and r3 go first and leave r1 out.
    const instance = make({
      tables: tables(2),
      parties: [{ id: "A" }, { id: "B" }, { id: "C", available: ["s1"] }, { id: "D", available: ["s2"] }],
      requests: [req("r1", "A", "B"), req("r2", "A", "C"), req("r3", "B", "D")],
    });
    const result = await fallback(instance);
    expect(result.meetings).toEqual([
      { request: "r2", slot: "s1", table: "T1" },
      { request: "r3", slot: "s2", table: "T1" },
    ]);
    expect(Object.keys(result.reasons)).toEqual(["r1"]);
  });

  it("spreads meetings over the slots, the emptiest first and the earliest of equals", async () => {
    const instance = make({
      slots: slots(3),
      tables: tables(3),
      parties: ["A", "B", "C", "D", "E", "F", "G", "H"].map((id) => ({ id })),
      requests: [req("r1", "A", "B"), req("r2", "C", "D"), req("r3", "E", "F"), req("r4", "G", "H")],
    });
    const result = await fallback(instance);
    expect(result.meetings).toEqual([
      { request: "r1", slot: "s1", table: "T1" },
      { request: "r4", slot: "s1", table: "T2" },
      { request: "r2", slot: "s2", table: "T1" },
      { request: "r3", slot: "s3", table: "T1" },
    ]);
  });

  it("moves a placed meeting to another slot to make room", async () => {
    // r1 (weight 3) first takes s1, the only slot C has; moving it to s2 lets r2 in.
    const instance = make({
      tables: tables(2),
      parties: [{ id: "A" }, { id: "B" }, { id: "C", available: ["s1"] }],
      requests: [req("r1", "A", "B", 3), req("r2", "A", "C", 1)],
    });
    const result = await fallback(instance);
    expect(result.weight).toBe(4);
    expect(result.meetings).toEqual([
      { request: "r2", slot: "s1", table: "T1" },
      { request: "r1", slot: "s2", table: "T1" },
    ]);
  });

  it("puts meetings back when dropping them would not help", async () => {
    // B's one meeting goes to q (weight 3); r (weight 2) then cannot meet at all, so l, the
    // lighter meeting in r's way, must stay where it is.
    const instance = make({
      tables: tables(2),
      parties: [
        { id: "A" },
        { id: "B", maxMeetings: 1 },
        { id: "C", available: ["s1"] },
        { id: "D", available: ["s2"] },
      ],
      requests: [req("q", "B", "D", 3), req("r", "A", "B", 2), req("l", "A", "C", 1)],
    });
    expect(bruteForce(instance)).toBe(4);
    const result = await fallback(instance);
    expect(result.weight).toBe(4);
    expect(result.meetings).toEqual([
      { request: "l", slot: "s1", table: "T1" },
      { request: "q", slot: "s2", table: "T1" },
    ]);
    expect(result.reasons).toEqual({ r: { kind: "at-maximum", party: "B", max: 1 } });
  });
});

// Small seeded random instances: the solver's weight equals an exhaustive search.
function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}
function randomInstance(seed: number, larger = false): Instance {
  const rand = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const S = larger ? int(3, 5) : int(2, 3);
  const parties: Party[] = Array.from({ length: larger ? int(6, 9) : int(4, 6) }, (_, i) => {
    const p: Party = { id: `p${i}` };
    if (rand() < 0.3)
      p.available = slots(S)
        .filter(() => rand() < 0.6)
        .map((s) => s.id);
    if (rand() < 0.3) p.maxMeetings = int(1, 2);
    return p;
  });
  const requests: MeetingRequest[] = [];
  for (let k = 0; k < (larger ? int(10, 16) : int(5, 8)); k++) {
    const a = int(0, parties.length - 1);
    const b = (a + int(1, parties.length - 1)) % parties.length;
    requests.push(req(`r${k}`, `p${a}`, `p${b}`, int(1, 3) as 1 | 2 | 3));
  }
  return make({ slots: slots(S), tables: tables(larger ? int(1, 3) : int(1, 2)), parties, requests });
}
function bruteForce(inst: Instance): number {
  const party = new Map(inst.parties.map((p) => [p.id, p]));
  const can = (p: string, s: string) => party.get(p)!.available?.includes(s) ?? true;
  let best = 0;
  const busy = new Set<string>();
  const used = new Map<string, number>();
  const count = new Map<string, number>();
  const walk = (k: number, weight: number) => {
    if (k === inst.requests.length) return void (best = Math.max(best, weight));
    walk(k + 1, weight);
    const r = inst.requests[k];
    for (const s of inst.slots.map((x) => x.id)) {
      const ok =
        [r.a, r.b].every(
          (p) => can(p, s) && !busy.has(`${p}|${s}`) && (count.get(p) ?? 0) < (party.get(p)!.maxMeetings ?? 99),
        ) && (used.get(s) ?? 0) < inst.tables.length;
      if (!ok) continue;
      [r.a, r.b].forEach((p) => (busy.add(`${p}|${s}`), count.set(p, (count.get(p) ?? 0) + 1)));
      used.set(s, (used.get(s) ?? 0) + 1);
      walk(k + 1, weight + r.priority);
      [r.a, r.b].forEach((p) => (busy.delete(`${p}|${s}`), count.set(p, count.get(p)! - 1)));
      used.set(s, used.get(s)! - 1);
    }
  };
  walk(0, 0);
  return best;
}

describe("scheduleMeetings on random small instances", () => {
  const seeds = Array.from({ length: 25 }, (_, i) => i + 1);
  it.each(seeds)("seed %i: the optimum equals brute force", async (seed) => {
    const inst = randomInstance(seed);
    const result = await scheduleMeetings(inst);
    expect(validateResult(inst, result)).toEqual([]);
    expect(result.optimal).toBe(true);
    expect(result.weight).toBe(bruteForce(inst));
    const fallback = await scheduleMeetings(inst, { useSolver: false });
    expect(validateResult(inst, fallback)).toEqual([]);
    expect(fallback.optimal).toBe(false);
    expect(fallback.weight).toBeLessThanOrEqual(result.weight);
    expect(fallback.weight).toBeGreaterThanOrEqual(0.7 * result.weight);
  });

  it("the fallback comes within 5% of the optimum over all of them", async () => {
    let optimum = 0;
    let reached = 0;
    for (const seed of seeds) {
      const inst = randomInstance(seed);
      optimum += bruteForce(inst);
      reached += (await scheduleMeetings(inst, { useSolver: false })).weight;
    }
    expect(reached).toBeGreaterThanOrEqual(0.95 * optimum);
  });

  // Instances on which greedy + local improvement is known to find the optimum, chosen because each
  // step of it (order, slot choice, moves, swaps, undoing them) matters on one of them.
  it.each<[string, number, boolean]>([
    ["small 13", 13, false],
    ["small 99", 99, false],
    ["larger 8", 8, true],
    ["larger 24", 24, true],
    ["larger 166", 166, true],
  ])("%s: the fallback alone reaches the proven optimum", async (_name, seed, larger) => {
    const inst = randomInstance(seed, larger);
    const exact = await scheduleMeetings(inst);
    expect(exact.optimal).toBe(true);
    if (!larger) expect(exact.weight).toBe(bruteForce(inst));
    const fallback = await scheduleMeetings(inst, { useSolver: false });
    expect(validateResult(inst, fallback)).toEqual([]);
    expect(fallback.optimal).toBe(false);
    expect(fallback.weight).toBe(exact.weight);
  });
});
