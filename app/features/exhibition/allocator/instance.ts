import { fail, isObject, list, readJson, text, uniqueIds } from "~/lib/json-reader";
// The booth allocator's file format (docs: shared/design/booth-allocation.md). Pure: no database, no Remix.
// parseInstance is strict on the fields it knows, so the solver can trust its input; fields it does not know
// (halls, positions, products) are accepted and dropped, as the design note allows richer formats.

export interface AllocatorBooth {
  id: string;
  zone: string;
  type: string;
  area: number;
  adjacent: string[];
}
export interface AllocatorExhibitor {
  id: string;
  booths: 1 | 2;
  minArea: number;
  zones: string[];
  types: string[];
  neighbours: string[];
  apart?: string | null;
}
export interface AllocationInstance {
  booths: AllocatorBooth[];
  exhibitors: AllocatorExhibitor[];
  locked: { exhibitor: string; booths: string[] }[];
}
export type Allocation = { exhibitor: string; booths: string[] };

export type ParseOutcome = { ok: true; instance: AllocationInstance } | { ok: false; error: string };

/** Ranked zone wishes: at most three (the score knows 30/20/10). */
export const MAX_ZONES = 3;

/** An array of distinct non-empty strings (absent: empty). */
function strings(item: Record<string, unknown>, key: string, where: string): string[] {
  const v = item[key];
  if (v === undefined) return [];
  if (!Array.isArray(v)) return fail(`${where}: "${key}" must be an array of strings`);
  const seen = new Set<string>();
  for (const s of v) {
    if (typeof s !== "string" || s.trim() === "") return fail(`${where}: "${key}" must be an array of strings`);
    if (seen.has(s)) fail(`${where}: "${key}" lists "${s}" twice`);
    seen.add(s);
  }
  return [...seen];
}

function parseBooths(root: Record<string, unknown>): Map<string, AllocatorBooth> {
  const booths = list(root, "booths", true).map((b, i): AllocatorBooth => {
    const where = `booths[${i}]`;
    const id = text(b, "id", where);
    const area = b.area;
    if (typeof area !== "number" || !Number.isFinite(area) || area <= 0) {
      fail(`booth "${id}": "area" must be a positive number of m²`);
    }
    const adjacent = strings(b, "adjacent", `booth "${id}"`);
    if (adjacent.includes(id)) fail(`booth "${id}" is adjacent to itself`);
    return {
      id,
      zone: text(b, "zone", `booth "${id}"`),
      type: text(b, "type", `booth "${id}"`),
      area: area as number,
      adjacent,
    };
  });
  const byId = uniqueIds(booths, "booth");
  for (const booth of booths) {
    for (const other of booth.adjacent) {
      const neighbour = byId.get(other);
      if (!neighbour) fail(`booth "${booth.id}" is adjacent to unknown booth "${other}"`);
      if (!neighbour!.adjacent.includes(booth.id)) {
        fail(`adjacency is not symmetric: "${booth.id}" lists "${other}" but "${other}" does not list "${booth.id}"`);
      }
    }
  }
  return byId;
}

function parseExhibitors(root: Record<string, unknown>): Map<string, AllocatorExhibitor> {
  const exhibitors = list(root, "exhibitors", true).map((e, i): AllocatorExhibitor => {
    const id = text(e, "id", `exhibitors[${i}]`);
    const where = `exhibitor "${id}"`;
    const count = e.booths === undefined ? 1 : e.booths;
    if (count !== 1 && count !== 2) fail(`${where}: "booths" must be 1 or 2`);
    const minArea = e.minArea === undefined || e.minArea === null ? 0 : e.minArea;
    if (typeof minArea !== "number" || !Number.isFinite(minArea) || minArea < 0) {
      fail(`${where}: "minArea" must be a number of m² ≥ 0`);
    }
    const zones = strings(e, "zones", where);
    if (zones.length > MAX_ZONES) fail(`${where}: at most ${MAX_ZONES} zones may be ranked`);
    const apart = e.apart;
    if (apart !== undefined && apart !== null && (typeof apart !== "string" || apart.trim() === "")) {
      fail(`${where}: "apart" must be a category or null`);
    }
    return {
      id,
      booths: count as 1 | 2,
      minArea: minArea as number,
      zones,
      types: strings(e, "types", where),
      neighbours: strings(e, "neighbours", where),
      apart: (apart as string | null | undefined) ?? null,
    };
  });
  const byId = uniqueIds(exhibitors, "exhibitor");
  for (const e of exhibitors) {
    for (const n of e.neighbours) {
      if (n === e.id) fail(`exhibitor "${e.id}" names itself as a neighbour`);
      if (!byId.has(n)) fail(`exhibitor "${e.id}" names unknown exhibitor "${n}" as a neighbour`);
    }
  }
  return byId;
}

// Locked allocations must obey the hard rules, or no valid result exists.
function parseLocked(
  root: Record<string, unknown>,
  booths: Map<string, AllocatorBooth>,
  exhibitors: Map<string, AllocatorExhibitor>,
): Allocation[] {
  const holder = new Map<string, string>();
  const seen = new Set<string>();
  return list(root, "locked", false).map((l, i): Allocation => {
    const where = `locked[${i}]`;
    const id = text(l, "exhibitor", where);
    const exhibitor = exhibitors.get(id);
    if (!exhibitor) return fail(`locked allocation names unknown exhibitor "${id}"`);
    if (seen.has(id)) fail(`exhibitor "${id}" is locked twice`);
    seen.add(id);
    const ids = strings(l, "booths", `locked allocation of "${id}"`);
    for (const b of ids) {
      if (!booths.has(b)) fail(`locked allocation of "${id}" names unknown booth "${b}"`);
      const other = holder.get(b);
      if (other) fail(`booth "${b}" is locked to both "${other}" and "${id}"`);
      holder.set(b, id);
    }
    if (ids.length !== exhibitor.booths) {
      fail(`locked allocation of "${id}" has ${ids.length} booth(s) but the exhibitor needs ${exhibitor.booths}`);
    }
    if (ids.length === 2 && !booths.get(ids[0])!.adjacent.includes(ids[1])) {
      fail(`locked allocation of "${id}": booths "${ids[0]}" and "${ids[1]}" are not adjacent`);
    }
    const area = ids.reduce((sum, b) => sum + booths.get(b)!.area, 0);
    if (area < exhibitor.minArea) {
      fail(`locked allocation of "${id}" has ${area} m², less than its minArea of ${exhibitor.minArea} m²`);
    }
    return { exhibitor: id, booths: ids };
  });
}

function parse(json: unknown): AllocationInstance {
  if (!isObject(json)) fail("the instance must be a JSON object");
  const root = json as Record<string, unknown>;
  const booths = parseBooths(root);
  const exhibitors = parseExhibitors(root);
  const locked = parseLocked(root, booths, exhibitors);
  return { booths: [...booths.values()], exhibitors: [...exhibitors.values()], locked };
}

/** Validates the design note's format; the error is one line a person can act on. */
export function parseInstance(json: unknown): ParseOutcome {
  const read = readJson(() => parse(json));
  return read.ok ? { ok: true, instance: read.value } : read;
}
