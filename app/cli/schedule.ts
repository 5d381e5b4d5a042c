// `npm run schedule -- --in instance.json --out result.json`: the same code path as the organisers' page.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parseInstance } from "~/features/meetings/scheduler/instance";
import { scheduleMeetings } from "~/features/meetings/scheduler/schedule";

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
    return malformed(`usage: npm run schedule -- --in instance.json --out result.json (${(error as Error).message})`);
  }
  if (!values.in || !values.out) return malformed("usage: npm run schedule -- --in instance.json --out result.json");
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
  const timeLimitSec = values["time-limit"] ? Number(values["time-limit"]) : undefined;
  const result = await scheduleMeetings(parsed.instance, { timeLimitSec });
  const { meetings, unscheduled } = result;
  writeFileSync(values.out, `${JSON.stringify({ meetings, unscheduled }, null, 2)}\n`);
  process.stdout.write(
    `${JSON.stringify({ meetings: meetings.length, weight: result.weight, unscheduled: unscheduled.length, ms: result.ms })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`scheduler failed: ${String((error as Error)?.message ?? error).split("\n")[0]}\n`);
  process.exit(1);
});
