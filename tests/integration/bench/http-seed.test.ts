import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../../db/client";
import { requesterUsers, seedBenchDatabase } from "../../bench/http-seed";
import { freeWriterPairs, type Cast } from "../../bench/http-setup";

const dir = mkdtempSync(join(tmpdir(), "bench-http-seed-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("bench:http's data", () => {
  it("grows the conference demo to 500 approved delegates and 500 meeting requests, every row valid", async () => {
    const path = join(dir, "conference.sqlite");
    const counts = await seedBenchDatabase(path, "conference");
    expect(counts).toMatchObject({ approved_delegates: 500, meeting_requests: 500, exhibitors: 31 });
    expect(counts.session_signups).toBeGreaterThan(300);
    const { sqlite } = openDatabase(path);
    try {
      expect(sqlite.pragma("foreign_key_check")).toEqual([]);
      expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
      // Every province has a delegate who may ask for meetings: the writes' senders.
      const conference = sqlite.prepare("select id from conferences").get() as { id: number };
      const provinces = (
        sqlite.prepare("select count(*) n from organisations where kind = 'province'").get() as { n: number }
      ).n;
      const writers = requesterUsers(sqlite, conference.id);
      expect(writers.size).toBeGreaterThanOrEqual(provinces);
      // A write's pair is one nobody has asked for, from an organisation with a writer.
      const cast: Cast = { organiser: "", delegate: "", writers: new Map([...writers.keys()].map((k) => [k, "c"])) };
      const pairs = freeWriterPairs(path, cast);
      const held = sqlite.prepare(
        "select 1 from meeting_requests where from_organisation_id = ? and to_organisation_id = ?",
      );
      expect(pairs.length).toBeGreaterThan(5000);
      expect(pairs.slice(0, 200).filter(([f, t]) => held.get(f, t))).toEqual([]);
    } finally {
      sqlite.close();
    }
  });

  it("grows the 10× database the same way, deterministically", async () => {
    const first = await seedBenchDatabase(join(dir, "a.sqlite"), "10x");
    expect(first).toMatchObject({ approved_delegates: 5000, meeting_requests: 5000, exhibitors: 310 });
    expect(first.session_signups).toBeGreaterThan(3000);
    const second = await seedBenchDatabase(join(dir, "b.sqlite"), "10x");
    const names = (p: string) => {
      const { sqlite } = openDatabase(join(dir, p));
      const rows = sqlite
        .prepare(
          "select full_name, organisation_id from registrations where email like '%@bench.ngoaivu.test' order by id",
        )
        .all();
      sqlite.close();
      return rows;
    };
    expect({ ...second, seed_ms: 0 }).toEqual({ ...first, seed_ms: 0 });
    expect(names("b.sqlite")).toEqual(names("a.sqlite"));
  });
});
