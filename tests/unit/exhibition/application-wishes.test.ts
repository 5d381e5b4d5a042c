import { describe, expect, it } from "vitest";
import { boothFits, parseZones, zoneOutlook, zonePictures } from "~/features/exhibition/applications/wishes";

const booth = (zone: string, type: string, area: number, state = "free") => ({ zone, type, area, state }) as never;

describe("what the exhibitor sees per zone", () => {
  const booths = [
    booth("ocop", "corner", 9),
    booth("ocop", "standard", 9),
    booth("ocop", "standard", 12, "allocated"),
    booth("food", "standard", 6),
    booth("food", "island", 18, "held"),
  ];

  it("counts free booths, those that fit, and others' first choices", () => {
    const pictures = zonePictures(booths, { types: ["corner"], boothsNeeded: 1, minArea: 9 }, { ocop: 3 });
    expect(pictures.find((p) => p.zone === "ocop")).toEqual({
      zone: "ocop",
      free: 2,
      fitting: 1,
      firstChoiceOthers: 3,
    });
    expect(pictures.find((p) => p.zone === "food")).toEqual({
      zone: "food",
      free: 1,
      fitting: 0,
      firstChoiceOthers: 0,
    });
  });

  it("two booths need half the least area each; no type named accepts any", () => {
    expect(boothFits(booth("ocop", "standard", 9), { types: [], boothsNeeded: 2, minArea: 18 })).toBe(true);
    expect(boothFits(booth("ocop", "standard", 9), { types: [], boothsNeeded: 1, minArea: 18 })).toBe(false);
    expect(boothFits(booth("ocop", "standard", 9), { types: ["island"], boothsNeeded: 1, minArea: 0 })).toBe(false);
  });

  it("says when a zone is contested or has nothing left that fits", () => {
    expect(zoneOutlook({ zone: "ocop", free: 4, fitting: 4, firstChoiceOthers: 1 }, 1)).toBe("open");
    expect(zoneOutlook({ zone: "ocop", free: 4, fitting: 4, firstChoiceOthers: 2 }, 2)).toBe("tight");
    expect(zoneOutlook({ zone: "ocop", free: 4, fitting: 1, firstChoiceOthers: 0 }, 2)).toBe("none");
  });

  it("reads stored wishes defensively", () => {
    expect(parseZones('["food","moon",3,"ocop"]')).toEqual(["food", "ocop"]);
    expect(parseZones("not json")).toEqual([]);
  });
});
