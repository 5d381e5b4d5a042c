/** Messages of the proceedings' documents, in Vietnamese (keys "proceedings.documents.*"). */
export const documentsVi = {
  "proceedings.documents.title": "Tài liệu",
} as const;
