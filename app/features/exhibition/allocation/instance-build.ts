/**
 * The allocator's instance from the exhibition's rows (pure: the database part is instance.server.ts).
 * Ids in the instance: the booth's code, and "e<id>" for an exhibitor. Locked allocations (locked, or
 * confirmed by the exhibitor) are kept as they are; every other allocation is planned again by a run,
 * as the meeting scheduler plans unlocked meetings again.
 */
import type { AllocationInstance, AllocatorExhibitor } from "../allocator/instance";
import { adjacencyMap } from "../plan/geometry";
import { BOOTH_TYPES, MAX_ZONE_WISHES, ZONES } from "../rules";

export interface InstanceBooth {
  id: number;
  hall_id: number;
  code: string;
  zone: string;
  type: string;
  area: number;
  held: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface InstanceExhibitor {
  id: number;
  status: string;
  province_id: number | null;
  booths_needed: number;
  min_area: number;
  zone_wishes: string;
  type_wishes: string;
  near_province: number;
  apart_category: string | null;
}

export interface InstanceAllocation {
  booth_id: number;
  exhibitor_id: number;
  locked: number;
  confirmed_at: string | null;
}

export const exhibitorKey = (id: number) => `e${id}`;

/** "e12" → 12; null for anything else. */
export function exhibitorIdOf(key: string): number | null {
  const match = /^e([1-9]\d*)$/.exec(key);
  return match ? Number(match[1]) : null;
}

/** A stored allocation the automatic allocator keeps as it is. */
export const isLocked = (a: Pick<InstanceAllocation, "locked" | "confirmed_at">) =>
  a.locked === 1 || a.confirmed_at !== null;

/** A JSON list of wishes, keeping known values once each in their order (at most `max`). */
export function parseWishes(stored: string, allowed: readonly string[], max = Infinity): string[] {
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const v of value) if (typeof v === "string" && allowed.includes(v) && !out.includes(v)) out.push(v);
  return out.slice(0, max);
}

/**
 * Who each exhibitor wants beside it: the neighbours it named and those that named it (a wish
 * counts for both), and, when it asks to stand with its province, the province's other exhibitors.
 * Only exhibitors in the instance count.
 */
export function neighboursOf(
  exhibitors: readonly InstanceExhibitor[],
  links: readonly { exhibitor_id: number; neighbour_id: number }[],
): Map<number, number[]> {
  const inInstance = new Set(exhibitors.map((e) => e.id));
  const sets = new Map<number, Set<number>>(exhibitors.map((e) => [e.id, new Set()]));
  for (const link of links) {
    if (!inInstance.has(link.exhibitor_id) || !inInstance.has(link.neighbour_id)) continue;
    if (link.exhibitor_id === link.neighbour_id) continue;
    sets.get(link.exhibitor_id)!.add(link.neighbour_id);
    sets.get(link.neighbour_id)!.add(link.exhibitor_id);
  }
  for (const e of exhibitors) {
    if (!e.near_province || e.province_id === null) continue;
    for (const other of exhibitors)
      if (other.id !== e.id && other.province_id === e.province_id && other.status === "approved")
        sets.get(e.id)!.add(other.id);
  }
  return new Map([...sets].map(([id, set]) => [id, [...set].sort((a, b) => a - b)]));
}

/**
 * The instance: approved exhibitors and those holding a locked allocation; booths that are not held
 * (a held booth stays in only under a locked allocation); the locked allocations as `locked`.
 */
export function instanceFrom(input: {
  booths: readonly InstanceBooth[];
  exhibitors: readonly InstanceExhibitor[];
  allocations: readonly InstanceAllocation[];
  neighbourLinks: readonly { exhibitor_id: number; neighbour_id: number }[];
}): AllocationInstance {
  const locked = input.allocations.filter(isLocked);
  const lockedBooths = new Map<number, number>(locked.map((a) => [a.booth_id, a.exhibitor_id]));
  const lockedBy = new Map<number, number[]>();
  for (const a of locked) lockedBy.set(a.exhibitor_id, [...(lockedBy.get(a.exhibitor_id) ?? []), a.booth_id]);
  const booths = input.booths.filter((b) => !b.held || lockedBooths.has(b.id));
  const boothById = new Map(booths.map((b) => [b.id, b]));
  const exhibitors = input.exhibitors.filter((e) => e.status === "approved" || lockedBy.has(e.id));
  const neighbours = neighboursOf(exhibitors, input.neighbourLinks);
  const adjacency = adjacencyMap(booths);
  const code = (id: number) => boothById.get(id)!.code;
  return {
    booths: booths.map((b) => ({
      id: b.code,
      zone: b.zone,
      type: b.type,
      area: b.area,
      adjacent: (adjacency.get(b.id) ?? []).map(code),
    })),
    exhibitors: exhibitors.map((e): AllocatorExhibitor => {
      const held = (lockedBy.get(e.id) ?? []).filter((id) => boothById.has(id));
      const heldArea = held.reduce((sum, id) => sum + boothById.get(id)!.area, 0);
      // A locked allocation is the truth even when the wishes changed since (two booths asked for, one kept).
      const count = held.length === 1 || held.length === 2 ? held.length : e.booths_needed === 2 ? 2 : 1;
      return {
        id: exhibitorKey(e.id),
        booths: count as 1 | 2,
        minArea: held.length ? Math.min(e.min_area, heldArea) : e.min_area,
        zones: parseWishes(e.zone_wishes, ZONES, MAX_ZONE_WISHES),
        types: parseWishes(e.type_wishes, BOOTH_TYPES),
        neighbours: (neighbours.get(e.id) ?? []).map(exhibitorKey),
        apart: e.apart_category,
      };
    }),
    locked: [...lockedBy]
      .filter(([exhibitor]) => exhibitors.some((e) => e.id === exhibitor))
      .map(([exhibitor, boothIds]) => ({
        exhibitor: exhibitorKey(exhibitor),
        booths: boothIds
          .filter((id) => boothById.has(id))
          .map(code)
          .sort(),
      })),
  };
}
