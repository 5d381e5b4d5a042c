// What `npm run schedule` and `npm run allocate` share: the arguments, reading the instance file, and
// exit code 2 with one line on standard error when either is wrong.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

export function malformed(message: string): never {
  process.stderr.write(`${message.replace(/\s+/g, " ").trim()}\n`);
  process.exit(2);
}

/** `--in`, `--out` and an optional positive `--time-limit`, and the instance file's JSON. */
export function readSolverArgs(usage: string): { in: string; out: string; timeLimitSec?: number; json: unknown } {
  let values: { in?: string; out?: string; "time-limit"?: string };
  try {
    ({ values } = parseArgs({
      options: { in: { type: "string" }, out: { type: "string" }, "time-limit": { type: "string" } },
    }));
  } catch (error) {
    return malformed(`${usage} (${(error as Error).message})`);
  }
  if (!values.in || !values.out) return malformed(usage);
  const timeLimitSec = values["time-limit"] === undefined ? undefined : Number(values["time-limit"]);
  if (timeLimitSec !== undefined && !(timeLimitSec > 0))
    return malformed(`${usage} (--time-limit must be a positive number)`);
  let raw: string;
  try {
    raw = readFileSync(values.in, "utf8");
  } catch (error) {
    return malformed(`cannot read ${values.in}: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
  }
  try {
    return { in: values.in, out: values.out, timeLimitSec, json: JSON.parse(raw) as unknown };
  } catch (error) {
    return malformed(`${values.in} is not valid JSON: ${(error as Error).message}`);
  }
}

/** The last resort: a fault of the solver itself (exit 1, one line). */
export function solverFailed(name: string) {
  return (error: unknown) => {
    process.stderr.write(`${name} failed: ${String((error as Error)?.message ?? error).split("\n")[0]}\n`);
    process.exit(1);
  };
}
