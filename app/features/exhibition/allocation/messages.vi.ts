/** Messages of allocating booths (by hand and automatically) and the prints, in Vietnamese: the source of the keys. Keys start with "exhibition.allocation.". */
export const allocationVi = {} as const;
