import { z } from "zod";
import { codeFromScan } from "./checkin";
import { keyed } from "../../platform/i18n";
import type { RegistrationKey } from "./i18n";

const msg = keyed<RegistrationKey>();

/** A badge code typed at the door or read by the camera; stored form after parsing. */
export const badgeCode = z
  .string({ required_error: msg("errors.required"), invalid_type_error: msg("errors.required") })
  .trim()
  .min(1, msg("errors.required"))
  .transform((value, ctx) => {
    const code = codeFromScan(value);
    if (!code) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: msg("checkin.code.invalid") });
      return z.NEVER;
    }
    return code;
  });

export const checkinCodeSchema = z.object({ code: badgeCode });

/** A row's "Check in" or "Undo" button. */
export const registrationIdSchema = z.object({
  registrationId: z
    .string({ required_error: msg("errors.required") })
    .regex(/^\d{1,12}$/, msg("checkin.notFound"))
    .transform(Number),
});
