// The neighbourhood score by local search: moves to free booths and swaps of two exhibitors, accepted
// lexicographically (the placement score never drops; at equal placement, the neighbourhood score does not
// drop). Seeded, so the same instance gives the same result; an iteration cap ends it before the clock on
// small instances, which keeps tests deterministic.
import type { Plan, Problem } from "./model";
import { bestFreeOption } from "./greedy";
import { APART_PENALTY, NEIGHBOUR_POINTS, pairKey, placementValue } from "./score";

export function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type SearchOptions = { timeLimitSec: number; seed?: number; maxIterations?: number; stallIterations?: number };

export class Search {
  readonly holder: Int32Array;
  readonly at: (number[] | null)[];
  private readonly E: number;

  constructor(
    private readonly problem: Problem,
    plan: Plan,
  ) {
    const { ix } = problem;
    this.E = ix.instance.exhibitors.length;
    this.holder = new Int32Array(ix.instance.booths.length).fill(-1);
    this.at = plan.map((booths) => (booths ? [...booths] : null));
    for (const l of ix.instance.locked) {
      const e = ix.exIx.get(l.exhibitor)!;
      this.at[e] = l.booths.map((id) => ix.boothIx.get(id)!);
    }
    this.at.forEach((booths, e) => booths?.forEach((b) => (this.holder[b] = e)));
  }

  value(e: number, booths: number[] | null): number {
    if (!booths) return 0;
    const { instance } = this.problem.ix;
    return placementValue(
      instance.exhibitors[e],
      booths.map((b) => instance.booths[b]),
    );
  }

  placement(): number {
    return this.at.reduce((sum, booths, e) => sum + this.value(e, booths), 0);
  }

  /** The neighbourhood terms that touch these booths (each pair of exhibitors or booths once). */
  private local(booths: number[]): number {
    const { ix } = this.problem;
    const seenEx = new Set<number>();
    const seenBooth = new Set<number>();
    const n = this.holder.length;
    let score = 0;
    for (const b of booths) {
      const e = this.holder[b];
      if (e < 0) continue;
      for (const c of ix.adjacent[b]) {
        const f = this.holder[c];
        if (f < 0 || f === e) continue;
        const ek = pairKey(e, f, this.E);
        if (ix.neighbourly.has(ek) && !seenEx.has(ek)) {
          seenEx.add(ek);
          score += NEIGHBOUR_POINTS;
        }
        const apart = ix.instance.exhibitors[e].apart;
        const bk = pairKey(b, c, n);
        if (apart && apart === ix.instance.exhibitors[f].apart && !seenBooth.has(bk)) {
          seenBooth.add(bk);
          score -= APART_PENALTY;
        }
      }
    }
    return score;
  }

  private put(e: number, booths: number[] | null) {
    this.at[e]?.forEach((b) => this.holder[b] === e && (this.holder[b] = -1));
    this.at[e] = booths;
    booths?.forEach((b) => (this.holder[b] = e));
  }

  /** Applies the changes (distinct exhibitors onto booths free of anyone else); keeps them if `accept` says so. */
  private change(
    changes: [number, number[] | null][],
    accept: (dp: number, dn: number) => boolean,
  ): [number, number] | null {
    const old = changes.map(([e]) => this.at[e]);
    const touched = [...old.flat(), ...changes.flatMap(([, b]) => b ?? [])].filter((b): b is number => b !== null);
    const before = this.local(touched);
    let dp = 0;
    changes.forEach(([e, booths], i) => (dp += this.value(e, booths) - this.value(e, old[i])));
    changes.forEach(([e]) => this.put(e, null));
    changes.forEach(([e, booths]) => this.put(e, booths));
    const dn = this.local(touched) - before;
    if (accept(dp, dn)) return [dp, dn];
    changes.forEach(([e]) => this.put(e, null));
    changes.forEach(([e], i) => this.put(e, old[i]));
    return null;
  }

  private fits(g: number, booths: number[]): boolean {
    const { instance } = this.problem.ix;
    const ex = instance.exhibitors[g];
    return booths.length === ex.booths && booths.reduce((s, b) => s + instance.booths[b].area, 0) >= ex.minArea;
  }

  /**
   * Tries e on `target`. When one movable exhibitor g holds exactly the target, g either takes e's place
   * (a swap) or, with `eject`, a free option of its own worth as much to it.
   */
  tryMove(
    e: number,
    target: number[],
    accept: (dp: number, dn: number) => boolean,
    eject?: () => number,
  ): [number, number] | null {
    const from = this.at[e];
    const others = [...new Set(target.map((b) => this.holder[b]).filter((h) => h >= 0 && h !== e))];
    if (others.length === 0) return this.change([[e, target]], accept);
    if (others.length > 1 || !from) return null;
    const g = others[0];
    const gAt = this.at[g]!;
    if (this.problem.lockedEx[g] || gAt.length !== target.length || !gAt.every((b) => target.includes(b))) return null;
    if (this.fits(g, from)) {
      const swapped = this.change(
        [
          [e, target],
          [g, from],
        ],
        accept,
      );
      if (swapped || !eject) return swapped;
    }
    if (!eject) return null;
    const elsewhere = this.freeOptionLike(g, eject);
    return elsewhere
      ? this.change(
          [
            [e, target],
            [g, elsewhere],
          ],
          accept,
        )
      : null;
  }

  /** A free option (not counting g's own booths) worth as much to g as its current one, chosen by `pick`. */
  private freeOptionLike(g: number, pick: () => number): number[] | null {
    const { ix } = this.problem;
    const worth = this.value(g, this.at[g]);
    const found: number[][] = [];
    if (ix.instance.exhibitors[g].booths === 1) {
      for (let b = 0; b < this.holder.length; b++) {
        if (this.holder[b] < 0 && this.fits(g, [b]) && this.value(g, [b]) >= worth) found.push([b]);
      }
    } else {
      for (const [a, b] of ix.pairs) {
        if (this.holder[a] < 0 && this.holder[b] < 0 && this.fits(g, [a, b]) && this.value(g, [a, b]) >= worth)
          found.push([a, b]);
      }
    }
    return found.length > 0 ? found[Math.floor(pick() * found.length)] : null;
  }

  /** Any exhibitor with a better free option takes it; any unplaced one with a free option is placed. */
  polish() {
    // Each change raises the placement score, so this ends.
    for (let changed = true; changed;) {
      changed = false;
      this.at.forEach((booths, e) => {
        if (this.problem.lockedEx[e]) return;
        const option = bestFreeOption(this.problem.ix, this.holder, e, e);
        if (option && this.value(e, option) > this.value(e, booths)) {
          this.put(e, option);
          changed = true;
        }
      });
    }
  }

  run(options: SearchOptions) {
    const { ix, lockedEx } = this.problem;
    const { booths, exhibitors } = ix.instance;
    const rand = mulberry32(options.seed ?? 13);
    const int = (n: number) => Math.floor(rand() * n);
    // Only exhibitors with a neighbour or an `apart` gain by moving; the others move as swap partners.
    const movers = exhibitors
      .map((ex, e) => e)
      .filter((e) => !lockedEx[e] && (ix.friends[e].length > 0 || exhibitors[e].apart));
    if (movers.length === 0) return;
    const pairsOf = booths.map((): [number, number][] => []);
    for (const p of ix.pairs) p.forEach((b) => pairsOf[b].push(p));
    const accept = (dp: number, dn: number) => dp > 0 || (dp === 0 && (dn > 0 || (dn === 0 && rand() < 0.15)));
    const deadline = performance.now() + options.timeLimitSec * 1000;
    const maxIterations = options.maxIterations ?? 400_000;
    const stall = options.stallIterations ?? 200_000;
    let current = this.placement() * 1e6 + this.neighbourhood();
    let best = current;
    let bestAt = this.at.map((b) => (b ? [...b] : null));
    let sinceBest = 0;
    for (let it = 0; it < maxIterations && sinceBest < stall; it++, sinceBest++) {
      if ((it & 255) === 0 && performance.now() > deadline) break;
      const e = movers[int(movers.length)];
      const ex = exhibitors[e];
      if (!this.at[e]) continue;
      // Most tries go next to a wished neighbour; the rest anywhere, to leave a bad spot.
      let anchor = -1;
      const friends = ix.friends[e].filter((f) => this.at[f]);
      if (friends.length > 0 && rand() < 0.75) {
        const fAt = this.at[friends[int(friends.length)]]!;
        const around = ix.adjacent[fAt[int(fAt.length)]];
        if (around.length > 0) anchor = around[int(around.length)];
      }
      if (anchor < 0) anchor = int(booths.length);
      let target: number[];
      if (ex.booths === 1) target = [anchor];
      else {
        const options = pairsOf[anchor];
        if (options.length === 0) continue;
        target = [...options[int(options.length)]];
      }
      if (target.reduce((s, b) => s + booths[b].area, 0) < ex.minArea) continue;
      const delta = this.tryMove(e, target, accept, rand() < 0.3 ? rand : undefined);
      if (!delta) continue;
      current += delta[0] * 1e6 + delta[1];
      if (current > best) {
        best = current;
        bestAt = this.at.map((b) => (b ? [...b] : null));
        sinceBest = 0;
      }
    }
    // Sideways steps may have wandered: end on the best state seen.
    this.at.forEach((_, e) => this.put(e, null));
    bestAt.forEach((b, e) => this.put(e, b));
  }

  neighbourhood(): number {
    const all: number[] = [];
    for (let b = 0; b < this.holder.length; b++) if (this.holder[b] >= 0) all.push(b);
    return this.local(all);
  }
}
