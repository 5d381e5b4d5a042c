import { describe, expect, it } from "vitest";
import { planWarnings, type WarningHall } from "~/features/exhibition/plan/warnings";

const hall: WarningHall = { width_m: 40, depth_m: 30, outline: null, min_aisle_m: 3 };
const booth = (id: number, x: number, y: number, w = 3, h = 3) => ({ id, code: `A-${id}`, x, y, w, h });
const obstacle = (id: number, kind: string, x: number, y: number, w: number, h: number, label = "") => ({
  id,
  kind,
  label,
  x,
  y,
  w,
  h,
});
const keys = (w: ReturnType<typeof planWarnings>) => w.map((x) => x.key);

describe("plan warnings", () => {
  it("has none for booths in rows with wide aisles, clear of the walls", () => {
    const row1 = [booth(1, 5, 5), booth(2, 8, 5), booth(3, 11, 5)];
    const row2 = [booth(4, 5, 11), booth(5, 8, 11), booth(6, 11, 11)];
    expect(planWarnings(hall, [...row1, ...row2], [])).toEqual([]);
  });

  it("warns of a marked aisle narrower than the hall's minimum", () => {
    const w = planWarnings(hall, [], [obstacle(9, "aisle", 0, 14, 40, 2.5, "Lối chính")]);
    expect(w).toEqual([
      {
        key: "exhibition.plan.warning.aisleTooNarrow",
        params: { label: "Lối chính", width: 2.5, min: 3 },
        boothIds: [],
        obstacleId: 9,
      },
    ]);
    expect(planWarnings(hall, [], [obstacle(9, "aisle", 0, 14, 40, 3)])).toEqual([]);
    // The hall's own minimum counts.
    expect(planWarnings({ ...hall, min_aisle_m: 2 }, [], [obstacle(9, "aisle", 0, 14, 40, 2.5)])).toEqual([]);
  });

  it("warns of a narrow gap between facing booths, not of touching ones or wide gaps", () => {
    const w = planWarnings(hall, [booth(1, 5, 5), booth(2, 5, 10)], []);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({
      key: "exhibition.plan.warning.gapBetweenBooths",
      params: { gap: 2, min: 3 },
      boothIds: [1, 2],
    });
    expect(planWarnings(hall, [booth(1, 5, 5), booth(2, 5, 8)], [])).toEqual([]);
    expect(planWarnings(hall, [booth(1, 5, 5), booth(2, 5, 11)], [])).toEqual([]);
    // Side by side with a 1 m gap.
    expect(keys(planWarnings(hall, [booth(1, 5, 5), booth(2, 9, 5)], []))).toEqual([
      "exhibition.plan.warning.gapBetweenBooths",
    ]);
  });

  it("judges each passage once when a booth stands between two others", () => {
    // 1 and 3 face each other across booth 2 (gaps of 1 m each side): two warnings, not three.
    const w = planWarnings(hall, [booth(1, 5, 5), booth(2, 9, 5), booth(3, 13, 5)], []);
    expect(w.map((x) => x.boothIds)).toEqual([
      [1, 2],
      [2, 3],
    ]);
  });

  it("warns of a narrow gap between a booth and the wall or a column", () => {
    const wall = planWarnings(hall, [booth(1, 1.5, 10)], []);
    expect(wall).toEqual([
      { key: "exhibition.plan.warning.gapToWall", params: { booth: "A-1", gap: 1.5, min: 3 }, boothIds: [1] },
    ]);
    // A booth in a corner, 1 m and 2 m from two walls: one warning, the narrower passage.
    expect(planWarnings(hall, [booth(1, 1, 2)], [])).toMatchObject([
      { key: "exhibition.plan.warning.gapToWall", params: { gap: 1 } },
    ]);
    // Against the wall is not a passage.
    expect(planWarnings(hall, [booth(1, 0, 10)], [])).toEqual([]);
    const column = planWarnings(hall, [booth(1, 10, 10)], [obstacle(4, "column", 14, 11, 0.6, 0.6, "C4")]);
    expect(column).toMatchObject([
      {
        key: "exhibition.plan.warning.gapToObstacle",
        params: { booth: "A-1", obstacle: "C4", kind: "column", gap: 1 },
        obstacleId: 4,
      },
    ]);
  });

  it("warns of a booth within the minimum in front of an emergency exit", () => {
    const exit = obstacle(5, "exit", 0, 10, 0.3, 2, "EXIT 1");
    const blocked = planWarnings(hall, [booth(1, 2, 10), booth(2, 20, 10)], [exit]);
    expect(blocked.filter((w) => w.key === "exhibition.plan.warning.exitBlocked")).toEqual([
      {
        key: "exhibition.plan.warning.exitBlocked",
        params: { exit: "EXIT 1", booths: "A-1", min: 3 },
        boothIds: [1],
        obstacleId: 5,
      },
    ]);
    // Beside the exit along the wall, not in front of it.
    expect(planWarnings(hall, [booth(1, 0, 13)], [exit]).map((w) => w.key)).not.toContain(
      "exhibition.plan.warning.exitBlocked",
    );
    // Far enough in front.
    expect(planWarnings(hall, [booth(1, 3.5, 10)], [exit]).map((w) => w.key)).not.toContain(
      "exhibition.plan.warning.exitBlocked",
    );
  });

  it("clears an exit inside the hall all around", () => {
    const exit = obstacle(5, "exit", 20, 15, 2, 0.3);
    expect(keys(planWarnings(hall, [booth(1, 20, 11.5)], [exit]))).toContain("exhibition.plan.warning.exitBlocked");
  });
});
