/**
 * A hall of the floor plan for pdfmake (pure): outline, obstacles and booths as an SVG (coloured by
 * state like the page's plan, components/floor-plan.tsx), and the booth codes as pdfmake text placed
 * over it: pdfmake's SVG text cannot reach the fonts it keeps in memory, so the SVG carries no text.
 */
import type { Content } from "pdfmake/interfaces";
import { hallCorners, type FloorPlanData, type PlanHall } from "../plan/plan-data";

export const STATE_FILL = { free: "#ecfdf5", held: "#e5e7eb", allocated: "#fef3c7", confirmed: "#1e3a8a" } as const;
const STROKE = { free: "#047857", held: "#4b5563", allocated: "#b45309", confirmed: "#1e3a8a" } as const;
export const TEXT = { free: "#064e3b", held: "#1f2937", allocated: "#78350f", confirmed: "#ffffff" } as const;

const n = (v: number) => String(Math.round(v * 1000) / 1000);

/** The size (points) a hall takes when fitted into width × height, keeping its proportions. */
export function fitHall(hall: Pick<PlanHall, "width_m" | "depth_m">, width: number, height: number) {
  const scale = Math.min(width / (hall.width_m + 2), height / (hall.depth_m + 2));
  return { width: (hall.width_m + 2) * scale, height: (hall.depth_m + 2) * scale };
}

export function hallSvg(plan: FloorPlanData, hall: PlanHall): string {
  const parts: string[] = [];
  const corners = hallCorners(hall)
    .map(([x, y]) => `${n(x)},${n(y)}`)
    .join(" ");
  parts.push(`<polygon points="${corners}" fill="#f8fafc" stroke="#334155" stroke-width="0.15"/>`);
  for (const o of plan.obstacles.filter((o) => o.hall_id === hall.id)) {
    const fill = o.kind === "exit" ? "#fee2e2" : o.kind === "aisle" ? "#f1f5f9" : "#cbd5e1";
    const stroke = o.kind === "exit" ? "#b91c1c" : "#94a3b8";
    parts.push(
      `<rect x="${n(o.x)}" y="${n(o.y)}" width="${n(o.w)}" height="${n(o.h)}" fill="${fill}" stroke="${stroke}" stroke-width="0.08"/>`,
    );
  }
  for (const b of plan.booths.filter((b) => b.hall_id === hall.id)) {
    parts.push(
      `<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.w)}" height="${n(b.h)}" fill="${STATE_FILL[b.state]}" stroke="${STROKE[b.state]}" stroke-width="0.08"/>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-1 -1 ${n(hall.width_m + 2)} ${n(hall.depth_m + 2)}">${parts.join("")}</svg>`;
}

/**
 * The hall drawn at (x, y) on the page, `width` points wide: the SVG and each booth's code centred
 * on its booth, all absolutely positioned (the caller keeps the hall alone on its page).
 */
export function hallOnPage(
  plan: FloorPlanData,
  hall: PlanHall,
  at: { x: number; y: number; width: number; height: number },
): Content[] {
  const size = fitHall(hall, at.width, at.height);
  const scale = size.width / (hall.width_m + 2);
  const codes: Content[] = plan.booths
    .filter((b) => b.hall_id === hall.id)
    .map((b) => {
      const fontSize = Math.max(4, Math.min(9, Math.min(b.w / 4, b.h / 2) * scale * 1.2));
      const textWidth = b.code.length * fontSize * 0.6;
      return {
        text: b.code,
        fontSize,
        color: TEXT[b.state],
        absolutePosition: {
          x: at.x + (b.x + 1 + b.w / 2) * scale - textWidth / 2,
          y: at.y + (b.y + 1 + b.h / 2) * scale - fontSize * 0.6,
        },
      };
    });
  return [
    { svg: hallSvg(plan, hall), width: size.width, height: size.height, absolutePosition: { x: at.x, y: at.y } },
    ...codes,
  ];
}
