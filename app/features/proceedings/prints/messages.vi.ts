/** Messages of the proceedings' prints, in Vietnamese (keys "proceedings.prints.*"). */
export const printsVi = {
  "proceedings.prints.title": "Ấn phẩm in",
} as const;
