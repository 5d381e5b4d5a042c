// The allocator's file format: what parseInstance accepts, its defaults, and one clear line for each
// malformed instance.
import { describe, expect, it } from "vitest";
import { parseInstance } from "~/features/exhibition/allocator/instance";

const booth = (id: string, adjacent: string[] = [], extra: Record<string, unknown> = {}) => ({
  id,
  zone: "ocop",
  type: "standard",
  area: 9,
  adjacent,
  ...extra,
});
const good = () => ({
  booths: [booth("A01", ["A02"]), booth("A02", ["A01", "A03"]), booth("A03", ["A02"])],
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
    { id: "bac-giang-2" },
  ],
  locked: [{ exhibitor: "bac-giang-2", booths: ["A03"] }],
});

describe("parseInstance", () => {
  it("accepts the design note's format, fills the defaults and drops fields it does not know", () => {
    const raw = good() as ReturnType<typeof good> & { halls?: unknown };
    raw.halls = [{ id: "H1" }];
    (raw.booths[0] as Record<string, unknown>).x = 3;
    const parsed = parseInstance(raw);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.instance.booths[0]).toEqual(booth("A01", ["A02"]));
    expect(parsed.instance.exhibitors[1]).toEqual({
      id: "bac-giang-2",
      booths: 1,
      minArea: 0,
      zones: [],
      types: [],
      neighbours: [],
      apart: null,
    });
    expect(parsed.instance.locked).toEqual([{ exhibitor: "bac-giang-2", booths: ["A03"] }]);
  });

  const cases: [string, (raw: ReturnType<typeof good>) => unknown, RegExp][] = [
    ["not an object", () => [1, 2], /must be a JSON object/],
    ["booths missing", (r) => ({ ...r, booths: undefined }), /"booths" must be an array/],
    ["a duplicate booth id", (r) => ({ ...r, booths: [...r.booths, booth("A01")] }), /duplicate booth id "A01"/],
    [
      "a duplicate exhibitor id",
      (r) => ({ ...r, exhibitors: [...r.exhibitors, { id: "bac-giang-2" }] }),
      /duplicate exhibitor id "bac-giang-2"/,
    ],
    [
      "an adjacency to an unknown booth",
      (r) => ({ ...r, booths: [booth("A01", ["A02"]), booth("A02", ["A01", "Z9"]), booth("A03")] }),
      /booth "A02" is adjacent to unknown booth "Z9"/,
    ],
    [
      "an adjacency that is not symmetric",
      (r) => ({ ...r, booths: [booth("A01", ["A02"]), booth("A02", []), booth("A03")] }),
      /not symmetric: "A01" lists "A02" but "A02" does not list "A01"/,
    ],
    ["a booth adjacent to itself", (r) => ({ ...r, booths: [booth("A01", ["A01"])] }), /adjacent to itself/],
    ["a booth without area", (r) => ({ ...r, booths: [booth("A01", [], { area: 0 })] }), /"area" must be a positive/],
    ["booths: 3", (r) => ({ ...r, exhibitors: [{ id: "x", booths: 3 }] }), /exhibitor "x": "booths" must be 1 or 2/],
    ['booths: "2"', (r) => ({ ...r, exhibitors: [{ id: "x", booths: "2" }] }), /"booths" must be 1 or 2/],
    ["a negative minArea", (r) => ({ ...r, exhibitors: [{ id: "x", minArea: -1 }] }), /"minArea" must be a number/],
    [
      "four zones",
      (r) => ({ ...r, exhibitors: [{ id: "x", zones: ["ocop", "food", "tourism", "industry"] }] }),
      /at most 3 zones/,
    ],
    ["a zone twice", (r) => ({ ...r, exhibitors: [{ id: "x", zones: ["ocop", "ocop"] }] }), /lists "ocop" twice/],
    [
      "an unknown neighbour",
      (r) => ({ ...r, exhibitors: [{ id: "x", neighbours: ["nobody"] }] }),
      /names unknown exhibitor "nobody"/,
    ],
    ["itself as neighbour", (r) => ({ ...r, exhibitors: [{ id: "x", neighbours: ["x"] }] }), /names itself/],
    ["an empty apart", (r) => ({ ...r, exhibitors: [{ id: "x", apart: "" }] }), /"apart" must be a category or null/],
    [
      "a lock of an unknown exhibitor",
      (r) => ({ ...r, locked: [{ exhibitor: "ghost", booths: ["A01"] }] }),
      /unknown exhibitor "ghost"/,
    ],
    [
      "a lock on an unknown booth",
      (r) => ({ ...r, locked: [{ exhibitor: "bac-giang-2", booths: ["Z9"] }] }),
      /names unknown booth "Z9"/,
    ],
    [
      "a lock with the wrong number of booths",
      (r) => ({ ...r, locked: [{ exhibitor: "bac-giang-1", booths: ["A01"] }] }),
      /has 1 booth\(s\) but the exhibitor needs 2/,
    ],
    [
      "a lock on two booths that are not adjacent",
      (r) => ({ ...r, locked: [{ exhibitor: "bac-giang-1", booths: ["A01", "A03"] }] }),
      /"A01" and "A03" are not adjacent/,
    ],
    [
      "a lock with too little area",
      (r) => ({
        ...r,
        exhibitors: [{ ...r.exhibitors[0], minArea: 20 }, r.exhibitors[1]],
        locked: [{ exhibitor: "bac-giang-1", booths: ["A01", "A02"] }],
      }),
      /has 18 m², less than its minArea of 20 m²/,
    ],
    [
      "a booth locked to two exhibitors",
      (r) => ({
        ...r,
        locked: [
          { exhibitor: "bac-giang-1", booths: ["A02", "A03"] },
          { exhibitor: "bac-giang-2", booths: ["A03"] },
        ],
      }),
      /booth "A03" is locked to both "bac-giang-1" and "bac-giang-2"/,
    ],
    [
      "an exhibitor locked twice",
      (r) => ({ ...r, locked: [...r.locked, { exhibitor: "bac-giang-2", booths: ["A01"] }] }),
      /"bac-giang-2" is locked twice/,
    ],
  ];

  it.each(cases)("refuses %s with one line", (_, change, message) => {
    const parsed = parseInstance(change(good()));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toMatch(message);
    expect(parsed.error).not.toContain("\n");
  });
});
