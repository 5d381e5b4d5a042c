import { Lexer, type Token } from "marked";

/**
 * The one way the documents read Markdown, for the PDF and the web alike: marked's lexer only (GFM),
 * never its HTML renderer. Text to NFC first; a lexer failure never escapes (the caller falls back to
 * plain paragraphs).
 */
export function lexMarkdown(markdown: string): { tokens: Token[]; malformed: string | null } {
  const source = markdown.normalize("NFC").replace(/\r\n?/g, "\n");
  try {
    return { tokens: new Lexer({ gfm: true, breaks: false }).lex(source), malformed: null };
  } catch (error) {
    return { tokens: fallbackTokens(source), malformed: error instanceof Error ? error.message : String(error) };
  }
}

/** Plain paragraphs, split at blank lines: what a body that cannot be read as Markdown becomes. */
export function fallbackTokens(source: string): Token[] {
  return source
    .split(/\n{2,}/)
    .filter((part) => part.trim() !== "")
    .map((part) => ({
      type: "paragraph",
      raw: part,
      text: part,
      tokens: [{ type: "text", raw: part, text: part, escaped: false }],
    })) as Token[];
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** marked leaves character references in text as written: resolve the common ones (never as markup). */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/** The id in `image:ID`, the one image address a document may use; null for anything else. */
export function documentImageId(href: string): number | null {
  const match = /^image:(\d{1,9})$/.exec(href.trim());
  return match ? Number(match[1]) : null;
}

/** A URL cut to a readable length for a marker. */
export function shortUrl(href: string, max = 60): string {
  const clean = href.trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
}

/** Only web and mail addresses become links; javascript:, data:, file: and the rest stay text. */
export function isSafeLink(href: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(href.trim());
}
