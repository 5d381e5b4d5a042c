import { describe, expect, it } from "vitest";
import {
  adjacencyMap,
  adjacentPairs,
  insideOutline,
  overlaps,
  placementProblem,
  snap,
  snapRect,
  touches,
} from "~/features/exhibition/plan/geometry";
import { suggestBoothCode } from "~/features/exhibition/plan/plan-data";
import { parseOutlineText } from "~/features/exhibition/plan/schema";

const booth = (id: number, x: number, y: number, w = 3, h = 3, hall_id = 1) => ({ id, hall_id, x, y, w, h });
const RECT_HALL: [number, number][] = [
  [0, 0],
  [40, 0],
  [40, 30],
  [0, 30],
];

describe("adjacency", () => {
  it("pairs booths sharing a side, smaller id first, and not those touching at a corner or apart", () => {
    const booths = [
      booth(3, 0, 0), // row: 3 | 1 | 2
      booth(1, 3, 0),
      booth(2, 6, 0),
      booth(4, 0, 3), // below 3
      booth(5, 9, 3), // touches 2 only at a corner
      booth(6, 20, 20), // alone
    ];
    expect(adjacentPairs(booths)).toEqual([
      [1, 2],
      [1, 3],
      [3, 4],
    ]);
  });

  it("allows 1 cm of tolerance and needs a positive shared length", () => {
    expect(adjacentPairs([booth(1, 0, 0), booth(2, 3.005, 0)])).toEqual([[1, 2]]);
    expect(adjacentPairs([booth(1, 0, 0), booth(2, 3.05, 0)])).toEqual([]);
    // Side by side but offset so they share only 5 mm of side.
    expect(adjacentPairs([booth(1, 0, 0), booth(2, 3, 2.995)])).toEqual([]);
    // Decimals that do not add up exactly still meet.
    expect(adjacentPairs([booth(1, 0.1, 0, 0.2), booth(2, 0.1 + 0.2, 0)])).toEqual([[1, 2]]);
  });

  it("never pairs booths of different halls", () => {
    expect(adjacentPairs([booth(1, 0, 0, 3, 3, 1), booth(2, 3, 0, 3, 3, 2)])).toEqual([]);
  });

  it("finds stacked booths even when a wide booth spans several", () => {
    const wide = booth(10, 0, 0, 9, 3);
    const below = [booth(11, 0, 3), booth(12, 3, 3), booth(13, 6, 3)];
    expect(adjacentPairs([wide, ...below])).toEqual([
      [10, 11],
      [10, 12],
      [10, 13],
      [11, 12],
      [12, 13],
    ]);
  });

  it("maps every booth to its neighbours, alone ones to none", () => {
    const map = adjacencyMap([booth(1, 0, 0), booth(2, 3, 0), booth(3, 6, 0), booth(4, 30, 20)]);
    expect(map.get(1)).toEqual([2]);
    expect(map.get(2)).toEqual([1, 3]);
    expect(map.get(4)).toEqual([]);
  });

  it("agrees with the quadratic check on a generated hall", () => {
    const booths = Array.from({ length: 60 }, (_, i) =>
      booth(i + 1, (i % 10) * 3 + (i % 3 === 0 ? 0.5 : 0), Math.floor(i / 10) * 3),
    );
    const slow: [number, number][] = [];
    for (const a of booths)
      for (const b of booths) if (a.id < b.id && a.hall_id === b.hall_id && touches(a, b)) slow.push([a.id, b.id]);
    expect(adjacentPairs(booths)).toEqual(slow.sort((p, q) => p[0] - q[0] || p[1] - q[1]));
  });
});

describe("overlap, outline, obstacles", () => {
  it("overlaps only over a positive area", () => {
    expect(overlaps(booth(1, 0, 0), booth(2, 2, 2))).toBe(true);
    expect(overlaps(booth(1, 0, 0), booth(2, 3, 0))).toBe(false);
    expect(overlaps(booth(1, 0, 0), booth(2, 2.995, 0))).toBe(false);
  });

  it("keeps a booth inside the rectangle and an L-shaped outline", () => {
    expect(insideOutline(booth(1, 37, 27), RECT_HALL)).toBe(true);
    expect(insideOutline(booth(1, 38, 0), RECT_HALL)).toBe(false);
    const L: [number, number][] = [
      [0, 0],
      [20, 0],
      [20, 10],
      [10, 10],
      [10, 20],
      [0, 20],
    ];
    expect(insideOutline(booth(1, 2, 12), L)).toBe(true);
    expect(insideOutline(booth(1, 12, 12), L)).toBe(false);
    // Corners all inside the L's bounding box but the inner corner cuts through the booth.
    expect(insideOutline({ x: 8, y: 8, w: 4, h: 4 }, L)).toBe(false);
  });

  it("names the problem with a placement: outside, the booth overlapped, the obstacle", () => {
    const others = [{ id: 7, code: "A-07", x: 10, y: 10, w: 3, h: 3 }];
    const obstacles = [{ id: 3, kind: "column", label: "C1", x: 20, y: 20, w: 0.6, h: 0.6 }];
    expect(placementProblem(booth(1, 39, 0), RECT_HALL, others, obstacles)).toEqual({ kind: "outside" });
    expect(placementProblem(booth(1, 11, 11), RECT_HALL, others, obstacles)).toEqual({
      kind: "overlap",
      boothId: 7,
      code: "A-07",
    });
    expect(placementProblem(booth(1, 19, 19), RECT_HALL, others, obstacles)).toMatchObject({
      kind: "obstacle",
      obstacleId: 3,
      obstacleKind: "column",
    });
    expect(placementProblem(booth(1, 13, 10), RECT_HALL, others, obstacles)).toBeNull();
  });
});

describe("grid and codes", () => {
  it("snaps to the hall's grid without float noise", () => {
    expect(snap(2.26, 0.5)).toBe(2.5);
    expect(snap(0.1 + 0.2, 0.1)).toBe(0.3);
    expect(snapRect({ x: 1.2, y: -0.3, w: 0.1, h: 2.9 }, 0.5)).toEqual({ x: 1, y: 0, w: 0.5, h: 3 });
  });

  it("suggests the hall's next booth code in the hall's style", () => {
    expect(suggestBoothCode("A", [])).toBe("A-01");
    expect(suggestBoothCode("A", ["A-01", "A-07", "B-09"])).toBe("A-08");
    expect(suggestBoothCode("B", ["B007", "B012"])).toBe("B013");
  });

  it("reads an outline typed as corners or JSON, refusing fewer than three", () => {
    expect(parseOutlineText("")).toBeNull();
    expect(parseOutlineText("0,0; 40,0; 40,30")).toEqual([
      [0, 0],
      [40, 0],
      [40, 30],
    ]);
    expect(parseOutlineText("[[0,0],[10,0],[10,10],[0,10]]")).toHaveLength(4);
    expect(parseOutlineText("0,0; 40,0")).toBe("invalid");
    expect(parseOutlineText("a,b; c,d; e,f")).toBe("invalid");
  });
});
