/**
 * Registration rules that need no database: the statuses and what may follow
 * each, who holds an in-person place, the initial status of a new registration,
 * badge codes and badge categories. Pure and unit-tested.
 */
import type { OrganisationKind } from "../../auth/roles";

export const HONORIFICS = ["mr", "ms", "he", "dr", "prof"] as const;
export type Honorific = (typeof HONORIFICS)[number];
export const MODES = ["in_person", "online"] as const;
export type AttendanceMode = (typeof MODES)[number];
export const STATUSES = ["pending", "approved", "waitlisted", "rejected", "cancelled"] as const;
export type RegistrationStatus = (typeof STATUSES)[number];
export const INTERPRETATIONS = ["none", "vi_to_en", "en_to_vi"] as const;
export type Interpretation = (typeof INTERPRETATIONS)[number];

/** Statuses that hold an in-person place (pending ones hold it while the organisers decide). */
export const HOLDING_STATUSES: readonly RegistrationStatus[] = ["pending", "approved"];

export function holdsInPersonPlace(r: { mode: AttendanceMode; status: RegistrationStatus }): boolean {
  return r.mode === "in_person" && HOLDING_STATUSES.includes(r.status);
}

export interface PlaceCounts {
  capacity: number;
  used: number;
  /** The organisation's in-person quota, or null for none. */
  quota: number | null;
  organisationUsed: number;
}

export type WaitReason = "capacity" | "quota";

/** Why an in-person registration would have to wait, or null when a place is free. */
export function waitReason(counts: PlaceCounts): WaitReason | null {
  if (counts.used >= counts.capacity) return "capacity";
  if (counts.quota !== null && counts.organisationUsed >= counts.quota) return "quota";
  return null;
}

/** Which status changes an organiser may make. */
const ORGANISER_MOVES: Record<RegistrationStatus, readonly RegistrationStatus[]> = {
  pending: ["approved", "rejected"],
  waitlisted: ["approved", "rejected"],
  approved: ["rejected", "pending"],
  rejected: ["pending", "approved"],
  cancelled: ["pending"],
};

export function organiserMayMove(from: RegistrationStatus, to: RegistrationStatus): boolean {
  return ORGANISER_MOVES[from].includes(to);
}

/** A delegate may cancel while the registration is alive. */
export function delegateMayCancel(status: RegistrationStatus): boolean {
  return status === "pending" || status === "approved" || status === "waitlisted";
}

/** Crockford's base32 without I, L, O, U: nothing to misread on a badge. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A badge code from 60 random bits: "K7QM-3XPA-9T2D". */
export function badgeCodeFrom(bytes: Uint8Array): string {
  let bits = 0n;
  for (const b of bytes.slice(0, 8)) bits = (bits << 8n) | BigInt(b);
  let out = "";
  for (let i = 0; i < 12; i++) {
    out += ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8, 12)}`;
}

/** What a person typed or a scanner read → the stored form, or null when it cannot be a code. */
export function normaliseBadgeCode(input: string): string | null {
  const cleaned = input
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (cleaned.length !== 12 || /[U]/.test(cleaned)) return null;
  return `${cleaned.slice(0, 4)}-${cleaned.slice(4, 8)}-${cleaned.slice(8, 12)}`;
}

/** Badge colour by delegate category: the organisation's kind. */
export const BADGE_CATEGORIES: Record<OrganisationKind, { colour: string; code: string }> = {
  ministry: { colour: "#1a3259", code: "BN" },
  province: { colour: "#b91c1c", code: "ĐP" },
  mission: { colour: "#047857", code: "CQĐD" },
  foreign: { colour: "#7c3aed", code: "QT" },
  enterprise: { colour: "#b45309", code: "DN" },
  other: { colour: "#475569", code: "KH" },
};
