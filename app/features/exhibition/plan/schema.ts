/**
 * The plan editor's forms (hall, obstacle, booth, a move), one zod schema each: the browser checks
 * with them as the organiser types, the actions again on the server. Lengths in metres, typed with
 * a point or a Vietnamese decimal comma ("2,5").
 */
import { z } from "zod";
import { msg, optionalText, requiredText } from "~/platform/forms/fields";
import { BOOTH_TYPES, OBSTACLE_KINDS, ZONES } from "../rules";

/** A length in metres: a decimal number within [min, max] (min exclusive when `positive`). */
export const metres = (opts: { min?: number; max?: number; positive?: boolean } = {}) =>
  z
    .union([z.string(), z.number()], { required_error: msg("errors.required") })
    .transform((v) => (typeof v === "number" ? String(v) : v.trim().replace(",", ".")))
    .pipe(
      z
        .string()
        .min(1, msg("errors.required"))
        .regex(/^-?\d+(\.\d+)?$/, "exhibition.plan.error.number"),
    )
    .transform(Number)
    .pipe(
      z
        .number()
        .refine((n) => (opts.positive ? n > 0 : n >= (opts.min ?? 0)), "exhibition.plan.error.tooSmall")
        .refine((n) => n <= (opts.max ?? 1000), "exhibition.plan.error.tooLarge"),
    );

/** An optional length: empty is null (a booth's area then is width × depth). */
const optionalMetres = (opts: { max?: number } = {}) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim().replace(",", "."))
    .pipe(
      z
        .string()
        .regex(/^(\d+(\.\d+)?)?$/, "exhibition.plan.error.number")
        .transform((v) => (v === "" ? null : Number(v)))
        .refine((n) => n === null || (n > 0 && n <= (opts.max ?? 100000)), "exhibition.plan.error.tooSmall"),
    );

/** A checkbox: present ("on", "1", "true") or absent. */
const checkbox = z
  .union([z.string(), z.boolean()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "1" || v === "true");

const id = z
  .string({ required_error: msg("errors.required") })
  .regex(/^\d+$/, msg("errors.required"))
  .transform(Number);

/** Codes as printed on signs: letters, digits and dashes ("A-12", "B07"). */
const code = (max: number) =>
  requiredText(max).pipe(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, "exhibition.plan.error.code"));

/** "0,0; 40,0; 40,30; 0,30" (corners in metres) or JSON [[0,0],…]; empty: the rectangle. */
export function parseOutlineText(text: string): [number, number][] | null | "invalid" {
  const value = text.trim();
  if (!value) return null;
  let corners: unknown;
  if (value.startsWith("[")) {
    try {
      corners = JSON.parse(value);
    } catch {
      return "invalid";
    }
  } else {
    corners = value
      .split(";")
      .filter((p) => p.trim())
      .map((p) =>
        p
          .trim()
          .split(/[\s,]+/)
          .map(Number),
      );
  }
  if (
    !Array.isArray(corners) ||
    corners.length < 3 ||
    !corners.every(
      (c) => Array.isArray(c) && c.length === 2 && c.every((n) => typeof n === "number" && isFinite(n) && n >= 0),
    )
  )
    return "invalid";
  return corners as [number, number][];
}

/** Corners as the form shows them. */
export function outlineText(outline: [number, number][] | null): string {
  return outline ? outline.map(([x, y]) => `${x},${y}`).join("; ") : "";
}

export const hallSchema = z.object({
  code: code(10),
  nameVi: requiredText(120),
  nameEn: requiredText(120),
  width: metres({ positive: true, max: 1000 }),
  depth: metres({ positive: true, max: 1000 }),
  grid: metres({ positive: true, max: 10 }),
  minAisle: metres({ min: 0, max: 50 }),
  outline: z
    .string()
    .optional()
    .transform((v) => v ?? "")
    .refine((v) => parseOutlineText(v) !== "invalid", "exhibition.plan.error.outline")
    .transform((v) => parseOutlineText(v) as [number, number][] | null),
});
export type HallInput = z.output<typeof hallSchema>;

export const obstacleSchema = z.object({
  hallId: id,
  kind: z.enum(OBSTACLE_KINDS, { errorMap: () => ({ message: msg("errors.required") }) }),
  x: metres(),
  y: metres(),
  w: metres({ positive: true }),
  h: metres({ positive: true }),
  label: optionalText(80),
});
export type ObstacleInput = z.output<typeof obstacleSchema>;

export const boothSchema = z.object({
  hallId: id,
  code: code(20),
  zone: z.enum(ZONES, { errorMap: () => ({ message: msg("errors.required") }) }),
  type: z.enum(BOOTH_TYPES, { errorMap: () => ({ message: msg("errors.required") }) }),
  x: metres(),
  y: metres(),
  w: metres({ positive: true, max: 200 }),
  h: metres({ positive: true, max: 200 }),
  area: optionalMetres(),
  power: checkbox,
  water: checkbox,
  held: checkbox,
  note: optionalText(300),
});
export type BoothInput = z.output<typeof boothSchema>;

/** A drag or an arrow key: the booth's new rectangle. */
export const moveSchema = z.object({
  id,
  x: metres(),
  y: metres(),
  w: metres({ positive: true, max: 200 }),
  h: metres({ positive: true, max: 200 }),
});
export type MoveInput = z.output<typeof moveSchema>;
