import { describe, expect, it } from "vitest";
import { parseInstance } from "~/features/exhibition/allocator/instance";
import { explanationRow, sortExplanations, translateNote, type Names } from "~/features/exhibition/allocation/explain";
import {
  exhibitorIdOf,
  instanceFrom,
  isLocked,
  neighboursOf,
  parseWishes,
  type InstanceExhibitor,
} from "~/features/exhibition/allocation/instance-build";

const booth = (id: number, code: string, x: number, extra: Partial<{ held: number; zone: string }> = {}) => ({
  id,
  hall_id: 1,
  code,
  zone: extra.zone ?? "ocop",
  type: "standard",
  area: 9,
  held: extra.held ?? 0,
  x,
  y: 0,
  w: 3,
  h: 3,
});
const ex = (id: number, extra: Partial<InstanceExhibitor> = {}): InstanceExhibitor => ({
  id,
  status: "approved",
  province_id: null,
  booths_needed: 1,
  min_area: 0,
  zone_wishes: "[]",
  type_wishes: "[]",
  near_province: 1,
  apart_category: null,
  ...extra,
});

describe("the instance's pieces", () => {
  it("reads wishes leniently: known values once, in order, at most the limit", () => {
    expect(
      parseWishes('["food","ocop","food","nowhere","tourism","industry"]', ["ocop", "food", "tourism", "industry"], 3),
    ).toEqual(["food", "ocop", "tourism"]);
    expect(parseWishes("not json", ["ocop"])).toEqual([]);
    expect(parseWishes('{"a":1}', ["ocop"])).toEqual([]);
  });

  it("names exhibitors e<id> and knows locked allocations", () => {
    expect(exhibitorIdOf("e12")).toBe(12);
    expect(exhibitorIdOf("e0")).toBeNull();
    expect(exhibitorIdOf("12")).toBeNull();
    expect(isLocked({ locked: 0, confirmed_at: "2026-12-01T00:00:00Z" })).toBe(true);
    expect(isLocked({ locked: 0, confirmed_at: null })).toBe(false);
  });

  it("joins named neighbours both ways and a province's approved exhibitors for those who ask", () => {
    const exhibitors = [
      ex(1, { province_id: 7 }),
      ex(2, { province_id: 7, near_province: 0 }),
      ex(3, { province_id: 7, status: "submitted" }),
      ex(4, { province_id: 8 }),
    ];
    const map = neighboursOf(exhibitors, [
      { exhibitor_id: 4, neighbour_id: 2 },
      { exhibitor_id: 4, neighbour_id: 99 }, // not in the instance
    ]);
    expect(map.get(1)).toEqual([2]);
    expect(map.get(2)).toEqual([4]);
    expect(map.get(4)).toEqual([2]);
  });

  it("builds a valid instance: held booths out unless locked, locked exhibitors in, adjacency from the plan", () => {
    const instance = instanceFrom({
      booths: [
        booth(1, "A01", 0),
        booth(2, "A02", 3),
        booth(3, "A03", 6, { held: 1 }),
        booth(4, "A04", 9, { held: 1 }),
      ],
      exhibitors: [
        ex(10, { zone_wishes: '["ocop"]', type_wishes: '["corner","bad"]', apart_category: "fruit" }),
        ex(11, { status: "withdrawn", booths_needed: 2, min_area: 30 }),
        ex(12, { status: "rejected" }),
      ],
      allocations: [
        { booth_id: 4, exhibitor_id: 11, locked: 1, confirmed_at: null },
        { booth_id: 1, exhibitor_id: 10, locked: 0, confirmed_at: null },
      ],
      neighbourLinks: [],
    });
    expect(instance.booths.map((b) => [b.id, b.adjacent])).toEqual([
      ["A01", ["A02"]],
      ["A02", ["A01"]],
      ["A04", []],
    ]);
    expect(instance.exhibitors).toEqual([
      { id: "e10", booths: 1, minArea: 0, zones: ["ocop"], types: ["corner"], neighbours: [], apart: "fruit" },
      // A locked allocation is the truth even when the wishes changed since: one booth of 9 m².
      { id: "e11", booths: 1, minArea: 9, zones: [], types: [], neighbours: [], apart: null },
    ]);
    expect(instance.locked).toEqual([{ exhibitor: "e11", booths: ["A04"] }]);
    expect(parseInstance(JSON.parse(JSON.stringify(instance))).ok).toBe(true);
  });
});

describe("explanations in the organisers' words", () => {
  const names: Names = new Map([
    [1, { name_vi: "Hợp tác xã Lục Ngạn", name_en: "Luc Ngan Cooperative" }],
    [2, { name_vi: "Làng lụa Vạn Phúc", name_en: "Van Phuc Silk Village" }],
  ]);

  it("translates the allocator's notes with zone, type and category words and exhibitor names", () => {
    expect(
      translateNote(
        { key: "exhibition.allocator.zoneTaken", params: { zone: "ocop", rank: 1, holders: "e2, e1" } },
        names,
        "vi",
      ),
    ).toBe(
      "Khu Nông sản và OCOP (nguyện vọng 1) có gian phù hợp nhưng đã dành cho Làng lụa Vạn Phúc, Hợp tác xã Lục Ngạn.",
    );
    expect(
      translateNote({ key: "exhibition.allocator.typeNoBooth", params: { types: "corner, island" } }, names, "en"),
    ).toContain("Corner booth, Island booth");
    expect(translateNote({ key: "no.such.key" }, names, "vi")).toBeNull();
  });

  it("puts the unplaced first, then those short of their first zone, each with its reason", () => {
    const base = {
      locked: false,
      typeMet: null,
      neighboursMet: [],
      neighboursMissed: [],
      apartConflicts: [],
      notes: [],
    };
    const rows = sortExplanations([
      explanationRow({ ...base, exhibitor: "e1", placed: true, booths: ["A01"], zoneRank: 1 }, names, "vi"),
      explanationRow(
        {
          ...base,
          exhibitor: "e2",
          placed: true,
          booths: ["A05"],
          zoneRank: 2,
          neighboursMet: ["e1"],
          neighboursMissed: ["e3"],
        },
        names,
        "vi",
      ),
      explanationRow({ ...base, exhibitor: "e3", placed: false, booths: [], zoneRank: null }, names, "vi", {
        key: "exhibition.allocator.noBooth",
        params: { area: 30 },
      }),
    ]);
    expect(rows.map((r) => r.exhibitorId)).toEqual([3, 2, 1]);
    expect(rows[0].lines[0]).toBe("Chưa xếp được: Không có gian nào rộng từ 30 m² trở lên.");
    expect(rows[1]).toMatchObject({ firstZone: false, zoneRank: 2, neighboursMet: 1, neighboursAsked: 2 });
    expect(rows[2]).toMatchObject({ name: "Hợp tác xã Lục Ngạn", firstZone: true });
  });
});
