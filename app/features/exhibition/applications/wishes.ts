import { BOOTH_TYPES, ZONES, type BoothType, type Zone } from "../rules";
import type { PlanBooth } from "../plan/plan-data";

/**
 * What an exhibitor sees while stating wishes (no blind ranking): per zone, how many free booths fit
 * what it needs against how many other applicants wish that zone first. Pure, for the page (live,
 * as the wishes change) and the tests.
 */
export interface BoothNeed {
  types: readonly BoothType[];
  boothsNeeded: number;
  minArea: number;
}

export interface ZonePicture {
  zone: Zone;
  /** Free booths in the zone. */
  free: number;
  /** Free booths that fit the need (type accepted, area enough: half the least area each when two are needed). */
  fitting: number;
  /** Other applicants (submitted or approved) whose first wish is this zone. */
  firstChoiceOthers: number;
}

/** Whether a booth may serve the need: type accepted (any when none is named) and area enough. */
export function boothFits(booth: Pick<PlanBooth, "type" | "area">, need: BoothNeed): boolean {
  const typeOk = need.types.length === 0 || need.types.includes(booth.type);
  const areaOk = booth.area * need.boothsNeeded + 1e-9 >= need.minArea;
  return typeOk && areaOk;
}

export function zonePictures(
  booths: ReadonlyArray<Pick<PlanBooth, "zone" | "type" | "area" | "state">>,
  need: BoothNeed,
  firstChoices: Partial<Record<Zone, number>>,
): ZonePicture[] {
  return ZONES.map((zone) => {
    const free = booths.filter((b) => b.zone === zone && b.state === "free");
    return {
      zone,
      free: free.length,
      fitting: free.filter((b) => boothFits(b, need)).length,
      firstChoiceOthers: firstChoices[zone] ?? 0,
    };
  });
}

/** How crowded a zone is for this exhibitor: enough, tight (more first choices than fitting booths), none left. */
export function zoneOutlook(p: ZonePicture, boothsNeeded: number): "none" | "tight" | "open" {
  const places = Math.floor(p.fitting / Math.max(1, boothsNeeded));
  if (places === 0) return "none";
  return p.firstChoiceOthers >= places ? "tight" : "open";
}

/** Stored JSON wish lists, read back defensively (a hand-edited row must not break the page). */
export function parseZones(stored: string): Zone[] {
  return parseList(stored).filter((z): z is Zone => (ZONES as readonly string[]).includes(z));
}
export function parseTypes(stored: string): BoothType[] {
  return parseList(stored).filter((t): t is BoothType => (BOOTH_TYPES as readonly string[]).includes(t));
}
function parseList(stored: string): string[] {
  try {
    const value: unknown = JSON.parse(stored);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}
