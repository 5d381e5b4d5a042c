import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

type Row = Record<string, unknown>;

const load = (name: string): Row[] =>
  JSON.parse(readFileSync(new URL(`../../../seeds/data/${name}`, import.meta.url), "utf8"));

const provinces = load("provinces.json");
const ministries = load("ministries.json");
const missions = load("missions.json");
const partners = load("foreign-partners.json");

const unique = (rows: Row[], key: string) => new Set(rows.map((r) => r[key])).size === rows.length;

const REGION_COUNTS: Record<string, number> = {
  northern_midlands_mountains: 14,
  red_river_delta: 11,
  north_central_central_coast: 14,
  central_highlands: 5,
  southeast: 6,
  mekong_delta: 13,
};

describe("seed data", () => {
  it("has the 63 provinces of 2021 in the six regions", () => {
    expect(provinces).toHaveLength(63);
    expect(unique(provinces, "code")).toBe(true);
    expect(unique(provinces, "name_vi")).toBe(true);
    const counts: Record<string, number> = {};
    for (const p of provinces) counts[p.region as string] = (counts[p.region as string] ?? 0) + 1;
    expect(counts).toEqual(REGION_COUNTS);
    expect(provinces.filter((p) => p.centrally_run === true)).toHaveLength(5);
  });

  it("has the central ministries and agencies", () => {
    expect(ministries.length).toBeGreaterThanOrEqual(25);
    expect(ministries.length).toBeLessThanOrEqual(50);
    expect(unique(ministries, "code")).toBe(true);
    expect(ministries.some((m) => m.name_vi === "Bộ Ngoại giao")).toBe(true);
  });

  it("has valid representative missions abroad", () => {
    expect(missions.length).toBeGreaterThanOrEqual(85);
    expect(missions.length).toBeLessThanOrEqual(110);
    expect(unique(missions, "code")).toBe(true);
    for (const m of missions) {
      expect(["embassy", "consulate_general", "permanent_mission"]).toContain(m.type);
      expect(m.country_code).toMatch(/^[A-Z]{2}$/);
      const timeZone = m.time_zone as string;
      expect(() => new Intl.DateTimeFormat("en", { timeZone }), `${m.code}: ${timeZone}`).not.toThrow();
    }
  });

  it("uses clean codes and non-empty NFC strings everywhere", () => {
    for (const row of [...provinces, ...ministries, ...missions, ...partners]) {
      expect(row.code).toMatch(/^[a-z0-9-]+$/);
      for (const value of Object.values(row)) {
        if (typeof value !== "string") continue;
        expect(value.trim()).not.toBe("");
        expect(value).toBe(value.normalize("NFC"));
      }
    }
  });
});
