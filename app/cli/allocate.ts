// `npm run allocate -- --in instance.json --out result.json`: the same code path as the organisers' page
// (shared/design/booth-allocation.md). Exit 2 and one line on stderr for a malformed instance.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { allocateBooths } from "~/features/exhibition/allocator/allocate";
import { parseInstance } from "~/features/exhibition/allocator/instance";

const USAGE = "usage: npm run allocate -- --in instance.json --out result.json [--time-limit seconds]";

function malformed(message: string): never {
  process.stderr.write(`${message.replace(/\s+/g, " ").trim()}\n`);
  process.exit(2);
}

async function main() {
  let values: { in?: string; out?: string; "time-limit"?: string };
  try {
    ({ values } = parseArgs({
      options: { in: { type: "string" }, out: { type: "string" }, "time-limit": { type: "string" } },
    }));
  } catch (error) {
    return malformed(`${USAGE} (${(error as Error).message})`);
  }
  if (!values.in || !values.out) return malformed(USAGE);
  const timeLimitSec = values["time-limit"] === undefined ? undefined : Number(values["time-limit"]);
  if (timeLimitSec !== undefined && !(timeLimitSec > 0))
    return malformed(`${USAGE} (--time-limit must be a positive number)`);
  let raw: string;
  try {
    raw = readFileSync(values.in, "utf8");
  } catch (error) {
    return malformed(`cannot read ${values.in}: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return malformed(`${values.in} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = parseInstance(json);
  if (!parsed.ok) return malformed(`${values.in}: ${parsed.error}`);
  const result = await allocateBooths(parsed.instance, { timeLimitSec });
  const allocations = result.allocations;
  const unplaced = result.unplaced.map(({ exhibitor, reason }) => ({ exhibitor, reason }));
  writeFileSync(values.out, `${JSON.stringify({ allocations, unplaced }, null, 2)}\n`);
  const { placed, placementScore, neighbourhoodScore, optimal, bound, ms } = result;
  process.stdout.write(
    `${JSON.stringify({ placed, placementScore, neighbourhoodScore, optimal, bound, unplaced: unplaced.length, ms })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`allocator failed: ${String((error as Error)?.message ?? error).split("\n")[0]}\n`);
  process.exit(1);
});
