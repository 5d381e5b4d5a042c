import { z } from "zod";
import { isValidTimeZone, zonedLocalToUtc } from "../../lib/time";
import {
  integerField,
  localDateTime,
  msg,
  optionalLocalDateTime,
  optionalText,
  requiredText,
  timeZone,
} from "../../platform/forms/fields";

export const CONFERENCE_FORMATS = ["in_person", "hybrid", "online"] as const;
export type ConferenceFormat = (typeof CONFERENCE_FORMATS)[number];

/**
 * The conference settings form. Times are wall-clock values in the conference's
 * own zone; the output carries them as UTC instants.
 */
export const conferenceSchema = z
  .object({
    edition: integerField({ min: 1, max: 1000 }),
    titleVi: requiredText(200),
    titleEn: requiredText(200),
    themeVi: optionalText(500),
    themeEn: optionalText(500),
    startsAt: localDateTime,
    endsAt: localDateTime,
    timeZone,
    venueVi: requiredText(200),
    venueEn: requiredText(200),
    format: z.enum(CONFERENCE_FORMATS, { errorMap: () => ({ message: msg("errors.choice") }) }),
    inPersonCapacity: integerField({ min: 0, max: 100000 }),
    registrationOpensAt: optionalLocalDateTime,
    registrationClosesAt: optionalLocalDateTime,
  })
  .superRefine((v, ctx) => {
    // Zod still runs this when the zone was refused beside its field; there is nothing to compare then.
    if (!isValidTimeZone(v.timeZone)) return;
    const utc = (local: string) => (local ? zonedLocalToUtc(local, v.timeZone) : null);
    const start = utc(v.startsAt);
    const end = utc(v.endsAt);
    if (start && end && end <= start)
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: msg("errors.endBeforeStart") });
    const opens = utc(v.registrationOpensAt);
    const closes = utc(v.registrationClosesAt);
    if (opens && closes && closes <= opens) {
      ctx.addIssue({
        code: "custom",
        path: ["registrationClosesAt"],
        message: msg("errors.registrationCloseBeforeOpen"),
      });
    }
    if (closes && end && closes > end) {
      ctx.addIssue({ code: "custom", path: ["registrationClosesAt"], message: msg("errors.registrationAfterEnd") });
    }
  })
  .transform((v) => ({
    edition: v.edition,
    titleVi: v.titleVi,
    titleEn: v.titleEn,
    themeVi: v.themeVi,
    themeEn: v.themeEn,
    timeZone: v.timeZone,
    venueVi: v.venueVi,
    venueEn: v.venueEn,
    format: v.format,
    inPersonCapacity: v.inPersonCapacity,
    startsAt: zonedLocalToUtc(v.startsAt, v.timeZone)!,
    endsAt: zonedLocalToUtc(v.endsAt, v.timeZone)!,
    registrationOpensAt: v.registrationOpensAt ? zonedLocalToUtc(v.registrationOpensAt, v.timeZone) : null,
    registrationClosesAt: v.registrationClosesAt ? zonedLocalToUtc(v.registrationClosesAt, v.timeZone) : null,
  }));

export type ConferenceInput = z.input<typeof conferenceSchema>;
export type ConferenceSettings = z.output<typeof conferenceSchema>;
