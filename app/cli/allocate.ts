// `npm run allocate -- --in instance.json --out result.json`: the same code path as the organisers' page
// (shared/design/booth-allocation.md). Exit 2 and one line on stderr for a malformed instance.
import { writeFileSync } from "node:fs";
import { allocateBooths } from "~/features/exhibition/allocator/allocate";
import { parseInstance } from "~/features/exhibition/allocator/instance";
import { malformed, readSolverArgs, solverFailed } from "./solver-file";

const USAGE = "usage: npm run allocate -- --in instance.json --out result.json [--time-limit seconds]";

async function main() {
  const args = readSolverArgs(USAGE);
  const parsed = parseInstance(args.json);
  if (!parsed.ok) return malformed(`${args.in}: ${parsed.error}`);
  const result = await allocateBooths(parsed.instance, { timeLimitSec: args.timeLimitSec });
  const allocations = result.allocations;
  const unplaced = result.unplaced.map(({ exhibitor, reason }) => ({ exhibitor, reason }));
  writeFileSync(args.out, `${JSON.stringify({ allocations, unplaced }, null, 2)}\n`);
  const { placed, placementScore, neighbourhoodScore, optimal, bound, ms } = result;
  process.stdout.write(
    `${JSON.stringify({ placed, placementScore, neighbourhoodScore, optimal, bound, unplaced: unplaced.length, ms })}\n`,
  );
}

main().catch(solverFailed("allocator"));
