import type { Token, Tokens } from "marked";
import type { Content, ContentText, StyleDictionary, TableCell } from "pdfmake/interfaces";
import { coverText } from "./glyphs";
import { decodeEntities, documentImageId, fallbackTokens, isSafeLink, lexMarkdown, shortUrl } from "./lex";

/**
 * A document's Markdown as pdfmake nodes (pure): the document's own PDF and the book both use it.
 * Nothing is ever fetched: only `![caption](image:ID)` with ID among the given images is drawn; any other
 * image becomes a visible marker. Raw HTML is shown as text. Characters the font lacks become a marker.
 */

export interface DocumentImage {
  id: number;
  /** A data: URL (image/png or image/jpeg). */
  data: string;
  width: number;
  height: number;
  caption: string;
}

export interface MarkdownPdfOptions {
  images: ReadonlyMap<number, DocumentImage>;
  contentWidth: number;
  t: (key: string, params?: Record<string, string | number>) => string;
  /** "#" becomes level 1 + offset: the book puts a document's headings under its own. */
  headingLevelOffset?: number;
}

export type MarkdownProblemKind =
  "remoteImage" | "missingImage" | "unsupportedGlyph" | "tooWideTable" | "html" | "malformed";
export interface MarkdownProblem {
  kind: MarkdownProblemKind;
  detail: string;
}

/** Styles the nodes name; the book and the document PDF merge them into their own. */
export const MARKDOWN_STYLES: StyleDictionary = {
  h1: { fontSize: 17, bold: true, margin: [0, 12, 0, 6] },
  h2: { fontSize: 14.5, bold: true, margin: [0, 10, 0, 5] },
  h3: { fontSize: 12.5, bold: true, margin: [0, 8, 0, 4] },
  h4: { fontSize: 11, bold: true, italics: true, margin: [0, 6, 0, 3] },
  mdParagraph: { margin: [0, 0, 0, 6], lineHeight: 1.2 },
  mdList: { margin: [0, 0, 0, 6] },
  mdCaption: { fontSize: 9, italics: true, color: "#444444", alignment: "center", margin: [0, 2, 0, 8] },
  mdQuote: { italics: true, color: "#333333" },
  mdCode: { fontSize: 9, color: "#222222", background: "#eeeeee" },
  mdCodeBlock: { fontSize: 8.5, color: "#222222", preserveLeadingSpaces: true },
  mdTable: { fontSize: 9.5, margin: [0, 2, 0, 8] },
  mdTableHeader: { bold: true },
  mdLink: { color: "#1d4ed8" },
  unrenderable: { fontSize: 9, color: "#555555", italics: true },
};

/** Columns up to which a table keeps the body size; then smaller; beyond the last, a marker. */
const TABLE_FONT_STEPS: readonly [number, number][] = [
  [5, 9.5],
  [8, 8],
  [12, 6.5],
];
/** The tallest an image may be drawn (points), so a tall picture does not take more than a page. */
const MAX_IMAGE_HEIGHT = 520;

interface Marks {
  bold?: boolean;
  italics?: boolean;
  code?: boolean;
  strike?: boolean;
  link?: string;
}

type Run = ContentText;
type Piece = { run: Run } | { block: Content };

class Mapper {
  readonly problems: MarkdownProblem[] = [];
  private readonly missingGlyphs = new Set<string>();

  constructor(private readonly options: MarkdownPdfOptions) {}

  /** Text the font can draw, every missing character reported once. */
  private cover(text: string): string {
    const { text: out, missing } = coverText(text);
    for (const ch of missing) {
      if (this.missingGlyphs.has(ch)) continue;
      this.missingGlyphs.add(ch);
      const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
      this.problems.push({ kind: "unsupportedGlyph", detail: `${code} ${ch}` });
    }
    return out;
  }

  private run(text: string, marks: Marks): Run {
    const run: Run = { text: this.cover(text) };
    if (marks.bold) run.bold = true;
    if (marks.italics) run.italics = true;
    if (marks.code) run.style = "mdCode";
    if (marks.strike) run.decoration = "lineThrough";
    if (marks.link) {
      run.link = marks.link;
      run.style = "mdLink";
    }
    return run;
  }

  private marker(text: string): Content {
    return {
      table: { widths: ["*"], body: [[{ text: this.cover(text), style: "unrenderable", fillColor: "#f1f1f1" }]] },
      layout: {
        hLineColor: () => "#888888",
        vLineColor: () => "#888888",
        hLineWidth: () => 0.6,
        vLineWidth: () => 0.6,
      },
      margin: [0, 2, 0, 8],
    };
  }

  blocks(tokens: readonly Token[]): Content[] {
    const out: Content[] = [];
    for (const token of tokens) out.push(...this.block(token));
    return out;
  }

  private block(token: Token): Content[] {
    switch (token.type) {
      case "space":
      case "def":
        return [];
      case "heading":
        return [this.heading(token as Tokens.Heading)];
      case "paragraph":
        return this.paragraph((token as Tokens.Paragraph).tokens ?? [], "mdParagraph");
      case "text": {
        const text = token as Tokens.Text;
        return this.paragraph(text.tokens ?? [{ type: "text", raw: text.raw, text: text.text }], "mdParagraph");
      }
      case "list":
        return [this.list(token as Tokens.List)];
      case "table":
        return [this.table(token as Tokens.Table)];
      case "blockquote":
        return [this.quote(token as Tokens.Blockquote)];
      case "hr":
        return [
          {
            canvas: [
              {
                type: "line",
                x1: 0,
                y1: 0,
                x2: this.options.contentWidth,
                y2: 0,
                lineWidth: 0.5,
                lineColor: "#999999",
              },
            ],
            margin: [0, 6, 0, 8],
          },
        ];
      case "code":
        return [this.codeBlock((token as Tokens.Code).text)];
      case "html": {
        const html = token as Tokens.HTML;
        this.problems.push({ kind: "html", detail: shortUrl(html.text.trim(), 80) });
        return [{ text: this.cover(html.text.replace(/\n+$/, "")), style: "mdParagraph" }];
      }
      default: {
        // An unknown token: its words, never lost.
        const raw = "raw" in token && typeof token.raw === "string" ? token.raw : "";
        return raw.trim() ? [{ text: this.cover(raw), style: "mdParagraph" }] : [];
      }
    }
  }

  private heading(token: Tokens.Heading): Content {
    const level = Math.min(4, Math.max(1, token.depth + (this.options.headingLevelOffset ?? 0)));
    const runs = this.inlineRuns(token.tokens ?? []);
    return { text: runs, style: `h${level}`, headlineLevel: level };
  }

  /** A paragraph's inline tokens: text nodes, with images as blocks of their own between them. */
  private paragraph(tokens: readonly Token[], style: string): Content[] {
    const out: Content[] = [];
    let runs: Run[] = [];
    const flush = () => {
      // A paragraph of only a line break or spaces is nothing.
      if (runs.some((r) => String(r.text).trim() !== "")) out.push({ text: runs, style });
      runs = [];
    };
    for (const piece of this.inline(tokens, {})) {
      if ("run" in piece) runs.push(piece.run);
      else {
        flush();
        out.push(piece.block);
      }
    }
    flush();
    return out;
  }

  /** Inline tokens as runs only (headings, table cells): an image there becomes its marker's words. */
  private inlineRuns(tokens: readonly Token[]): Run[] {
    return this.inline(tokens, {}).map((piece) =>
      "run" in piece ? piece.run : { text: this.blockWords(piece.block), italics: true },
    );
  }

  private blockWords(block: Content): string {
    if (typeof block === "object" && block && "stack" in block) {
      const caption = (block.stack as Content[])[1];
      return caption && typeof caption === "object" && "text" in caption ? `[${String(caption.text)}]` : "";
    }
    if (typeof block === "object" && block && "table" in block) {
      const cell = block.table?.body[0]?.[0] as ContentText | undefined;
      return `[${String(cell?.text ?? "")}]`;
    }
    return "";
  }

  private inline(tokens: readonly Token[], marks: Marks): Piece[] {
    const out: Piece[] = [];
    for (const token of tokens) {
      switch (token.type) {
        case "text":
        case "escape": {
          const text = token as Tokens.Text;
          if (text.tokens && text.tokens.length > 0) out.push(...this.inline(text.tokens, marks));
          else out.push({ run: this.run(decodeEntities(text.text), marks) });
          break;
        }
        case "strong":
          out.push(...this.inline((token as Tokens.Strong).tokens ?? [], { ...marks, bold: true }));
          break;
        case "em":
          out.push(...this.inline((token as Tokens.Em).tokens ?? [], { ...marks, italics: true }));
          break;
        case "del":
          out.push(...this.inline((token as Tokens.Del).tokens ?? [], { ...marks, strike: true }));
          break;
        case "codespan":
          out.push({ run: this.run(decodeEntities((token as Tokens.Codespan).text), { ...marks, code: true }) });
          break;
        case "br":
          out.push({ run: { text: "\n" } });
          break;
        case "link":
          out.push(...this.link(token as Tokens.Link, marks));
          break;
        case "image":
          out.push({ block: this.image(token as Tokens.Image) });
          break;
        case "html": {
          const html = token as Tokens.Tag;
          this.problems.push({ kind: "html", detail: shortUrl(html.text, 80) });
          out.push({ run: this.run(html.text, marks) });
          break;
        }
        case "checkbox":
          out.push({ run: { text: (token as Tokens.Checkbox).checked ? "[x] " : "[ ] " } });
          break;
        default: {
          const raw = "raw" in token && typeof token.raw === "string" ? token.raw : "";
          if (raw) out.push({ run: this.run(raw, marks) });
        }
      }
    }
    return out;
  }

  /** The words, then the address in brackets as text; only http(s)/mailto carry a link annotation. */
  private link(token: Tokens.Link, marks: Marks): Piece[] {
    const safe = isSafeLink(token.href);
    const inner = this.inline(token.tokens ?? [], safe ? { ...marks, link: token.href } : marks);
    const shown = token.text.trim();
    if (token.autolink || shown === token.href.trim() || shown === "") return inner;
    return [...inner, { run: this.run(` (${shortUrl(token.href, 80)})`, marks) }];
  }

  private image(token: Tokens.Image): Content {
    const id = documentImageId(token.href);
    if (id === null) {
      this.problems.push({ kind: "remoteImage", detail: token.href });
      return this.marker(this.options.t("proceedings.documents.pdf.remoteImage", { url: shortUrl(token.href) }));
    }
    const image = this.options.images.get(id);
    if (!image) {
      this.problems.push({ kind: "missingImage", detail: String(id) });
      return this.marker(this.options.t("proceedings.documents.pdf.missingImage", { id }));
    }
    const width = Math.min(image.width, this.options.contentWidth);
    const caption = decodeEntities(token.text).trim() || image.caption.trim();
    const stack: Content[] = [{ image: image.data, fit: [width, MAX_IMAGE_HEIGHT], alignment: "center" }];
    if (caption) stack.push({ text: this.cover(caption), style: "mdCaption" });
    return { stack, unbreakable: true, margin: [0, 4, 0, 4] };
  }

  private list(token: Tokens.List): Content {
    const items = token.items.map((item) => {
      const parts = this.blocks(item.tokens ?? []);
      // An item of one line is that line, not a stack: the marker then sits on its baseline.
      if (parts.length === 1) return parts[0]!;
      return { stack: parts.length > 0 ? parts : [{ text: "" }] };
    });
    if (token.ordered) {
      const start = typeof token.start === "number" ? token.start : 1;
      return { ol: items, start, style: "mdList" };
    }
    return { ul: items, style: "mdList" };
  }

  private table(token: Tokens.Table): Content {
    const columns = token.header.length;
    const step = TABLE_FONT_STEPS.find(([upTo]) => columns <= upTo);
    if (!step) {
      this.problems.push({ kind: "tooWideTable", detail: String(columns) });
      // Too many columns to read on a page: each row as one line, after a marker.
      const lines: Content[] = [token.header, ...token.rows].map((row, index) => ({
        text: row.flatMap((cell, i) => [...(i > 0 ? [{ text: " | " }] : []), ...this.inlineRuns(cell.tokens)]),
        bold: index === 0,
        fontSize: 8,
      }));
      return {
        stack: [this.marker(this.options.t("proceedings.documents.pdf.tooWideTable", { columns })), ...lines],
        margin: [0, 0, 0, 8],
      };
    }
    const cell = (c: Tokens.TableCell, header: boolean): TableCell => ({
      text: this.inlineRuns(c.tokens),
      alignment: c.align ?? "left",
      ...(header ? { style: "mdTableHeader", fillColor: "#eeeeee" } : {}),
    });
    const body: TableCell[][] = [
      token.header.map((c) => cell(c, true)),
      ...token.rows.map((row) => token.header.map((_, i) => (row[i] ? cell(row[i]!, false) : { text: "" }))),
    ];
    return {
      table: { headerRows: 1, widths: token.header.map(() => "*"), body, dontBreakRows: true },
      layout: "lightHorizontalLines",
      style: "mdTable",
      fontSize: step[1],
    };
  }

  private quote(token: Tokens.Blockquote): Content {
    const inner = this.blocks(token.tokens ?? []);
    return {
      table: { widths: ["*"], body: [[{ stack: inner.length > 0 ? inner : [{ text: "" }], style: "mdQuote" }]] },
      layout: {
        hLineWidth: () => 0,
        vLineWidth: (i: number) => (i === 0 ? 2 : 0),
        vLineColor: () => "#9ca3af",
        paddingLeft: () => 10,
        paddingTop: () => 2,
        paddingBottom: () => 2,
      },
      margin: [12, 0, 0, 8],
    };
  }

  private codeBlock(code: string): Content {
    return {
      table: {
        widths: ["*"],
        body: [[{ text: this.cover(code.replace(/\t/g, "    ")), style: "mdCodeBlock", fillColor: "#f3f4f6" }]],
      },
      layout: "noBorders",
      margin: [0, 2, 0, 8],
    };
  }
}

export function markdownToPdf(
  markdown: string,
  options: MarkdownPdfOptions,
): { content: Content[]; problems: MarkdownProblem[] } {
  const { tokens, malformed } = lexMarkdown(markdown);
  const mapper = new Mapper(options);
  try {
    const content = mapper.blocks(tokens);
    if (malformed) mapper.problems.unshift({ kind: "malformed", detail: malformed });
    return { content, problems: mapper.problems };
  } catch (error) {
    // The mapping failed on some odd input: plain paragraphs, so not a word is lost.
    const fallback = new Mapper(options);
    const content = fallback.blocks(fallbackTokens(markdown.normalize("NFC")));
    const detail = error instanceof Error ? error.message : String(error);
    return { content, problems: [{ kind: "malformed", detail }, ...fallback.problems] };
  }
}
