/* eslint-disable @typescript-eslint/no-explicit-any -- the tests read pdfmake nodes loosely, by shape */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Content } from "pdfmake/interfaces";
import { describe, expect, it } from "vitest";
import { fontCovers, GLYPH_MARKER, ROBOTO_COVERAGE } from "~/features/proceedings/documents/glyphs";
import {
  markdownToPdf,
  MARKDOWN_STYLES,
  type DocumentImage,
  type MarkdownPdfOptions,
} from "~/features/proceedings/documents/markdown-pdf";

const PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
const images = new Map<number, DocumentImage>([
  [7, { id: 7, data: PNG, width: 1200, height: 600, caption: "Toàn cảnh" }],
]);
const t = (key: string, params?: Record<string, string | number>) => `${key}${params ? JSON.stringify(params) : ""}`;
const options: MarkdownPdfOptions = { images, contentWidth: 450, t };

const map = (md: string, extra: Partial<MarkdownPdfOptions> = {}) => markdownToPdf(md, { ...options, ...extra });
/** Every string a node tree would print, joined. */
function words(node: unknown): string {
  if (typeof node === "string") return node;
  if (Array.isArray(node)) return node.map(words).join("");
  if (node && typeof node === "object") {
    const o = node as Record<string, unknown>;
    return ["text", "stack", "ul", "ol", "table", "body"].map((k) => (k in o ? words(o[k]) : "")).join("");
  }
  return "";
}
const first = (content: Content[]) => content[0] as Record<string, any>;

describe("markdownToPdf: blocks", () => {
  it("maps headings to styles h1..h4 with a headline level, shifted by the offset", () => {
    const { content } = map("# Một\n\n## Hai\n\n#### Bốn\n\n###### Sáu");
    expect(content.map((c: any) => [c.style, c.headlineLevel])).toEqual([
      ["h1", 1],
      ["h2", 2],
      ["h4", 4],
      ["h4", 4],
    ]);
    const shifted = map("# Một\n\n## Hai", { headingLevelOffset: 1 }).content;
    expect(shifted.map((c: any) => c.style)).toEqual(["h2", "h3"]);
    expect(words(first(shifted))).toBe("Một");
  });

  it("maps paragraphs with bold, italic, bold-italic, strike and inline code", () => {
    const { content, problems } = map("Chào **đậm** *nghiêng* ***cả hai*** ~~gạch~~ `mã`");
    expect(problems).toEqual([]);
    const runs = first(content).text as any[];
    expect(first(content).style).toBe("mdParagraph");
    expect(runs.find((r) => r.text === "đậm")).toMatchObject({ bold: true });
    expect(runs.find((r) => r.text === "nghiêng")).toMatchObject({ italics: true });
    expect(runs.find((r) => r.text === "cả hai")).toMatchObject({ bold: true, italics: true });
    expect(runs.find((r) => r.text === "gạch")).toMatchObject({ decoration: "lineThrough" });
    expect(runs.find((r) => r.text === "mã")).toMatchObject({ style: "mdCode" });
  });

  it("maps ordered and nested unordered lists", () => {
    const { content } = map("3. ba\n4. bốn\n\n- a\n  - a1\n  - a2\n- b");
    expect(first(content)).toMatchObject({ start: 3 });
    expect(first(content).ol).toHaveLength(2);
    const ul = (content[1] as any).ul as any[];
    expect(ul).toHaveLength(2);
    expect(ul[0].stack[1].ul).toHaveLength(2);
    expect(words(ul[0].stack[1])).toBe("a1a2");
  });

  it("shows a link's text and its address in brackets, and links only web addresses", () => {
    const { content } = map("Xem [trang](https://example.vn/a) và [mã](javascript:alert(1)) hoặc https://x.vn");
    const runs = first(content).text as any[];
    expect(runs.find((r) => r.text === "trang")).toMatchObject({ link: "https://example.vn/a" });
    expect(words(content)).toContain("trang (https://example.vn/a)");
    expect(runs.find((r) => r.text === "mã").link).toBeUndefined();
    expect(words(content)).toContain("(javascript:alert(1))");
    expect(runs.filter((r) => r.text === "https://x.vn")).toHaveLength(1);
  });

  it("maps a table with a header row, aligned cells and widths that fit", () => {
    const { content } = map("| Tỉnh | Số |\n|:--|--:|\n| Huế | **12** |\n| Đà Nẵng | 9 |");
    const table = first(content);
    expect(table.table.headerRows).toBe(1);
    expect(table.table.widths).toEqual(["*", "*"]);
    expect(table.table.body).toHaveLength(3);
    expect(table.table.body[0][0]).toMatchObject({ style: "mdTableHeader" });
    expect(table.table.body[1][1]).toMatchObject({ alignment: "right" });
    expect(table.table.body[1][1].text[0]).toMatchObject({ text: "12", bold: true });
  });

  it("shrinks the font of a wide table and puts a marker beyond that", () => {
    const row = (n: number, c: string) => `|${Array.from({ length: n }, () => c).join("|")}|`;
    const table = (n: number) => `${row(n, "h")}\n${row(n, "-")}\n${row(n, "v")}`;
    expect((map(table(3)).content[0] as any).fontSize).toBe(9.5);
    expect((map(table(7)).content[0] as any).fontSize).toBe(8);
    const wide = map(table(14));
    expect(wide.problems).toEqual([{ kind: "tooWideTable", detail: "14" }]);
    expect(words(wide.content)).toContain("proceedings.documents.pdf.tooWideTable");
    expect(words(wide.content)).toContain("v | v");
  });

  it("maps a block quote (indented, left rule, italic), a rule, a hard break and a code block", () => {
    const { content } = map("> trích *dẫn*\n\n---\n\ndòng một  \ndòng hai\n\n```\n  if (a) {\n\tb();\n}\n```");
    const quote = content[0] as any;
    expect(quote.margin[0]).toBeGreaterThan(0);
    expect(quote.layout.vLineWidth(0)).toBe(2);
    expect(quote.table.body[0][0].style).toBe("mdQuote");
    expect(MARKDOWN_STYLES.mdQuote).toMatchObject({ italics: true });
    expect((content[1] as any).canvas[0]).toMatchObject({ type: "line", x2: 450 });
    expect(((content[2] as any).text as any[]).map((r) => r.text)).toEqual(["dòng một", "\n", "dòng hai"]);
    const code = (content[3] as any).table.body[0][0];
    expect(code.style).toBe("mdCodeBlock");
    expect(code.text).toBe("  if (a) {\n    b();\n}");
    expect(MARKDOWN_STYLES.mdCodeBlock).toMatchObject({ preserveLeadingSpaces: true });
  });
});

describe("markdownToPdf: images, HTML, glyphs", () => {
  it("draws a document image fitted to the width with its caption below", () => {
    const { content, problems } = map("![Phiên khai mạc](image:7)");
    expect(problems).toEqual([]);
    const block = first(content);
    expect(block.stack[0]).toMatchObject({ image: PNG, fit: [450, 520] });
    expect(block.stack[1]).toMatchObject({ text: "Phiên khai mạc", style: "mdCaption" });
    expect(words(map("![](image:7)").content)).toBe("Toàn cảnh");
  });

  it("never fetches another image: a remote, data or file image becomes a marker", () => {
    const { content, problems } = map(
      "![a](https://evil.example/x.png)\n\n![b](data:image/png;base64,AAAA)\n\n![c](/etc/passwd)",
    );
    expect(problems.map((p) => p.kind)).toEqual(["remoteImage", "remoteImage", "remoteImage"]);
    expect(JSON.stringify(content)).not.toContain('"image"');
    expect(words(content)).toContain('proceedings.documents.pdf.remoteImage{"url":"https://evil.example/x.png"}');
    expect((content[0] as any).table.body[0][0].style).toBe("unrenderable");
  });

  it("marks an image id the document does not have", () => {
    const { content, problems } = map("Trước ![x](image:99) sau");
    expect(problems).toEqual([{ kind: "missingImage", detail: "99" }]);
    expect(content).toHaveLength(3);
    expect(words(content[1])).toContain("missingImage");
  });

  it("shows raw HTML as text and reports it", () => {
    const { content, problems } = map("<script>alert(1)</script>\n\nChữ <b>đậm</b>");
    expect(problems.map((p) => p.kind)).toEqual(["html", "html", "html"]);
    expect(words(content)).toContain("<script>alert(1)</script>");
    expect(words(content)).toContain("<b>đậm</b>");
  });

  it("replaces characters outside the font with a marker, once reported each", () => {
    const { content, problems } = map("Hợp tác 中国 🎉 và 中");
    expect(words(content)).toBe(`Hợp tác ${GLYPH_MARKER}${GLYPH_MARKER} ${GLYPH_MARKER} và ${GLYPH_MARKER}`);
    expect(problems.map((p) => p.detail)).toEqual(["U+4E2D 中", "U+56FD 国", "U+1F389 🎉"]);
  });

  it("normalises to NFC and decodes character references as text", () => {
    const decomposed = "Vie\u0323\u0302t Nam &amp; &lt;b&gt;";
    expect(words(map(decomposed).content)).toBe("Việt Nam & <b>");
  });

  it("never throws on odd input", () => {
    for (const md of ["", "\u0000", "[", "|a|\n|-|", "> ".repeat(500) + "x", "*".repeat(5000), "<".repeat(1000)]) {
      expect(() => map(md)).not.toThrow();
    }
    expect(map("> ".repeat(500) + "sâu").content.length).toBeGreaterThan(0);
  });

  it("maps a 100-page body (300,000 characters) quickly", () => {
    const page =
      "## Mục\n\nĐoạn văn **quan trọng** về hợp tác quốc tế của địa phương, với *nhấn mạnh* và [liên kết](https://mofa.gov.vn).\n\n- một\n- hai\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n";
    const body = page.repeat(Math.ceil(300_000 / page.length));
    expect(body.length).toBeGreaterThanOrEqual(300_000);
    const started = performance.now();
    const { content, problems } = map(body);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(problems).toEqual([]);
    expect(content.length).toBeGreaterThan(5000);
  });
});

describe("Roboto coverage table", () => {
  it("matches the cmap of every face pdfmake ships", () => {
    const require = createRequire(import.meta.url);
    // fontkit is pdfmake's (through pdfkit) font reader; its typings are not installed.
    const fontkit = require("fontkit") as { openSync(path: string): { characterSet: number[] } };
    const open = fontkit.openSync;
    for (const face of ["Regular", "Medium", "Italic", "MediumItalic"]) {
      const path = require.resolve(`pdfmake/fonts/Roboto/Roboto-${face}.ttf`);
      expect(readFileSync(path).length).toBeGreaterThan(0);
      const set = new Set<number>(open(path).characterSet);
      for (const [from, to] of ROBOTO_COVERAGE) for (let cp = from; cp <= to; cp++) expect(set.has(cp)).toBe(true);
    }
    for (const ch of "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ€₫–—…") {
      expect(fontCovers(ch.codePointAt(0)!)).toBe(true);
    }
    expect(fontCovers(0x4e2d)).toBe(false);
  });
});
