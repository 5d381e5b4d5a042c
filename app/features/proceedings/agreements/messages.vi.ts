/** Messages of the proceedings' agreements, in Vietnamese (keys "proceedings.agreements.*"). */
export const agreementsVi = {
  "proceedings.agreements.title": "Thỏa thuận quốc tế",
} as const;
