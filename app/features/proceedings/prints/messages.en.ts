import type { printsVi } from "./messages.vi";

/** Messages of the proceedings' prints, in English: every key of the Vietnamese. */
export const printsEn: Record<keyof typeof printsVi, string> = {
  "proceedings.prints.title": "Printed matter",
};
