/**
 * The book (kỷ yếu) as one pdfmake definition, from its title page and its sections (pure). Every
 * section is a pdfmake `section` node: it starts on a new page and carries its own running header
 * (the book's short title left, the section's title right), since pdfmake's header callback does not
 * know which section a page belongs to. The contents are a pdfmake `toc` with the real page numbers;
 * each section heading is a toc item and a bookmark, and the speeches and summaries are the
 * bookmarks' children and the contents' second level.
 */
import type { Content, ContentText, DynamicContent, TDocumentDefinitions } from "pdfmake/interfaces";
import { coverText } from "../documents/glyphs";
import { markdownToPdf } from "../documents/markdown-pdf";
import type { ProceedingsSection } from "../rules";
import { coverContent, coverFrame } from "./cover";
import { BOOK_STYLES, CONTENT_WIDTH, GOLD, GREY, NAVY, PAGE_MARGINS, rule } from "./layout";
import { UNRENDERABLE_STYLE, type BookSection, type SectionContext } from "./section";

/** What the cover and the running headers say. */
export interface BookTitlePage {
  title: string;
  subtitle: string;
  editionLabel: string;
  theme: string;
  datesLabel: string;
  venue: string;
  publisher: string;
}

export interface BookData {
  titlePage: BookTitlePage;
  /** Markdown; empty: no foreword even if chosen. */
  foreword: string;
  /** The chosen sections in order (cover, foreword and contents are drawn here; the others come built). */
  order: readonly ProceedingsSection[];
  sections: readonly BookSection[];
}

export interface BookHooks {
  /** Told the page count once pdfmake has laid the book out (the footer knows it). */
  onPageCount?: (pages: number) => void;
}

/** Sections whose sub-headings (one per speech, one per summary) go into the contents as well as the bookmarks. */
const SECOND_LEVEL: ReadonlySet<ProceedingsSection> = new Set(["speeches", "summaries"]);

export const sectionAnchor = (id: ProceedingsSection) => `book-${id}`;

/** A visible marker where something could not be drawn. */
export function marker(text: string): ContentText {
  return { text: `[${text}]`, style: UNRENDERABLE_STYLE, margin: [0, 2, 0, 6] };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Walks a section's nodes: sub-headings become the section's bookmark children (and second-level
 * contents entries only where wanted); an image that is not embedded data (a URL, a file path) is
 * replaced by a marker, so nothing is ever fetched even if a builder let one through.
 */
export function prepareNodes(
  node: unknown,
  options: { parent: string; inContents: boolean; imageMarker: string; knownImages: ReadonlySet<string> },
): unknown {
  if (Array.isArray(node)) return node.map((n) => prepareNodes(n, options));
  // A title or a name with a character Roboto lacks (the bodies' Markdown is already checked): a marker glyph.
  if (typeof node === "string") return coverText(node).text;
  if (!isPlainObject(node)) return node;
  if (typeof node.image === "string") {
    const image = node.image;
    if (!image.startsWith("data:image/") && !options.knownImages.has(image)) return marker(options.imageMarker);
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = prepareNodes(value, options);
  if (out.outline || out.tocItem) {
    out.outline = true;
    out.outlineParentId = out.outlineParentId ?? options.parent;
    if (out.tocItem && options.inContents) {
      out.tocItem = true;
      out.tocStyle = "tocLevel2";
      out.tocMargin = [16, 1, 0, 1];
      out.tocNumberStyle = "tocLevel2";
    } else delete out.tocItem;
  }
  return out;
}

function runningHeader(left: string, right: string): DynamicContent {
  return () => ({
    margin: [PAGE_MARGINS[0], 34, PAGE_MARGINS[2], 0],
    stack: [
      {
        columns: [
          { text: left, style: "runningHeader", width: "*" },
          { text: right, style: "runningHeader", alignment: "right", width: "auto", bold: true },
        ],
      },
      rule(RULE_COLOUR, CONTENT_WIDTH, 0.5, [0, 3, 0, 0]),
    ],
  });
}
const RULE_COLOUR = "#b9bfc8";

function sectionHeading(id: ProceedingsSection, title: string): Content[] {
  return [
    {
      text: title,
      style: "sectionHeading",
      id: sectionAnchor(id),
      tocItem: true,
      tocStyle: "tocLevel1",
      tocMargin: [0, 7, 0, 2],
      tocNumberStyle: "tocNumber",
      outline: true,
      outlineExpanded: false,
    } as Content,
    rule(GOLD, 70, 1.6, [0, 4, 0, 16], "left"),
  ];
}

export function bookDocument(data: BookData, ctx: SectionContext, hooks: BookHooks = {}): TDocumentDefinitions {
  const { t } = ctx;
  const page = data.titlePage;
  const short = coverText(t("proceedings.book.runningTitle", { title: page.title })).text;
  const footer: DynamicContent = (currentPage, pageCount) => {
    hooks.onPageCount?.(pageCount);
    return { text: `— ${currentPage} —`, style: "folio", alignment: "center", margin: [0, 30, 0, 0] };
  };
  const byId = new Map(data.sections.map((s) => [s.id, s]));
  const content: Content[] = [];
  const place = (id: ProceedingsSection, title: string, body: Content[]) => {
    const prepared = prepareNodes(body, {
      parent: sectionAnchor(id),
      inContents: SECOND_LEVEL.has(id),
      imageMarker: t("proceedings.book.marker.image"),
      knownImages: new Set(),
    }) as Content[];
    content.push({
      section: [...sectionHeading(id, title), ...prepared],
      header: runningHeader(short, title),
      footer,
      background: null,
    } as Content);
  };

  for (const id of data.order) {
    if (id === "cover") {
      content.push({
        section: prepareNodes(coverContent(page, t, ctx.locale), {
          parent: "",
          inContents: false,
          imageMarker: t("proceedings.book.marker.image"),
          knownImages: new Set(),
        }) as Content[],
        header: null,
        footer: null,
        background: () => coverFrame(),
      } as Content);
    } else if (id === "contents") {
      content.push({
        section: [
          {
            toc: {
              title: {
                stack: [
                  { text: t("proceedings.section.contents"), style: "tocTitle" },
                  rule(GOLD, 70, 1.6, [0, 4, 0, 18], "left"),
                ],
              },
              numberStyle: "tocNumber",
            },
          },
        ],
        header: runningHeader(short, t("proceedings.section.contents")),
        footer,
        background: null,
      } as Content);
    } else if (id === "foreword") {
      if (!data.foreword.trim()) continue;
      const { content: body } = safeMarkdown(data.foreword, ctx, 1);
      place(id, t("proceedings.section.foreword"), body);
    } else {
      const section = byId.get(id);
      if (section)
        place(
          id,
          section.title,
          section.content.length ? section.content : [marker(t("proceedings.book.marker.empty"))],
        );
    }
  }
  if (content.length === 0) content.push({ section: [marker(t("proceedings.book.marker.empty"))], footer } as Content);

  return {
    pageSize: "A4",
    pageOrientation: "portrait",
    pageMargins: PAGE_MARGINS,
    info: {
      title: `${t("proceedings.book.cover.proceedings")} – ${page.title}`,
      subject: page.theme,
      author: page.publisher,
      creator: t("proceedings.book.cover.ministry"),
    },
    content,
    styles: BOOK_STYLES,
    defaultStyle: { fontSize: 10.5, lineHeight: 1.2, color: "#111827" },
    footer,
  };
}

/** Markdown to nodes where a failure of the mapping is a marker, never an exception. */
export function safeMarkdown(markdown: string, ctx: SectionContext, headingLevelOffset: number, images = new Map()) {
  try {
    return markdownToPdf(markdown, { images, contentWidth: ctx.contentWidth, t: ctx.t, headingLevelOffset });
  } catch (error) {
    return {
      content: [marker(ctx.t("proceedings.book.marker.document"))] as Content[],
      problems: [{ kind: "malformed" as const, detail: error instanceof Error ? error.message : String(error) }],
    };
  }
}

export const BOOK_COLOURS = { NAVY, GOLD, GREY };
