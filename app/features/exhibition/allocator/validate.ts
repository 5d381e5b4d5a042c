// An independent check of a result against the hard rules of the design note (booth-allocation.md).
// Deliberately simple and sharing no code with the solver (only the instance's types).
import type { AllocationInstance } from "./instance";

export function validateAllocation(
  instance: AllocationInstance,
  result: { allocations: { exhibitor: string; booths: string[] }[]; unplaced?: { exhibitor: string }[] },
): string[] {
  const violations: string[] = [];
  const booths = new Map(instance.booths.map((b) => [b.id, b]));
  const exhibitors = new Map(instance.exhibitors.map((e) => [e.id, e]));
  const owner = new Map<string, string>();
  const allocated = new Map<string, string[]>();

  for (const a of result.allocations) {
    const exhibitor = exhibitors.get(a.exhibitor);
    if (!exhibitor) {
      violations.push(`allocation for unknown exhibitor "${a.exhibitor}"`);
      continue;
    }
    if (allocated.has(a.exhibitor)) violations.push(`exhibitor "${a.exhibitor}" is allocated more than once`);
    allocated.set(a.exhibitor, a.booths);
    if (new Set(a.booths).size !== a.booths.length) {
      violations.push(`exhibitor "${a.exhibitor}" is given the same booth twice`);
    }
    if (a.booths.length !== exhibitor.booths) {
      violations.push(`exhibitor "${a.exhibitor}" needs ${exhibitor.booths} booth(s) but has ${a.booths.length}`);
    }
    let area = 0;
    let known = true;
    for (const id of a.booths) {
      const booth = booths.get(id);
      if (!booth) {
        violations.push(`exhibitor "${a.exhibitor}" is given unknown booth "${id}"`);
        known = false;
        continue;
      }
      area += booth.area;
      const other = owner.get(id);
      if (other !== undefined && other !== a.exhibitor) {
        violations.push(`booth "${id}" is given to both "${other}" and "${a.exhibitor}"`);
      } else owner.set(id, a.exhibitor);
    }
    if (!known) continue;
    if (a.booths.length === 2) {
      const [x, y] = a.booths;
      if (!booths.get(x)!.adjacent.includes(y) || !booths.get(y)!.adjacent.includes(x)) {
        violations.push(`exhibitor "${a.exhibitor}" has booths "${x}" and "${y}", which are not adjacent`);
      }
    }
    if (area < exhibitor.minArea) {
      violations.push(`exhibitor "${a.exhibitor}" has ${area} m², less than its minimum of ${exhibitor.minArea} m²`);
    }
  }

  for (const lock of instance.locked) {
    const got = allocated.get(lock.exhibitor);
    const same = got !== undefined && got.length === lock.booths.length && lock.booths.every((id) => got.includes(id));
    if (!same) violations.push(`locked allocation of "${lock.exhibitor}" (${lock.booths.join(", ")}) is not kept`);
  }

  if (result.unplaced) {
    for (const u of result.unplaced) {
      if (!exhibitors.has(u.exhibitor)) violations.push(`unplaced entry for unknown exhibitor "${u.exhibitor}"`);
      if (allocated.has(u.exhibitor)) violations.push(`exhibitor "${u.exhibitor}" is both allocated and unplaced`);
    }
  }
  return violations;
}
