/**
 * The participants (pure): who may be listed, and the protocol order of the list that the book's
 * "participants" section, the participant list PDF, the name plates and the sign-in sheets share.
 */
import { ORGANISATION_KINDS, type OrganisationKind } from "~/auth/roles";
import type { Locale } from "~/platform/i18n";
import type { AttendanceMode, Honorific, RegistrationStatus } from "~/features/registration/rules";

/** One delegate as the prints show them (loadParticipants in participants.server.ts reads them). */
export interface ParticipantRow {
  registrationId: number;
  honorific: Honorific;
  fullName: string;
  position: string;
  mode: AttendanceMode;
  organisationId: number;
  organisationKind: OrganisationKind;
  organisationVi: string;
  organisationEn: string;
  /** The delegate's account is the designated head of the organisation (a mission's ambassador). */
  isHead: boolean;
}

export interface PrintConference {
  id: number;
  edition: number;
  title_vi: string;
  title_en: string;
  venue_vi: string;
  venue_en: string;
  starts_at: string;
  ends_at: string;
  time_zone: string;
}

export interface ParticipantsData {
  conference: PrintConference;
  /** In the list's order (sortParticipants); the builders group them again in their language. */
  participants: ParticipantRow[];
}

export interface ParticipantGroup {
  organisationId: number;
  kind: OrganisationKind;
  /** In the list's language. */
  name: string;
  nameVi: string;
  nameEn: string;
  rows: ParticipantRow[];
}

/**
 * The registration form's consent covers "name, position and organisation in the list published at
 * the conference and in the proceedings": only an approved registration that gave it is listed
 * (pending, waitlisted, rejected and cancelled ones never are).
 */
export function mayList(registration: { status: RegistrationStatus; consent_to_list: number | boolean }): boolean {
  return registration.status === "approved" && Number(registration.consent_to_list) === 1;
}

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

/** The word a Vietnamese name is sorted by: the given name, its last word ("Nguyễn Văn An" → "An"). */
export function givenName(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  return words[words.length - 1] ?? "";
}

/** Vietnamese name order: by the given name, then the whole name ("Trần Thị Bình" before "Lê Văn Cường"). */
export function compareNames(a: string, b: string): number {
  return collator.compare(givenName(a), givenName(b)) || collator.compare(a, b);
}

/** Leaders before deputies before staff, read from the position's words (deputies first: "Phó Chủ tịch"). */
const DEPUTY = /^(phó|thứ trưởng|deputy|vice|assistant)(?=[\s,]|$)/iu;
const LEADER =
  /^(bộ trưởng|chủ tịch|bí thư|đại sứ|tổng lãnh sự|trưởng|giám đốc|tổng giám đốc|viện trưởng|cục trưởng|vụ trưởng|minister|chair|president|governor|ambassador|consul general|head|director)/iu;

/** A delegate's rank in their delegation: the designated head, then leaders, deputies, everyone else. */
export function protocolRank(row: Pick<ParticipantRow, "isHead" | "position">): number {
  if (row.isHead) return 0;
  const position = row.position.trim();
  if (DEPUTY.test(position)) return 2;
  if (LEADER.test(position)) return 1;
  return 3;
}

export function compareInGroup(a: ParticipantRow, b: ParticipantRow): number {
  return (
    protocolRank(a) - protocolRank(b) || compareNames(a.fullName, b.fullName) || a.registrationId - b.registrationId
  );
}

const kindRank = (kind: OrganisationKind) => ORGANISATION_KINDS.indexOf(kind);

/**
 * Groups by organisation, in protocol order: ministries and central agencies, provinces and cities,
 * missions abroad, foreign partners, enterprises, others (ORGANISATION_KINDS' order); within a kind
 * by the Vietnamese name in Vietnamese collation ("Cần Thơ", "Đà Nẵng", "Hà Nội"), whatever the
 * list's language, so both editions of the book list the same order; people by compareInGroup.
 */
export function groupParticipants(rows: readonly ParticipantRow[], locale: Locale): ParticipantGroup[] {
  const groups = new Map<number, ParticipantGroup>();
  for (const row of rows) {
    let group = groups.get(row.organisationId);
    if (!group) {
      group = {
        organisationId: row.organisationId,
        kind: row.organisationKind,
        name: locale === "en" ? row.organisationEn : row.organisationVi,
        nameVi: row.organisationVi,
        nameEn: row.organisationEn,
        rows: [],
      };
      groups.set(row.organisationId, group);
    }
    group.rows.push(row);
  }
  const ordered = [...groups.values()].sort(
    (a, b) =>
      kindRank(a.kind) - kindRank(b.kind) ||
      collator.compare(a.nameVi, b.nameVi) ||
      a.organisationId - b.organisationId,
  );
  for (const group of ordered) group.rows.sort(compareInGroup);
  return ordered;
}

/** Every row in the list's order (name plates and sign-in sheets print one after another). */
export function sortParticipants(rows: readonly ParticipantRow[]): ParticipantRow[] {
  return groupParticipants(rows, "vi").flatMap((g) => g.rows);
}
