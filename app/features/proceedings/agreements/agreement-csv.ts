/**
 * The registry as a CSV table: the headers and words in the reader's language, dates as YYYY-MM-DD
 * (what a spreadsheet sorts). app/lib/csv.ts guards every cell against formulas.
 */
import type { Locale } from "~/lib/locale";
import type { AgreementRow } from "./agreement-list.server";
import { countryName } from "./countries";

type T = (key: string, params?: Record<string, string | number>) => string;

const DATE_COLUMNS = [
  "sent_for_opinion_on",
  "opinion_received_on",
  "signed_on",
  "reported_on",
  "in_force_on",
  "ended_on",
] as const;

export function agreementCsvTable(rows: readonly AgreementRow[], locale: Locale, t: T): string[][] {
  const A = "proceedings.agreements";
  const yesNo = (v: boolean) => t(v ? `${A}.csv.yes` : `${A}.csv.no`);
  const header = [
    t(`${A}.csv.id`),
    t(`${A}.csv.party`),
    t(`${A}.csv.region`),
    t(`${A}.csv.title`),
    t(`${A}.csv.foreignParty`),
    t(`${A}.csv.country`),
    t(`${A}.csv.countryCode`),
    t(`${A}.csv.field`),
    t(`${A}.csv.kind`),
    t(`${A}.csv.state`),
    ...DATE_COLUMNS.map((c) => t(`${A}.date.${c}`)),
    t(`${A}.csv.opinionDue`),
    t(`${A}.csv.opinionLate`),
    t(`${A}.csv.reportDue`),
    t(`${A}.csv.reportLate`),
    t(`${A}.csv.signedPlace`),
    t(`${A}.csv.mission`),
  ];
  const body = rows.map((r) => [
    String(r.id),
    locale === "en" ? r.partyEn || r.partyVi : r.partyVi,
    r.region ? t(`region.${r.region}`) : "",
    r.title,
    r.foreignParty,
    countryName(r.countryCode, locale),
    r.countryCode,
    t(`proceedings.agreementField.${r.field}`),
    t(`proceedings.agreementKind.${r.kind}`),
    t(`proceedings.agreementState.${r.state}`),
    ...DATE_COLUMNS.map((c) => r[c] ?? ""),
    r.opinionDueOn ?? "",
    yesNo(r.opinionLate),
    r.reportDueOn ?? "",
    yesNo(r.reportLate),
    r.signedPlace,
    (locale === "en" ? r.missionEn || r.missionVi : r.missionVi) ?? "",
  ]);
  return [header, ...body];
}
