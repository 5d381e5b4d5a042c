/**
 * "Hội nghị qua các con số": the conference's key numbers and small bar charts (delegates by kind
 * of organisation and by mode, attendance, online joins, bilateral meetings, the exhibition, the
 * agreements by state). Pure: data in, pdfmake content out.
 */
import type { Content } from "pdfmake/interfaces";
import type { OrganisationKind } from "~/auth/roles";
import type { BookSection, SectionContext } from "../section";
import { AGREEMENT_STATES, type AgreementState } from "../../rules";
import { barChart, GOLD, headed, keyFigures, type BarRow } from "./charts";

export interface FiguresData {
  /** Approved registrations only. */
  delegates: {
    total: number;
    byKind: Record<OrganisationKind, number>;
    byMode: { in_person: number; online: number };
  };
  attendance: {
    /** Approved in person, and of them checked in at the door. */
    inPersonExpected: number;
    present: number;
    /** Approved online, and of them those who opened a join link. */
    onlineExpected: number;
    onlineJoined: number;
    /** Distinct approved delegates, whatever their mode, who joined a session online. */
    joinedOnline: number;
  };
  /** The sessions with the most delegates who joined online, most first. */
  topSessions: { titleVi: string; titleEn: string; joined: number }[];
  meetings: { requested: number; accepted: number; scheduled: number; held: number };
  exhibition: { exhibitors: number; boothsAllocated: number; boothsTotal: number };
  agreements: { total: number; signed: number; byState: Record<AgreementState, number> };
}

/** The kinds in the order the book lists them: the localities first. */
const KIND_ORDER: OrganisationKind[] = ["province", "ministry", "mission", "foreign", "enterprise", "other"];

const key = (name: string) => `proceedings.book.figures.${name}`;

function numberFormat(ctx: SectionContext) {
  const formatter = new Intl.NumberFormat(ctx.locale === "vi" ? "vi-VN" : "en-GB");
  return (n: number) => formatter.format(n);
}

const PAIR_GAP = 18;

const percent = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 100) : 0);

/** The share of `of` as "12 / 40 (30%)"; nothing expected: the bare count. */
function share(n: number, of: number, fmt: (n: number) => string) {
  return of > 0 ? `${fmt(n)} / ${fmt(of)} (${percent(n, of)}%)` : fmt(n);
}

export function buildFiguresSection(data: FiguresData, ctx: SectionContext): BookSection {
  const t = (name: string, params?: Record<string, string | number>) => ctx.t(key(name), params);
  const fmt = numberFormat(ctx);
  const width = ctx.contentWidth;
  const chart = (rows: BarRow[], options: { max?: number; color?: string } = {}) =>
    barChart(rows, { width, noData: t("noData"), format: fmt, ...options });
  const { delegates, attendance, meetings, exhibition, agreements } = data;

  const figures = keyFigures([
    { value: fmt(delegates.total), label: t("key.delegates") },
    {
      value: fmt(attendance.present),
      label: t("key.present"),
      note: t("key.ofExpected", { n: fmt(attendance.inPersonExpected) }),
    },
    { value: fmt(attendance.joinedOnline), label: t("key.joinedOnline") },
    {
      value: fmt(meetings.held),
      label: t("key.meetingsHeld"),
      note: t("key.ofScheduled", { n: fmt(meetings.scheduled) }),
    },
    { value: fmt(exhibition.exhibitors), label: t("key.exhibitors") },
    {
      value: fmt(agreements.signed),
      label: t("key.agreementsSigned"),
      note: t("key.ofRecorded", { n: fmt(agreements.total) }),
    },
  ]);

  const byKind: BarRow[] = KIND_ORDER.filter((k) => delegates.byKind[k] > 0).map((k) => ({
    label: t(`kind.${k}`),
    value: delegates.byKind[k],
  }));
  const byMode: BarRow[] =
    delegates.total > 0
      ? (["in_person", "online"] as const).map((mode) => ({ label: t(`mode.${mode}`), value: delegates.byMode[mode] }))
      : [];
  const cameRows: BarRow[] =
    attendance.inPersonExpected + attendance.onlineExpected > 0
      ? [
          {
            label: t("attendance.present"),
            value: percent(attendance.present, attendance.inPersonExpected),
            display: share(attendance.present, attendance.inPersonExpected, fmt),
          },
          {
            label: t("attendance.joined"),
            value: percent(attendance.onlineJoined, attendance.onlineExpected),
            display: share(attendance.onlineJoined, attendance.onlineExpected, fmt),
          },
        ]
      : [];
  const sessions: BarRow[] = data.topSessions.map((s) => ({
    label: ctx.locale === "en" ? s.titleEn || s.titleVi : s.titleVi,
    value: s.joined,
  }));
  const meetingRows: BarRow[] =
    meetings.requested + meetings.scheduled > 0
      ? (["requested", "accepted", "scheduled", "held"] as const).map((stage) => ({
          label: t(`meetings.${stage}`),
          value: meetings[stage],
        }))
      : [];
  const exhibitionRows: BarRow[] =
    exhibition.exhibitors + exhibition.boothsTotal > 0
      ? [
          { label: t("exhibition.exhibitors"), value: exhibition.exhibitors },
          {
            label: t("exhibition.booths"),
            value: exhibition.boothsAllocated,
            display: share(exhibition.boothsAllocated, exhibition.boothsTotal, fmt),
          },
        ]
      : [];
  const stateRows: BarRow[] = AGREEMENT_STATES.filter((s) => agreements.byState[s] > 0).map((s) => ({
    label: ctx.t(`proceedings.agreementState.${s}`),
    value: agreements.byState[s],
  }));

  // Small charts two by two, the longer lists across the page.
  const half = (width - PAIR_GAP) / 2;
  // Attendance bars are shares of who was expected (out of 100), the other charts counts.
  const halfChart = (rows: BarRow[], options: { color?: string; max?: number } = {}) =>
    barChart(rows, { width: half, noData: t("noData"), format: fmt, ...options });
  const pair = (left: Content, right: Content): Content => ({
    columns: [
      { width: half, stack: [left] },
      { width: half, stack: [right] },
    ],
    columnGap: PAIR_GAP,
  });
  const content: Content[] = [
    { text: t("intro", { delegates: fmt(delegates.total) }), style: "dataCountLine" },
    ...figures,
    headed(t("heading.byKind"), chart(byKind)),
    pair(
      headed(t("heading.byMode"), halfChart(byMode)),
      headed(t("heading.attendance"), halfChart(cameRows, { color: GOLD, max: 100 })),
    ),
    headed(t("heading.online"), chart(sessions)),
    pair(
      headed(t("heading.meetings"), halfChart(meetingRows)),
      headed(t("heading.exhibition"), halfChart(exhibitionRows, { color: GOLD })),
    ),
    headed(t("heading.agreements"), chart(stateRows)),
  ];
  return { id: "figures", title: ctx.t("proceedings.section.figures"), content };
}
