import type { KeyboardEvent, ReactNode } from "react";
import { useBilingual, useT } from "~/components/i18n";
import { BOOTH_STATES, type BoothState } from "../rules";
import { hallCorners, type FloorPlanData, type PlanBooth, type PlanHall, type PlanObstacle } from "../plan/plan-data";
import { fitViewBox, zoomAbout } from "../plan/viewbox";
import { useHydrated, useZoomPan } from "./floor-plan-zoom";

/** Fill and outline per state; the legend and every booth's name also say the state in words. */
export const BOOTH_STATE_COLOURS: Record<BoothState, { fill: string; stroke: string; text: string }> = {
  free: { fill: "#ecfdf5", stroke: "#047857", text: "#064e3b" },
  held: { fill: "#e5e7eb", stroke: "#4b5563", text: "#1f2937" },
  allocated: { fill: "#fef3c7", stroke: "#b45309", text: "#78350f" },
  confirmed: { fill: "#1e3a8a", stroke: "#1e3a8a", text: "#ffffff" },
};

const OBSTACLE_FILL: Record<PlanObstacle["kind"], string> = {
  exit: "#fee2e2",
  aisle: "#f1f5f9",
  door: "#e0f2fe",
  column: "#cbd5e1",
  wall: "#cbd5e1",
};

export interface FloorPlanProps {
  plan: FloorPlanData;
  /** The plan's accessible name ("Sơ đồ gian trưng bày"). */
  label: string;
  /** Only this hall (all halls when absent). */
  hallId?: number;
  /** Booths found by a search or a province link: drawn with a thick outline. */
  highlighted?: ReadonlySet<number>;
  /** Booths chosen in a form (allocation by hand, a wish): drawn with a dashed outline. */
  selected?: ReadonlySet<number>;
  /** The viewer's own booths. */
  mine?: ReadonlySet<number>;
  /** Booths shown faded (outside the wished zones, say). */
  dimmed?: (booth: PlanBooth) => boolean;
  /** Click, Enter or Space on a booth. */
  onBoothActivate?: (booth: PlanBooth) => void;
  /** Hover, focus or tap on a booth (null when it leaves): for an information panel beside the plan. */
  onBoothFocus?: (booth: PlanBooth | null) => void;
  /** Booths as links (works without JavaScript). */
  boothHref?: (booth: PlanBooth) => string | undefined;
  /** Extra words for a booth's accessible name (its exhibitor's products, say). */
  describeBooth?: (booth: PlanBooth) => string;
  /** Drawn over each hall, in its metre coordinates (an editor's handles). */
  overlay?: (hall: PlanHall) => ReactNode;
  /** Obstacles to draw with a thick outline (a warning about them is selected). */
  highlightedObstacles?: ReadonlySet<number>;
  /** Keys on a focused booth before Enter/Space activate it (an editor's arrows, Delete); makes booths focusable. */
  onBoothKeyDown?: (booth: PlanBooth, event: KeyboardEvent<Element>) => void;
  /**
   * A one-finger or mouse gesture on the plan, in metres: return true from "down" to take the
   * gesture (an editor drawing or dragging a booth); otherwise a drag pans the zoomed plan.
   */
  onCanvasPointer?: (event: PlanPointer) => boolean | void;
  /** The hall's grid drawn as faint lines (the editor). */
  showGrid?: boolean;
}

export interface PlanPointer {
  type: "down" | "move" | "up" | "cancel";
  hall: PlanHall;
  /** Where the pointer is, in the hall's metres. */
  point: { x: number; y: number };
  /** The booth under the pointer when the gesture started. */
  booth: PlanBooth | null;
  shiftKey: boolean;
}

/** The floor plan as SVG, one figure per hall, booths coloured by state with their code. */
export function FloorPlan(props: FloorPlanProps) {
  const halls = props.hallId ? props.plan.halls.filter((h) => h.id === props.hallId) : props.plan.halls;
  return (
    <div className="space-y-4">
      {halls.map((hall) => (
        <HallFigure key={hall.id} hall={hall} {...props} />
      ))}
    </div>
  );
}

function HallFigure({ hall, plan, label, ...props }: FloorPlanProps & { hall: PlanHall }) {
  const t = useT();
  const bi = useBilingual();
  const booths = plan.booths.filter((b) => b.hall_id === hall.id);
  const obstacles = plan.obstacles.filter((o) => o.hall_id === hall.id);
  const corners = hallCorners(hall);
  const name = `${label}: ${bi(hall.name_vi, hall.name_en)}`;
  const fit = fitViewBox(hall);
  const { box, setBox, svgRef, handlers, zoomed } = useZoomPan(hall, plan, props.onCanvasPointer);
  const hydrated = useHydrated();
  const gridId = `grid-${hall.id}`;
  return (
    <figure className="rounded border border-slate-200 bg-white p-2 print:border-0 print:p-0">
      <div className="mb-1 flex flex-wrap items-center justify-between gap-2">
        <figcaption className="text-sm font-semibold text-slate-800">{bi(hall.name_vi, hall.name_en)}</figcaption>
        {/* Zooming needs JavaScript: without it the plan shows whole. */}
        <div
          className={`flex gap-1 print:hidden ${hydrated ? "" : "invisible"}`}
          role="group"
          aria-label={t("exhibition.plan.zoom")}
        >
          <button
            type="button"
            className="btn-secondary px-3 py-1"
            onClick={() => setBox(zoomAbout(box, fit, 1.5))}
            aria-label={t("exhibition.plan.zoomIn")}
            data-testid="zoom-in"
          >
            +
          </button>
          <button
            type="button"
            className="btn-secondary px-3 py-1"
            onClick={() => setBox(zoomAbout(box, fit, 1 / 1.5))}
            aria-label={t("exhibition.plan.zoomOut")}
            disabled={!zoomed}
          >
            −
          </button>
          <button
            type="button"
            className="btn-secondary px-3 py-1"
            onClick={() => setBox(fit)}
            disabled={!zoomed}
            data-testid="zoom-fit"
          >
            {t("exhibition.plan.fit")}
          </button>
        </div>
      </div>
      <svg
        ref={svgRef}
        role="group"
        aria-label={name}
        viewBox={`${box.x} ${box.y} ${box.w} ${box.h}`}
        data-viewbox={`${box.x} ${box.y} ${box.w} ${box.h}`}
        className="h-auto w-full select-none"
        style={{
          maxHeight: "80vh",
          touchAction: zoomed ? "none" : "pan-x pan-y",
          cursor: zoomed && !props.onCanvasPointer ? "grab" : undefined,
        }}
        {...handlers}
      >
        {props.showGrid && hall.grid_m > 0 ? (
          <defs>
            <pattern id={gridId} width={hall.grid_m} height={hall.grid_m} patternUnits="userSpaceOnUse">
              <path d={`M ${hall.grid_m} 0 L 0 0 0 ${hall.grid_m}`} fill="none" stroke="#e2e8f0" strokeWidth={0.03} />
            </pattern>
          </defs>
        ) : null}
        <polygon
          points={corners.map(([x, y]) => `${x},${y}`).join(" ")}
          fill="#f8fafc"
          stroke="#334155"
          strokeWidth={0.15}
          data-hall-floor=""
        />
        {props.showGrid && hall.grid_m > 0 ? (
          <polygon
            points={corners.map(([x, y]) => `${x},${y}`).join(" ")}
            fill={`url(#${gridId})`}
            className="print:hidden"
            pointerEvents="none"
          />
        ) : null}
        {obstacles.map((o) => {
          const strong = props.highlightedObstacles?.has(o.id) ?? false;
          return (
            <g key={`o${o.id}`} aria-hidden="true" data-obstacle={o.kind}>
              <rect
                x={o.x}
                y={o.y}
                width={o.w}
                height={o.h}
                fill={OBSTACLE_FILL[o.kind]}
                stroke={strong ? "#c2410c" : o.kind === "exit" ? "#b91c1c" : o.kind === "door" ? "#0369a1" : "#94a3b8"}
                strokeWidth={strong ? 0.3 : o.kind === "exit" ? 0.15 : 0.08}
                strokeDasharray={o.kind === "aisle" ? "0.3 0.2" : undefined}
              />
              {o.kind !== "aisle" && Math.min(o.w, o.h) >= 0.8 ? (
                <text
                  x={o.x + o.w / 2}
                  y={o.y + o.h / 2}
                  fontSize={0.5}
                  textAnchor="middle"
                  dominantBaseline="middle"
                  fill={o.kind === "exit" ? "#991b1b" : "#1e293b"}
                  pointerEvents="none"
                >
                  {o.label || t(`exhibition.obstacle.${o.kind}`)}
                </text>
              ) : null}
            </g>
          );
        })}
        {booths.map((booth) => (
          <BoothShape key={booth.id} booth={booth} {...props} />
        ))}
        {props.overlay?.(hall)}
      </svg>
    </figure>
  );
}

function BoothShape({
  booth,
  highlighted,
  selected,
  mine,
  dimmed,
  onBoothActivate,
  onBoothFocus,
  boothHref,
  describeBooth,
  onBoothKeyDown,
}: Omit<FloorPlanProps, "plan" | "label"> & { booth: PlanBooth }) {
  const t = useT();
  const bi = useBilingual();
  const colours = BOOTH_STATE_COLOURS[booth.state];
  const isHighlighted = highlighted?.has(booth.id) ?? false;
  const isSelected = selected?.has(booth.id) ?? false;
  const isMine = mine?.has(booth.id) ?? false;
  const words = [
    booth.code,
    t(`exhibition.zone.${booth.zone}`),
    t(`exhibition.boothType.${booth.type}`),
    t("exhibition.area", { area: formatArea(booth.area) }),
    t(`exhibition.boothState.${booth.state}`),
    booth.exhibitor ? bi(booth.exhibitor.name_vi, booth.exhibitor.name_en) : "",
    describeBooth?.(booth) ?? "",
  ].filter(Boolean);
  const fontSize = Math.max(0.35, Math.min(0.8, booth.w / 4, booth.h / 2));
  const shape = (
    <>
      <rect
        x={booth.x}
        y={booth.y}
        width={booth.w}
        height={booth.h}
        fill={colours.fill}
        stroke={isHighlighted ? "#b91c1c" : isMine ? "#7c3aed" : colours.stroke}
        strokeWidth={isHighlighted || isMine ? 0.3 : isSelected ? 0.22 : 0.08}
        strokeDasharray={isSelected && !isHighlighted ? "0.4 0.25" : undefined}
        opacity={dimmed?.(booth) ? 0.45 : 1}
      />
      <text
        x={booth.x + booth.w / 2}
        y={booth.y + booth.h / 2}
        fontSize={fontSize}
        fill={colours.text}
        textAnchor="middle"
        dominantBaseline="middle"
        pointerEvents="none"
      >
        {booth.code}
      </text>
    </>
  );
  const common = {
    "data-booth": booth.code,
    "data-booth-id": booth.id,
    "data-state": booth.state,
    "aria-label": words.join(", "),
    onMouseEnter: onBoothFocus ? () => onBoothFocus(booth) : undefined,
    onMouseLeave: onBoothFocus ? () => onBoothFocus(null) : undefined,
    onFocus: onBoothFocus ? () => onBoothFocus(booth) : undefined,
    // Its focus ring is in app/tailwind.css (.booth): a hall draws a hundred booths.
    className: "booth",
  };
  const href = boothHref?.(booth);
  if (href)
    return (
      <a
        href={href}
        {...common}
        onKeyDown={onBoothKeyDown ? (e) => onBoothKeyDown(booth, e) : undefined}
        onClick={onBoothActivate ? (e) => (e.preventDefault(), onBoothActivate(booth)) : undefined}
      >
        {shape}
      </a>
    );
  if (onBoothActivate)
    return (
      <g
        {...common}
        role="button"
        tabIndex={0}
        aria-pressed={isSelected}
        onClick={() => onBoothActivate(booth)}
        onKeyDown={(e) => {
          onBoothKeyDown?.(booth, e);
          if (e.defaultPrevented) return;
          if (e.key === "Enter" || e.key === " ") {
            e.preventDefault();
            onBoothActivate(booth);
          }
        }}
      >
        {shape}
      </g>
    );
  return (
    <g
      {...common}
      role="img"
      tabIndex={onBoothFocus || onBoothKeyDown ? 0 : undefined}
      onKeyDown={onBoothKeyDown ? (e) => onBoothKeyDown(booth, e) : undefined}
    >
      {shape}
    </g>
  );
}

/** Each state's colour with its word: colour is never the only sign. */
export function PlanLegend({
  states = BOOTH_STATES,
  obstacles = false,
}: {
  states?: readonly BoothState[];
  /** Also the obstacles' signs (exits red, aisles dashed). */
  obstacles?: boolean;
}) {
  const t = useT();
  return (
    <ul className="flex flex-wrap gap-3 text-sm" aria-label={t("exhibition.legend")}>
      {states.map((state) => (
        <li key={state} className="flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className="inline-block h-4 w-6 rounded-sm border"
            style={{ background: BOOTH_STATE_COLOURS[state].fill, borderColor: BOOTH_STATE_COLOURS[state].stroke }}
          />
          {t(`exhibition.boothState.${state}`)}
        </li>
      ))}
      {obstacles
        ? (["exit", "aisle", "door", "column"] as const).map((kind) => (
            <li key={kind} className="flex items-center gap-1.5">
              <span
                aria-hidden="true"
                className={`inline-block h-4 w-6 rounded-sm border-2 ${kind === "aisle" ? "border-dashed" : ""}`}
                style={{
                  background: OBSTACLE_FILL[kind],
                  borderColor: kind === "exit" ? "#b91c1c" : kind === "door" ? "#0369a1" : "#94a3b8",
                }}
              />
              {t(`exhibition.obstacle.${kind}`)}
            </li>
          ))
        : null}
    </ul>
  );
}

export function formatArea(area: number): string {
  return Number.isInteger(area) ? String(area) : area.toFixed(1);
}
