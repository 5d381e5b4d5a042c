import { describe, expect, it } from "vitest";
import { connectionsFor } from "../../bench/http-load";
import { HEALTHZ, markdownTable, targetAt200, targetTenfold, targets, type Measured } from "../../bench/http-report";

const figures = (over: Partial<Measured> = {}): Measured => ({
  kind: "read",
  target_rps: 200,
  achieved_rps: 200,
  sent: 1000,
  unanswered: 0,
  requests: 1000,
  p50_ms: 5,
  p95_ms: 8,
  p99_ms: 10,
  max_ms: 20,
  unexpected_status: 0,
  errors: 0,
  timeouts: 0,
  statuses: { "200": 1000 },
  ...over,
});

const healthy = () => ({
  [HEALTHZ]: figures({ kind: "baseline", p99_ms: 6 }),
  home: figures(),
  "registration (write)": figures({ kind: "write", p99_ms: 400, rows_written: 1000, sqlite_busy: 0 }),
});

describe("bench:http's target at 200/s", () => {
  it("is met when every read page keeps the rate within twice /healthz's p99 and writes meet no SQLITE_BUSY", () => {
    expect(targetAt200(healthy())).toMatchObject({ met: true, misses: [] });
  });

  it("names each miss: a page below the rate, a tail beyond twice /healthz's, failed answers", () => {
    const runs = {
      ...healthy(),
      home: figures({ achieved_rps: 150, p99_ms: 13, unexpected_status: 2, unanswered: 40 }),
    };
    const target = targetAt200(runs);
    expect(target.met).toBe(false);
    expect(target.misses).toEqual(["home: achieved 150/s", "home: p99 13 ms > 12 ms", "home: 2 failed answers"]);
  });

  it("holds writes to no SQLITE_BUSY and no failures, not to /healthz's tail", () => {
    const runs = { ...healthy(), "registration (write)": figures({ kind: "write", p99_ms: 900, sqlite_busy: 3 }) };
    expect(targetAt200(runs).misses).toEqual(["registration (write): 3 SQLITE_BUSY"]);
  });

  it("says not measured rather than met when 200/s was not run", () => {
    expect(targetAt200(undefined).met).toBeNull();
    expect(targets({ conference: { "50": healthy() } }).conference_at_200.met).toBeNull();
  });
});

describe("bench:http's target at 10× the data", () => {
  it("compares each page's p99 with its conference-size figure at the same rate, leaving /healthz out", () => {
    const small = { "200": healthy() };
    const large = {
      "200": {
        ...healthy(),
        [HEALTHZ]: figures({ kind: "baseline", p99_ms: 60 }),
        home: figures({ p99_ms: 25 }),
      },
    };
    const target = targetTenfold({ conference: small, "10x": large });
    expect(target.met).toBe(false);
    expect(target.ratios["200"]).toEqual({ home: 2.5, "registration (write)": 1 });
    expect(target.misses).toEqual(["home at 200/s: p99 10 → 25 ms (×2.5)"]);
  });

  it("is met at exactly twice, and not measured without both sizes", () => {
    const large = { "200": { ...healthy(), home: figures({ p99_ms: 20 }) } };
    expect(targetTenfold({ conference: { "200": healthy() }, "10x": large }).met).toBe(true);
    expect(targetTenfold({ conference: { "200": healthy() } }).met).toBeNull();
  });

  it("sets apart a page that answered nothing within a run: it has no p99 to compare", () => {
    const large = { "200": { ...healthy(), home: figures({ requests: 0, p99_ms: 0 }) } };
    const target = targetTenfold({ conference: { "200": healthy() }, "10x": large });
    expect(target.not_comparable).toEqual(["home at 200/s: 1000 / 0 answers"]);
    expect(target.ratios["200"]).not.toHaveProperty("home");
  });
});

describe("bench:http's table and client", () => {
  it("prints a row per page and a column per rate, marking failures, unanswered requests and SQLITE_BUSY", () => {
    const table = markdownTable({
      conference: {
        "50": healthy(),
        "200": {
          ...healthy(),
          home: figures({ achieved_rps: 120, p99_ms: 3000, errors: 4, unanswered: 90 }),
          "registration (write)": figures({ kind: "write", sqlite_busy: 2 }),
        },
      },
    });
    expect(table).toContain("| page | 50/s | 200/s |");
    expect(table).toContain("| home | 200 · 5 / 10 | 120 · 5 / 3000 · ✗4 · ⏳90 |");
    expect(table).toContain("| registration (write) | 200 · 5 / 400 | 200 · 5 / 10 BUSY 2 |");
  });

  it("opens a connection per 5 requests a second, within 10 to 100", () => {
    expect([50, 100, 200, 400, 1000].map(connectionsFor)).toEqual([10, 20, 40, 80, 100]);
    expect(connectionsFor(5)).toBe(10);
  });
});
