/**
 * Delegate badges: data in, pdfmake document definition out. Pure (no fonts,
 * no database), so the layout rules are unit-tested; app/platform/pdf/render.server.ts
 * turns the definition into bytes.
 */
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import type { Locale } from "~/platform/i18n";
import { translate } from "~/features/registration/i18n";
import {
  BADGE_CATEGORIES,
  type AttendanceMode,
  type Honorific,
  type RegistrationStatus,
} from "~/features/registration/rules";
import type { OrganisationKind } from "~/auth/roles";
import { formatRange } from "~/lib/time";

export interface BadgeData {
  registrationId: number;
  /** The unguessable code: the QR's content and what staff type at check-in. */
  badgeCode: string;
  honorific: Honorific;
  fullName: string;
  position: string;
  organisationVi: string;
  organisationEn: string;
  organisationKind: OrganisationKind;
  mode: AttendanceMode;
  status: RegistrationStatus;
}

/** The conference columns a badge shows (a `conferences` row fits). */
export interface BadgeConference {
  edition: number;
  title_vi: string;
  title_en: string;
  starts_at: string;
  ends_at: string;
  time_zone: string;
}

export interface BadgeOptions {
  locale: Locale;
  conference: BadgeConference;
}

/** A6 portrait in points (105 × 148 mm). */
export const A6 = { width: 297.64, height: 419.53 } as const;
const MM = 72 / 25.4;
const SIDE = 18;
const TOP = 14;
const TEXT_WIDTH = A6.width - 2 * SIDE;
/** 37 mm: comfortably above what a phone camera needs at arm's length. */
export const QR_SIZE = Math.round(37 * MM);
const BAND_HEIGHT = 42;
const BAND_TOP = A6.height - BAND_HEIGHT;
const CODE_TOP = BAND_TOP - 9 - 16;
const QR_TOP = CODE_TOP - 4 - QR_SIZE;
/** Where the flowing text must end: just above the QR. */
export const TEXT_BOTTOM = QR_TOP - 6;
/** Roboto's line height is 1.172 em. */
const LINE = 1.172;

const TOP_LINE_SIZE = 7;
const NAVY = "#1a3259";
const GREY = "#475569";
const INK = "#1f2937";
const RED = "#b91c1c";

/** Limits that keep the worst case on one page (the forms allow 120 and 200 characters). */
export const LIMITS = { name: 120, position: 200, organisation: 140 } as const;

function clamp(text: string, max: number): string {
  const clean = text.normalize("NFC").replace(/\s+/g, " ").trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

/** Roboto's advance widths, on the generous side, in ems: enough to choose a size, not to typeset. */
function estimatedWidth(text: string, size: number): number {
  let ems = 0;
  for (const ch of text) {
    if (ch === " ") ems += 0.26;
    else if (/[\p{Lu}\p{N}]/u.test(ch)) ems += 0.68;
    else if (/\p{L}/u.test(ch)) ems += 0.54;
    else ems += 0.4;
  }
  return ems * size;
}

/** Estimated lines once wrapped at word boundaries (a word wider than the line is split). */
export function estimatedLines(text: string, size: number, width = TEXT_WIDTH): number {
  let lines = 1;
  let used = 0;
  const space = estimatedWidth(" ", size);
  for (const word of text.split(" ")) {
    const w = estimatedWidth(word, size);
    if (used > 0 && used + space + w > width) {
      lines += 1;
      used = w;
    } else {
      used += (used > 0 ? space : 0) + w;
    }
    while (used > width) {
      lines += 1;
      used -= width;
    }
  }
  return lines;
}

const height = (text: string, size: number) => estimatedLines(text, size) * size * LINE;

/** The header's height: the top line, the title (one or two lines), the dates and the rule. */
function headerLayout(topLine: string, title: string) {
  const titleSize = [12, 11, 10].find((size) => estimatedLines(title, size) <= 2) ?? 10;
  return { titleSize, height: height(topLine, TOP_LINE_SIZE) + 4 + height(title, titleSize) + 2 + 9 * LINE + 8 + 1.5 };
}

const NAME_SIZES = [22, 20, 18, 16, 14, 12] as const;
const DETAIL_SIZES = [
  [10, 11],
  [9, 10],
  [8, 9],
] as const;
const GAPS = { name: 1, position: 7, organisation: 5 } as const;
const HONORIFIC_SIZE = 10;
const MIN_GAP_ABOVE = 8;
/** Lines a name may take at each size: two while large, more only for very long names. */
const maxNameLines = (size: number) => (size >= 16 ? 2 : size >= 14 ? 3 : 4);

export interface PersonLayout {
  nameSize: number;
  positionSize: number;
  organisationSize: number;
  height: number;
}

/**
 * The largest sizes at which the name, position and organisation fit between
 * the header and the QR: the name keeps its size longest, and is never more
 * than two lines unless it is very long.
 */
export function personLayout(name: string, position: string, organisation: string, budget: number): PersonLayout {
  let last: PersonLayout | null = null;
  for (const nameSize of NAME_SIZES) {
    const nameLines = estimatedLines(name, nameSize);
    if (nameLines > maxNameLines(nameSize)) continue;
    for (const [positionSize, organisationSize] of DETAIL_SIZES) {
      last = {
        nameSize,
        positionSize,
        organisationSize,
        height:
          HONORIFIC_SIZE * LINE +
          GAPS.name +
          nameLines * nameSize * LINE * 1.05 +
          GAPS.position +
          height(position, positionSize) +
          GAPS.organisation +
          height(organisation, organisationSize),
      };
      if (last.height <= budget) return last;
    }
  }
  return last ?? { nameSize: 12, positionSize: 8, organisationSize: 9, height: Infinity };
}

/** Drawn at fixed places first, so a badge's QR and band are always on its own page. */
function fixedParts(badge: BadgeData, locale: Locale): Content[] {
  const category = BADGE_CATEGORIES[badge.organisationKind];
  return [
    {
      canvas: [{ type: "rect", x: 0, y: 0, w: A6.width, h: BAND_HEIGHT, color: category.colour }],
      absolutePosition: { x: 0, y: BAND_TOP },
    },
    {
      absolutePosition: { x: SIDE, y: BAND_TOP + 8 },
      columns: [
        { width: "auto", text: category.code, color: "#ffffff", bold: true, fontSize: 20 },
        {
          width: "*",
          margin: [10, 1, 0, 0],
          stack: [
            { text: translate(locale, `orgKind.${badge.organisationKind}`), color: "#ffffff", fontSize: 9, bold: true },
            { text: translate(locale, `badges.attendance.${badge.mode}`), color: "#ffffff", fontSize: 9 },
          ],
        },
      ],
    },
    { qr: badge.badgeCode, fit: QR_SIZE, eccLevel: "M", absolutePosition: { x: (A6.width - QR_SIZE) / 2, y: QR_TOP } },
    {
      absolutePosition: { x: SIDE, y: CODE_TOP },
      text: badge.badgeCode,
      alignment: "center",
      fontSize: 13,
      bold: true,
      characterSpacing: 1.5,
      color: NAVY,
    },
  ];
}

/** The ministry's name, or, on a badge printed before approval, a warning in its place. */
function topLine(badge: BadgeData, locale: Locale): { text: string; warning: boolean } {
  return badge.status === "approved"
    ? { text: translate(locale, "app.ministry").toUpperCase(), warning: false }
    : { text: translate(locale, "badges.notApproved"), warning: true };
}

/** What every badge of a document shares, worked out once (date formatting is not cheap). */
interface Shared {
  locale: Locale;
  title: string;
  dates: string;
}

function header(top: { text: string; warning: boolean }, shared: Shared, titleSize: number): Content[] {
  return [
    top.warning
      ? { text: top.text, alignment: "center", fontSize: TOP_LINE_SIZE, bold: true, color: RED }
      : { text: top.text, alignment: "center", fontSize: TOP_LINE_SIZE, color: GREY, characterSpacing: 0.5 },
    { text: shared.title, alignment: "center", fontSize: titleSize, bold: true, color: NAVY, margin: [0, 4, 0, 0] },
    { text: shared.dates, alignment: "center", fontSize: 9, color: GREY, margin: [0, 2, 0, 0] },
    {
      canvas: [
        {
          type: "line",
          x1: TEXT_WIDTH / 2 - 22,
          y1: 0,
          x2: TEXT_WIDTH / 2 + 22,
          y2: 0,
          lineWidth: 1.5,
          lineColor: RED,
        },
      ],
      margin: [0, 8, 0, 0],
    },
  ];
}

function badgeContent(badge: BadgeData, shared: Shared): Content[] {
  const { locale } = shared;
  const top = topLine(badge, locale);
  const head = headerLayout(top.text, shared.title);
  const name = clamp(badge.fullName, LIMITS.name);
  const honorific = translate(locale, `registration.honorific.${badge.honorific}`);
  const position = clamp(badge.position, LIMITS.position);
  const organisation = clamp(locale === "vi" ? badge.organisationVi : badge.organisationEn, LIMITS.organisation);
  const budget = TEXT_BOTTOM - TOP - head.height - MIN_GAP_ABOVE;
  const layout = personLayout(name, position, organisation, budget);
  // The person sits in the middle of the space between the header and the QR.
  const above = MIN_GAP_ABOVE + Math.max(0, (budget - layout.height) / 2);
  return [
    ...fixedParts(badge, locale),
    ...header(top, shared, head.titleSize),
    { text: honorific, alignment: "center", fontSize: HONORIFIC_SIZE, color: GREY, margin: [0, above, 0, 0] },
    {
      text: name,
      alignment: "center",
      fontSize: layout.nameSize,
      bold: true,
      color: NAVY,
      lineHeight: 1.05,
      margin: [0, GAPS.name, 0, 0],
    },
    {
      text: position,
      alignment: "center",
      fontSize: layout.positionSize,
      color: INK,
      margin: [0, GAPS.position, 0, 0],
    },
    {
      text: organisation,
      alignment: "center",
      fontSize: layout.organisationSize,
      bold: true,
      color: NAVY,
      margin: [0, GAPS.organisation, 0, 0],
    },
  ];
}

/** One badge per A6 page, in the order given. */
export function badgeDocument(badges: BadgeData[], options: BadgeOptions): TDocumentDefinitions {
  const { locale, conference } = options;
  const shared: Shared = {
    locale,
    title: locale === "vi" ? conference.title_vi : conference.title_en,
    dates: formatRange(conference.starts_at, conference.ends_at, conference.time_zone, locale),
  };
  const docTitle =
    badges.length === 1
      ? translate(locale, "badges.title")
      : translate(locale, "badges.batchTitle", { count: badges.length });
  const content: Content[] = badges.map((badge, index) => ({
    stack: badgeContent(badge, shared),
    ...(index > 0 ? { pageBreak: "before" as const } : {}),
  }));
  return {
    pageSize: "A6",
    pageOrientation: "portrait",
    // A small bottom margin: the band and code sit low on the page, laid out in its body.
    pageMargins: [SIDE, TOP, SIDE, 6],
    info: { title: `${docTitle} · ${shared.title}`, author: translate(locale, "app.ministry") },
    language: locale === "vi" ? "vi-VN" : "en-GB",
    defaultStyle: { font: "Roboto", fontSize: 10 },
    content,
  };
}
