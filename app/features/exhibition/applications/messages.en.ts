import type { applicationsVi } from "./messages.vi";

/** Messages of exhibitors' applications, products and photos, in English: every key of the Vietnamese. */
export const applicationsEn: Record<keyof typeof applicationsVi, string> = {};
