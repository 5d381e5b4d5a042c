// Generated exhibitions for the allocator's bench and tests (seeded, so every run is the same), and a
// small helper for hand-made unit cases.
import type { AllocationInstance, AllocatorBooth, AllocatorExhibitor } from "~/features/exhibition/allocator/instance";
import { parseInstance } from "~/features/exhibition/allocator/instance";

export function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ZONES = ["ocop", "food", "handicrafts", "industry", "tourism"];
/** How often each zone is the first wish: OCOP and food are wanted more than they have booths. */
const POPULARITY = [0.3, 0.25, 0.2, 0.15, 0.1];

/**
 * A hall of 300 × scale booths: each zone has 3 × scale double rows of 2 × 10 booths back to back (row
 * neighbours and back-to-back booths are adjacent); row ends are corners (12 m²), the middle two of the
 * last double row of each zone islands (18 m²), the rest standard (9 m²).
 */
export function generateHall(scale: number): AllocatorBooth[] {
  const booths: AllocatorBooth[] = [];
  ZONES.forEach((zone, z) => {
    for (let d = 0; d < 3 * scale; d++) {
      const id = (row: number, i: number) => `${"ABCDE"[z]}${d + 1}-${row}${String(i + 1).padStart(2, "0")}`;
      for (let row = 0; row < 2; row++) {
        for (let i = 0; i < 10; i++) {
          const island = d === 3 * scale - 1 && (i === 4 || i === 5);
          const corner = i === 0 || i === 9;
          const adjacent = [...(i > 0 ? [id(row, i - 1)] : []), ...(i < 9 ? [id(row, i + 1)] : []), id(1 - row, i)];
          booths.push({
            id: id(row, i),
            zone,
            type: island ? "island" : corner ? "corner" : "standard",
            area: island ? 18 : corner ? 12 : 9,
            adjacent,
          });
        }
      }
    }
  });
  return booths;
}

export type GenerateOptions = { scale: number; seed: number; oversubscribed?: boolean };

/**
 * Exhibitors from 30 × scale provinces (the exhibitors of one province name each other as neighbours),
 * 15 % needing two booths, a few keeping apart from their own category, a few locked. Not full: 240 ×
 * scale exhibitors (about 92 % of the booths asked for). Over-subscribed: exhibitors are added until the
 * hall has only 95 % of the booths asked for.
 */
export function generateExhibition({ scale, seed, oversubscribed = false }: GenerateOptions): AllocationInstance {
  const rand = mulberry32(seed);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  const booths = generateHall(scale);
  const provinces = Array.from({ length: 30 * scale }, (_, i) => `prov${i + 1}`);
  const byProvince = new Map<string, AllocatorExhibitor[]>();
  const exhibitors: AllocatorExhibitor[] = [];
  const enough = (asked: number) => (oversubscribed ? booths.length / asked <= 0.95 : exhibitors.length >= 240 * scale);
  let asked = 0;
  while (!enough(asked)) {
    // Provinces of very different sizes: the first ones send many exhibitors.
    const province = provinces[Math.floor(Math.pow(rand(), 1.6) * provinces.length)];
    const siblings = byProvince.get(province) ?? [];
    let x = rand();
    let first = 0;
    while (x > POPULARITY[first]) x -= POPULARITY[first++];
    // Most exhibitors of a province show the same kind of products as an earlier one, in the same zones.
    const zones =
      siblings.length > 0 && rand() < 0.6
        ? [...pick(siblings).zones]
        : [ZONES[first], ...ZONES.filter((z) => z !== ZONES[first]).sort(() => rand() - 0.5)].slice(
            0,
            1 + Math.floor(rand() * 3),
          );
    const two = rand() < 0.15;
    const t = rand();
    const exhibitor: AllocatorExhibitor = {
      id: `${province}-${siblings.length + 1}`,
      booths: two ? 2 : 1,
      minArea: two ? pick([18, 18, 21]) : pick([9, 9, 9, 9, 9, 9, 12, 12, 0]),
      zones,
      types: t < 0.65 ? [] : t < 0.9 ? ["corner"] : ["island", "corner"],
      // The newest exhibitor of a province names up to two earlier ones (neighbour wishes go one way or both).
      neighbours: siblings.slice(-2).map((s) => s.id),
      apart: rand() < 0.08 ? pick(["fruit", "tea_coffee", "seafood"]) : null,
    };
    asked += exhibitor.booths;
    siblings.push(exhibitor);
    byProvince.set(province, siblings);
    exhibitors.push(exhibitor);
  }
  // A few exhibitors locked on the first booth that fits them, away from each other.
  const locked: AllocationInstance["locked"] = [];
  const taken = new Set<string>();
  const boothById = new Map(booths.map((b) => [b.id, b]));
  for (let i = 7; i < exhibitors.length && locked.length < 4 * scale; i += 53) {
    const e = exhibitors[i];
    const zone = booths.filter((b) => b.zone === e.zones[0] && !taken.has(b.id) && b.type === "standard");
    const start = zone[Math.floor(rand() * zone.length)];
    const ids = e.booths === 1 ? [start.id] : [start.id, start.adjacent.find((a) => !taken.has(a))!];
    if (ids.some((id) => !id) || ids.reduce((s, id) => s + boothById.get(id)!.area, 0) < e.minArea) continue;
    ids.forEach((id) => taken.add(id));
    locked.push({ exhibitor: e.id, booths: ids });
  }
  return { booths, exhibitors, locked };
}

/** A parsed instance from hand-made parts; throws if it is malformed. */
export function makeInstance(raw: {
  booths: (Partial<AllocatorBooth> & { id: string })[];
  exhibitors: (Partial<AllocatorExhibitor> & { id: string })[];
  locked?: AllocationInstance["locked"];
}): AllocationInstance {
  const parsed = parseInstance({
    booths: raw.booths.map((b) => ({ zone: "ocop", type: "standard", area: 9, adjacent: [], ...b })),
    exhibitors: raw.exhibitors,
    locked: raw.locked ?? [],
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.instance;
}

/** Booths in a row, each adjacent to the next: row("A", 3) = A1–A2–A3. */
export function row(prefix: string, n: number, extra: Partial<AllocatorBooth> = {}) {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i + 1}`,
    zone: "ocop",
    type: "standard",
    area: 9,
    ...extra,
    adjacent: [...(i > 0 ? [`${prefix}${i}`] : []), ...(i < n - 1 ? [`${prefix}${i + 2}`] : [])],
  }));
}
