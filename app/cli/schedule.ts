// `npm run schedule -- --in instance.json --out result.json`: the same code path as the organisers' page.
import { writeFileSync } from "node:fs";
import { parseInstance } from "~/features/meetings/scheduler/instance";
import { scheduleMeetings } from "~/features/meetings/scheduler/schedule";
import { malformed, readSolverArgs, solverFailed } from "./solver-file";

const USAGE = "usage: npm run schedule -- --in instance.json --out result.json";

async function main() {
  const args = readSolverArgs(USAGE);
  const parsed = parseInstance(args.json);
  if (!parsed.ok) return malformed(`${args.in}: ${parsed.error}`);
  const result = await scheduleMeetings(parsed.instance, { timeLimitSec: args.timeLimitSec });
  const { meetings, unscheduled } = result;
  writeFileSync(args.out, `${JSON.stringify({ meetings, unscheduled }, null, 2)}\n`);
  process.stdout.write(
    `${JSON.stringify({ meetings: meetings.length, weight: result.weight, unscheduled: unscheduled.length, ms: result.ms })}\n`,
  );
}

main().catch(solverFailed("scheduler"));
