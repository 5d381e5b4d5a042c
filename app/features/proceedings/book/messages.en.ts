import type { bookVi } from "./messages.vi";

/** Messages of the proceedings' book, in English: every key of the Vietnamese. */
export const bookEn: Record<keyof typeof bookVi, string> = {
  "proceedings.book.title": "Conference proceedings",
};
