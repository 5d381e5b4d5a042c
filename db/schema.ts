import type { Generated, Insertable, Selectable, Updateable } from "kysely";
import type { MissionType, OrganisationKind, Role } from "../app/auth/roles";
import type { ConferenceFormat } from "../app/features/people/conference-schema";
import type { AttendanceMode, Honorific, Interpretation, RegistrationStatus } from "../app/features/registration/rules";
import type { SessionKind, SessionRole } from "../app/features/agenda/rules";
import type { MeetingRequestStatus } from "../app/features/meetings/rules";
import type {
  ApplicationStatus,
  BoothType,
  ExhibitorKind,
  ObstacleKind,
  ProductCategory,
  Zone,
} from "../app/features/exhibition/rules";
import type {
  AgreementField,
  AgreementKind,
  AgreementState,
  DocumentKind,
  DocumentLanguage,
  DocumentState,
} from "../app/features/proceedings/rules";
import type { Locale } from "../app/lib/locale";

/**
 * The typed database. better-sqlite3 returns no Date or boolean: instants are
 * ISO-8601 UTC text ("2021-12-13T01:00:00.000Z"), flags are 0/1 integers.
 * Conversion happens in the models, never in routes.
 */
export type IsoInstant = string;

// People's and the registration's lists of values live with their constants (app/auth/roles.ts, app/features/*/rules.ts).
export type { ConferenceFormat, MissionType, OrganisationKind, Role };
export type { Locale };

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
  /** 1 for the head of the organisation (ambassador, consul general): answers its meeting requests. */
  heads_organisation: Generated<number>;
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

/** A registration sent through the public form and not confirmed yet (decision 011). */
export interface RegistrationRequestsTable {
  id: Generated<number>;
  conference_id: number;
  invitation_id: number;
  email: string;
  full_name: string;
  organisation_id: number;
  input: string;
  ip: string | null;
  created_at: IsoInstant;
  expires_at: IsoInstant;
  registration_id: number | null;
  confirmed_at: IsoInstant | null;
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
  /** What the link is for (migration 010). */
  purpose: Generated<InvitationPurpose>;
}

export type InvitationPurpose = "invite" | "registration" | "reset";

export interface ThrottleEventsTable {
  id: Generated<number>;
  key: string;
  at: IsoInstant;
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
  attempts: Generated<number>;
  registration_id: number | null;
  /** The sending pass that holds the message, until claimed_until. */
  claim_token: string | null;
  claimed_until: IsoInstant | null;
  /** Migration 010: not to be sent before this instant (grouped meeting mail). */
  not_before: IsoInstant | null;
}

export type { AttendanceMode, Honorific, Interpretation, RegistrationStatus };
// The agenda's and the meetings' lists of values live with their rules (app/features/*/rules.ts).
export type { MeetingRequestStatus, SessionKind, SessionRole };

export interface RegistrationsTable {
  id: Generated<number>;
  conference_id: number;
  user_id: string | null;
  organisation_id: number;
  honorific: Honorific;
  full_name: string;
  position: string;
  email: string;
  phone: string;
  mode: AttendanceMode;
  status: RegistrationStatus;
  interpretation: Interpretation;
  dietary: string;
  consent_to_list: number;
  /** Unguessable code printed as the badge's QR and typed at check-in. */
  badge_code: string;
  /** Order on the waiting list. */
  waitlisted_at: IsoInstant | null;
  status_changed_at: IsoInstant;
  decided_by: string | null;
  checked_in_at: IsoInstant | null;
  checked_in_by: string | null;
  organiser_note: string;
  search_key: string;
  created_at: IsoInstant;
  updated_at: IsoInstant;
}

export interface KindQuotasTable {
  conference_id: number;
  kind: OrganisationKind;
  places: number;
}

export interface OrganisationQuotasTable {
  conference_id: number;
  organisation_id: number;
  places: number;
}

/** The programme's sessions (the agenda extends this table). */
export interface SessionsTable {
  id: Generated<number>;
  conference_id: number;
  kind: SessionKind;
  title_vi: string;
  title_en: string;
  description_vi: string;
  description_en: string;
  starts_at: IsoInstant;
  ends_at: IsoInstant;
  stream_url: string | null;
  published: number;
  room_id: number | null;
  requires_signup: Generated<number>;
  /** In-person places; null means the room's capacity. */
  capacity: number | null;
  /** The calendars' SEQUENCE: one more each time the time, room or title changes. */
  sequence: Generated<number>;
  created_at: IsoInstant;
  updated_at: IsoInstant;
}

export interface RoomsTable {
  id: Generated<number>;
  conference_id: number;
  name_vi: string;
  name_en: string;
  capacity: number;
  stream_url: string | null;
  notes: string;
  sort_order: number;
  created_at: IsoInstant;
  updated_at: IsoInstant;
}

export interface SessionPeopleTable {
  session_id: number;
  registration_id: number;
  role: SessionRole;
  position: number;
}

/** A session without sign-up a delegate put on their own agenda. */
export interface SessionFavouritesTable {
  registration_id: number;
  session_id: number;
  created_at: IsoInstant;
}

export interface SessionSignupsTable {
  session_id: number;
  registration_id: number;
  mode: AttendanceMode;
  created_at: IsoInstant;
}

export interface JoinLinksTable {
  token: string;
  registration_id: number;
  session_id: number;
  created_at: IsoInstant;
  first_joined_at: IsoInstant | null;
  last_joined_at: IsoInstant | null;
  join_count: Generated<number>;
}

export interface RegistrationEventsTable {
  id: Generated<number>;
  registration_id: number;
  at: IsoInstant;
  from_status: RegistrationStatus | null;
  to_status: RegistrationStatus;
  mode: AttendanceMode;
}

export interface MeetingBlocksTable {
  id: Generated<number>;
  conference_id: number;
  session_id: number;
  slot_minutes: number;
  gap_minutes: number;
  table_count: number;
  requests_close_at: IsoInstant | null;
  answers_close_at: IsoInstant | null;
  max_requests_per_organisation: number | null;
  /** JSON: [requester kind, counterpart kind][] */
  allowed_pairs: string;
  created_at: IsoInstant;
  updated_at: IsoInstant;
}

export interface MeetingSlotsTable {
  id: Generated<number>;
  block_id: number;
  starts_at: IsoInstant;
  ends_at: IsoInstant;
}

export interface MeetingTablesTable {
  id: Generated<number>;
  block_id: number;
  number: number;
  label: string;
  room_id: number | null;
}

export interface MeetingRequestsTable {
  id: Generated<number>;
  conference_id: number;
  from_organisation_id: number;
  to_organisation_id: number;
  sector: string;
  ask: string;
  priority: number;
  status: MeetingRequestStatus;
  decline_reason: string;
  requested_by: string | null;
  answered_by: string | null;
  created_at: IsoInstant;
  answered_at: IsoInstant | null;
  /** Migration 010: when it was withdrawn (the cooling-off period runs from here). */
  withdrawn_at: IsoInstant | null;
}

export interface MeetingPartiesTable {
  conference_id: number;
  organisation_id: number;
  max_meetings: number | null;
  limits_availability: number;
  /** The sectors the party covers, as typed ("Nông nghiệp, Đầu tư"), and folded for search. */
  sectors: Generated<string>;
  sectors_key: Generated<string>;
}

export interface MeetingAvailabilityTable {
  organisation_id: number;
  slot_id: number;
}

export interface MeetingsTable {
  id: Generated<number>;
  request_id: number;
  slot_id: number;
  table_id: number | null;
  video_url: string | null;
  locked: number;
  outcome: string;
  follow_up: string;
  outcome_recorded_by: string | null;
  outcome_recorded_at: IsoInstant | null;
  created_at: IsoInstant;
  updated_at: IsoInstant;
}

export interface MeetingParticipantsTable {
  meeting_id: number;
  slot_id: number;
  organisation_id: number;
}

// Migration 012: the exhibition. Lengths in metres from the hall's top-left corner, areas in m².
export interface ExhibitionSettingsTable {
  conference_id: number;
  /** The plan and catalogue are shown to the public (signed-in delegates always see them). */
  published: Generated<number>;
  applications_close_at: IsoInstant | null;
  updated_at: IsoInstant;
}

export interface ExhibitionHallsTable {
  id: Generated<number>;
  conference_id: number;
  code: string;
  name_vi: string;
  name_en: string;
  width_m: number;
  depth_m: number;
  /** JSON list of [x, y] corners; "" is the rectangle width × depth. */
  outline: Generated<string>;
  grid_m: Generated<number>;
  min_aisle_m: Generated<number>;
  position: Generated<number>;
  created_at: IsoInstant;
  updated_at: IsoInstant;
}

export interface ExhibitionObstaclesTable {
  id: Generated<number>;
  hall_id: number;
  kind: ObstacleKind;
  x: number;
  y: number;
  w: number;
  h: number;
  label: Generated<string>;
}

export interface BoothsTable {
  id: Generated<number>;
  conference_id: number;
  hall_id: number;
  code: string;
  zone: Zone;
  type: BoothType;
  x: number;
  y: number;
  w: number;
  h: number;
  area: number;
  power: Generated<number>;
  water: Generated<number>;
  held: Generated<number>;
  note: Generated<string>;
  created_at: IsoInstant;
  updated_at: IsoInstant;
}

export interface ExhibitorsTable {
  id: Generated<number>;
  conference_id: number;
  user_id: string | null;
  name_vi: string;
  name_en: Generated<string>;
  kind: ExhibitorKind;
  province_id: number | null;
  contact_name: string;
  contact_email: string;
  contact_phone: Generated<string>;
  website: Generated<string>;
  about_vi: Generated<string>;
  about_en: Generated<string>;
  status: Generated<ApplicationStatus>;
  decision_reason: Generated<string>;
  booths_needed: Generated<number>;
  min_area: Generated<number>;
  /** JSON array of Zone, ranked (at most three). */
  zone_wishes: Generated<string>;
  /** JSON array of BoothType (empty: any). */
  type_wishes: Generated<string>;
  near_province: Generated<number>;
  apart_category: ProductCategory | null;
  needs_power: Generated<number>;
  needs_water: Generated<number>;
  change_request: Generated<string>;
  change_requested_at: IsoInstant | null;
  submitted_at: IsoInstant | null;
  decided_at: IsoInstant | null;
  decided_by: string | null;
  created_at: IsoInstant;
  updated_at: IsoInstant;
}

export interface ExhibitorNeighboursTable {
  exhibitor_id: number;
  neighbour_id: number;
}

export interface ExhibitorProductsTable {
  id: Generated<number>;
  exhibitor_id: number;
  position: Generated<number>;
  name_vi: string;
  name_en: Generated<string>;
  category: ProductCategory;
  description_vi: Generated<string>;
  description_en: Generated<string>;
  created_at: IsoInstant;
  updated_at: IsoInstant;
}

export interface ExhibitorPhotosTable {
  id: Generated<number>;
  exhibitor_id: number;
  product_id: number | null;
  storage_key: string;
  content_type: string;
  width: number;
  height: number;
  bytes: number;
  caption: Generated<string>;
  uploaded_by: string | null;
  created_at: IsoInstant;
}

export interface BoothAllocationsTable {
  booth_id: number;
  conference_id: number;
  exhibitor_id: number;
  locked: Generated<number>;
  confirmed_at: IsoInstant | null;
  source: "hand" | "auto";
  allocated_by: string | null;
  allocated_at: IsoInstant;
}

/** A background job (app/platform/jobs): long work in a worker thread, its progress and result file. */
export interface JobsTable {
  id: Generated<number>;
  conference_id: number | null;
  kind: string;
  /** JSON */
  input: Generated<string>;
  state: Generated<"queued" | "running" | "done" | "failed">;
  progress: Generated<number>;
  step: Generated<string>;
  /** JSON */
  step_params: Generated<string>;
  result_path: string | null;
  result_name: string | null;
  result_type: string | null;
  result_bytes: number | null;
  error: string | null;
  created_by: string | null;
  created_at: IsoInstant;
  started_at: IsoInstant | null;
  finished_at: IsoInstant | null;
  /** Migration 014, JSON: what the file is (a proceedings version: pages, sections). */
  result_meta: Generated<string>;
}

// Migration 014: the proceedings.
export interface DocumentsTable {
  id: Generated<number>;
  conference_id: number;
  kind: DocumentKind;
  title: string;
  author_registration_id: number | null;
  author_name: Generated<string>;
  session_id: number | null;
  language: Generated<DocumentLanguage>;
  state: Generated<DocumentState>;
  /** Markdown. */
  body: Generated<string>;
  position: Generated<number>;
  finalised_at: IsoInstant | null;
  created_by: string | null;
  updated_by: string | null;
  created_at: IsoInstant;
  updated_at: IsoInstant;
}

export interface DocumentImagesTable {
  id: Generated<number>;
  document_id: number;
  storage_key: string;
  content_type: string;
  width: number;
  height: number;
  bytes: number;
  caption: Generated<string>;
  created_by: string | null;
  created_at: IsoInstant;
}

/** Calendar dates are "YYYY-MM-DD" in the conference's zone. */
export interface AgreementsTable {
  id: Generated<number>;
  conference_id: number;
  organisation_id: number;
  title: string;
  foreign_party: string;
  country_code: string;
  field: AgreementField;
  kind: AgreementKind;
  state: Generated<AgreementState>;
  sent_for_opinion_on: string | null;
  opinion_received_on: string | null;
  signed_on: string | null;
  signed_place: Generated<string>;
  reported_on: string | null;
  in_force_on: string | null;
  ended_on: string | null;
  mission_id: number | null;
  meeting_request_id: number | null;
  summary: Generated<string>;
  created_by: string | null;
  updated_by: string | null;
  created_at: IsoInstant;
  updated_at: IsoInstant;
}

export interface ProceedingsSettingsTable {
  conference_id: number;
  /** JSON: ProceedingsSection[] in order. */
  sections: string;
  title: Generated<string>;
  subtitle: Generated<string>;
  edition_label: Generated<string>;
  theme: Generated<string>;
  dates_label: Generated<string>;
  venue: Generated<string>;
  publisher: Generated<string>;
  foreword: Generated<string>;
  language: Generated<DocumentLanguage>;
  updated_by: string | null;
  updated_at: IsoInstant;
}

export interface Database {
  conferences: ConferencesTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  auth_sessions: AuthSessionsTable;
  invitations: InvitationsTable;
  registration_requests: RegistrationRequestsTable;
  throttle_events: ThrottleEventsTable;
  login_failures: LoginFailuresTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  registrations: RegistrationsTable;
  kind_quotas: KindQuotasTable;
  organisation_quotas: OrganisationQuotasTable;
  sessions: SessionsTable;
  join_links: JoinLinksTable;
  registration_events: RegistrationEventsTable;
  rooms: RoomsTable;
  session_people: SessionPeopleTable;
  session_signups: SessionSignupsTable;
  session_favourites: SessionFavouritesTable;
  meeting_blocks: MeetingBlocksTable;
  meeting_slots: MeetingSlotsTable;
  meeting_tables: MeetingTablesTable;
  meeting_requests: MeetingRequestsTable;
  meeting_parties: MeetingPartiesTable;
  meeting_availability: MeetingAvailabilityTable;
  meetings: MeetingsTable;
  meeting_participants: MeetingParticipantsTable;
  exhibition_settings: ExhibitionSettingsTable;
  exhibition_halls: ExhibitionHallsTable;
  exhibition_obstacles: ExhibitionObstaclesTable;
  booths: BoothsTable;
  exhibitors: ExhibitorsTable;
  exhibitor_neighbours: ExhibitorNeighboursTable;
  exhibitor_products: ExhibitorProductsTable;
  exhibitor_photos: ExhibitorPhotosTable;
  booth_allocations: BoothAllocationsTable;
  jobs: JobsTable;
  documents: DocumentsTable;
  document_images: DocumentImagesTable;
  agreements: AgreementsTable;
  proceedings_settings: ProceedingsSettingsTable;
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
export type Registration = Selectable<RegistrationsTable>;
export type NewRegistration = Insertable<RegistrationsTable>;
export type ConferenceSession = Selectable<SessionsTable>;
