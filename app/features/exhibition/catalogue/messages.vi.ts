/** Messages of the visitors' plan and catalogue, in Vietnamese: the source of the keys. Keys start with "exhibition.catalogue.". */
export const catalogueVi = {} as const;
