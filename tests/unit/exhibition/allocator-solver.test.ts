// The allocator around its solver: a time limit too short to prove anything, and a solver that cannot be
// loaded. The result stays valid, the bound true, and `optimal` is claimed only when proven.
import { afterEach, describe, expect, it, vi } from "vitest";
import { allocateBooths, greedyAllocation } from "~/features/exhibition/allocator/allocate";
import { placementScore } from "~/features/exhibition/allocator/score";
import { validateAllocation } from "~/features/exhibition/allocator/validate";
import { generateExhibition, makeInstance, row } from "../../helpers/exhibition-instances";

const solver = vi.hoisted(() => ({ failLoads: 0 }));

vi.mock("highs", async (importOriginal) => {
  const actual = await importOriginal<{ default: () => Promise<unknown> }>();
  return {
    default: async () => {
      if (solver.failLoads > 0) {
        solver.failLoads--;
        throw new Error("highs.wasm could not be loaded");
      }
      return actual.default();
    },
  };
});

afterEach(() => {
  solver.failLoads = 0;
});

describe("allocateBooths and its solver", () => {
  // First: the solver is loaded once per module, so a failed load must be the first.
  it("falls back on greedy and local search when HiGHS cannot be loaded, then loads it again", async () => {
    // Greedy puts "corner-lover" on the middle corner; the polish cannot fix that, so it is not optimal.
    const instance = makeInstance({
      booths: row("A", 3).map((b) => (b.id === "A2" ? { ...b, type: "corner" } : b)),
      exhibitors: [
        { id: "corner-lover", zones: ["ocop"], types: ["corner"] },
        { id: "pair", booths: 2, minArea: 18, zones: ["ocop"] },
      ],
    });
    solver.failLoads = 1;
    const fallback = await allocateBooths(instance);
    expect(validateAllocation(instance, fallback)).toEqual([]);
    expect(fallback).toMatchObject({ placed: 1, placementScore: 1040, optimal: false });
    expect(fallback.bound).toBeGreaterThanOrEqual(2060);
    expect(fallback.unplaced[0]).toMatchObject({ exhibitor: "pair", key: "exhibition.allocator.unplacedTaken" });
    const solved = await allocateBooths(instance);
    expect(solved).toMatchObject({ placed: 2, placementScore: 2060, optimal: true });
  });

  it("with almost no time, returns a valid result, a true bound, and optimal only if proven", async () => {
    const instance = generateExhibition({ scale: 1, seed: 3, oversubscribed: true });
    const result = await allocateBooths(instance, { timeLimitSec: 0.01, neighbourhoodTimeLimitSec: 0.2 });
    expect(validateAllocation(instance, result)).toEqual([]);
    expect(result.bound).toBeGreaterThanOrEqual(result.placementScore);
    expect(result.optimal).toBe(result.bound === result.placementScore);
    expect(result.placementScore).toBeGreaterThanOrEqual(placementScore(instance, greedyAllocation(instance)));
    // Everyone gets an explanation, every unplaced exhibitor a reason.
    expect(result.explanations).toHaveLength(instance.exhibitors.length);
    expect(result.unplaced.every((u) => u.reason.length > 0)).toBe(true);
  }, 60_000);
});
