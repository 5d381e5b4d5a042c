import { z } from "zod";
import { cleanMultilineText } from "~/lib/text";
import { email, msg, optionalText, requiredText } from "~/platform/forms/fields";
import {
  BOOTH_TYPES,
  EXHIBITOR_KINDS,
  MAX_ZONE_WISHES,
  PRODUCT_CATEGORIES,
  ZONES,
  type BoothType,
  type Zone,
} from "../rules";

/**
 * The exhibitor's forms, one schema each, shared by the browser (react-hook-form) and the action.
 * Posted values are strings; a checkbox group arrives as the ticked values joined by commas (the
 * action reads it with applicationValues) or, in the browser, as react-hook-form's array or boolean.
 */

const E = "exhibition.applications.errors";

const paragraph = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => cleanMultilineText(v ?? "").trim())
    .pipe(z.string().max(max, msg("errors.tooLong")));

/** A ticked checkbox: "on"/"1"/"true" from a post, true from react-hook-form. */
export const checkbox = z
  .union([z.string(), z.boolean(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? v.length > 0 : v === true || v === "on" || v === "1" || v === "true"));

/** A checkbox group's values: "a,b" from a post, ["a", "b"] or false from react-hook-form. */
const list = z
  .union([z.string(), z.array(z.string()), z.boolean()])
  .optional()
  .transform((v) =>
    (Array.isArray(v) ? v : typeof v === "string" ? v.split(",") : []).map((s) => s.trim()).filter(Boolean),
  );

const zoneChoice = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim())
  .refine((v) => v === "" || (ZONES as readonly string[]).includes(v), `${E}.zone`);

/** The province an exhibitor comes from: an organisation id picked from the list ("typed:…" is typed, not picked). */
const provinceField = z
  .string({ required_error: msg("errors.required") })
  .transform((v) => v.trim())
  .refine((v) => v !== "", msg("errors.required"))
  .refine((v) => /^\d{1,9}$/.test(v), `${E}.provincePick`)
  .transform(Number);

const websiteField = optionalText(300).refine(
  (v) => v === "" || /^(https?:\/\/)?[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d+)?([/?#]\S*)?$/u.test(v),
  `${E}.website`,
);

const phoneField = optionalText(40).refine((v) => v === "" || /^\+?[0-9 ().-]{6,40}$/.test(v), `${E}.phone`);

const areaField = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim().replace(",", "."))
  .refine((v) => v === "" || /^\d{1,3}(\.\d{1,2})?$/.test(v), `${E}.area`)
  .transform((v) => (v === "" ? 0 : Number(v)))
  .refine((v) => v <= 200, `${E}.area`);

/** The application: organisation, contact, and booth wishes. */
export const applicationSchema = z
  .object({
    nameVi: requiredText(200),
    nameEn: optionalText(200),
    kind: z.enum(EXHIBITOR_KINDS, { errorMap: () => ({ message: `${E}.kind` }) }),
    provinceId: provinceField,
    contactName: requiredText(120),
    contactEmail: email,
    contactPhone: phoneField,
    website: websiteField,
    aboutVi: paragraph(2000),
    aboutEn: paragraph(2000),
    zone1: zoneChoice,
    zone2: zoneChoice,
    zone3: zoneChoice,
    types: list.refine((v) => v.every((t) => (BOOTH_TYPES as readonly string[]).includes(t)), `${E}.type`),
    boothsNeeded: z.enum(["1", "2"], { errorMap: () => ({ message: `${E}.booths` }) }).transform(Number),
    minArea: areaField,
    neighbours: list.refine((v) => v.every((id) => /^\d{1,9}$/.test(id)), `${E}.neighbour`),
    nearProvince: checkbox,
    apartCategory: z
      .string()
      .optional()
      .transform((v) => (v ?? "").trim())
      .refine((v) => v === "" || (PRODUCT_CATEGORIES as readonly string[]).includes(v), `${E}.category`),
    needsPower: checkbox,
    needsWater: checkbox,
  })
  .superRefine((a, ctx) => {
    const zones = [a.zone1, a.zone2, a.zone3];
    // Ranked wishes in order: a second without a first, or the same zone twice, is a mistake to point at.
    zones.forEach((z, i) => {
      if (z && zones.slice(0, i).includes(z))
        ctx.addIssue({ code: "custom", path: [`zone${i + 1}`], message: `${E}.zoneTwice` });
      else if (z && zones.slice(0, i).some((earlier) => !earlier))
        ctx.addIssue({ code: "custom", path: [`zone${i + 1}`], message: `${E}.zoneGap` });
    });
  })
  .transform((a) => ({
    ...a,
    zones: [a.zone1, a.zone2, a.zone3].filter((z): z is Zone => z !== "").slice(0, MAX_ZONE_WISHES),
    types: [...new Set(a.types)] as BoothType[],
    neighbours: [...new Set(a.neighbours.map(Number))],
    apartCategory: a.apartCategory === "" ? null : (a.apartCategory as (typeof PRODUCT_CATEGORIES)[number]),
  }));
export type ApplicationInput = z.output<typeof applicationSchema>;

/** A product: names, category and short descriptions in both languages (photos come with it or after). */
export const productSchema = z.object({
  nameVi: requiredText(160),
  nameEn: optionalText(160),
  category: z.enum(PRODUCT_CATEGORIES, { errorMap: () => ({ message: `${E}.category` }) }),
  descriptionVi: paragraph(600),
  descriptionEn: paragraph(600),
  caption: optionalText(200),
});
export type ProductInput = z.output<typeof productSchema>;

/** A photo added to the application (to one of its products, or to the exhibitor as a whole). */
export const photoSchema = z.object({
  productId: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v === "" || /^\d{1,9}$/.test(v), `${E}.product`)
    .transform((v) => (v === "" ? null : Number(v))),
  caption: optionalText(200),
});

/** After allocation: what the exhibitor asks the organisers to change. */
export const changeRequestSchema = z.object({
  request: z
    .string({ required_error: msg("errors.required") })
    .transform((v) => cleanMultilineText(v).trim())
    .pipe(z.string().min(1, msg("errors.required")).max(2000, msg("errors.tooLong"))),
});

/** The organisers' decision: a reason is required to reject (it is mailed to the applicant). */
export const decisionSchema = z
  .object({
    decision: z.enum(["approve", "reject"], { errorMap: () => ({ message: msg("errors.required") }) }),
    reason: paragraph(1000),
  })
  .refine((d) => d.decision === "approve" || d.reason.length > 0, { path: ["reason"], message: `${E}.reasonRequired` });

/** The organisers' answer to a change request (the text is mailed; empty: only marked handled). */
export const answerSchema = z.object({ answer: paragraph(2000) });

/** The fields of a checkbox group, each posted once per ticked box, joined as the schema reads them. */
export const LIST_FIELDS = ["types", "neighbours"] as const;

/** A posted form's values as the schemas read them: strings, checkbox groups joined by commas. */
export function applicationValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string") values[key] = value;
  for (const name of LIST_FIELDS) {
    const all = form.getAll(name).filter((v): v is string => typeof v === "string");
    if (all.length) values[name] = all.join(",");
  }
  return values;
}
