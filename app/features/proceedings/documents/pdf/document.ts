import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import { markdownToPdf, MARKDOWN_STYLES, type DocumentImage, type MarkdownProblem } from "../markdown-pdf";

/**
 * One document alone as a PDF (pure): a title block (title, kind, author, session, date), the body
 * through the Markdown mapping, page numbers, and what could not be drawn listed at the end.
 */
export const DOCUMENT_PAGE = { size: "A4" as const, width: 595.28, margin: 56 };
export const DOCUMENT_CONTENT_WIDTH = DOCUMENT_PAGE.width - 2 * DOCUMENT_PAGE.margin;

export interface DocumentPdfInput {
  title: string;
  kindLabel: string;
  stateLabel: string;
  author: string;
  session: string;
  /** Already formatted in the conference's zone. */
  date: string;
  body: string;
  images: ReadonlyMap<number, DocumentImage>;
}

type T = (key: string, params?: Record<string, string | number>) => string;

function problemLine(problem: MarkdownProblem, t: T): string {
  return t(`proceedings.documents.pdf.problem.${problem.kind}`, { detail: problem.detail });
}

export function documentDefinition(
  input: DocumentPdfInput,
  t: T,
): { definition: TDocumentDefinitions; problems: MarkdownProblem[] } {
  const { content, problems } = markdownToPdf(input.body, {
    images: input.images,
    contentWidth: DOCUMENT_CONTENT_WIDTH,
    t,
    headingLevelOffset: 1,
  });
  const meta = [
    [t("proceedings.documents.field.kind"), input.kindLabel],
    [t("proceedings.documents.field.author"), input.author],
    [t("proceedings.documents.field.session"), input.session],
    [t("proceedings.documents.field.date"), input.date],
  ].filter(([, value]) => value !== "");
  const head: Content[] = [
    { text: input.title, style: "h1", headlineLevel: 1 },
    {
      table: { widths: [110, "*"], body: meta.map(([label, value]) => [{ text: label, bold: true }, { text: value }]) },
      layout: "noBorders",
      fontSize: 9.5,
      margin: [0, 0, 0, 4],
    },
    {
      canvas: [{ type: "line", x1: 0, y1: 0, x2: DOCUMENT_CONTENT_WIDTH, y2: 0, lineWidth: 1, lineColor: "#1f2937" }],
      margin: [0, 4, 0, 12],
    },
  ];
  const tail: Content[] =
    problems.length === 0
      ? []
      : [
          { text: t("proceedings.documents.pdf.problems"), style: "h3", margin: [0, 18, 0, 4] },
          { ul: problems.map((p) => ({ text: problemLine(p, t), fontSize: 9 })) },
        ];
  return {
    problems,
    definition: {
      pageSize: DOCUMENT_PAGE.size,
      pageMargins: [DOCUMENT_PAGE.margin, DOCUMENT_PAGE.margin, DOCUMENT_PAGE.margin, DOCUMENT_PAGE.margin],
      info: { title: input.title, author: input.author },
      content: [...head, ...content, ...tail],
      styles: MARKDOWN_STYLES,
      defaultStyle: { fontSize: 10.5 },
      footer: (page: number, pages: number) => ({
        text: t("proceedings.documents.pdf.page", { page, pages }),
        alignment: "center",
        fontSize: 8.5,
        color: "#555555",
        margin: [0, 20, 0, 0],
      }),
    },
  };
}
