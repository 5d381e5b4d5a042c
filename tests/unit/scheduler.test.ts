import { describe, expect, it } from "vitest";
import type { Instance, MeetingRequest, Party } from "~/lib/scheduler/instance";
import { parseInstance } from "~/lib/scheduler/instance";
import { scheduleMeetings } from "~/lib/scheduler/schedule";
import { validateResult } from "~/lib/scheduler/validate";

const slots = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `s${i + 1}`,
    start: new Date(Date.UTC(2026, 11, 13, 7, i * 20)).toISOString(),
    end: new Date(Date.UTC(2026, 11, 13, 7, i * 20 + 20)).toISOString(),
  }));
const tables = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `T${i + 1}` }));
const req = (id: string, a: string, b: string, priority: 1 | 2 | 3 = 1): MeetingRequest => ({ id, a, b, priority });
const make = (i: Partial<Instance> & Pick<Instance, "parties" | "requests">): Instance => {
  const parsed = parseInstance({ slots: slots(2), tables: tables(1), locked: [], ...i });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.instance;
};
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
    expect(result.unscheduled[0].reason).toBe("all slots that suit both parties are taken by meetings of equal or higher priority");
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
    expect(reasonOf(result, "low")).toBe("all slots that suit both parties are taken by meetings of equal or higher priority");
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
});

// Small seeded random instances: the solver's weight equals an exhaustive search.
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}
function randomInstance(seed: number): Instance {
  const rand = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const S = int(2, 3);
  const parties: Party[] = Array.from({ length: int(4, 6) }, (_, i) => {
    const p: Party = { id: `p${i}` };
    if (rand() < 0.3) p.available = slots(S).filter(() => rand() < 0.6).map((s) => s.id);
    if (rand() < 0.3) p.maxMeetings = int(1, 2);
    return p;
  });
  const requests: MeetingRequest[] = [];
  for (let k = 0; k < int(5, 8); k++) {
    const a = int(0, parties.length - 1);
    const b = (a + int(1, parties.length - 1)) % parties.length;
    requests.push(req(`r${k}`, `p${a}`, `p${b}`, int(1, 3) as 1 | 2 | 3));
  }
  return make({ slots: slots(S), tables: tables(int(1, 2)), parties, requests });
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
        [r.a, r.b].every((p) => can(p, s) && !busy.has(`${p}|${s}`) && (count.get(p) ?? 0) < (party.get(p)!.maxMeetings ?? 99)) &&
        (used.get(s) ?? 0) < inst.tables.length;
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
  it.each(Array.from({ length: 25 }, (_, i) => i + 1))("seed %i: the optimum equals brute force", async (seed) => {
    const inst = randomInstance(seed);
    const result = await scheduleMeetings(inst);
    expect(validateResult(inst, result)).toEqual([]);
    expect(result.optimal).toBe(true);
    expect(result.weight).toBe(bruteForce(inst));
    const fallback = await scheduleMeetings(inst, { useSolver: false });
    expect(validateResult(inst, fallback)).toEqual([]);
    expect(fallback.optimal).toBe(false);
    expect(fallback.weight).toBeLessThanOrEqual(result.weight);
  });
});
