/** Importing and exporting delegates as CSV: Vietnamese (source of the keys) and English. */
export const delegateCsvVi = {
} as const;

export const delegateCsvEn: Record<keyof typeof delegateCsvVi, string> = {
};
