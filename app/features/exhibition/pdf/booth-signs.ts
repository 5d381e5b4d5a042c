/**
 * Booth signs: one A4 landscape page per allocated booth (pure: data in, pdfmake definition out).
 * The big booth code, the exhibitor's names in Vietnamese and English, its province and the zone;
 * bilingual whatever the viewer's language, since foreign visitors read them too.
 */
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import type { Locale } from "~/platform/i18n";
import { translate } from "../i18n";
import type { Zone } from "../rules";

export interface BoothSign {
  code: string;
  zone: Zone;
  hall_vi: string;
  hall_en: string;
  name_vi: string;
  name_en: string;
  province_vi: string | null;
  province_en: string | null;
}

const NAVY = "#1e3a5f";
const GREY = "#5b6472";
const MARGIN_X = 48;
const PAGE_WIDTH = 841.89;

/** Long names get smaller type so that each sign stays on its page. */
export function signNameSize(length: number): number {
  return length <= 28 ? 44 : length <= 48 ? 34 : length <= 80 ? 26 : 20;
}

const codeOrder = new Intl.Collator("vi", { numeric: true });

function sign(s: BoothSign, first: boolean): Content {
  const zone = { vi: translate("vi", `exhibition.zone.${s.zone}`), en: translate("en", `exhibition.zone.${s.zone}`) };
  const province = [s.province_vi, s.province_en && s.province_en !== s.province_vi ? s.province_en : null]
    .filter(Boolean)
    .join(" / ");
  return {
    stack: [
      { text: s.code, fontSize: 120, bold: true, color: NAVY, alignment: "center", margin: [0, 10, 0, 0] },
      {
        canvas: [{ type: "line", x1: 0, y1: 0, x2: PAGE_WIDTH - 2 * MARGIN_X, y2: 0, lineWidth: 1.5, lineColor: NAVY }],
        margin: [0, 6, 0, 18],
      },
      { text: s.name_vi, fontSize: signNameSize(s.name_vi.length), bold: true, alignment: "center" },
      s.name_en && s.name_en !== s.name_vi
        ? {
            text: s.name_en,
            fontSize: Math.round(signNameSize(s.name_en.length) * 0.6),
            color: GREY,
            alignment: "center",
            margin: [0, 6, 0, 0],
          }
        : "",
      province ? { text: province, fontSize: 20, alignment: "center", margin: [0, 16, 0, 0] } : "",
      { text: `${zone.vi} / ${zone.en}`, fontSize: 16, color: GREY, alignment: "center", margin: [0, 10, 0, 0] },
    ],
    ...(first ? {} : { pageBreak: "before" as const }),
  };
}

export function boothSignsDocument(
  signs: BoothSign[],
  { locale, conference }: { locale: Locale; conference: { title_vi: string; title_en: string } },
): TDocumentDefinitions {
  const ordered = [...signs].sort((a, b) => codeOrder.compare(a.code, b.code));
  const heading = `${translate("vi", "exhibition.title")} / ${translate("en", "exhibition.title")}`;
  return {
    pageSize: "A4",
    pageOrientation: "landscape",
    pageMargins: [MARGIN_X, 56, MARGIN_X, 40],
    info: {
      title: `${translate(locale, "exhibition.allocation.print.signsTitle")} – ${locale === "en" ? conference.title_en : conference.title_vi}`,
    },
    header: { text: heading, fontSize: 10, color: GREY, alignment: "center", margin: [MARGIN_X, 24, MARGIN_X, 0] },
    footer: (page: number) => {
      const s = ordered[page - 1];
      return s
        ? {
            text: `${s.code} · ${locale === "en" ? s.hall_en : s.hall_vi}`,
            fontSize: 8,
            color: GREY,
            alignment: "right",
            margin: [MARGIN_X, 12, MARGIN_X, 0],
          }
        : { text: "" };
    },
    content: ordered.map((s, i) => sign(s, i === 0)),
    defaultStyle: { fontSize: 12, lineHeight: 1.1 },
  };
}
