/** Messages of exhibitors' applications, products and photos, in Vietnamese: the source of the keys. Keys start with "exhibition.applications.". */
export const applicationsVi = {} as const;
