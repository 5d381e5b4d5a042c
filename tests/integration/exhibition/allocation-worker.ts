// Run in each of tests/helpers/processes.ts's processes: allocateByHand on that process's own connection.
import { allocateByHand, type HandAllocation } from "~/features/exhibition/allocation/hand.server";
import { getDb } from "~/platform/db.server";
import type { Actor } from "~/platform/types";

export function allocateByHandHere(actor: Actor, input: HandAllocation) {
  return allocateByHand(getDb(), actor, input);
}
