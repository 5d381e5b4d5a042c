/** Messages of the floor plan and its editor (helper: plan), in Vietnamese: the source of the keys. Keys start with "exhibition.plan.". */
export const planVi = {} as const;
