// What each exhibitor got, and why each better wish was not met: statically impossible (which condition
// fails), a free booth that would score less or the same, or booths that went to others (named). When the
// placement is proven optimal and time allows, a claim is checked by re-solving with the wish forced.
import type { AllocatorBooth } from "./instance";
import type { Force } from "./model";
import { fillPlurals } from "../../../lib/plural";
import { allocatorEn } from "./messages.en";
import type { AllocatorMessageKey } from "./messages.vi";
import { placementValue, typeMetBy, zoneRankOf, type Indexed } from "./score";

export type Note = { key: AllocatorMessageKey; params?: Record<string, string | number> };

export interface ExhibitorExplanation {
  exhibitor: string;
  placed: boolean;
  locked: boolean;
  booths: string[];
  zoneRank: 1 | 2 | 3 | null;
  typeMet: boolean | null;
  neighboursMet: string[];
  neighboursMissed: string[];
  apartConflicts: string[];
  notes: Note[];
}

/**
 * The organisers' summary: placed exhibitors by the zone wish they got (zoneNone: outside their zones, or
 * none named), unplaced, typeMet (placed ones that asked for a type and got it), neighbour wishes (each name
 * in a `neighbours` list counts once) and how many are met, and adjacent booth pairs in keep-apart conflict.
 */
export type Spread = {
  zone1: number;
  zone2: number;
  zone3: number;
  zoneNone: number;
  unplaced: number;
  typeMet: number;
  neighbourWishes: number;
  neighbourWishesMet: number;
  apartConflicts: number;
};

/** A re-solve with one exhibitor forced: the placement (free part) and how many placed, or infeasible; null when not affordable. */
export type Counterfactual = (force: Force) => { value: number; placed: number } | "infeasible" | null;

export type ExplainInput = {
  ix: Indexed;
  at: (number[] | null)[];
  holder: Int32Array;
  lockedEx: boolean[];
  /** The result's placement and placed count over the free exhibitors (comparable with a counterfactual). */
  base: { value: number; placed: number };
  counterfactual: Counterfactual | null;
};

/** The English sentence of a note (the file format's `reason`); zone and type codes stay raw. */
export function noteText(note: Note): string {
  const params = note.params ?? {};
  return fillPlurals("en", allocatorEn[note.key], params).replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

const holdersText = (ids: string[]) =>
  ids.length <= 3 ? ids.join(", ") : `${ids.slice(0, 3).join(", ")} (+${ids.length - 3})`;

/**
 * A claim to check by forcing the wish. Exhibitors alike for the placement score (booths, area, zones,
 * types) are interchangeable, so they share one check: `same` says which.
 */
type Pending = { notes: Note[]; claim: Note; force: Force; same: string };

export function explain(input: ExplainInput): { explanations: ExhibitorExplanation[]; pending: Pending[] } {
  const { ix, at, holder, lockedEx } = input;
  const { booths, exhibitors } = ix.instance;
  const pending: Pending[] = [];
  const boothsOf = (option: number[]) => option.map((b) => booths[b]);
  const optionsOf = (e: number): number[][] => {
    const ex = exhibitors[e];
    const all: number[][] = ex.booths === 1 ? booths.map((_, b) => [b]) : ix.pairs.map((p) => [...p]);
    return all.filter((o) => o.reduce((s, b) => s + booths[b].area, 0) >= ex.minArea);
  };

  /** Why none of the candidate options (all area-feasible) is this exhibitor's. */
  const takenOrFree = (
    e: number,
    candidates: number[][],
    keys: Record<"lower" | "equal" | "locked" | "taken", AllocatorMessageKey>,
    params: Record<string, string | number>,
    accept: Force["accept"],
    notes: Note[],
  ) => {
    const { booths: count, minArea, zones, types } = exhibitors[e];
    const same = JSON.stringify([keys.taken, params.rank ?? 0, count, minArea, zones, types]);
    const ex = exhibitors[e];
    const current = at[e] ? placementValue(ex, boothsOf(at[e]!)) : 0;
    const free = candidates.filter((o) => o.every((b) => holder[b] < 0 || holder[b] === e));
    if (free.length > 0 && at[e]) {
      const best = Math.max(...free.map((o) => placementValue(ex, boothsOf(o))));
      notes.push({ key: best < current ? keys.lower : keys.equal, params });
      return;
    }
    const held = [...new Set(candidates.flatMap((o) => o.map((b) => holder[b]).filter((h) => h >= 0 && h !== e)))];
    const allLocked = held.every((h) => lockedEx[h]);
    const claim: Note = {
      key: allLocked ? keys.locked : keys.taken,
      params: { ...params, holders: holdersText(held.map((h) => exhibitors[h].id)) },
    };
    notes.push(claim);
    if (!allLocked) pending.push({ notes, claim, force: { exhibitor: e, accept }, same });
  };

  const explanations = exhibitors.map((ex, e): ExhibitorExplanation => {
    const mine = at[e];
    const own = mine ? boothsOf(mine) : [];
    const zoneRank = mine ? zoneRankOf(ex, own) : null;
    const typeMet = mine ? typeMetBy(ex, own) : null;
    const around = new Set<number>();
    mine?.forEach((b) => ix.adjacent[b].forEach((c) => holder[c] >= 0 && holder[c] !== e && around.add(holder[c])));
    const neighboursMet = ex.neighbours.filter((id) => around.has(ix.exIx.get(id)!));
    const neighboursMissed = ex.neighbours.filter((id) => !around.has(ix.exIx.get(id)!));
    const apartConflicts = [...around]
      .filter((f) => ex.apart && exhibitors[f].apart === ex.apart)
      .map((f) => exhibitors[f].id);
    const notes: Note[] = [];
    const explanation = {
      exhibitor: ex.id,
      placed: !!mine,
      locked: lockedEx[e],
      booths: own.map((b) => b.id),
      zoneRank,
      typeMet,
      neighboursMet,
      neighboursMissed,
      apartConflicts,
      notes,
    };
    const options = lockedEx[e] ? [] : optionsOf(e);
    if (lockedEx[e]) notes.push({ key: "exhibition.allocator.locked" });
    if (!mine) {
      explainUnplaced(e, options, notes);
      return explanation;
    }
    if (ex.zones.length === 0) notes.push({ key: "exhibition.allocator.noZoneWish" });
    else if (zoneRank)
      notes.push({ key: "exhibition.allocator.gotZone", params: { zone: ex.zones[zoneRank - 1], rank: zoneRank } });
    else notes.push({ key: "exhibition.allocator.gotNoZone" });
    if (!lockedEx[e]) {
      const missedUpTo = zoneRank ? zoneRank - 1 : ex.zones.length;
      for (let r = 1; r <= missedUpTo; r++) explainZone(e, r, options, notes);
    }
    if (typeMet)
      notes.push({
        key: "exhibition.allocator.gotType",
        params: { type: own.find((b) => ex.types.includes(b.type))!.type },
      });
    if (typeMet === false && !lockedEx[e]) explainType(e, options, notes);
    for (const id of neighboursMissed) {
      const placed = !!at[ix.exIx.get(id)!];
      notes.push({
        key: placed ? "exhibition.allocator.neighbourNotAdjacent" : "exhibition.allocator.neighbourUnplaced",
        params: { neighbour: id },
      });
    }
    if (apartConflicts.length > 0)
      notes.push({
        key: "exhibition.allocator.apartConflict",
        params: { holders: holdersText(apartConflicts), category: ex.apart! },
      });
    return explanation;
  });

  function explainZone(e: number, rank: number, options: number[][], notes: Note[]) {
    const ex = exhibitors[e];
    const zone = ex.zones[rank - 1];
    const params = { zone, rank };
    const accept = (list: AllocatorBooth[]) => zoneRankOf(ex, list) === rank;
    const candidates = options.filter((o) => accept(boothsOf(o)));
    if (candidates.length === 0) {
      // Which condition fails: the zone itself, adjacency, or the area.
      if (ex.booths === 1) {
        const inZone = booths.some((b) => b.zone === zone);
        notes.push({
          key: inZone ? "exhibition.allocator.zoneTooSmall" : "exhibition.allocator.zoneNoBooth",
          params: inZone ? { ...params, area: ex.minArea } : params,
        });
      } else {
        const anyPair = ix.pairs.some((p) => accept(boothsOf(p)));
        notes.push({
          key: anyPair ? "exhibition.allocator.zonePairTooSmall" : "exhibition.allocator.zoneNoPair",
          params: anyPair ? { ...params, area: ex.minArea } : params,
        });
      }
      return;
    }
    takenOrFree(
      e,
      candidates,
      {
        lower: "exhibition.allocator.zoneFreeLower",
        equal: "exhibition.allocator.zoneFreeEqual",
        locked: "exhibition.allocator.zoneLocked",
        taken: "exhibition.allocator.zoneTaken",
      },
      params,
      accept,
      notes,
    );
  }

  function explainType(e: number, options: number[][], notes: Note[]) {
    const ex = exhibitors[e];
    const types = ex.types.join(", ");
    const accept = (list: AllocatorBooth[]) => typeMetBy(ex, list) === true;
    const candidates = options.filter((o) => accept(boothsOf(o)));
    if (candidates.length === 0) {
      const ofType = booths.some((b) => ex.types.includes(b.type));
      if (!ofType) notes.push({ key: "exhibition.allocator.typeNoBooth", params: { types } });
      else
        notes.push({
          key: ex.booths === 1 ? "exhibition.allocator.typeTooSmall" : "exhibition.allocator.typeNoPair",
          params: { types, area: ex.minArea },
        });
      return;
    }
    takenOrFree(
      e,
      candidates,
      {
        lower: "exhibition.allocator.typeFreeLower",
        equal: "exhibition.allocator.typeFreeEqual",
        locked: "exhibition.allocator.typeLocked",
        taken: "exhibition.allocator.typeTaken",
      },
      { types },
      accept,
      notes,
    );
  }

  function explainUnplaced(e: number, options: number[][], notes: Note[]) {
    const ex = exhibitors[e];
    if (options.length === 0) {
      if (ex.booths === 1) notes.push({ key: "exhibition.allocator.noBooth", params: { area: ex.minArea } });
      else if (ix.pairs.length === 0) notes.push({ key: "exhibition.allocator.noPair" });
      else notes.push({ key: "exhibition.allocator.noPairArea", params: { area: ex.minArea } });
      return;
    }
    takenOrFree(
      e,
      options,
      {
        lower: "exhibition.allocator.unplacedTaken",
        equal: "exhibition.allocator.unplacedTaken",
        locked: "exhibition.allocator.unplacedLocked",
        taken: "exhibition.allocator.unplacedTaken",
      },
      {},
      () => true,
      notes,
    );
  }

  return { explanations, pending };
}

/** Runs the pending checks in order while the counterfactual answers; each adds a "verified…" note after its claim. */
export function verify(input: ExplainInput, pending: Pending[]) {
  if (!input.counterfactual) return;
  const known = new Map<string, ReturnType<Counterfactual>>();
  for (const { notes, claim, force, same } of pending) {
    const outcome = known.has(same) ? known.get(same)! : input.counterfactual(force);
    known.set(same, outcome);
    if (outcome === null) return;
    const add = (note: Note) => notes.splice(notes.indexOf(claim) + 1, 0, note);
    if (outcome === "infeasible") {
      add({ key: "exhibition.allocator.verifiedImpossible" });
      continue;
    }
    const points = input.base.value - outcome.value;
    const fewer = input.base.placed - outcome.placed;
    if (fewer > 0) add({ key: "exhibition.allocator.verifiedFewer", params: { count: fewer, points } });
    else if (points > 0) add({ key: "exhibition.allocator.verifiedLoss", params: { points } });
    else add({ key: "exhibition.allocator.verifiedTie" });
  }
}

export function spreadOf(ix: Indexed, explanations: ExhibitorExplanation[], apartConflicts: number): Spread {
  const placed = explanations.filter((x) => x.placed);
  const rank = (r: 1 | 2 | 3 | null) => placed.filter((x) => x.zoneRank === r).length;
  return {
    zone1: rank(1),
    zone2: rank(2),
    zone3: rank(3),
    zoneNone: rank(null),
    unplaced: explanations.length - placed.length,
    typeMet: placed.filter((x) => x.typeMet === true).length,
    neighbourWishes: ix.instance.exhibitors.reduce((n, e) => n + e.neighbours.length, 0),
    neighbourWishesMet: explanations.reduce((n, x) => n + x.neighboursMet.length, 0),
    apartConflicts,
  };
}
