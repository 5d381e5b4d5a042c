import type { allocatorVi } from "./messages.vi";

/** Messages of the automatic allocator's explanations, in English: every key of the Vietnamese. */
export const allocatorEn: Record<keyof typeof allocatorVi, string> = {
  "exhibition.allocator.locked": "Locked by the organisers: kept as allocated.",
  "exhibition.allocator.gotZone": "Placed in zone {zone} (wish {rank}).",
  "exhibition.allocator.gotNoZone": "Not placed in any of the zones it asked for.",
  "exhibition.allocator.noZoneWish": "The exhibitor named no zone.",
  "exhibition.allocator.gotType": "Got a booth type it asked for ({type}).",
  "exhibition.allocator.zoneNoBooth": "Zone {zone} (wish {rank}) has no booth.",
  "exhibition.allocator.zoneTooSmall": "Zone {zone} (wish {rank}) has no booth of {area} m² or more.",
  "exhibition.allocator.zoneNoPair": "Zone {zone} (wish {rank}) has no pair of adjacent booths.",
  "exhibition.allocator.zonePairTooSmall":
    "Zone {zone} (wish {rank}) has no pair of adjacent booths of {area} m² or more together.",
  "exhibition.allocator.zoneFreeLower":
    "Zone {zone} (wish {rank}) has free booths large enough, but none of a type it accepts: the placement score would be lower than with its booth.",
  "exhibition.allocator.zoneFreeEqual":
    "Zone {zone} (wish {rank}) has free booths large enough, but none of a type it accepts; both choices have the same placement score.",
  "exhibition.allocator.zoneLocked": "The suitable booths in zone {zone} (wish {rank}) are all locked to {holders}.",
  "exhibition.allocator.zoneTaken": "Zone {zone} (wish {rank}) has suitable booths, but they went to {holders}.",
  "exhibition.allocator.typeNoBooth": "The plan has no booth of a type it accepts ({types}).",
  "exhibition.allocator.typeTooSmall": "Every booth of a type it accepts ({types}) is smaller than {area} m².",
  "exhibition.allocator.typeNoPair":
    "No pair of adjacent booths has a booth of type {types} and {area} m² or more together.",
  "exhibition.allocator.typeFreeLower":
    "Booths of a type it accepts are free, but in a worse zone: the placement score would be lower than with its booth.",
  "exhibition.allocator.typeFreeEqual":
    "Booths of a type it accepts are free, but in a worse zone; both choices have the same placement score.",
  "exhibition.allocator.typeLocked": "The suitable booths of a type it accepts are all locked to {holders}.",
  "exhibition.allocator.typeTaken": "The suitable booths of a type it accepts went to {holders}.",
  "exhibition.allocator.noBooth": "No booth of {area} m² or more.",
  "exhibition.allocator.noPair": "The plan has no pair of adjacent booths.",
  "exhibition.allocator.noPairArea": "No pair of adjacent booths of {area} m² or more together.",
  "exhibition.allocator.unplacedLocked": "Every suitable booth is locked to {holders}.",
  "exhibition.allocator.unplacedTaken": "Every suitable booth went to {holders}; no suitable booth is left free.",
  "exhibition.allocator.verifiedFewer":
    "Checked: forcing this would place {count, plural, one {# exhibitor} other {# exhibitors}} fewer (placement score {points} lower).",
  "exhibition.allocator.verifiedLoss": "Checked: forcing this would lower the overall placement score by {points}.",
  "exhibition.allocator.verifiedTie":
    "Checked: another allocation with the same placement score meets this, but other exhibitors lose exactly what this one gains.",
  "exhibition.allocator.verifiedImpossible": "Checked: no valid allocation meets this.",
  "exhibition.allocator.neighbourUnplaced": "Not next to {neighbour}: that exhibitor has no booth.",
  "exhibition.allocator.neighbourNotAdjacent":
    "Not next to {neighbour}: the allocator found no way to put them side by side without lowering the placement score.",
  "exhibition.allocator.apartConflict":
    "Next to {holders}, of the same category {category} it wants to keep apart from: the allocator found no way to separate them without lowering the placement score.",
};
