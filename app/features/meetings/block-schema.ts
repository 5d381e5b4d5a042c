import { z } from "zod";
import type { OrganisationKind } from "../../auth/roles";
import { zonedLocalToUtc } from "../../lib/time";
import { integerField, optionalLocalDateTime } from "../../platform/forms/fields";
import { keyed } from "../../platform/i18n";
import type { MeetingsKey } from "./i18n";
import { COUNTERPART_KINDS, REQUESTER_KINDS } from "./rules";

const msg = keyed<MeetingsKey>();

/** A meeting block's settings, shared by the browser (react-hook-form) and the organisers' actions. */

/** Who may ask whom, as the organisers open it: requesters down the side, counterparts across. */
export const PAIR_REQUESTERS = REQUESTER_KINDS;
export const PAIR_COUNTERPARTS = COUNTERPART_KINDS;
export const pairField = (a: OrganisationKind, b: OrganisationKind) => `pair.${a}.${b}`;

/** The ticked pairs of a posted form (checkboxes named "pair.<requester>.<counterpart>"). */
export function pairsFromForm(values: Record<string, string>): Array<[OrganisationKind, OrganisationKind]> {
  return PAIR_REQUESTERS.flatMap((a) =>
    PAIR_COUNTERPARTS.filter((b) => values[pairField(a, b)] === "on").map(
      (b) => [a, b] as [OrganisationKind, OrganisationKind],
    ),
  );
}

const maxRequests = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim())
  .refine((v) => v === "" || (/^\d{1,3}$/.test(v) && Number(v) >= 1), msg("errors.positive"))
  .transform((v) => (v === "" ? null : Number(v)));

const settingsShape = {
  tableCount: integerField({ min: 1, max: 500 }),
  requestsCloseAt: optionalLocalDateTime,
  answersCloseAt: optionalLocalDateTime,
  maxRequests,
};

// Answers come after requests: a mission cannot answer what may still arrive.
const answersAfterRequests = <T extends { requestsCloseAt: string; answersCloseAt: string }>(v: T) =>
  !v.requestsCloseAt || !v.answersCloseAt || v.answersCloseAt >= v.requestsCloseAt;
const answersRule = { path: ["answersCloseAt"], message: "meetingsAdmin.errors.answersBeforeRequests" };

export const blockSettingsSchema = z.object(settingsShape).refine(answersAfterRequests, answersRule);

export const blockCreateSchema = z
  .object({
    ...settingsShape,
    slotMinutes: integerField({ min: 5, max: 240 }),
    gapMinutes: integerField({ min: 0, max: 120 }),
  })
  .refine(answersAfterRequests, answersRule);

/** A meeting's video link: empty clears it; otherwise an https address. */
export const videoUrlSchema = z.object({
  videoUrl: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine(
      (v) => v === "" || (v.length <= 500 && /^https:\/\/[^\s/$.?#][^\s]*$/i.test(v)),
      msg("meetingsAdmin.errors.videoUrl"),
    )
    .transform((v) => (v === "" ? null : v)),
});

/** Placing or moving a request by hand: a slot and a table of the block. */
export const placeSchema = z.object({
  slotId: integerField({ min: 1 }),
  tableId: integerField({ min: 1 }),
  // "on" from a posted form, a boolean from react-hook-form's checkbox.
  locked: z
    .union([z.string(), z.boolean()])
    .optional()
    .transform((v) => v === "on" || v === true),
});

/** The parsed settings as the model stores them: deadlines typed in the conference's local time become UTC instants. */
export function blockSettingsInput(
  d: z.output<typeof blockSettingsSchema>,
  pairs: Array<[OrganisationKind, OrganisationKind]>,
  zone: string,
) {
  return {
    tableCount: d.tableCount,
    requestsCloseAt: d.requestsCloseAt ? zonedLocalToUtc(d.requestsCloseAt, zone) : null,
    answersCloseAt: d.answersCloseAt ? zonedLocalToUtc(d.answersCloseAt, zone) : null,
    maxRequestsPerOrganisation: d.maxRequests,
    allowedPairs: pairs,
  };
}
