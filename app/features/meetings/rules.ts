/**
 * The bilateral meetings' lists of values and fixed rules, pure (no database, no Remix): a
 * request's statuses and priorities, who asks and who is asked, the pairs open by default, the
 * cooling-off after a withdrawal. db/schema.ts takes its column types from here.
 */
import type { OrganisationKind } from "../../auth/roles";
import { foldForSearch } from "../../lib/text";

export const MEETING_REQUEST_STATUSES = ["pending", "accepted", "declined", "withdrawn"] as const;
export type MeetingRequestStatus = (typeof MEETING_REQUEST_STATUSES)[number];

/** 3 is the most wanted; the form sends them as text. */
export const MEETING_PRIORITIES = ["1", "2", "3"] as const;
export type MeetingPriority = 1 | 2 | 3;

/** Who asks for meetings (provinces and ministries); every other kind is asked. */
export const REQUESTER_KINDS: OrganisationKind[] = ["province", "ministry"];
/** The kinds the organisers may open to requests, across the pairs grid. */
export const COUNTERPART_KINDS: OrganisationKind[] = ["mission", "foreign", "enterprise"];

/** Who may ask whom until the organisers say otherwise. */
export const DEFAULT_ALLOWED_PAIRS: Array<[OrganisationKind, OrganisationKind]> = [
  ["province", "mission"],
  ["ministry", "mission"],
  ["province", "foreign"],
  ["ministry", "foreign"],
];

/** After withdrawing, the same party can be asked again, and the cap forgets the request, only this much later. */
export const COOLING_OFF_MINUTES = 60;

/**
 * The sectors a meeting is about, as codes (stored in meeting_requests.sector and, with a free
 * note, in meeting_parties.sectors), shown in the reader's language ("meetings.sector.<code>").
 * The demo seed imports this list.
 */
export const MEETING_SECTORS = [
  "investment",
  "trade",
  "agriculture",
  "tourism",
  "education",
  "labour",
  "science_technology",
  "culture",
  "health",
  "other",
] as const;
export type MeetingSector = (typeof MEETING_SECTORS)[number];

export const isMeetingSector = (value: string): value is MeetingSector =>
  (MEETING_SECTORS as readonly string[]).includes(value);

/** The labels in both languages and a few usual spellings, folded: what older free text is read back as. */
const SECTOR_SPELLINGS: Record<MeetingSector, string[]> = {
  investment: ["dau tu", "investment", "xuc tien dau tu"],
  trade: ["thuong mai", "trade", "xuat nhap khau", "xuc tien thuong mai"],
  agriculture: ["nong nghiep", "agriculture"],
  tourism: ["du lich", "tourism"],
  education: ["giao duc", "education", "giao duc dao tao", "dao tao", "giao duc va dao tao"],
  labour: ["lao dong", "labour", "labor"],
  science_technology: [
    "khoa hoc va cong nghe",
    "khoa hoc cong nghe",
    "science and technology",
    "science technology",
    "science_technology",
  ],
  culture: ["van hoa", "culture"],
  health: ["y te", "health"],
  other: ["khac", "other"],
};

/** The code a stored or typed sector stands for ("agriculture", "Nông nghiệp", "nong nghiep"), or null. */
export function sectorCode(value: string): MeetingSector | null {
  const trimmed = value.trim();
  if (isMeetingSector(trimmed)) return trimmed;
  const folded = foldForSearch(value);
  for (const code of MEETING_SECTORS) if (SECTOR_SPELLINGS[code].includes(folded)) return code;
  return null;
}

/** A party's sectors: codes from the list, and a free note for what the list does not name. */
export interface PartySectors {
  codes: MeetingSector[];
  note: string;
}

/**
 * Reads meeting_parties.sectors: "agriculture,investment|Logistics cảng biển" (codes, then the
 * note after "|"), and older free text ("Nông nghiệp, Đầu tư, Logistics"), whose labels become
 * codes and the rest the note.
 */
export function decodeSectors(stored: string | null | undefined): PartySectors {
  const text = stored ?? "";
  const bar = text.indexOf("|");
  const list = bar >= 0 ? text.slice(0, bar) : text;
  const codes: MeetingSector[] = [];
  const rest: string[] = [];
  for (const item of list.split(/[,;]/)) {
    const trimmed = item.trim();
    if (!trimmed) continue;
    const code = sectorCode(trimmed);
    if (code) {
      if (!codes.includes(code)) codes.push(code);
    } else rest.push(trimmed);
  }
  if (bar >= 0 && text.slice(bar + 1).trim()) rest.push(text.slice(bar + 1).trim());
  return { codes: MEETING_SECTORS.filter((c) => codes.includes(c)), note: rest.join(", ") };
}

/** Writes meeting_parties.sectors: the codes in the list's order, then "|" and the note when there is one. */
export function encodeSectors({ codes, note }: PartySectors): string {
  const list = MEETING_SECTORS.filter((c) => codes.includes(c)).join(",");
  const cleanNote = note.replace(/\|/g, "/").trim();
  return cleanNote ? `${list}|${cleanNote}` : list;
}

/** A sector as the reader reads it: a code's label in their language; older free text as it was typed. */
export function sectorLabel(translate: (key: `meetings.sector.${MeetingSector}`) => string, value: string): string {
  const code = sectorCode(value);
  return code ? translate(`meetings.sector.${code}`) : value;
}

/** A party's sectors as one line: the labels, then the note. */
export function sectorsText(
  translate: (key: `meetings.sector.${MeetingSector}`) => string,
  stored: string | null | undefined,
): string {
  const { codes, note } = decodeSectors(stored);
  return [...codes.map((c) => translate(`meetings.sector.${c}`)), note].filter(Boolean).join(", ");
}
