/**
 * The proceedings' shared lists of values (documents, agreements, the book's sections): pure, used by
 * the migration's checks (kept in step by a unit test), the schemas, the models and the pages.
 */

/** A speech, a report, a presentation, or a discussion session's summary written by its rapporteur. */
export const DOCUMENT_KINDS = ["speech", "report", "presentation", "summary"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_STATES = ["draft", "final"] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];

export const DOCUMENT_LANGUAGES = ["vi", "en"] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

/** Bounds: a 100-page speech is about 300,000 characters; the limit leaves room and stops abuse. */
export const DOCUMENT_LIMITS = { title: 300, body: 600_000, imageBytes: 5 * 1024 * 1024, imagesPerDocument: 20 };

/**
 * The procedure of the Law on International Agreements 2020 (Law 70/2020/QH14, articles 18–19) and
 * Decree 64/2021, in order.
 */
export const AGREEMENT_STATES = [
  "drafted",
  "sent_for_opinion",
  "opinion_received",
  "signed",
  "reported",
  "in_force",
  "ended",
] as const;
export type AgreementState = (typeof AGREEMENT_STATES)[number];

export const AGREEMENT_KINDS = ["agreement", "memorandum", "letter_of_intent"] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const AGREEMENT_FIELDS = [
  "economy",
  "trade",
  "investment",
  "agriculture",
  "education",
  "health",
  "culture",
  "tourism",
  "science",
  "labour",
  "environment",
  "friendship",
  "other",
] as const;
export type AgreementField = (typeof AGREEMENT_FIELDS)[number];

/** The Ministry answers a request for its opinion within 7 working days (Law 70/2020, art. 18). */
export const OPINION_WORKING_DAYS = 7;
/** The locality reports within 15 days of signing (Law 70/2020, art. 19). */
export const REPORT_DAYS = 15;

/** The book's sections, in their default order. */
export const PROCEEDINGS_SECTIONS = [
  "cover",
  "foreword",
  "contents",
  "programme",
  "speeches",
  "summaries",
  "figures",
  "participants",
  "meetings",
  "catalogue",
  "agreements",
] as const;
export type ProceedingsSection = (typeof PROCEEDINGS_SECTIONS)[number];

/** The job kinds of this feature (app/cli/job-kinds.ts maps them to handlers). */
export const PROCEEDINGS_JOB = "proceedings.book";
export const PARTICIPANT_LIST_JOB = "proceedings.participants";
export const NAME_PLATES_JOB = "proceedings.namePlates";
export const SIGN_IN_SHEETS_JOB = "proceedings.signInSheets";
