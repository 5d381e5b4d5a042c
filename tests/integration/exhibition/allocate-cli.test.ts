// `npm run allocate`: the one output line, the result file (checked by the independent validator), exit
// code 2 and one line on stderr for each kind of malformed instance.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseInstance } from "~/features/exhibition/allocator/instance";
import { validateAllocation } from "~/features/exhibition/allocator/validate";

const root = resolve(__dirname, "../../..");
const dir = mkdtempSync(join(tmpdir(), "allocate-cli-"));

function run(instance: string | null, name: string, extra: string[] = []) {
  const input = join(dir, `${name}.json`);
  const output = join(dir, `${name}-result.json`);
  if (instance !== null) writeFileSync(input, instance);
  const child = spawnSync(
    process.execPath,
    [join(root, "node_modules/tsx/dist/cli.mjs"), "app/cli/allocate.ts", "--in", input, "--out", output, ...extra],
    { cwd: root, encoding: "utf8", timeout: 60_000 },
  );
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, output };
}

const booth = (id: string, adjacent: string[], extra: Record<string, unknown> = {}) => ({
  id,
  zone: "ocop",
  type: "standard",
  area: 9,
  adjacent,
  ...extra,
});
const instance = {
  booths: [
    booth("A01", ["A02"], { type: "corner" }),
    booth("A02", ["A01", "A03"]),
    booth("A03", ["A02"]),
    booth("F01", [], { zone: "food" }),
  ],
  exhibitors: [
    {
      id: "bac-giang-1",
      booths: 2,
      minArea: 18,
      zones: ["ocop", "food"],
      types: ["corner"],
      neighbours: ["bac-giang-2"],
      apart: "fruit",
    },
    { id: "bac-giang-2", zones: ["ocop"] },
    { id: "hanoi-3", zones: ["food"] },
    { id: "hcm-9", booths: 2, minArea: 24 },
  ],
  locked: [{ exhibitor: "hanoi-3", booths: ["F01"] }],
};

describe("npm run allocate", () => {
  it("writes a valid result and prints one line of JSON", () => {
    const { status, stdout, stderr, output } = run(JSON.stringify(instance), "good");
    expect(stderr).toBe("");
    expect(status).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const summary = JSON.parse(lines[0]);
    expect(Object.keys(summary)).toEqual([
      "placed",
      "placementScore",
      "neighbourhoodScore",
      "optimal",
      "bound",
      "unplaced",
      "ms",
    ]);
    // bac-giang-1 on A01+A02 (1040), bac-giang-2 on A03 beside it (1030), hanoi-3 locked on F01 (1030).
    expect(summary).toMatchObject({
      placed: 3,
      placementScore: 3100,
      neighbourhoodScore: 15,
      optimal: true,
      bound: 3100,
      unplaced: 1,
    });
    const result = JSON.parse(readFileSync(output, "utf8"));
    expect(Object.keys(result)).toEqual(["allocations", "unplaced"]);
    expect(result.allocations).toContainEqual({ exhibitor: "hanoi-3", booths: ["F01"] });
    expect(result.unplaced).toEqual([
      { exhibitor: "hcm-9", reason: "No pair of adjacent booths of 24 m² or more together." },
    ]);
    const parsed = parseInstance(instance);
    expect(parsed.ok && validateAllocation(parsed.instance, result)).toEqual([]);
  });

  it.each<[string, string, RegExp]>([
    ["bad JSON", "{ not json", /is not valid JSON/],
    [
      "an unknown booth",
      JSON.stringify({ ...instance, locked: [{ exhibitor: "hanoi-3", booths: ["Z99"] }] }),
      /unknown booth "Z99"/,
    ],
    [
      "an unknown exhibitor",
      JSON.stringify({ ...instance, locked: [{ exhibitor: "nobody", booths: ["F01"] }] }),
      /unknown exhibitor "nobody"/,
    ],
    [
      "a duplicate id",
      JSON.stringify({ ...instance, booths: [...instance.booths, booth("A01", [])] }),
      /duplicate booth id "A01"/,
    ],
    [
      "an adjacency to an unknown booth",
      JSON.stringify({ ...instance, booths: [booth("A01", ["B7"])] }),
      /adjacent to unknown booth "B7"/,
    ],
    [
      "an adjacency that is not symmetric",
      JSON.stringify({ ...instance, booths: [booth("A01", ["A02"]), booth("A02", [])] }),
      /not symmetric/,
    ],
    [
      "booths other than 1 or 2",
      JSON.stringify({ ...instance, exhibitors: [{ id: "x", booths: 3 }], locked: [] }),
      /"booths" must be 1 or 2/,
    ],
    [
      "a locked allocation that breaks a hard rule",
      JSON.stringify({ ...instance, locked: [{ exhibitor: "bac-giang-1", booths: ["A01", "A03"] }] }),
      /are not adjacent/,
    ],
  ])("exits with 2 and one line on stderr for %s", (name, text, message) => {
    const { status, stdout, stderr } = run(text, name.replace(/\W/g, "-"));
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.endsWith("\n")).toBe(true);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it("exits with 2 when the input file is missing or the arguments are wrong", () => {
    const missing = run(null, "missing");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*missing\.json: ENOENT/);
    const badLimit = run(JSON.stringify(instance), "bad-limit", ["--time-limit", "soon"]);
    expect(badLimit.status).toBe(2);
    expect(badLimit.stderr).toMatch(/--time-limit must be a positive number/);
  });
});
