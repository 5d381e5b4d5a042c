/**
 * The exhibitor catalogue: data in, pdfmake definition out (pure, unit-tested). A4 portrait: a plan
 * of each hall on the first pages, then the exhibitors by zone (ZONES order; those without a booth
 * yet under the zone they wished first), in Vietnamese order within a zone, each with its booth
 * code(s), names in both languages, province, products in Vietnamese and English, and contact.
 */
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import type { Locale } from "~/platform/i18n";
import { translate } from "../i18n";
import type { FloorPlanData } from "../plan/plan-data";
import { BOOTH_STATES, ZONES, type Zone } from "../rules";
import { hallOnPage, STATE_FILL, TEXT } from "./plan-svg";

export interface CatalogueProduct {
  name_vi: string;
  name_en: string;
  category: string;
  description_vi: string;
  description_en: string;
}

export interface CatalogueExhibitor {
  id: number;
  name_vi: string;
  name_en: string;
  province_vi: string | null;
  province_en: string | null;
  /** The zone of its booth, else the zone it wished first; null: neither. */
  zone: Zone | null;
  booths: string[];
  contact_name: string;
  contact_phone: string;
  contact_email: string;
  website: string;
  products: CatalogueProduct[];
}

export interface CatalogueData {
  conference: { title_vi: string; title_en: string };
  plan: FloorPlanData;
  exhibitors: CatalogueExhibitor[];
}

const NAVY = "#1e3a5f";
const GREY = "#5b6472";
const CONTENT_WIDTH = 595.28 - 2 * 40;
const PAGE_HEIGHT = 841.89;
/** Where a hall's drawing starts: below the title and the hall's name on the first page, the name on the others. */
const FIRST_PLAN_TOP = 165;
const PLAN_TOP = 105;

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

/** Sections in ZONES order (then exhibitors with no zone), exhibitors in Vietnamese order of their Vietnamese names. */
export function catalogueSections(
  exhibitors: CatalogueExhibitor[],
): { zone: Zone | null; exhibitors: CatalogueExhibitor[] }[] {
  const sections = [...ZONES, null].map((zone) => ({
    zone,
    exhibitors: exhibitors
      .filter((e) => e.zone === zone)
      .sort((a, b) => collator.compare(a.name_vi, b.name_vi) || a.id - b.id),
  }));
  return sections.filter((s) => s.exhibitors.length > 0);
}

/** The booth states in words on their colours (never colour alone). */
function legend(locale: Locale): Content {
  return {
    text: BOOTH_STATES.flatMap((state) => [
      {
        text: ` ${translate(locale, `exhibition.boothState.${state}`)} `,
        background: STATE_FILL[state],
        color: TEXT[state],
      },
      "   ",
    ]),
    fontSize: 8,
  };
}

/**
 * Up to this much text an exhibitor's block is one unbreakable block (it moves whole to the next
 * page). Beyond it the block could be taller than a page, and pdfmake drops an unbreakable block
 * taller than a page altogether: then only its head (names and first product) holds together.
 */
const WHOLE_BLOCK_MAX_CHARS = 1500;

/** An exhibitor's block, as the parts that follow one another (one part when it is held whole). */
function exhibitorBlock(e: CatalogueExhibitor, locale: Locale): Content[] {
  const t = (key: string, p?: Record<string, string | number>) => translate(locale, key, p);
  const province = locale === "en" ? (e.province_en ?? e.province_vi) : e.province_vi;
  const contact = [e.contact_name, e.contact_phone, e.contact_email, e.website].filter(Boolean).join(" · ");
  const products: Content[] = e.products.map((p) => ({
    stack: [
      {
        text: [
          { text: p.name_vi, bold: true },
          p.name_en ? { text: ` / ${p.name_en}`, color: GREY } : "",
          { text: `  (${t(`exhibition.category.${p.category}`)})`, fontSize: 8, color: GREY },
        ],
      },
      p.description_vi ? { text: p.description_vi, fontSize: 9 } : "",
      p.description_en ? { text: p.description_en, fontSize: 9, italics: true, color: GREY } : "",
    ],
    margin: [10, 3, 0, 0],
    unbreakable: true,
  }));
  const header: Content = {
    columns: [
      {
        width: 70,
        text: e.booths.length ? e.booths.join(" + ") : t("exhibition.allocation.print.noBooth"),
        bold: true,
        fontSize: e.booths.length ? 13 : 9,
        color: NAVY,
      },
      {
        width: "*",
        stack: [
          { text: e.name_vi, bold: true, fontSize: 12 },
          e.name_en ? { text: e.name_en, color: GREY } : "",
          province ? { text: province, fontSize: 9, color: GREY } : "",
        ],
      },
    ],
  };
  const contactLine: Content = contact
    ? { text: `${t("exhibition.allocation.print.contact")}: ${contact}`, fontSize: 9, margin: [70, 3, 0, 0] }
    : "";
  const chars = [e.name_vi, e.name_en, contact, ...e.products.flatMap((p) => Object.values(p))].join("").length;
  if (e.products.length <= 4 && chars <= WHOLE_BLOCK_MAX_CHARS)
    return [
      {
        unbreakable: true,
        margin: [0, 8, 0, 4],
        stack: [header, { stack: products, margin: [70, 0, 0, 0] }, contactLine],
      },
    ];
  const [first, ...rest] = products;
  return [
    {
      unbreakable: true,
      margin: [0, 8, 0, 0],
      stack: [header, first ? { stack: [first], margin: [70, 0, 0, 0] } : ""],
    },
    ...rest.map((p): Content => ({ stack: [p], margin: [70, 0, 0, 0] })),
    { stack: [contactLine], margin: [0, 0, 0, 4] },
  ];
}

/**
 * The exhibitors by zone, as flowing content: the catalogue's body, and the proceedings' catalogue
 * section (which gives its own heading style). Empty when there is no exhibitor.
 */
export function catalogueBody(
  exhibitors: CatalogueExhibitor[],
  locale: Locale,
  {
    breakBefore = false,
    headingStyle = "zone",
    headlineLevel = 1,
  }: { breakBefore?: boolean; headingStyle?: string; headlineLevel?: number } = {},
): Content[] {
  const t = (key: string, p?: Record<string, string | number>) => translate(locale, key, p);
  // A zone heading never ends a page alone: it is one unbreakable block with its first exhibitor.
  // (pdfmake 0.3's pageBreakBefore judges each node once, before later breaks move it, so it cannot
  // be relied on for every heading of a long document.)
  return catalogueSections(exhibitors).flatMap(({ zone, exhibitors }, i): Content[] => {
    const heading: Content = {
      text: zone ? t(`exhibition.zone.${zone}`) : t("exhibition.allocation.print.noZone"),
      style: headingStyle,
      headlineLevel,
    };
    const [first = [], ...rest] = exhibitors.map((e) => exhibitorBlock(e, locale));
    return [
      {
        stack: first.length ? [heading, first[0]] : [heading],
        unbreakable: true,
        ...(i === 0 && breakBefore ? { pageBreak: "before" as const } : {}),
      },
      ...first.slice(1),
      ...rest.flat(),
    ];
  });
}

export function catalogueDocument(data: CatalogueData, { locale }: { locale: Locale }): TDocumentDefinitions {
  const t = (key: string, p?: Record<string, string | number>) => translate(locale, key, p);
  const title = locale === "en" ? data.conference.title_en : data.conference.title_vi;
  // Each hall alone on its page, below the title on the first: the codes are placed over the drawing.
  const planPages: Content[] = data.plan.halls.flatMap((hall, i): Content[] => {
    const top = i === 0 ? FIRST_PLAN_TOP : PLAN_TOP;
    return [
      {
        text: locale === "en" ? hall.name_en : hall.name_vi,
        style: "hall",
        ...(i === 0 ? {} : { pageBreak: "before" as const }),
      },
      legend(locale),
      ...hallOnPage(data.plan, hall, { x: 40, y: top, width: CONTENT_WIDTH, height: PAGE_HEIGHT - 60 - top }),
    ];
  });
  const sections = catalogueBody(data.exhibitors, locale, { breakBefore: planPages.length > 0 });
  return {
    pageSize: "A4",
    pageMargins: [40, 56, 40, 48],
    info: { title: `${t("exhibition.allocation.print.catalogueTitle")} – ${title}` },
    header: {
      text: `${title} · ${t("exhibition.title")}`,
      fontSize: 8,
      color: GREY,
      alignment: "center",
      margin: [40, 24, 40, 0],
    },
    footer: (page: number, pages: number) => ({
      text: t("exhibition.allocation.print.page", { page, pages }),
      fontSize: 8,
      color: GREY,
      alignment: "center",
      margin: [40, 16, 40, 0],
    }),
    content: [
      { text: t("exhibition.allocation.print.catalogueTitle"), style: "title" },
      { text: title, alignment: "center", color: GREY, margin: [0, 0, 0, 12] },
      ...planPages,
      ...(sections.length
        ? sections
        : [{ text: t("exhibition.allocation.print.empty"), margin: [0, 20, 0, 0] } as Content]),
    ],
    styles: {
      title: { fontSize: 20, bold: true, color: NAVY, alignment: "center" },
      hall: { fontSize: 13, bold: true, color: NAVY, margin: [0, 6, 0, 6] },
      zone: { fontSize: 15, bold: true, color: NAVY, margin: [0, 14, 0, 2] },
    },
    defaultStyle: { fontSize: 10, lineHeight: 1.15 },
  };
}
