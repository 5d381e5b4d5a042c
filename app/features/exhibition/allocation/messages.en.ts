import type { allocationVi } from "./messages.vi";

/** Messages of allocating booths (by hand and automatically) and the prints, in English: every key of the Vietnamese. */
export const allocationEn: Record<keyof typeof allocationVi, string> = {};
