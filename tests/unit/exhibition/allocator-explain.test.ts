// The explanations' claims: each static reason names the condition that fails, "taken" names the holders,
// and every "checked" claim agrees with a brute-force search over all allocations of small instances.
import { describe, expect, it } from "vitest";
import { allocateBooths, type AllocationResult } from "~/features/exhibition/allocator/allocate";
import type { AllocationInstance, AllocatorBooth } from "~/features/exhibition/allocator/instance";
import { noteText } from "~/features/exhibition/allocator/explain";
import { allocatorEn } from "~/features/exhibition/allocator/messages.en";
import { allocatorVi } from "~/features/exhibition/allocator/messages.vi";
import { makeInstance, mulberry32, row } from "../../helpers/exhibition-instances";

const explainOf = (result: AllocationResult, id: string) => result.explanations.find((x) => x.exhibitor === id)!;
const keys = (result: AllocationResult, id: string) =>
  explainOf(result, id).notes.map((n) => n.key.replace("exhibition.allocator.", ""));

/** Placement value by the design note, written again here. */
function worth(inst: AllocationInstance, id: string, booths: AllocatorBooth[]) {
  const e = inst.exhibitors.find((x) => x.id === id)!;
  const ranks = booths.map((b) => e.zones.indexOf(b.zone));
  const zone = ranks.some((r) => r < 0) ? 0 : [30, 20, 10][Math.max(...ranks)];
  return 1000 + zone + (e.types.length > 0 && booths.some((b) => e.types.includes(b.type)) ? 10 : 0);
}

/** The best placement score over every allocation (optionally with one exhibitor forced onto options `accept` allows). */
function bruteForce(inst: AllocationInstance, force?: { id: string; accept: (booths: AllocatorBooth[]) => boolean }) {
  const booth = new Map(inst.booths.map((b) => [b.id, b]));
  const optionsOf = (id: string): AllocatorBooth[][] => {
    const lock = inst.locked.find((l) => l.exhibitor === id);
    if (lock) return [lock.booths.map((b) => booth.get(b)!)];
    const e = inst.exhibitors.find((x) => x.id === id)!;
    const all =
      e.booths === 1
        ? inst.booths.map((b) => [b])
        : inst.booths.flatMap((b) => b.adjacent.filter((a) => a > b.id).map((a) => [b, booth.get(a)!]));
    return all.filter((o) => o.reduce((s, b) => s + b.area, 0) >= e.minArea && (force?.id !== id || force.accept(o)));
  };
  const ids = inst.exhibitors.map((e) => e.id);
  const options = ids.map(optionsOf);
  let best: { value: number; placed: number } | null = null;
  const used = new Set<string>();
  const walk = (i: number, value: number, placed: number) => {
    if (i === ids.length) {
      if (!best || value > best.value) best = { value, placed };
      return;
    }
    const locked = inst.locked.some((l) => l.exhibitor === ids[i]);
    if (!locked && force?.id !== ids[i]) walk(i + 1, value, placed);
    for (const o of options[i]) {
      if (o.some((b) => used.has(b.id))) continue;
      o.forEach((b) => used.add(b.id));
      walk(i + 1, value + worth(inst, ids[i], o), placed + 1);
      o.forEach((b) => used.delete(b.id));
    }
  };
  walk(0, 0, 0);
  return best as { value: number; placed: number } | null;
}

function randomInstance(seed: number): AllocationInstance {
  const rand = mulberry32(seed);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  // Two rows of three, back to back.
  const id = (r: number, i: number) => `${"AB"[r]}${i + 1}`;
  const booths = [0, 1].flatMap((r) =>
    [0, 1, 2].map((i) => ({
      id: id(r, i),
      zone: i === 2 ? "food" : "ocop",
      type: pick(["standard", "standard", "corner"]),
      area: pick([9, 9, 12]),
      adjacent: [...(i > 0 ? [id(r, i - 1)] : []), ...(i < 2 ? [id(r, i + 1)] : []), id(1 - r, i)],
    })),
  );
  const exhibitors = Array.from({ length: 5 }, (_, i) => {
    const two = rand() < 0.3;
    return {
      id: `e${i + 1}`,
      booths: (two ? 2 : 1) as 1 | 2,
      minArea: two ? pick([18, 21]) : pick([9, 9, 12]),
      zones: pick<string[]>([["ocop"], ["food"], ["food", "ocop"], ["ocop", "food"], []]),
      types: pick<string[]>([[], [], ["corner"]]),
    };
  });
  return makeInstance({ booths, exhibitors });
}

describe("the explanations", () => {
  it("every message exists in both languages with the same placeholders", () => {
    const placeholders = (s: string) =>
      [...new Set([...s.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]))].sort();
    for (const key of Object.keys(allocatorVi) as (keyof typeof allocatorVi)[]) {
      expect(key.startsWith("exhibition.allocator.")).toBe(true);
      expect(placeholders(allocatorEn[key])).toEqual(placeholders(allocatorVi[key]));
    }
    expect(noteText({ key: "exhibition.allocator.noBooth", params: { area: 12 } })).toBe("No booth of 12 m² or more.");
    expect(noteText({ key: "exhibition.allocator.verifiedFewer", params: { count: 1, points: 1000 } })).toBe(
      "Checked: forcing this would place 1 exhibitor fewer (placement score 1000 lower).",
    );
  });

  it("says which condition makes a better zone impossible", async () => {
    const instance = makeInstance({
      booths: [
        { id: "O1", zone: "ocop", adjacent: ["O2"] },
        { id: "O2", zone: "ocop", adjacent: ["O1"] },
        { id: "F1", zone: "food", area: 6 },
      ],
      exhibitors: [
        { id: "no-zone", zones: ["tourism", "ocop"] },
        { id: "too-small", zones: ["food", "ocop"], minArea: 9 },
        { id: "no-pair", booths: 2, zones: ["food", "ocop"] },
      ],
    });
    const result = await allocateBooths(instance, { explainTimeLimitSec: 0 });
    // Two OCOP booths, three exhibitors: whoever is left out, the static reasons stand for the others.
    const notes = result.explanations.flatMap((x) => x.notes);
    const placed = new Set(result.allocations.map((a) => a.exhibitor));
    if (placed.has("no-zone"))
      expect(notes).toContainEqual({ key: "exhibition.allocator.zoneNoBooth", params: { zone: "tourism", rank: 1 } });
    if (placed.has("too-small"))
      expect(notes).toContainEqual({
        key: "exhibition.allocator.zoneTooSmall",
        params: { zone: "food", rank: 1, area: 9 },
      });
    if (placed.has("no-pair"))
      expect(notes).toContainEqual({ key: "exhibition.allocator.zoneNoPair", params: { zone: "food", rank: 1 } });
    expect(result.placed).toBe(2);
  });

  it("explains a pair that cannot have enough area in its first zone, and a type that does not exist", async () => {
    const instance = makeInstance({
      booths: [...row("F", 2, { zone: "food" }), ...row("O", 2, { zone: "ocop", area: 12 })],
      exhibitors: [{ id: "pair", booths: 2, minArea: 20, zones: ["food", "ocop"], types: ["island"] }],
    });
    const result = await allocateBooths(instance);
    expect(explainOf(result, "pair").notes).toEqual([
      { key: "exhibition.allocator.gotZone", params: { zone: "ocop", rank: 2 } },
      { key: "exhibition.allocator.zonePairTooSmall", params: { zone: "food", rank: 1, area: 20 } },
      { key: "exhibition.allocator.typeNoBooth", params: { types: "island" } },
    ]);
  });

  it("names who took a better zone and checks what forcing it would cost", async () => {
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
    const result = await allocateBooths(instance);
    expect(explainOf(result, "flexible").notes).toEqual([
      { key: "exhibition.allocator.gotZone", params: { zone: "food", rank: 2 } },
      { key: "exhibition.allocator.zoneTaken", params: { zone: "ocop", rank: 1, holders: "strict" } },
      { key: "exhibition.allocator.verifiedLoss", params: { points: 20 } },
    ]);
  });

  it("gives every unplaced exhibitor a reason: taken (checked), locked, no pair with the area", async () => {
    const instance = makeInstance({
      booths: [...row("A", 2), { id: "L1", area: 12 }],
      exhibitors: [
        { id: "pair", booths: 2, minArea: 18 },
        { id: "one" },
        { id: "two" },
        { id: "kept", minArea: 12 },
        { id: "wants-l1", minArea: 12 },
        { id: "giant-pair", booths: 2, minArea: 30 },
      ],
      locked: [{ exhibitor: "kept", booths: ["L1"] }],
    });
    const result = await allocateBooths(instance);
    expect(result.placed).toBe(3);
    expect(result.unplaced).toEqual([
      {
        exhibitor: "pair",
        key: "exhibition.allocator.unplacedTaken",
        params: { holders: "one, two" },
        reason: "Every suitable booth went to one, two; no suitable booth is left free.",
      },
      {
        exhibitor: "wants-l1",
        key: "exhibition.allocator.unplacedLocked",
        params: { holders: "kept" },
        reason: "Every suitable booth is locked to kept.",
      },
      {
        exhibitor: "giant-pair",
        key: "exhibition.allocator.noPairArea",
        params: { area: 30 },
        reason: "No pair of adjacent booths of 30 m² or more together.",
      },
    ]);
    expect(explainOf(result, "pair").notes[1]).toEqual({
      key: "exhibition.allocator.verifiedFewer",
      params: { count: 1, points: 1000 },
    });
  });

  it("says when a free booth of the wished type would score less, and names missed neighbours", async () => {
    const instance = makeInstance({
      booths: [
        { id: "F1", zone: "food" },
        { id: "T1", zone: "tourism", type: "corner" },
      ],
      exhibitors: [
        { id: "a", zones: ["food", "ocop", "tourism"], types: ["corner"], neighbours: ["b"] },
        { id: "b", minArea: 50 },
      ],
    });
    const result = await allocateBooths(instance);
    expect(keys(result, "a")).toEqual(["gotZone", "typeFreeLower", "neighbourUnplaced"]);
  });

  it("agrees with a brute-force search on small instances, claim by claim", async () => {
    let checked = 0;
    for (let seed = 1; seed <= 25; seed++) {
      const instance = randomInstance(seed);
      const result = await allocateBooths(instance, { neighbourhoodTimeLimitSec: 0.2 });
      const optimum = bruteForce(instance)!;
      expect(result.placementScore).toBe(optimum.value);
      expect(result.optimal).toBe(true);
      for (const x of result.explanations) {
        const e = instance.exhibitors.find((y) => y.id === x.exhibitor)!;
        x.notes.forEach((note, i) => {
          if (!note.key.startsWith("exhibition.allocator.verified")) return;
          const claim = x.notes[i - 1];
          const rank = Number(claim.params?.rank);
          const accept = claim.key.endsWith("zoneTaken")
            ? (o: AllocatorBooth[]) =>
                Math.max(...o.map((b) => e.zones.indexOf(b.zone))) + 1 === rank &&
                o.every((b) => e.zones.includes(b.zone))
            : claim.key.endsWith("typeTaken")
              ? (o: AllocatorBooth[]) => o.some((b) => e.types.includes(b.type))
              : () => true;
          const forced = bruteForce(instance, { id: e.id, accept });
          checked++;
          if (note.key.endsWith("verifiedImpossible")) return expect(forced).toBeNull();
          expect(forced).not.toBeNull();
          const points = optimum.value - forced!.value;
          if (note.key.endsWith("verifiedTie")) expect(points).toBe(0);
          else expect(note.params?.points).toBe(points);
          if (note.key.endsWith("verifiedFewer")) expect(note.params?.count).toBe(optimum.placed - forced!.placed);
        });
      }
    }
    expect(checked).toBeGreaterThan(10);
  }, 60_000);
});
