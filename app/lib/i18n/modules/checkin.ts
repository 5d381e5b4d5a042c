/** Check-in at the door: Vietnamese (source of the keys) and English. */
export const checkinVi = {
} as const;

export const checkinEn: Record<keyof typeof checkinVi, string> = {
};
