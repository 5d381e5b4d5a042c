/** The published programme, sign-ups, My agenda, calendar and PDF: Vietnamese (source of the keys) and English. */
export const programmeVi = {
} as const;

export const programmeEn: Record<keyof typeof programmeVi, string> = {
};
