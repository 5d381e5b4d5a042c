import { z } from "zod";
import { HONORIFICS, INTERPRETATIONS, MODES } from "./rules";
import { email, msg, optionalText, requiredText } from "../../platform/forms/fields";
import { TYPED_ORGANISATION } from "../people/organisation-search";

const choice = { errorMap: () => ({ message: msg("errors.choice") }) };

/** Vietnamese and international numbers: digits, spaces, dots, dashes, brackets and a leading +. */
export const phone = z
  .string({ required_error: msg("errors.required") })
  .transform((v) => v.trim().replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(1, msg("errors.required"))
      .max(30, msg("errors.tooLong"))
      .refine(
        (v) => /^\+?[0-9 ().-]+$/.test(v) && v.replace(/\D/g, "").length >= 8 && v.replace(/\D/g, "").length <= 15,
        msg("errors.phone"),
      ),
  );

/** A name typed in the organisation picker but not picked from its list: not an organisation yet. */
const typedNotPicked = (v: string) => v.startsWith(TYPED_ORGANISATION);

const organisationId = z
  .string({ required_error: msg("errors.required") })
  .trim()
  .min(1, msg("errors.required"))
  .refine((v) => !typedNotPicked(v), "registration.organisation.pickFromList")
  .refine((v) => typedNotPicked(v) || /^\d+$/.test(v), msg("errors.unknownOrganisation"))
  .transform(Number);

/** A checkbox: "on" (or "true"/"1") when ticked, absent when not. */
export const checkbox = z
  .union([z.string(), z.boolean()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true" || v === "1");

/** The delegate's own details, shared by registration, self-edit and organiser edit. */
export const delegateFields = {
  honorific: z.enum(HONORIFICS, choice),
  fullName: requiredText(120),
  position: requiredText(200),
  organisationId,
  phone,
  mode: z.enum(MODES, choice),
  interpretation: z.enum(INTERPRETATIONS, choice),
  dietary: optionalText(300),
  consentToList: checkbox,
};

export const registrationSchema = z.object({ ...delegateFields, email });
export type RegistrationInput = z.output<typeof registrationSchema>;

export const delegateEditSchema = z.object(delegateFields);
export type DelegateEdit = z.output<typeof delegateEditSchema>;

export const organiserEditSchema = z.object({ ...delegateFields, email, organiserNote: optionalText(1000) });
export type OrganiserEdit = z.output<typeof organiserEditSchema>;
