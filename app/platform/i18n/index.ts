import { fillPlurals } from "../../lib/plural";
import { coreEn } from "./core.en";
import { coreVi } from "./core.vi";
import { registrationEn, registrationVi } from "../../features/registration/messages/registration";
import { badgesEn, badgesVi } from "../../features/registration/messages/badges";
import { delegateCsvEn, delegateCsvVi } from "../../features/registration/messages/delegate-csv";
import { checkinEn, checkinVi } from "../../features/registration/messages/checkin";
import { mailEn, mailVi } from "./modules/mail";
import { dashboardEn, dashboardVi } from "../../features/registration/messages/dashboard";
import { mailerEn, mailerVi } from "./modules/mailer";
import { agendaEn, agendaVi } from "../../features/agenda/messages/agenda";
import { agendaUiEn, agendaUiVi } from "../../features/agenda/messages/agenda-editor";
import { programmeEn, programmeVi } from "../../features/agenda/messages/programme";
import { meetingsEn, meetingsVi } from "../../features/meetings/messages/meetings";
import { meetingsDelegateEn, meetingsDelegateVi } from "../../features/meetings/messages/meetings-delegate";
import { meetingsAdminEn, meetingsAdminVi } from "../../features/meetings/messages/meetings-admin";
import { meetingsMailEn, meetingsMailVi } from "../../features/meetings/messages/meetings-mail";
import { meetingsPrintsEn, meetingsPrintsVi } from "../../features/meetings/messages/meetings-prints";

/** The whole dictionary: the core plus one module per capability (keys must not collide). */
export const vi = { ...coreVi, ...registrationVi, ...badgesVi, ...delegateCsvVi, ...checkinVi, ...mailVi, ...dashboardVi, ...mailerVi, ...agendaVi, ...agendaUiVi, ...programmeVi, ...meetingsVi, ...meetingsDelegateVi, ...meetingsAdminVi, ...meetingsMailVi, ...meetingsPrintsVi };
export type MessageKey = keyof typeof vi;
export const en: Record<MessageKey, string> = { ...coreEn, ...registrationEn, ...badgesEn, ...delegateCsvEn, ...checkinEn, ...mailEn, ...dashboardEn, ...mailerEn, ...agendaEn, ...agendaUiEn, ...programmeEn, ...meetingsEn, ...meetingsDelegateEn, ...meetingsAdminEn, ...meetingsMailEn, ...meetingsPrintsEn };

export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "vi";

const dictionaries: Record<Locale, Record<MessageKey, string>> = { vi, en };

export function isLocale(value: unknown): value is Locale {
  return value === "vi" || value === "en";
}

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(vi, value);
}

export type MessageParams = Record<string, string | number>;

/**
 * Looks a key up and fills in "{name}" placeholders and "{n, plural, one {…} other {…}}" blocks.
 * Unknown keys show as themselves.
 */
export function translate(locale: Locale, key: MessageKey | string, params?: MessageParams): string {
  const template = isMessageKey(key) ? dictionaries[locale][key] : key;
  if (!params) return template;
  return fillPlurals(locale, template, params).replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export type Translate = (key: MessageKey | string, params?: MessageParams) => string;

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

/** An edition number as each language writes it: "20th" in English, "20" in "lần thứ 20". */
export function ordinal(locale: Locale, n: number): string {
  return locale === "en" ? `${n}${ordinalSuffix(n)}` : String(n);
}

export function ordinalSuffix(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return "th";
  return ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
}
