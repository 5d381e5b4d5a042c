import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/**
 * The typed database. better-sqlite3 returns no Date or boolean: instants are
 * ISO-8601 UTC text ("2021-12-13T01:00:00.000Z"), flags are 0/1 integers.
 * Conversion happens in the models, never in routes.
 */
export type IsoInstant = string;

export type OrganisationKind = "ministry" | "province" | "mission" | "foreign" | "enterprise" | "other";
export type MissionType = "embassy" | "consulate_general" | "permanent_mission";
export type Role = "organiser" | "secretariat" | "delegate" | "exhibitor";
export type Locale = "vi" | "en";
export type ConferenceFormat = "in_person" | "hybrid" | "online";

export interface ConferencesTable {
  id: Generated<number>;
  edition: number;
  title_vi: string;
  title_en: string;
  theme_vi: string;
  theme_en: string;
  starts_at: IsoInstant;
  ends_at: IsoInstant;
  time_zone: string;
  venue_vi: string;
  venue_en: string;
  format: ConferenceFormat;
  in_person_capacity: number;
  registration_opens_at: IsoInstant | null;
  registration_closes_at: IsoInstant | null;
  created_at: IsoInstant;
  updated_at: IsoInstant;
}

export interface OrganisationsTable {
  id: Generated<number>;
  code: string;
  kind: OrganisationKind;
  name_vi: string;
  name_en: string;
  abbreviation: string | null;
  mission_type: MissionType | null;
  country_code: string | null;
  country_vi: string | null;
  country_en: string | null;
  city_vi: string | null;
  city_en: string | null;
  time_zone: string | null;
  region: string | null;
  /** Lower-case, diacritic-free names for searching ("ha noi" finds "Hà Nội"). */
  search_key: string;
  created_at: IsoInstant;
}

export interface UsersTable {
  id: string;
  email: string;
  full_name: string;
  role: Role;
  organisation_id: number | null;
  password_hash: string | null;
  locale: Locale;
  time_zone: string | null;
  disabled_at: IsoInstant | null;
  created_at: IsoInstant;
  updated_at: IsoInstant;
}

/** Lucia's sessions (sign-in sessions, not conference sessions). */
export interface AuthSessionsTable {
  id: string;
  user_id: string;
  expires_at: IsoInstant;
  created_at: IsoInstant;
}

export interface InvitationsTable {
  id: Generated<number>;
  email: string;
  full_name: string;
  role: Role;
  organisation_id: number | null;
  /** SHA-256 of the token in the link; the token itself is never stored. */
  token_hash: string;
  expires_at: IsoInstant;
  used_at: IsoInstant | null;
  revoked_at: IsoInstant | null;
  invited_by: string | null;
  created_at: IsoInstant;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  key: string;
  at: IsoInstant;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: IsoInstant;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  detail: string | null;
  ip: string | null;
}

export interface OutboxTable {
  id: Generated<number>;
  to_email: string;
  subject: string;
  body_text: string;
  kind: string;
  created_at: IsoInstant;
  sent_at: IsoInstant | null;
  error: string | null;
}

export interface Database {
  conferences: ConferencesTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  auth_sessions: AuthSessionsTable;
  invitations: InvitationsTable;
  login_failures: LoginFailuresTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
}

export type Conference = Selectable<ConferencesTable>;
export type NewConference = Insertable<ConferencesTable>;
export type ConferenceUpdate = Updateable<ConferencesTable>;
export type Organisation = Selectable<OrganisationsTable>;
export type NewOrganisation = Insertable<OrganisationsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type Invitation = Selectable<InvitationsTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type OutboxMessage = Selectable<OutboxTable>;
// Keep ColumnType referenced for later tables that need distinct insert/select types.
export type _ColumnType<S, I, U> = ColumnType<S, I, U>;
