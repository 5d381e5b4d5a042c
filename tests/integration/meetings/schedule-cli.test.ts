import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseInstance } from "~/features/meetings/scheduler/instance";
import { validateResult } from "~/features/meetings/scheduler/validate";

const root = resolve(__dirname, "../../..");
const dir = mkdtempSync(join(tmpdir(), "schedule-cli-"));

function run(instance: string | null, name: string) {
  const input = join(dir, `${name}.json`);
  const output = join(dir, `${name}-result.json`);
  if (instance !== null) writeFileSync(input, instance);
  const child = spawnSync(
    process.execPath,
    [join(root, "node_modules/tsx/dist/cli.mjs"), "app/cli/schedule.ts", "--in", input, "--out", output],
    { cwd: root, encoding: "utf8", timeout: 60_000 },
  );
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, output };
}

const slot = (id: string, m: number) => ({
  id,
  start: new Date(Date.UTC(2026, 11, 13, 7, m)).toISOString(),
  end: new Date(Date.UTC(2026, 11, 13, 7, m + 20)).toISOString(),
});
const instance = {
  slots: [slot("s1-1", 0), slot("s1-2", 20)],
  tables: [{ id: "T1" }],
  parties: [
    { id: "prov-1" },
    { id: "prov-2" },
    { id: "miss-3", available: ["s1-1"], maxMeetings: 6 },
    { id: "miss-4" },
  ],
  requests: [
    { id: "r1", a: "prov-1", b: "miss-3", priority: 3 },
    { id: "r2", a: "prov-2", b: "miss-3", priority: 2 },
    { id: "r3", a: "prov-2", b: "miss-4" },
  ],
  locked: [{ request: "r1", slot: "s1-1", table: "T1" }],
};

describe("npm run schedule", () => {
  it("writes a valid result and prints one line of JSON", () => {
    const { status, stdout, stderr, output } = run(JSON.stringify(instance), "good");
    expect(stderr).toBe("");
    expect(status).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const summary = JSON.parse(lines[0]);
    expect(Object.keys(summary)).toEqual(["meetings", "weight", "unscheduled", "ms"]);
    expect(summary).toMatchObject({ meetings: 2, weight: 4, unscheduled: 1 });
    const result = JSON.parse(readFileSync(output, "utf8"));
    expect(result.meetings).toContainEqual({ request: "r1", slot: "s1-1", table: "T1" });
    expect(result.meetings).toContainEqual({ request: "r3", slot: "s1-2", table: "T1" });
    expect(result.unscheduled).toEqual([
      { request: "r2", reason: "all slots that suit both prov-2 and miss-3 are taken by locked meetings" },
    ]);
    const parsed = parseInstance(instance);
    expect(parsed.ok && validateResult(parsed.instance, result)).toEqual([]);
  });

  it.each<[string, string, RegExp]>([
    ["bad JSON", "{ not json", /is not valid JSON/],
    [
      "an unknown party",
      JSON.stringify({ ...instance, requests: [{ id: "r1", a: "prov-1", b: "miss-9" }] }),
      /request "r1" names unknown party "miss-9"/,
    ],
    [
      "an unknown slot",
      JSON.stringify({ ...instance, locked: [{ request: "r1", slot: "s9", table: "T1" }] }),
      /unknown slot "s9"/,
    ],
    [
      "a duplicate id",
      JSON.stringify({ ...instance, tables: [{ id: "T1" }, { id: "T1" }] }),
      /duplicate table id "T1"/,
    ],
  ])("exits with 2 and one line on stderr for %s", (name, text, message) => {
    const { status, stdout, stderr } = run(text, name.replace(/\W/g, "-"));
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.endsWith("\n")).toBe(true);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it("exits with 2 when the input file is missing", () => {
    const { status, stderr } = run(null, "missing");
    expect(status).toBe(2);
    expect(stderr).toMatch(/cannot read .*missing\.json: ENOENT/);
  });
});
