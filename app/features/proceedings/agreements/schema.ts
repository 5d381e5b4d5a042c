import { z } from "zod";
import { cleanMultilineText } from "~/lib/text";
import { msg, optionalText, requiredText } from "~/platform/forms/fields";
import { AGREEMENT_FIELDS, AGREEMENT_KINDS, AGREEMENT_STATES } from "../rules";

/**
 * The agreement's forms, shared by the browser (react-hook-form) and the actions. Posted values are
 * strings; an empty select is "".
 */

const E = "proceedings.agreements.errors";

const isRealDate = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};

/** A calendar date from <input type="date"> (YYYY-MM-DD), or "" → null. */
export const optionalDate = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim())
  .refine((v) => v === "" || isRealDate(v), `${E}.date`)
  .transform((v) => (v === "" ? null : v));

/** An id picked from a select, or "" → null. */
const optionalId = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim())
  .refine((v) => v === "" || /^\d{1,9}$/.test(v), `${E}.pick`)
  .transform((v) => (v === "" ? null : Number(v)));

/** The details of an agreement (its state and dates move with the stepper). */
export const agreementSchema = z.object({
  /** Staff pick the Vietnamese party; a delegate's is theirs (the action ignores what they post). */
  organisationId: optionalId,
  title: requiredText(300),
  foreignParty: requiredText(300),
  countryCode: z
    .string({ required_error: msg("errors.required") })
    .transform((v) => v.trim().toUpperCase())
    .refine((v) => v !== "", msg("errors.required"))
    .refine((v) => /^[A-Z]{2}$/.test(v) && v !== "VN", `${E}.country`),
  field: z.enum(AGREEMENT_FIELDS, { errorMap: () => ({ message: `${E}.field` }) }),
  kind: z.enum(AGREEMENT_KINDS, { errorMap: () => ({ message: `${E}.kind` }) }),
  signedPlace: optionalText(200),
  missionId: optionalId,
  meetingRequestId: optionalId,
  summary: z
    .string()
    .optional()
    .transform((v) => cleanMultilineText(v ?? ""))
    .pipe(z.string().max(4000, msg("errors.tooLong"))),
});
export type AgreementInput = z.output<typeof agreementSchema>;

/** Moving the agreement to another state: the target and the dates of the steps on the way. */
export const advanceSchema = z.object({
  target: z.enum(AGREEMENT_STATES, { errorMap: () => ({ message: `${E}.target` }) }),
  sent_for_opinion_on: optionalDate,
  opinion_received_on: optionalDate,
  signed_on: optionalDate,
  reported_on: optionalDate,
  in_force_on: optionalDate,
  ended_on: optionalDate,
});
export type AdvanceInput = z.output<typeof advanceSchema>;

/** The list shows 50 a page (a constant the page needs too: not in a *.server module, empty in the browser). */
export const AGREEMENTS_PAGE_SIZE = 50;

export const LATENESS_FILTERS = ["opinion", "report", "any"] as const;
export type LatenessFilter = (typeof LATENESS_FILTERS)[number];

/** The list's filters, from the query string (anything unknown is ignored, not refused). */
export interface AgreementFilters {
  organisationId?: number | null;
  countryCode?: string | null;
  field?: (typeof AGREEMENT_FIELDS)[number] | null;
  kind?: (typeof AGREEMENT_KINDS)[number] | null;
  state?: (typeof AGREEMENT_STATES)[number] | null;
  late?: LatenessFilter | null;
  search?: string | null;
  page?: number;
}

function pick<T extends string>(list: readonly T[], value: string | null): T | null {
  return value !== null && (list as readonly string[]).includes(value) ? (value as T) : null;
}

export function filtersFromUrl(params: URLSearchParams): AgreementFilters {
  const organisation = params.get("organisation");
  const country = (params.get("country") ?? "").trim().toUpperCase();
  const page = Number(params.get("page") ?? "1");
  return {
    organisationId: organisation && /^\d{1,9}$/.test(organisation) ? Number(organisation) : null,
    countryCode: /^[A-Z]{2}$/.test(country) ? country : null,
    field: pick(AGREEMENT_FIELDS, params.get("field")),
    kind: pick(AGREEMENT_KINDS, params.get("kind")),
    state: pick(AGREEMENT_STATES, params.get("state")),
    late: pick(LATENESS_FILTERS, params.get("late")),
    search: (params.get("q") ?? "").trim().slice(0, 200) || null,
    page: Number.isInteger(page) && page > 0 && page < 10_000 ? page : 1,
  };
}

/** The filters back as a query string (links, the CSV, paging). */
export function filtersToQuery(filters: AgreementFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (filters.organisationId) params.set("organisation", String(filters.organisationId));
  if (filters.countryCode) params.set("country", filters.countryCode);
  if (filters.field) params.set("field", filters.field);
  if (filters.kind) params.set("kind", filters.kind);
  if (filters.state) params.set("state", filters.state);
  if (filters.late) params.set("late", filters.late);
  if (filters.search) params.set("q", filters.search);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const text = params.toString();
  return text ? `?${text}` : "";
}
