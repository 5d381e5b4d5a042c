import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { readBack } from "../../unit/proceedings/book-readback";
import { seedBookDocuments } from "./book-fixtures";

const root = resolve(__dirname, "../../..");
const dir = mkdtempSync(join(tmpdir(), "proceedings-cli-"));

function run(args: string[]) {
  const child = spawnSync(
    process.execPath,
    [join(root, "node_modules/tsx/dist/cli.mjs"), "app/cli/proceedings.ts", ...args],
    {
      cwd: root,
      encoding: "utf8",
      timeout: 90_000,
      env: { ...process.env },
    },
  );
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe("npm run proceedings", () => {
  it("draws the book in its own process with the same renderer and prints {pages, bytes, seconds}", async () => {
    const { conference, titles } = await seedBookDocuments(2);
    // The child opens the same database file: what this process wrote must be on disk.
    getDb();
    const out = join(dir, "book.pdf");
    const result = run(["--out", out, "--conference", String(conference.id), "--language", "vi"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const summary = JSON.parse(lines[0]) as { pages: number; bytes: number; seconds: number };
    const bytes = readFileSync(out);
    const { numPages, pages } = await readBack(bytes);
    expect(summary).toEqual({ pages: numPages, bytes: bytes.length, seconds: expect.any(Number) });
    expect(pages.join("\n")).toContain(titles[0]);
  }, 120_000);

  it("exits 2 with one line on standard error when the arguments are wrong", () => {
    for (const args of [
      [],
      ["--out"],
      ["--out", join(dir, "x.pdf"), "--language", "fr"],
      ["--out", join(dir, "x.pdf"), "--conference", "abc"],
      ["--out", join(dir, "x.pdf"), "--conference", "99999"],
      ["--bogus", "1"],
    ]) {
      const result = run(args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(result.stdout).toBe("");
    }
  }, 120_000);
});
