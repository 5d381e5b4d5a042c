/** Messages of the proceedings' book, in Vietnamese (keys "proceedings.book.*"). */
export const bookVi = {
  "proceedings.book.title": "Kỷ yếu hội nghị",
} as const;
