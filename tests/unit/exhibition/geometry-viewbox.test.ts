import { describe, expect, it } from "vitest";
import { clampViewBox, fitViewBox, isZoomed, panBy, zoomAbout } from "~/features/exhibition/plan/viewbox";

const fit = fitViewBox({ width_m: 40, depth_m: 30 });

describe("the plan's zoom and pan", () => {
  it("fits the hall with a metre of margin", () => {
    expect(fit).toEqual({ x: -1, y: -1, w: 42, h: 32 });
    expect(isZoomed(fit, fit)).toBe(false);
  });

  it("zooms about a point, which stays where it was", () => {
    const point = { x: 10, y: 10 };
    const box = zoomAbout(fit, fit, 2, point);
    expect(box.w).toBeCloseTo(21);
    // The point's fraction across the view is unchanged.
    expect((point.x - box.x) / box.w).toBeCloseTo((point.x - fit.x) / fit.w);
    expect(isZoomed(box, fit)).toBe(true);
  });

  it("never zooms out past the fit nor in past twelve times, and pans within the hall", () => {
    expect(zoomAbout(fit, fit, 0.2)).toEqual(fit);
    expect(zoomAbout(fit, fit, 100).w).toBeCloseTo(42 / 12);
    const box = zoomAbout(fit, fit, 2);
    const far = panBy(box, fit, 1000, 1000);
    expect(far.x + far.w).toBeCloseTo(41);
    expect(far.y + far.h).toBeCloseTo(31);
    expect(clampViewBox({ x: -50, y: -50, w: 10, h: 10 * (32 / 42) }, fit)).toMatchObject({ x: -1, y: -1 });
  });
});
