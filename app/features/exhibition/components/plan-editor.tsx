import { useFetcher } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useT } from "~/components/i18n";
import type { Translate } from "~/platform/i18n";
import { hallCorners, type FloorPlanData, type PlanBooth, type PlanHall } from "../plan/plan-data";
import { placementProblem, round, snap, type Rect } from "../plan/geometry";
import { FloorPlan, type PlanPointer } from "./floor-plan";

/** What the page's action answers a move or a delete sent by the editor. */
export interface EditorReply {
  intent?: string;
  errors?: Record<string, string>;
  params?: Record<string, string | number>;
  moved?: { id: number; code: string; x: number; y: number; w: number; h: number };
  deleted?: string;
}

/** A refusal's words: the obstacle kind it names is itself a key. */
export function refusalText(t: Translate, key: string, params: Record<string, string | number> = {}): string {
  const p = { ...params };
  if (typeof p.kind === "string" && p.kind.startsWith("exhibition.obstacle.")) p.kind = t(p.kind);
  return t(key, p);
}

type Gesture =
  | { kind: "draw"; from: { x: number; y: number }; rect: Rect | null }
  | { kind: "move"; booth: PlanBooth; offset: { x: number; y: number }; rect: Rect; moved: boolean };

/**
 * The hall's plan as the organisers edit it: drag on an empty area to draw a booth (the page's
 * form then opens prefilled), drag a booth to move it; Tab to a booth, arrows move it by one grid
 * step, Shift+arrows resize it, Enter opens its form, Delete asks to delete it. Moves post the
 * page's action through a fetcher: a refused one snaps back and says why in the live region.
 */
export function PlanEditor({
  plan,
  hall,
  label,
  canEdit,
  drawing,
  highlighted,
  highlightedObstacles,
  onDraw,
  onOpenBooth,
}: {
  plan: FloorPlanData;
  hall: PlanHall;
  label: string;
  canEdit: boolean;
  /** Dragging on an empty area draws a booth (else it pans the zoomed plan). */
  drawing: boolean;
  highlighted: ReadonlySet<number>;
  highlightedObstacles: ReadonlySet<number>;
  onDraw: (rect: Rect) => void;
  onOpenBooth: (booth: PlanBooth) => void;
}) {
  const t = useT();
  const fetcher = useFetcher<EditorReply>();
  const [pending, setPending] = useState<Map<number, Rect>>(new Map());
  const [gesture, setGesture] = useState<Gesture | null>(null);
  const [message, setMessage] = useState<{ text: string; tone: "ok" | "error" } | null>(null);
  const justDragged = useRef(false);
  const grid = hall.grid_m;

  // The answer to a move or delete: keep the new place (the reloaded plan has it) or snap back.
  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data) return;
    const reply = fetcher.data;
    const error = reply.errors?.[""] ?? reply.errors?.x ?? Object.values(reply.errors ?? {})[0];
    if (error) setMessage({ text: refusalText(t, error, reply.params), tone: "error" });
    else if (reply.moved) setMessage({ text: t("exhibition.plan.moved", { ...reply.moved }), tone: "ok" });
    else if (reply.deleted)
      setMessage({ text: t("exhibition.plan.boothDeleted", { code: reply.deleted }), tone: "ok" });
    setPending(new Map());
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per answer
  }, [fetcher.state, fetcher.data]);

  const shown: FloorPlanData = useMemo(() => {
    const moving = gesture?.kind === "move" ? gesture : null;
    return {
      ...plan,
      booths: plan.booths.map((b) => {
        const r = moving?.booth.id === b.id ? moving.rect : pending.get(b.id);
        return r ? { ...b, ...r } : b;
      }),
    };
  }, [plan, pending, gesture]);

  const submitMove = (booth: PlanBooth, rect: Rect) => {
    setPending(new Map([[booth.id, rect]]));
    setMessage(null);
    fetcher.submit(
      {
        intent: "moveBooth",
        id: String(booth.id),
        x: String(rect.x),
        y: String(rect.y),
        w: String(rect.w),
        h: String(rect.h),
      },
      { method: "post" },
    );
  };

  const onCanvasPointer = (e: PlanPointer): boolean | void => {
    if (!canEdit) return false;
    const at = { x: snap(e.point.x, grid), y: snap(e.point.y, grid) };
    if (e.type === "down") {
      if (e.booth) {
        const current = shown.booths.find((b) => b.id === e.booth!.id)!;
        setGesture({
          kind: "move",
          booth: e.booth,
          offset: { x: e.point.x - current.x, y: e.point.y - current.y },
          rect: { x: current.x, y: current.y, w: current.w, h: current.h },
          moved: false,
        });
        return true;
      }
      if (!drawing) return false;
      setGesture({ kind: "draw", from: at, rect: null });
      return true;
    }
    if (!gesture) return;
    if (e.type === "cancel") return setGesture(null);
    if (gesture.kind === "draw") {
      const rect = {
        x: Math.min(gesture.from.x, at.x),
        y: Math.min(gesture.from.y, at.y),
        w: round(Math.abs(at.x - gesture.from.x)),
        h: round(Math.abs(at.y - gesture.from.y)),
      };
      if (e.type === "move") return setGesture({ ...gesture, rect });
      setGesture(null);
      if (rect.w >= grid && rect.h >= grid) onDraw(rect);
      return;
    }
    const rect = {
      ...gesture.rect,
      x: Math.max(0, snap(e.point.x - gesture.offset.x, grid)),
      y: Math.max(0, snap(e.point.y - gesture.offset.y, grid)),
    };
    const moved = gesture.moved || rect.x !== gesture.booth.x || rect.y !== gesture.booth.y;
    if (e.type === "move") return setGesture({ ...gesture, rect, moved });
    setGesture(null);
    if (moved && (rect.x !== gesture.booth.x || rect.y !== gesture.booth.y)) {
      justDragged.current = true;
      setTimeout(() => (justDragged.current = false), 0);
      submitMove(gesture.booth, rect);
    }
  };

  // Escape drops a drag or a drawing in progress.
  useEffect(() => {
    if (!gesture) return;
    const onKey = (e: globalThis.KeyboardEvent) => e.key === "Escape" && setGesture(null);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [gesture]);

  const onBoothKeyDown = (booth: PlanBooth, e: KeyboardEvent<Element>) => {
    if (!canEdit) return;
    const steps: Record<string, [number, number]> = {
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      ArrowUp: [0, -1],
      ArrowDown: [0, 1],
    };
    const step = steps[e.key];
    const current = shown.booths.find((b) => b.id === booth.id)!;
    if (step) {
      e.preventDefault();
      const [dx, dy] = step;
      const rect = e.shiftKey
        ? {
            x: current.x,
            y: current.y,
            w: round(Math.max(grid, current.w + dx * grid)),
            h: round(Math.max(grid, current.h + dy * grid)),
          }
        : {
            x: round(Math.max(0, current.x + dx * grid)),
            y: round(Math.max(0, current.y + dy * grid)),
            w: current.w,
            h: current.h,
          };
      submitMove(booth, rect);
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      if (window.confirm(t("exhibition.plan.deleteConfirm", { code: booth.code })))
        fetcher.submit({ intent: "deleteBooth", id: String(booth.id) }, { method: "post" });
    }
  };

  const draft = gesture?.kind === "draw" ? gesture.rect : null;
  const moving = gesture?.kind === "move" ? gesture : null;
  // Where the rectangle being drawn or dragged could not stand, it shows red before the server says why.
  const problem = (rect: Rect | null, except: number | null) =>
    rect &&
    placementProblem(
      rect,
      hallCorners(hall),
      shown.booths.filter((b) => b.hall_id === hall.id && b.id !== except),
      plan.obstacles.filter((o) => o.hall_id === hall.id),
    );
  const clash = moving ? problem(moving.rect, moving.booth.id) : null;
  const draftClash = problem(draft, null);
  return (
    <div className="space-y-2">
      <FloorPlan
        plan={shown}
        label={label}
        hallId={hall.id}
        showGrid
        highlighted={highlighted}
        highlightedObstacles={highlightedObstacles}
        selected={moving ? new Set([moving.booth.id]) : undefined}
        boothHref={(b) => `?hall=${hall.id}&booth=${b.id}#booth-form`}
        onBoothActivate={(b) => {
          if (!justDragged.current) onOpenBooth(b);
        }}
        onBoothKeyDown={onBoothKeyDown}
        onCanvasPointer={onCanvasPointer}
        describeBooth={canEdit ? () => t("exhibition.plan.keysHint") : undefined}
        overlay={() => (
          <>
            {draft ? (
              <rect
                x={draft.x}
                y={draft.y}
                width={draft.w}
                height={draft.h}
                fill={draftClash ? "#fecaca" : "#bfdbfe"}
                fillOpacity={0.6}
                stroke={draftClash ? "#b91c1c" : "#1d4ed8"}
                strokeWidth={0.1}
                strokeDasharray="0.3 0.2"
                data-testid="draft-booth"
                pointerEvents="none"
              />
            ) : null}
            {draft && draft.w > 0 && draft.h > 0 ? (
              <text
                x={draft.x + draft.w / 2}
                y={draft.y + draft.h / 2}
                fontSize={Math.max(0.4, Math.min(0.8, draft.w / 4))}
                textAnchor="middle"
                dominantBaseline="middle"
                fill="#1e3a8a"
                pointerEvents="none"
              >
                {t("exhibition.plan.size", { w: draft.w, h: draft.h })}
              </text>
            ) : null}
            {moving && clash ? (
              <rect
                x={moving.rect.x}
                y={moving.rect.y}
                width={moving.rect.w}
                height={moving.rect.h}
                fill="#fecaca"
                fillOpacity={0.5}
                stroke="#b91c1c"
                strokeWidth={0.15}
                pointerEvents="none"
              />
            ) : null}
          </>
        )}
      />
      <p
        role="status"
        aria-live="polite"
        data-testid="plan-live"
        className={`min-h-6 text-sm ${message?.tone === "error" ? "font-semibold text-accent-700" : "text-slate-700"}`}
      >
        {message?.text ?? ""}
      </p>
    </div>
  );
}
