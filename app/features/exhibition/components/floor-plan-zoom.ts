import { useEffect, useRef, useState, type MouseEvent, type PointerEvent as ReactPointerEvent } from "react";
import type { FloorPlanData, PlanBooth, PlanHall } from "../plan/plan-data";
import { fitViewBox, isZoomed, panBy, zoomAbout, type ViewBox } from "../plan/viewbox";
import type { FloorPlanProps, PlanPointer } from "./floor-plan";

/**
 * The figure's viewBox with its gestures: buttons, Ctrl+wheel or a trackpad pinch zoom about the
 * pointer, a wheel pans once zoomed, two fingers pinch and pan, one drags the zoomed plan (unless
 * the page's onCanvasPointer takes the gesture). Printing always shows the whole hall.
 */
export function useZoomPan(hall: PlanHall, plan: FloorPlanData, onCanvasPointer: FloorPlanProps["onCanvasPointer"]) {
  const fit = fitViewBox(hall);
  const [box, setBox] = useState<ViewBox>(fit);
  const svgRef = useRef<SVGSVGElement>(null);
  const boxRef = useRef(box);
  boxRef.current = box;
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const gesture = useRef<
    | { kind: "editor"; booth: PlanBooth | null }
    | { kind: "pan"; start: { x: number; y: number }; box: ViewBox; moved: boolean }
    | { kind: "pinch"; distance: number; box: ViewBox }
    | null
  >(null);
  const suppressClick = useRef(false);

  const toMetres = (clientX: number, clientY: number) => {
    const svg = svgRef.current;
    const ctm = svg?.getScreenCTM();
    if (!svg || !ctm) return { x: 0, y: 0 };
    const p = new DOMPoint(clientX, clientY).matrixTransform(ctm.inverse());
    return { x: p.x, y: p.y };
  };
  const metresPerPixel = () => boxRef.current.w / Math.max(1, svgRef.current?.clientWidth ?? 1);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onWheel = (e: WheelEvent) => {
      const current = boxRef.current;
      const f = fitViewBox(hall);
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        setBox(zoomAbout(current, f, Math.exp(-e.deltaY * 0.01), toMetres(e.clientX, e.clientY)));
      } else if (isZoomed(current, f)) {
        e.preventDefault();
        const k = metresPerPixel();
        setBox(panBy(current, f, e.deltaX * k, e.deltaY * k));
      }
    };
    const onPrint = () => setBox(fitViewBox(hall));
    svg.addEventListener("wheel", onWheel, { passive: false });
    window.addEventListener("beforeprint", onPrint);
    return () => {
      svg.removeEventListener("wheel", onWheel);
      window.removeEventListener("beforeprint", onPrint);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the hall's size is all the listeners read
  }, [hall.width_m, hall.depth_m]);

  const boothAt = (target: EventTarget | null): PlanBooth | null => {
    const el = (target as Element | null)?.closest?.("[data-booth-id]");
    const id = el ? Number(el.getAttribute("data-booth-id")) : NaN;
    return plan.booths.find((b) => b.id === id) ?? null;
  };
  const emit = (type: PlanPointer["type"], e: ReactPointerEvent<SVGSVGElement>, booth: PlanBooth | null) =>
    onCanvasPointer?.({ type, hall, point: toMetres(e.clientX, e.clientY), booth, shiftKey: e.shiftKey });

  const handlers = {
    onPointerDown: (e: ReactPointerEvent<SVGSVGElement>) => {
      if (e.pointerType === "mouse" && e.button !== 0) return;
      pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
      suppressClick.current = false;
      if (pointers.current.size === 2) {
        if (gesture.current?.kind === "editor") emit("cancel", e, gesture.current.booth);
        const [a, b] = [...pointers.current.values()];
        gesture.current = { kind: "pinch", distance: Math.hypot(a!.x - b!.x, a!.y - b!.y), box: boxRef.current };
        return;
      }
      if (pointers.current.size > 2) return;
      const booth = boothAt(e.target);
      if (emit("down", e, booth) === true) {
        gesture.current = { kind: "editor", booth };
        // No text selection or native link drag; the booth still takes the focus for its keys.
        e.preventDefault();
        ((e.target as Element).closest?.("[data-booth-id]") as SVGElement | null)?.focus?.();
        e.currentTarget.setPointerCapture?.(e.pointerId);
      } else if (isZoomed(boxRef.current, fit)) {
        // A mouse drag that starts on a booth's link pans too, instead of dragging the link away.
        if (e.pointerType === "mouse") e.preventDefault();
        gesture.current = { kind: "pan", start: { x: e.clientX, y: e.clientY }, box: boxRef.current, moved: false };
      } else gesture.current = null;
    },
    onPointerMove: (e: ReactPointerEvent<SVGSVGElement>) => {
      if (!pointers.current.has(e.pointerId)) return;
      pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
      const g = gesture.current;
      if (!g) return;
      if (g.kind === "editor") emit("move", e, g.booth);
      else if (g.kind === "pan") {
        const k = g.box.w / Math.max(1, e.currentTarget.clientWidth);
        const dx = e.clientX - g.start.x;
        const dy = e.clientY - g.start.y;
        if (Math.hypot(dx, dy) > 4) g.moved = true;
        if (g.moved) {
          if (!e.currentTarget.hasPointerCapture?.(e.pointerId)) e.currentTarget.setPointerCapture?.(e.pointerId);
          setBox(panBy(g.box, fit, -dx * k, -dy * k));
        }
      } else if (g.kind === "pinch" && pointers.current.size === 2) {
        const [a, b] = [...pointers.current.values()];
        const distance = Math.hypot(a!.x - b!.x, a!.y - b!.y);
        if (g.distance > 0)
          setBox(zoomAbout(g.box, fit, distance / g.distance, toMetres((a!.x + b!.x) / 2, (a!.y + b!.y) / 2)));
      }
    },
    onPointerUp: (e: ReactPointerEvent<SVGSVGElement>) => end("up", e),
    onPointerCancel: (e: ReactPointerEvent<SVGSVGElement>) => end("cancel", e),
    // A drag that panned the plan is not a click on the booth where it ended.
    onClickCapture: (e: MouseEvent) => {
      if (suppressClick.current) {
        e.preventDefault();
        e.stopPropagation();
        suppressClick.current = false;
      }
    },
  };
  function end(type: "up" | "cancel", e: ReactPointerEvent<SVGSVGElement>) {
    if (!pointers.current.delete(e.pointerId)) return;
    const g = gesture.current;
    if (g?.kind === "editor") emit(type, e, g.booth);
    if (g?.kind === "pan" && g.moved) suppressClick.current = true;
    if (pointers.current.size === 0 || g?.kind !== "pinch") gesture.current = null;
  }
  return { box, setBox, svgRef, handlers, zoomed: isZoomed(box, fit) };
}

/** False on the server and before hydration: controls that need JavaScript wait for it. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
