/**
 * The bilateral meetings' lists of values and fixed rules, pure (no database, no Remix): a
 * request's statuses and priorities, who asks and who is asked, the pairs open by default, the
 * cooling-off after a withdrawal. db/schema.ts takes its column types from here.
 */
import type { OrganisationKind } from "../../auth/roles";

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
