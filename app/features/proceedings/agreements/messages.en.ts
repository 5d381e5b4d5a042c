import type { agreementsVi } from "./messages.vi";

/** Messages of the proceedings' agreements, in English: every key of the Vietnamese. */
export const agreementsEn: Record<keyof typeof agreementsVi, string> = {
  "proceedings.agreements.title": "International agreements",
};
