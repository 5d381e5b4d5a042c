// The independent validator on a valid result and on results that break each hard rule.
import { describe, expect, it } from "vitest";
import { validateAllocation } from "~/features/exhibition/allocator/validate";
import { makeInstance, row } from "../../helpers/exhibition-instances";

const instance = makeInstance({
  booths: [...row("A", 3), { id: "B1", area: 6 }],
  exhibitors: [
    { id: "pair", booths: 2, minArea: 18 },
    { id: "one", minArea: 6 },
    { id: "big", minArea: 9 },
    { id: "kept" },
  ],
  locked: [{ exhibitor: "kept", booths: ["B1"] }],
});
const valid = [
  { exhibitor: "pair", booths: ["A1", "A2"] },
  { exhibitor: "big", booths: ["A3"] },
  { exhibitor: "kept", booths: ["B1"] },
];

describe("validateAllocation", () => {
  it("finds nothing wrong with a valid result", () => {
    expect(validateAllocation(instance, { allocations: valid, unplaced: [{ exhibitor: "one" }] })).toEqual([]);
  });

  it.each<[string, { exhibitor: string; booths: string[] }[], RegExp]>([
    [
      "a booth given twice",
      [...valid, { exhibitor: "one", booths: ["A3"] }],
      /booth "A3" is given to both "big" and "one"/,
    ],
    [
      "the wrong number of booths",
      [{ exhibitor: "pair", booths: ["A1"] }, valid[2]],
      /"pair" needs 2 booth\(s\) but has 1/,
    ],
    [
      "two booths for a one-booth exhibitor",
      [{ exhibitor: "big", booths: ["A2", "A3"] }, valid[2]],
      /"big" needs 1 booth\(s\) but has 2/,
    ],
    [
      "a pair that is not adjacent",
      [{ exhibitor: "pair", booths: ["A1", "A3"] }, valid[2]],
      /"A1" and "A3", which are not adjacent/,
    ],
    ["too little area", [{ exhibitor: "big", booths: ["B1"] }], /"big" has 6 m², less than its minimum of 9 m²/],
    [
      "a locked allocation changed",
      [{ exhibitor: "kept", booths: ["A3"] }],
      /locked allocation of "kept" \(B1\) is not kept/,
    ],
    ["a locked allocation dropped", valid.slice(0, 2), /locked allocation of "kept" \(B1\) is not kept/],
    ["an unknown exhibitor", [...valid, { exhibitor: "ghost", booths: ["A3"] }], /unknown exhibitor "ghost"/],
    ["an unknown booth", [...valid, { exhibitor: "one", booths: ["Z9"] }], /"one" is given unknown booth "Z9"/],
    [
      "an exhibitor allocated twice",
      [...valid, { exhibitor: "big", booths: ["A3"] }],
      /"big" is allocated more than once/,
    ],
    [
      "the same booth twice to one exhibitor",
      [{ exhibitor: "pair", booths: ["A1", "A1"] }, valid[2]],
      /same booth twice/,
    ],
  ])("reports %s", (_, allocations, message) => {
    const violations = validateAllocation(instance, { allocations });
    expect(violations.some((v) => message.test(v))).toBe(true);
  });

  it("reports an exhibitor both allocated and unplaced", () => {
    expect(validateAllocation(instance, { allocations: valid, unplaced: [{ exhibitor: "big" }] })).toEqual([
      'exhibitor "big" is both allocated and unplaced',
    ]);
  });
});
