/**
 * The cover: a sober government publication's, all type and rules (the national emblem is not
 * drawn): the Ministry on top, the conference's title, "KỶ YẾU", the theme, the dates and venue,
 * the publisher at the foot; a navy frame with a gold inner rule. No page number.
 */
import type { Content, ContentCanvas } from "pdfmake/interfaces";
import type { BookTitlePage } from "./book-document";
import { A4, CONTENT_WIDTH, GOLD, NAVY, PAGE_MARGINS, rule } from "./layout";

/** The frame drawn behind the cover page. */
export function coverFrame(): ContentCanvas {
  const outer = 28;
  const inner = 34;
  return {
    canvas: [
      {
        type: "rect",
        x: outer,
        y: outer,
        w: A4.width - 2 * outer,
        h: A4.height - 2 * outer,
        lineWidth: 2.2,
        lineColor: NAVY,
      },
      {
        type: "rect",
        x: inner,
        y: inner,
        w: A4.width - 2 * inner,
        h: A4.height - 2 * inner,
        lineWidth: 0.6,
        lineColor: GOLD,
      },
    ],
  };
}

const upper = (text: string, locale: string) => text.toLocaleUpperCase(locale === "vi" ? "vi-VN" : "en-GB");

export function coverContent(page: BookTitlePage, t: (key: string) => string, locale: string): Content[] {
  const content: Content[] = [
    { text: t("proceedings.book.cover.ministry"), fontSize: 13, bold: true, color: NAVY, alignment: "center" },
    rule(GOLD, 90, 1.2, [0, 6, 0, 0]),
    {
      text: upper(page.title, locale),
      fontSize: 19,
      bold: true,
      color: NAVY,
      alignment: "center",
      margin: [0, 150, 0, 0],
    },
  ];
  if (page.subtitle)
    content.push({ text: page.subtitle, fontSize: 12, color: NAVY, alignment: "center", margin: [0, 6, 0, 0] });
  content.push(
    rule(GOLD, 220, 1.5, [0, 22, 0, 22]),
    { text: t("proceedings.book.cover.proceedings"), fontSize: 44, bold: true, color: NAVY, alignment: "center" },
    rule(GOLD, 220, 1.5, [0, 22, 0, 0]),
  );
  if (page.theme)
    content.push({
      text: `“${page.theme}”`,
      fontSize: 12.5,
      italics: true,
      color: "#1f2937",
      alignment: "center",
      margin: [30, 26, 30, 0],
      lineHeight: 1.25,
    });
  const place = [page.venue, page.datesLabel].filter(Boolean).join("\n");
  if (place)
    content.push({
      text: place,
      fontSize: 11,
      color: NAVY,
      alignment: "center",
      margin: [0, 40, 0, 0],
      lineHeight: 1.3,
    });
  if (page.publisher)
    content.push({
      text: upper(page.publisher, locale),
      fontSize: 9.5,
      bold: true,
      color: NAVY,
      alignment: "center",
      width: CONTENT_WIDTH,
      absolutePosition: { x: PAGE_MARGINS[0], y: A4.height - 92 },
    } as Content);
  return content;
}
