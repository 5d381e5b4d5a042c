/**
 * Bilateral meetings' messages (messages.vi.ts, the source of the keys, and messages.en.ts), and a
 * translate for them joined with the layers below (agenda and what it builds on), for the
 * models, mails, PDFs and CSV headers. Server-side only: a page gets its messages from its
 * loader (pageMessages in app/http/i18n.server.ts), never from this module.
 */
import { makeTranslate, mergeDictionaries, type Dictionary } from "~/platform/i18n";
import { agendaDictionary, type AgendaKey } from "~/features/agenda/i18n";
import { meetingsEn } from "./messages.en";
import { meetingsVi } from "./messages.vi";
import { decodeSectors } from "./rules";
import { searchKey } from "~/lib/text";

export type MeetingsKey = AgendaKey | keyof typeof meetingsVi;

/** Bilateral meetings' own messages, without the layers below. */
export const meetingsMessages: Dictionary<keyof typeof meetingsVi> = { vi: meetingsVi, en: meetingsEn };

export const meetingsDictionary: Dictionary<MeetingsKey> = mergeDictionaries(agendaDictionary, meetingsMessages);

export const translate = makeTranslate(meetingsDictionary);

/** A party's stored sectors as the search key beside them: the labels in both languages and the note, folded. */
export function sectorsSearchKey(stored: string): string {
  const { codes, note } = decodeSectors(stored);
  return searchKey(
    ...codes.flatMap((c) => [translate("vi", `meetings.sector.${c}`), translate("en", `meetings.sector.${c}`)]),
    note,
  );
}
