import type { allocatorVi } from "./messages.vi";

/** Messages of the automatic allocator's explanations, in English: every key of the Vietnamese. */
export const allocatorEn: Record<keyof typeof allocatorVi, string> = {};
