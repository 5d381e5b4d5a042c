import { z } from "zod";
import { LOCALES } from "../../platform/i18n";
import { ROLES } from "../../auth/roles";
import { isValidTimeZone } from "../../lib/time";
import { email, msg, requiredText } from "../../platform/forms/fields";

const choice = { errorMap: () => ({ message: msg("errors.choice") }) };

export const inviteSchema = z.object({
  fullName: requiredText(120),
  email,
  role: z.enum(ROLES, choice),
  organisationId: z
    .string()
    .optional()
    .transform((v) => (v ? v.trim() : ""))
    .refine((v) => v === "" || /^\d+$/.test(v), msg("errors.unknownOrganisation"))
    .transform((v) => (v === "" ? null : Number(v))),
});
export type InviteInput = z.input<typeof inviteSchema>;

export const profileSchema = z.object({
  fullName: requiredText(120),
  locale: z.enum(LOCALES, choice),
  timeZone: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v === "" || isValidTimeZone(v), msg("errors.timeZone"))
    .transform((v) => (v === "" ? null : v)),
});
