import type { documentsVi } from "./messages.vi";

/** Messages of the proceedings' documents, in English: every key of the Vietnamese. */
export const documentsEn: Record<keyof typeof documentsVi, string> = {
  "proceedings.documents.title": "Documents",
};
