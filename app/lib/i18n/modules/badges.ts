/** Badges (PDF): Vietnamese (source of the keys) and English. */
export const badgesVi = {
} as const;

export const badgesEn: Record<keyof typeof badgesVi, string> = {
};
