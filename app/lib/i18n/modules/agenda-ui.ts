/** The organisers' agenda editor: rooms, timetable, session form: Vietnamese (source of the keys) and English. */
export const agendaUiVi = {
} as const;

export const agendaUiEn: Record<keyof typeof agendaUiVi, string> = {
};
