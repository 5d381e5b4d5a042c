/**
 * "Các thỏa thuận quốc tế đã ký": the agreements signed (signed or later along the procedure), in
 * one table grouped by Vietnamese party in Vietnamese collation, each with its foreign party and
 * country (in the book's language), kind and field, date and place of signing, and the mission
 * that helped. Pure.
 */
import type { Content, TableCell } from "pdfmake/interfaces";
import type { AgreementField, AgreementKind } from "../../rules";
import type { BookSection, SectionContext } from "../section";
import { DATA_TABLE_LAYOUT, GREY, headerCell, TRACK } from "./charts";
import { countryName } from "./meetings";

/** What the section needs of an agreement (agreements/figures.server.ts's SignedAgreement has it all). */
export interface SignedAgreementRow {
  id: number;
  organisationId: number;
  partyVi: string;
  partyEn: string;
  title: string;
  foreignParty: string;
  countryCode: string;
  field: AgreementField;
  kind: AgreementKind;
  /** YYYY-MM-DD. */
  signedOn: string;
  signedPlace: string;
  missionVi: string | null;
  missionEn: string | null;
}

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

/** The agreements by Vietnamese party ("Đ" after "D"), each party's in signing order. */
export function groupByParty(rows: readonly SignedAgreementRow[]) {
  const groups = new Map<number, SignedAgreementRow[]>();
  for (const row of rows) {
    const list = groups.get(row.organisationId);
    if (list) list.push(row);
    else groups.set(row.organisationId, [row]);
  }
  return [...groups.values()]
    .map((list) => list.sort((a, b) => a.signedOn.localeCompare(b.signedOn) || a.id - b.id))
    .sort((a, b) => collator.compare(a[0].partyVi, b[0].partyVi) || a[0].organisationId - b[0].organisationId);
}

/** "2026-12-14" as "14/12/2026" (vi) or "14 Dec 2026" (en). */
export function formatSignedOn(day: string, locale: "vi" | "en"): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day || "—";
  const [, y, m, d] = match;
  if (locale === "vi") return `${d}/${m}/${y}`;
  return new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" }).format(
    new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), 12)),
  );
}

export function buildAgreementsSignedSection(rows: readonly SignedAgreementRow[], ctx: SectionContext): BookSection {
  const t = (name: string, params?: Record<string, string | number>) =>
    ctx.t(`proceedings.book.agreementsSigned.${name}`, params);
  const title = ctx.t("proceedings.section.agreements");
  if (rows.length === 0) return { id: "agreements", title, content: [{ text: t("empty"), style: "dataEmptySection" }] };
  const en = ctx.locale === "en";
  const body: TableCell[][] = [
    ["title", "foreignParty", "kind", "signed", "mission"].map((c) => headerCell(t(`column.${c}`))),
  ];
  for (const group of groupByParty(rows)) {
    const party = en ? group[0].partyEn || group[0].partyVi : group[0].partyVi;
    body.push([
      {
        text: [party, { text: `  ·  ${t("partyCount", { n: group.length })}`, color: GREY, bold: false }],
        style: "dataGroupRow",
        colSpan: 5,
        fillColor: TRACK,
      },
      "",
      "",
      "",
      "",
    ]);
    for (const a of group) {
      const mission = en ? (a.missionEn ?? a.missionVi) : a.missionVi;
      body.push([
        { text: a.title, style: "dataTableCell", bold: true },
        {
          stack: [{ text: a.foreignParty }, { text: countryName(a.countryCode, ctx.locale), color: GREY }],
          style: "dataTableCell",
        },
        {
          stack: [
            { text: ctx.t(`proceedings.agreementKind.${a.kind}`) },
            { text: ctx.t(`proceedings.agreementField.${a.field}`), color: GREY },
          ],
          style: "dataTableCell",
        },
        {
          stack: [{ text: formatSignedOn(a.signedOn, ctx.locale) }, { text: a.signedPlace || "", color: GREY }],
          style: "dataTableCell",
        },
        { text: mission || "—", style: "dataTableCell" },
      ]);
    }
  }
  const content: Content[] = [
    { text: t("count", { n: rows.length }), style: "dataCountLine" },
    {
      table: { headerRows: 1, dontBreakRows: true, widths: ["*", 100, 78, 70, 92], body },
      layout: DATA_TABLE_LAYOUT,
    },
  ];
  return { id: "agreements", title, content };
}
