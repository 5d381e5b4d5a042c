import type { planVi } from "./messages.vi";

/** Messages of the floor plan and its editor (helper: plan), in English: every key of the Vietnamese. */
export const planEn: Record<keyof typeof planVi, string> = {};
