/**
 * The agreements' figures: the dashboard's panel, the book's "figures" and "agreements signed"
 * sections. Country names are not stored: pages and the book show them with Intl.DisplayNames.
 */
import type { Db } from "~/platform/types";
import {
  AGREEMENT_FIELDS,
  AGREEMENT_KINDS,
  AGREEMENT_STATES,
  type AgreementField,
  type AgreementKind,
  type AgreementState,
} from "../rules";
import { lateness } from "./deadlines";
import { stateIndex } from "./transitions";

export interface AgreementCounts {
  total: number;
  byState: Record<AgreementState, number>;
  /** The Vietnamese party's region (organisations.region); null: none recorded. Largest first. */
  byRegion: { region: string | null; count: number }[];
  /** Largest first. */
  byCountry: { countryCode: string; count: number }[];
  byField: Record<AgreementField, number>;
  byKind: Record<AgreementKind, number>;
  late: { opinion: number; report: number };
  /** Signed or later. */
  signed: number;
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

function ranked<K>(counts: Map<K, number>): { key: K; count: number }[] {
  return [...counts.entries()]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || String(a.key ?? "~").localeCompare(String(b.key ?? "~")));
}

/** `today`: YYYY-MM-DD in the conference's zone (lateness is counted against it). */
export async function agreementCounts(db: Db, conferenceId: number, today: string): Promise<AgreementCounts> {
  const rows = await db
    .selectFrom("agreements as a")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .select([
      "a.state",
      "a.field",
      "a.kind",
      "a.country_code",
      "a.sent_for_opinion_on",
      "a.opinion_received_on",
      "a.signed_on",
      "a.reported_on",
      "o.region",
    ])
    .where("a.conference_id", "=", conferenceId)
    .execute();
  const counts: AgreementCounts = {
    total: rows.length,
    byState: zeros(AGREEMENT_STATES),
    byRegion: [],
    byCountry: [],
    byField: zeros(AGREEMENT_FIELDS),
    byKind: zeros(AGREEMENT_KINDS),
    late: { opinion: 0, report: 0 },
    signed: 0,
  };
  const regions = new Map<string | null, number>();
  const countries = new Map<string, number>();
  for (const row of rows) {
    counts.byState[row.state] += 1;
    counts.byField[row.field] += 1;
    counts.byKind[row.kind] += 1;
    if (stateIndex(row.state) >= stateIndex("signed")) counts.signed += 1;
    const region = row.region && row.region.trim() !== "" ? row.region : null;
    regions.set(region, (regions.get(region) ?? 0) + 1);
    countries.set(row.country_code, (countries.get(row.country_code) ?? 0) + 1);
    const late = lateness(row, today);
    if (late.opinionLate) counts.late.opinion += 1;
    if (late.reportLate) counts.late.report += 1;
  }
  counts.byRegion = ranked(regions).map(({ key, count }) => ({ region: key, count }));
  counts.byCountry = ranked(countries).map(({ key, count }) => ({ countryCode: key, count }));
  return counts;
}

export interface SignedAgreement {
  id: number;
  organisationId: number;
  partyVi: string;
  partyEn: string;
  title: string;
  foreignParty: string;
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
  field: AgreementField;
  kind: AgreementKind;
  state: AgreementState;
  signedOn: string;
  signedPlace: string;
  summary: string;
  missionVi: string | null;
  missionEn: string | null;
  /** The meeting request it came from: its two parties. */
  meeting: { fromVi: string; fromEn: string; toVi: string; toEn: string } | null;
}

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

/** Agreements signed or later, by Vietnamese party (Vietnamese collation: "Đ" after "D"), then date. */
export async function signedAgreements(db: Db, conferenceId: number): Promise<SignedAgreement[]> {
  const rows = await db
    .selectFrom("agreements as a")
    .innerJoin("organisations as o", "o.id", "a.organisation_id")
    .leftJoin("organisations as m", "m.id", "a.mission_id")
    .leftJoin("meeting_requests as r", "r.id", "a.meeting_request_id")
    .leftJoin("organisations as rf", "rf.id", "r.from_organisation_id")
    .leftJoin("organisations as rt", "rt.id", "r.to_organisation_id")
    .select([
      "a.id",
      "a.organisation_id",
      "o.name_vi as party_vi",
      "o.name_en as party_en",
      "a.title",
      "a.foreign_party",
      "a.country_code",
      "a.field",
      "a.kind",
      "a.state",
      "a.signed_on",
      "a.signed_place",
      "a.summary",
      "m.name_vi as mission_vi",
      "m.name_en as mission_en",
      "rf.name_vi as from_vi",
      "rf.name_en as from_en",
      "rt.name_vi as to_vi",
      "rt.name_en as to_en",
    ])
    .where("a.conference_id", "=", conferenceId)
    .where("a.state", "in", ["signed", "reported", "in_force", "ended"])
    .execute();
  return rows
    .map((row): SignedAgreement => ({
      id: row.id,
      organisationId: row.organisation_id,
      partyVi: row.party_vi,
      partyEn: row.party_en,
      title: row.title,
      foreignParty: row.foreign_party,
      countryCode: row.country_code,
      field: row.field,
      kind: row.kind,
      state: row.state,
      signedOn: row.signed_on ?? "",
      signedPlace: row.signed_place,
      summary: row.summary,
      missionVi: row.mission_vi,
      missionEn: row.mission_en,
      meeting:
        row.from_vi !== null && row.to_vi !== null
          ? { fromVi: row.from_vi, fromEn: row.from_en ?? "", toVi: row.to_vi, toEn: row.to_en ?? "" }
          : null,
    }))
    .sort(
      (a, b) =>
        collator.compare(a.partyVi, b.partyVi) ||
        a.organisationId - b.organisationId ||
        a.signedOn.localeCompare(b.signedOn) ||
        a.id - b.id,
    );
}
