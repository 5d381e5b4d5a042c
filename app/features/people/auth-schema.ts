import { z } from "zod";
import { email, msg, newPassword } from "../../platform/forms/fields";

export const loginSchema = z.object({
  email,
  password: z
    .string({ required_error: msg("errors.required") })
    .min(1, msg("errors.required"))
    .max(1024, msg("errors.tooLong")),
  redirectTo: z.string().optional(),
});

export const forgotPasswordSchema = z.object({ email });

const confirmed = <T extends z.ZodRawShape>(shape: T) =>
  z
    .object({
      ...shape,
      password: newPassword,
      confirm: z.string({ required_error: msg("errors.required") }).min(1, msg("errors.required")),
    })
    .refine((v) => v.password === v.confirm, { path: ["confirm"], message: msg("errors.passwordMismatch") });

export const setPasswordSchema = confirmed({});

export const changePasswordSchema = confirmed({
  currentPassword: z
    .string({ required_error: msg("errors.required") })
    .min(1, msg("errors.required"))
    .max(1024, msg("errors.tooLong")),
});
