/** Messages of the automatic allocator's explanations, in Vietnamese: the source of the keys. Keys start with "exhibition.allocator.". */
export const allocatorVi = {} as const;
