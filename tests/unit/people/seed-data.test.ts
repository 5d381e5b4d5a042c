import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FAMILY_NAMES, seededRandom, vietnameseName } from "../../../seeds/demo-names";

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

describe("the conference demo's generator", () => {
  it("gives the same numbers for the same seed, other numbers for another, all in [0, 1)", () => {
    const draw = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 1000 }, () => random.next());
    };
    const a = draw(20211213);
    expect(draw(20211213)).toEqual(a);
    expect(draw(20211214)).not.toEqual(a);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(a).size).toBeGreaterThan(990);
    const mean = a.reduce((s, x) => s + x, 0) / a.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it("picks by weight, ints below n, and bytes", () => {
    const random = seededRandom(7);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 2000; i += 1)
      counts[
        random.weighted([
          ["a", 9],
          ["b", 1],
        ] as const)
      ] += 1;
    expect(counts.a).toBeGreaterThan(1650);
    expect(counts.b).toBeGreaterThan(100);
    const ints = Array.from({ length: 500 }, () => random.int(3));
    expect(new Set(ints)).toEqual(new Set([0, 1, 2]));
    const bytes = random.bytes(64);
    expect(bytes).toHaveLength(64);
    expect([...bytes].every((b) => Number.isInteger(b) && b >= 0 && b < 256)).toBe(true);
  });

  it("makes Vietnamese names: family + middle + given, NFC, never a taken one", () => {
    const random = seededRandom(1);
    const families = new Set(FAMILY_NAMES.map(([f]) => f));
    const taken = new Set(["Lê Văn Hùng", "Nguyễn Thị Thu Hà"]);
    const names = Array.from({ length: 600 }, (_, i) => vietnameseName(random, i % 3 ? "male" : "female", taken));
    for (const n of names) {
      const words = n.fullName.split(" ");
      expect(words.length).toBeGreaterThanOrEqual(3);
      expect(words.length).toBeLessThanOrEqual(4);
      expect(families.has(words[0])).toBe(true);
      expect(n.fullName).toBe(n.fullName.normalize("NFC"));
      expect(n.fullName.endsWith(n.given)).toBe(true);
      expect(taken.has(n.fullName)).toBe(false);
    }
    // Nguyễn is the most common family name, as in Viet Nam.
    const nguyen = names.filter((n) => n.family === "Nguyễn").length / names.length;
    expect(nguyen).toBeGreaterThan(0.25);
    expect(nguyen).toBeLessThan(0.5);
    expect(names.filter((n) => n.gender === "female").every((n) => !n.fullName.includes(" Văn "))).toBe(true);
  });
});
