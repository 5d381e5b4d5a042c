/**
 * The registry's list (filters, lateness, paging), the form's choices and the CSV rows. Lateness is
 * counted in working days with the holidays, so it is worked out here rather than in SQL; a
 * conference records a few hundred agreements.
 */
import { sql } from "kysely";
import { foldForSearch } from "~/lib/text";
import type { Db } from "~/platform/types";
import type { AgreementField, AgreementKind, AgreementState } from "../rules";
import { SIGNING_KINDS, type AgreementScope } from "./access.server";
import { lateness, type Lateness } from "./deadlines";
import { AGREEMENTS_PAGE_SIZE, type AgreementFilters } from "./schema";

export interface AgreementRow extends Lateness {
  id: number;
  organisationId: number;
  partyVi: string;
  partyEn: string;
  region: string | null;
  title: string;
  foreignParty: string;
  countryCode: string;
  field: AgreementField;
  kind: AgreementKind;
  state: AgreementState;
  sent_for_opinion_on: string | null;
  opinion_received_on: string | null;
  signed_on: string | null;
  signedPlace: string;
  reported_on: string | null;
  in_force_on: string | null;
  ended_on: string | null;
  missionVi: string | null;
  missionEn: string | null;
  updatedAt: string;
}

/** Every agreement the scope sees that matches the filters, newest first (the CSV takes them all). */
export async function filteredAgreements(
  db: Db,
  scope: AgreementScope,
  filters: AgreementFilters,
  today: string,
): Promise<AgreementRow[]> {
  let q = db
    .selectFrom("agreements as a")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .leftJoin("organisations as m", "m.id", "a.mission_id")
    .select([
      "a.id",
      "a.organisation_id",
      "o.name_vi",
      "o.name_en",
      "o.region",
      "a.title",
      "a.foreign_party",
      "a.country_code",
      "a.field",
      "a.kind",
      "a.state",
      "a.sent_for_opinion_on",
      "a.opinion_received_on",
      "a.signed_on",
      "a.signed_place",
      "a.reported_on",
      "a.in_force_on",
      "a.ended_on",
      "m.name_vi as mission_vi",
      "m.name_en as mission_en",
      "a.updated_at",
    ])
    .where("a.conference_id", "=", scope.conferenceId);
  const organisationId = scope.organisationId ?? filters.organisationId ?? null;
  if (organisationId !== null) q = q.where("a.organisation_id", "=", organisationId);
  if (filters.countryCode) q = q.where("a.country_code", "=", filters.countryCode);
  if (filters.field) q = q.where("a.field", "=", filters.field);
  if (filters.kind) q = q.where("a.kind", "=", filters.kind);
  if (filters.state) q = q.where("a.state", "=", filters.state);
  const rows = await q.orderBy("a.updated_at", "desc").orderBy("a.id", "desc").execute();
  // Diacritics ignored: "ha noi" finds "Hà Nội" (titles are not stored folded, so fold here).
  const words = filters.search ? foldForSearch(filters.search) : "";
  return rows
    .map((row): AgreementRow => ({
      id: row.id,
      organisationId: row.organisation_id,
      partyVi: row.name_vi,
      partyEn: row.name_en,
      region: row.region,
      title: row.title,
      foreignParty: row.foreign_party,
      countryCode: row.country_code,
      field: row.field,
      kind: row.kind,
      state: row.state,
      sent_for_opinion_on: row.sent_for_opinion_on,
      opinion_received_on: row.opinion_received_on,
      signed_on: row.signed_on,
      signedPlace: row.signed_place,
      reported_on: row.reported_on,
      in_force_on: row.in_force_on,
      ended_on: row.ended_on,
      missionVi: row.mission_vi,
      missionEn: row.mission_en,
      updatedAt: row.updated_at,
      ...lateness(row, today),
    }))
    .filter((row) => !words || foldForSearch(`${row.title} ${row.foreignParty}`).includes(words))
    .filter((row) => {
      if (filters.late === "opinion") return row.opinionLate;
      if (filters.late === "report") return row.reportLate;
      if (filters.late === "any") return row.opinionLate || row.reportLate;
      return true;
    });
}

export interface AgreementPage {
  rows: AgreementRow[];
  total: number;
  page: number;
  pages: number;
}

export async function listAgreements(
  db: Db,
  scope: AgreementScope,
  filters: AgreementFilters,
  today: string,
): Promise<AgreementPage> {
  const all = await filteredAgreements(db, scope, filters, today);
  const pages = Math.max(1, Math.ceil(all.length / AGREEMENTS_PAGE_SIZE));
  const page = Math.min(filters.page ?? 1, pages);
  const start = (page - 1) * AGREEMENTS_PAGE_SIZE;
  return { rows: all.slice(start, start + AGREEMENTS_PAGE_SIZE), total: all.length, page, pages };
}

export interface Choice {
  id: number;
  nameVi: string;
  nameEn: string;
}

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });
const byName = (a: Choice, b: Choice) => collator.compare(a.nameVi, b.nameVi) || a.id - b.id;

/** The Vietnamese parties staff may pick: provinces and ministries. */
export async function partyChoices(db: Db): Promise<Choice[]> {
  const rows = await db
    .selectFrom("organisations")
    .select(["id", "name_vi as nameVi", "name_en as nameEn"])
    .where("kind", "in", [...SIGNING_KINDS])
    .execute();
  return rows.sort(byName);
}

/** The missions abroad that may have helped. */
export async function missionChoices(db: Db): Promise<Choice[]> {
  const rows = await db
    .selectFrom("organisations")
    .select(["id", "name_vi as nameVi", "name_en as nameEn"])
    .where("kind", "=", "mission")
    .execute();
  return rows.sort(byName);
}

export interface MeetingRequestChoice {
  id: number;
  /** The party's side and its counterpart in the meeting. */
  partyVi: string;
  partyEn: string;
  counterpartVi: string;
  counterpartEn: string;
  sector: string;
  organisationId: number;
}

/** The accepted meeting requests of a party (or of every party for staff), the agreement may come from. */
export async function meetingRequestChoices(
  db: Db,
  conferenceId: number,
  organisationId: number | null,
): Promise<MeetingRequestChoice[]> {
  let q = db
    .selectFrom("meeting_requests as r")
    .innerJoin("organisations as f", "f.id", "r.from_organisation_id")
    .innerJoin("organisations as t", "t.id", "r.to_organisation_id")
    .select([
      "r.id",
      "r.sector",
      "r.from_organisation_id",
      "r.to_organisation_id",
      "f.name_vi as from_vi",
      "f.name_en as from_en",
      "t.name_vi as to_vi",
      "t.name_en as to_en",
    ])
    .where("r.conference_id", "=", conferenceId)
    .where("r.status", "=", "accepted");
  if (organisationId !== null)
    q = q.where((eb) =>
      eb.or([eb("r.from_organisation_id", "=", organisationId), eb("r.to_organisation_id", "=", organisationId)]),
    );
  const rows = await q.orderBy(sql`r.id`).execute();
  return rows.map((row) => {
    const fromParty = organisationId === null || row.from_organisation_id === organisationId;
    return {
      id: row.id,
      partyVi: fromParty ? row.from_vi : row.to_vi,
      partyEn: fromParty ? row.from_en : row.to_en,
      counterpartVi: fromParty ? row.to_vi : row.from_vi,
      counterpartEn: fromParty ? row.to_en : row.from_en,
      sector: row.sector,
      organisationId: fromParty ? row.from_organisation_id : row.to_organisation_id,
    };
  });
}

/** The countries agreements were recorded with in this conference (the filter's choices). */
export async function recordedCountries(db: Db, scope: AgreementScope): Promise<string[]> {
  let q = db.selectFrom("agreements").select("country_code").distinct().where("conference_id", "=", scope.conferenceId);
  if (scope.organisationId !== null) q = q.where("organisation_id", "=", scope.organisationId);
  return (await q.execute()).map((r) => r.country_code);
}
