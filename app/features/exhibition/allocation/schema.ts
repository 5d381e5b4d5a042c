import { z } from "zod";
import { optionalLocalDateTime } from "~/platform/forms/fields";

/** Allocation by hand: the exhibitor and its booth code(s), picked on the plan or typed (no JavaScript). */
export const handAllocationSchema = z.object({
  // A field left out of the post is answered like an empty one (not Zod's English "Required").
  exhibitorId: z
    .string({ required_error: "exhibition.allocation.errors.pickExhibitor" })
    .regex(/^[1-9]\d*$/, "exhibition.allocation.errors.pickExhibitor"),
  booth1: z
    .string({ required_error: "exhibition.allocation.errors.pickBooth" })
    .trim()
    .min(1, "exhibition.allocation.errors.pickBooth")
    .max(20, "errors.tooLong"),
  booth2: z.string().trim().max(20, "errors.tooLong").optional().default(""),
});

/** The exhibition's settings: a checkbox posts "on" or nothing; the closing time is the conference's wall clock. */
export const exhibitionSettingsSchema = z.object({
  published: z.string().optional(),
  applicationsCloseAt: optionalLocalDateTime,
});
