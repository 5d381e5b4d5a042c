// The allocator on hand-made cases: wishes, area, adjacency, two-booth exhibitors, locks, neighbours and
// keep-apart, a case the one-by-one greedy gets wrong, and every result checked by the validator.
import { describe, expect, it } from "vitest";
import { allocateBooths, greedyAllocation } from "~/features/exhibition/allocator/allocate";
import type { AllocationInstance } from "~/features/exhibition/allocator/instance";
import { indexInstance, holdersOf, neighbourhoodScore, placementScore } from "~/features/exhibition/allocator/score";
import { validateAllocation } from "~/features/exhibition/allocator/validate";
import { generateExhibition, makeInstance, row } from "../../helpers/exhibition-instances";

const run = async (instance: AllocationInstance) => {
  const result = await allocateBooths(instance, { neighbourhoodTimeLimitSec: 5 });
  expect(validateAllocation(instance, result)).toEqual([]);
  return result;
};
const boothsOf = (result: { allocations: { exhibitor: string; booths: string[] }[] }, id: string) =>
  result.allocations
    .find((a) => a.exhibitor === id)
    ?.booths.slice()
    .sort();

describe("allocateBooths", () => {
  it("gives each exhibitor its best zone and type when it can", async () => {
    const instance = makeInstance({
      booths: [
        { id: "O1", zone: "ocop" },
        { id: "F1", zone: "food" },
        { id: "F2", zone: "food", type: "corner" },
      ],
      exhibitors: [
        { id: "a", zones: ["food", "ocop"], types: ["corner"] },
        { id: "b", zones: ["food", "ocop"] },
      ],
    });
    const result = await run(instance);
    expect(boothsOf(result, "a")).toEqual(["F2"]);
    expect(boothsOf(result, "b")).toEqual(["F1"]);
    expect(result.placementScore).toBe(1040 + 1030);
    expect(result).toMatchObject({ placed: 2, optimal: true, bound: 2070, unplaced: [] });
    expect(result.spread).toMatchObject({ zone1: 2, zone2: 0, zoneNone: 0, unplaced: 0, typeMet: 1 });
  });

  it("takes a lower wish for one exhibitor when that serves the total better", async () => {
    // Input order puts "flexible" first; it must yield the only OCOP booth to "strict".
    const instance = makeInstance({
      booths: [
        { id: "O1", zone: "ocop" },
        { id: "F1", zone: "food" },
      ],
      exhibitors: [
        { id: "flexible", zones: ["ocop", "food"] },
        { id: "strict", zones: ["ocop"] },
      ],
    });
    const result = await run(instance);
    expect(boothsOf(result, "strict")).toEqual(["O1"]);
    expect(boothsOf(result, "flexible")).toEqual(["F1"]);
    expect(result.placementScore).toBe(2050);
    expect(placementScore(instance, greedyAllocation(instance))).toBe(2030);
  });

  it("places more exhibitors than one-by-one placing in input order (greedy leaves the pair out)", async () => {
    // "corner-lover" takes the corner in the middle of the row when it goes first, leaving no pair.
    const instance = makeInstance({
      booths: row("A", 3).map((b) => (b.id === "A2" ? { ...b, type: "corner" } : b)),
      exhibitors: [
        { id: "corner-lover", zones: ["ocop"], types: ["corner"] },
        { id: "pair", booths: 2, minArea: 18, zones: ["ocop"] },
      ],
    });
    const greedy = greedyAllocation(instance);
    expect(greedy).toEqual([{ exhibitor: "corner-lover", booths: ["A2"] }]);
    const result = await run(instance);
    expect(result.placed).toBe(2);
    expect(result.placementScore).toBe(2 * 1030);
    expect(result.placementScore).toBeGreaterThan(placementScore(instance, greedy));
    expect(result.optimal).toBe(true);
  });

  it("respects area: a big booth for the exhibitor that needs it, none for one that fits nowhere", async () => {
    const instance = makeInstance({
      booths: [
        { id: "S1", area: 9 },
        { id: "L1", area: 12 },
      ],
      exhibitors: [
        { id: "small", minArea: 9 },
        { id: "large", minArea: 12 },
        { id: "huge", minArea: 30 },
      ],
    });
    const result = await run(instance);
    expect(boothsOf(result, "large")).toEqual(["L1"]);
    expect(boothsOf(result, "small")).toEqual(["S1"]);
    expect(result.unplaced).toEqual([
      {
        exhibitor: "huge",
        reason: "No booth of 30 m² or more.",
        key: "exhibition.allocator.noBooth",
        params: { area: 30 },
      },
    ]);
  });

  it("gives two-booth exhibitors two adjacent booths with enough area together, scored by the lower zone", async () => {
    const instance = makeInstance({
      booths: [
        { id: "O1", zone: "ocop", adjacent: ["F1"] },
        { id: "F1", zone: "food", adjacent: ["O1"] },
        { id: "X1", zone: "ocop" },
        { id: "X2", zone: "ocop" },
      ],
      exhibitors: [{ id: "pair", booths: 2, minArea: 18, zones: ["ocop", "food"] }],
    });
    const result = await run(instance);
    // X1 and X2 are both OCOP but not adjacent: the pair must straddle the two zones.
    expect(boothsOf(result, "pair")).toEqual(["F1", "O1"]);
    expect(result.placementScore).toBe(1020);
    expect(result.explanations[0]).toMatchObject({ zoneRank: 2, booths: ["O1", "F1"] });
  });

  it("keeps locked allocations and counts them in the score", async () => {
    const instance = makeInstance({
      booths: [
        { id: "O1", zone: "ocop" },
        { id: "F1", zone: "food" },
      ],
      exhibitors: [
        { id: "wants-ocop", zones: ["ocop"] },
        { id: "locked", zones: ["food"] },
      ],
      locked: [{ exhibitor: "locked", booths: ["O1"] }],
    });
    const result = await run(instance);
    expect(boothsOf(result, "locked")).toEqual(["O1"]);
    expect(boothsOf(result, "wants-ocop")).toEqual(["F1"]);
    expect(result.placementScore).toBe(2000);
    expect(result.explanations.find((x) => x.exhibitor === "locked")).toMatchObject({
      locked: true,
      notes: [{ key: "exhibition.allocator.locked" }, { key: "exhibition.allocator.gotNoZone" }],
    });
  });

  it("puts exhibitors that name each other side by side, without giving up placement", async () => {
    // In input order the booths of one class go A1, A2, A3, A4: the friends start apart.
    const instance = makeInstance({
      booths: row("A", 4),
      exhibitors: [
        { id: "hn-1", zones: ["ocop"], neighbours: ["hn-2"] },
        { id: "x" },
        { id: "hn-2", zones: ["ocop"] },
        { id: "y" },
      ],
    });
    const result = await run(instance);
    const ix = indexInstance(instance);
    expect(result.neighbourhoodScore).toBe(15);
    expect(neighbourhoodScore(ix, holdersOf(ix, result.allocations))).toBe(15);
    expect(result.placementScore).toBe(4 * 1000 + 2 * 30);
    expect(result.explanations.find((x) => x.exhibitor === "hn-1")).toMatchObject({ neighboursMet: ["hn-2"] });
    expect(result.spread).toMatchObject({ neighbourWishes: 1, neighbourWishesMet: 1 });
  });

  it("keeps exhibitors of the same keep-apart category off adjacent booths", async () => {
    const instance = makeInstance({
      booths: row("A", 3),
      exhibitors: [
        { id: "lychee-1", apart: "fruit" },
        { id: "lychee-2", apart: "fruit" },
        { id: "tea", apart: "tea_coffee" },
      ],
    });
    const result = await run(instance);
    expect(boothsOf(result, "tea")).toEqual(["A2"]);
    expect(result.neighbourhoodScore).toBe(0);
    expect(result.spread.apartConflicts).toBe(0);
  });

  it("reports an unavoidable keep-apart conflict and explains it", async () => {
    const instance = makeInstance({
      booths: row("A", 2),
      exhibitors: [
        { id: "lychee-1", apart: "fruit" },
        { id: "lychee-2", apart: "fruit" },
      ],
    });
    const result = await run(instance);
    expect(result.placed).toBe(2);
    expect(result.neighbourhoodScore).toBe(-20);
    expect(result.spread.apartConflicts).toBe(1);
    expect(result.explanations[0]).toMatchObject({ apartConflicts: ["lychee-2"] });
    expect(result.explanations[0].notes).toContainEqual({
      key: "exhibition.allocator.apartConflict",
      params: { holders: "lychee-2", category: "fruit" },
    });
  });

  it("never trades placement for neighbourhood", async () => {
    // Being next to "b" is only possible on the food booth, which costs "a" its first zone (30 → 20 > 15).
    const instance = makeInstance({
      booths: [
        { id: "O1", zone: "ocop" },
        { id: "F1", zone: "food", adjacent: ["F2"] },
        { id: "F2", zone: "food", adjacent: ["F1"] },
      ],
      exhibitors: [
        { id: "a", zones: ["ocop", "food"], neighbours: ["b"] },
        { id: "b", zones: ["food"] },
      ],
    });
    const result = await run(instance);
    expect(boothsOf(result, "a")).toEqual(["O1"]);
    expect(result.neighbourhoodScore).toBe(0);
    expect(result.placementScore).toBe(2060);
  });

  it("is deterministic and handles an empty instance", async () => {
    const instance = generateExhibition({ scale: 1, seed: 5 });
    const small = { ...instance, exhibitors: instance.exhibitors.slice(0, 40), locked: [] };
    small.exhibitors = small.exhibitors.map((e) => ({
      ...e,
      neighbours: e.neighbours.filter((n) => small.exhibitors.some((x) => x.id === n)),
    }));
    const first = await run(small);
    const second = await run(small);
    expect(second.allocations).toEqual(first.allocations);
    expect(second.neighbourhoodScore).toBe(first.neighbourhoodScore);
    const empty = await run({ booths: [], exhibitors: [], locked: [] });
    expect(empty).toMatchObject({ placed: 0, placementScore: 0, optimal: true, bound: 0, allocations: [] });
  });

  it("solves a generated exhibition to proven optimality, at least as well as greedy", async () => {
    const instance = generateExhibition({ scale: 1, seed: 2 });
    const result = await allocateBooths(instance, { neighbourhoodTimeLimitSec: 1, explainTimeLimitSec: 0 });
    expect(validateAllocation(instance, result)).toEqual([]);
    expect(result.optimal).toBe(true);
    expect(result.bound).toBe(result.placementScore);
    expect(result.placementScore).toBe(placementScore(instance, result.allocations));
    expect(result.placementScore).toBeGreaterThanOrEqual(placementScore(instance, greedyAllocation(instance)));
    expect(result.explanations).toHaveLength(instance.exhibitors.length);
    for (const lock of instance.locked) expect(boothsOf(result, lock.exhibitor)).toEqual([...lock.booths].sort());
  }, 60_000);
});
