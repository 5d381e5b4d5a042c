/**
 * The plan's zoom and pan as a viewBox (metres), pure: the whole hall with a margin ("fit"),
 * zooming about a point (the pointer, the pinch's centre, the middle for the buttons), and
 * panning, kept within the hall so the plan never drifts out of sight.
 */
export interface ViewBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

const MARGIN = 1;
/** The closest zoom shows this fraction of the hall's width (about three booths on a large hall). */
const MAX_ZOOM = 12;

export function fitViewBox(hall: { width_m: number; depth_m: number }): ViewBox {
  return { x: -MARGIN, y: -MARGIN, w: hall.width_m + 2 * MARGIN, h: hall.depth_m + 2 * MARGIN };
}

/** Keeps the box within the fitted one: no smaller than the maximum zoom, no larger than the fit. */
export function clampViewBox(box: ViewBox, fit: ViewBox): ViewBox {
  const scale = Math.min(1, Math.max(1 / MAX_ZOOM, box.w / fit.w));
  const w = fit.w * scale;
  const h = fit.h * scale;
  const x = Math.min(fit.x + fit.w - w, Math.max(fit.x, box.x));
  const y = Math.min(fit.y + fit.h - h, Math.max(fit.y, box.y));
  return { x, y, w, h };
}

/** Zooms by `factor` (> 1 closer) keeping the point (metres) where it is on the screen. */
export function zoomAbout(box: ViewBox, fit: ViewBox, factor: number, point?: { x: number; y: number }): ViewBox {
  const p = point ?? { x: box.x + box.w / 2, y: box.y + box.h / 2 };
  const w = box.w / factor;
  const h = box.h / factor;
  return clampViewBox({ x: p.x - ((p.x - box.x) * w) / box.w, y: p.y - ((p.y - box.y) * h) / box.h, w, h }, fit);
}

/** Moves the view by (dx, dy) metres. */
export function panBy(box: ViewBox, fit: ViewBox, dx: number, dy: number): ViewBox {
  return clampViewBox({ ...box, x: box.x + dx, y: box.y + dy }, fit);
}

export function isZoomed(box: ViewBox, fit: ViewBox): boolean {
  return box.w < fit.w - 1e-6;
}
