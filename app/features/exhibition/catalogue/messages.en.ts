import type { catalogueVi } from "./messages.vi";

/** Messages of the visitors' plan and catalogue, in English: every key of the Vietnamese. */
export const catalogueEn: Record<keyof typeof catalogueVi, string> = {};
