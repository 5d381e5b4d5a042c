/** What the documents' pages say once after a change (post/redirect/get): shared by the flash and the page. */
export const DOCUMENT_DONE = [
  "saved",
  "finalised",
  "reopened",
  "deleted",
  "uploaded",
  "captionSaved",
  "imageDeleted",
] as const;
export type DocumentDone = (typeof DOCUMENT_DONE)[number];

export const DOCUMENT_DONE_KEY: Record<DocumentDone, string> = {
  saved: "proceedings.documents.saved",
  finalised: "proceedings.documents.finalised",
  reopened: "proceedings.documents.reopened",
  deleted: "proceedings.documents.deleted",
  uploaded: "proceedings.documents.images.uploaded",
  captionSaved: "proceedings.documents.images.captionSaved",
  imageDeleted: "proceedings.documents.images.deleted",
};

export const SUMMARY_DONE = ["savedDraft", "savedFinal", "reopened"] as const;
