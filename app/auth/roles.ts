export const ROLES = ["organiser", "secretariat", "delegate", "exhibitor"] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_KINDS = ["ministry", "province", "mission", "foreign", "enterprise", "other"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** What kind of mission abroad an organisation of kind "mission" is. */
export const MISSION_TYPES = ["embassy", "consulate_general", "permanent_mission"] as const;
export type MissionType = (typeof MISSION_TYPES)[number];

export const REGIONS = [
  "northern_midlands_mountains",
  "red_river_delta",
  "north_central_central_coast",
  "central_highlands",
  "southeast",
  "mekong_delta",
] as const;
export type Region = (typeof REGIONS)[number];
