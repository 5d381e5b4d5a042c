/**
 * The book's speeches and reports, and its discussion summaries (pure): each document's heading is
 * bound to its first block in an unbreakable stack, so no heading ends a page alone; the body is the
 * document's Markdown one heading level down. A document whose Markdown cannot be mapped is a marker.
 */
import type { Content } from "pdfmake/interfaces";
import { formatInstant } from "~/lib/time";
import type { DocumentImage } from "../../documents/markdown-pdf";
import type { DocumentKind } from "../../rules";
import { marker, safeMarkdown } from "../book-document";
import { GOLD, rule } from "../layout";
import type { BookSection, SectionContext } from "../section";

export interface BookDocumentEntry {
  id: number;
  kind: DocumentKind;
  title: string;
  authorName: string;
  /** "Phó Thủ tướng Chính phủ", "Giám đốc Sở Ngoại vụ"… empty when unknown. */
  authorPosition: string;
  authorOrganisation: string;
  sessionTitle: string | null;
  sessionStartsAt: string | null;
  sessionRoom: string | null;
  body: string;
  images: ReadonlyMap<number, DocumentImage>;
}

/** The heading and its first block, which must stay on one page; then the rest of the body. */
function bound(head: Content[], body: Content[]): Content[] {
  const [firstBlock, ...rest] = body;
  return [{ stack: firstBlock ? [...head, firstBlock] : head, unbreakable: true } as Content, ...rest];
}

/** A document's own headings (the mapping marks them with headlineLevel) each bound to the block after it. */
export function bindHeadings(blocks: readonly Content[]): Content[] {
  const out: Content[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as { headlineLevel?: number };
    if (block && typeof block === "object" && block.headlineLevel && i + 1 < blocks.length) {
      out.push({ stack: [blocks[i], blocks[i + 1]], unbreakable: true } as Content);
      i++;
    } else out.push(blocks[i]);
  }
  return out;
}

function bodyOf(entry: BookDocumentEntry, ctx: SectionContext): Content[] {
  if (!entry.body.trim()) return [marker(ctx.t("proceedings.book.marker.emptyDocument"))];
  try {
    const { content } = safeMarkdown(entry.body, ctx, 1, entry.images as Map<number, DocumentImage>);
    return content.length ? bindHeadings(content) : [marker(ctx.t("proceedings.book.marker.emptyDocument"))];
  } catch {
    return [marker(ctx.t("proceedings.book.marker.document"))];
  }
}

function byline(entry: BookDocumentEntry): string {
  return [entry.authorName, entry.authorPosition, entry.authorOrganisation].filter(Boolean).join(", ");
}

export function buildSpeechesSection(entries: readonly BookDocumentEntry[], ctx: SectionContext): BookSection {
  const { t } = ctx;
  const content: Content[] = [];
  entries.forEach((entry, i) => {
    const when = entry.sessionStartsAt
      ? formatInstant(entry.sessionStartsAt, ctx.timeZone, ctx.locale, "longDate")
      : "";
    const head: Content[] = [
      {
        text: t(`proceedings.documentKind.${entry.kind}`).toLocaleUpperCase(),
        fontSize: 8,
        bold: true,
        color: GOLD,
      },
      {
        text: entry.title,
        style: "subheading",
        tocItem: true,
        outline: true,
        id: `book-document-${entry.id}`,
        margin: [0, 2, 0, 3],
      } as Content,
    ];
    const who = byline(entry);
    if (who) head.push({ text: who, style: "byline" });
    if (entry.sessionTitle) head.push({ text: [entry.sessionTitle, when].filter(Boolean).join(" · "), style: "meta" });
    head.push(rule("#c8ccd2", undefined, 0.5, [0, 6, 0, 10]));
    // Each speech opens a page, as a printed proceedings does (the first follows the section
    // heading), so its heading is always at a page's top and needs no binding: an unbreakable
    // block costs pdfmake a second layout, which over 40 speeches is seconds.
    if (i > 0) head[0] = { ...(head[0] as object), pageBreak: "before" } as Content;
    content.push(...head, ...bodyOf(entry, ctx));
  });
  if (content.length === 0) content.push(marker(t("proceedings.book.marker.empty")));
  return { id: "speeches", title: t("proceedings.section.speeches"), content };
}

export function buildSummariesSection(entries: readonly BookDocumentEntry[], ctx: SectionContext): BookSection {
  const { t } = ctx;
  const content: Content[] = [];
  entries.forEach((entry, i) => {
    const when = entry.sessionStartsAt
      ? formatInstant(entry.sessionStartsAt, ctx.timeZone, ctx.locale, "dateTime")
      : "";
    const head: Content[] = [
      {
        text: entry.sessionTitle ?? entry.title,
        style: "subheading",
        tocItem: true,
        outline: true,
        id: `book-document-${entry.id}`,
        margin: [0, i === 0 ? 0 : 18, 0, 3],
      } as Content,
      { text: [when, entry.sessionRoom].filter(Boolean).join(" · "), style: "meta" },
    ];
    if (entry.authorName)
      head.push({ text: t("proceedings.book.summaries.rapporteur", { name: byline(entry) }), style: "byline" });
    head.push(rule(GOLD, 50, 1, [0, 5, 0, 8], "left"));
    content.push(...bound(head, bodyOf(entry, ctx)));
  });
  if (content.length === 0) content.push(marker(t("proceedings.book.marker.empty")));
  return { id: "summaries", title: t("proceedings.section.summaries"), content };
}
