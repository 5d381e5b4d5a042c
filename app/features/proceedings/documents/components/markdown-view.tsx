import type { Token, Tokens } from "marked";
import { Fragment, type ReactNode } from "react";
import { useT } from "~/components/i18n";
import { decodeEntities, documentImageId, isSafeLink, lexMarkdown, shortUrl } from "../lex";

/**
 * A document's Markdown on the web: the same lexer tokens as the PDF, as React elements. No HTML from
 * the text is ever interpreted (no dangerouslySetInnerHTML: React escapes every string), only `image:ID`
 * images are loaded (from the address `imageSrc` gives), and any other image is a plain link text.
 */

export interface MarkdownBodyProps {
  markdown: string;
  /** Where image ID of this document is served; undefined: the image is missing. */
  imageSrc: (id: number) => string | undefined;
  t: (key: string, params?: Record<string, string | number>) => string;
  /** The page has its own h1: "#" becomes h2. */
  headingOffset?: number;
}

type Ctx = Omit<MarkdownBodyProps, "markdown">;

function inline(tokens: readonly Token[] | undefined, ctx: Ctx): ReactNode[] {
  return (tokens ?? []).map((token, i) => <Fragment key={i}>{inlineOne(token, ctx)}</Fragment>);
}

function inlineOne(token: Token, ctx: Ctx): ReactNode {
  switch (token.type) {
    case "text":
    case "escape": {
      const text = token as Tokens.Text;
      return text.tokens && text.tokens.length > 0 ? inline(text.tokens, ctx) : decodeEntities(text.text);
    }
    case "strong":
      return <strong>{inline((token as Tokens.Strong).tokens, ctx)}</strong>;
    case "em":
      return <em>{inline((token as Tokens.Em).tokens, ctx)}</em>;
    case "del":
      return <del>{inline((token as Tokens.Del).tokens, ctx)}</del>;
    case "codespan":
      return (
        <code className="rounded bg-slate-100 px-1 text-sm">{decodeEntities((token as Tokens.Codespan).text)}</code>
      );
    case "br":
      return <br />;
    case "link": {
      const link = token as Tokens.Link;
      if (!isSafeLink(link.href))
        return (
          <>
            {inline(link.tokens, ctx)} ({shortUrl(link.href, 80)})
          </>
        );
      return (
        <a href={link.href} rel="noopener noreferrer nofollow" className="text-blue-700 underline">
          {inline(link.tokens, ctx)}
        </a>
      );
    }
    case "image":
      return image(token as Tokens.Image, ctx);
    case "checkbox":
      return (token as Tokens.Checkbox).checked ? "☑ " : "☐ ";
    case "html":
      // Shown as the characters typed: React escapes them.
      return (token as Tokens.Tag).text;
    default:
      return "raw" in token && typeof token.raw === "string" ? token.raw : null;
  }
}

function image(token: Tokens.Image, ctx: Ctx): ReactNode {
  const id = documentImageId(token.href);
  const caption = decodeEntities(token.text).trim();
  if (id === null) {
    return (
      <span
        className="my-2 block rounded border border-slate-400 bg-slate-100 p-2 text-sm italic text-slate-700"
        data-unrenderable=""
      >
        {ctx.t("proceedings.documents.pdf.remoteImage", { url: shortUrl(token.href) })}
      </span>
    );
  }
  const src = ctx.imageSrc(id);
  if (!src) {
    return (
      <span
        className="my-2 block rounded border border-slate-400 bg-slate-100 p-2 text-sm italic text-slate-700"
        data-unrenderable=""
      >
        {ctx.t("proceedings.documents.pdf.missingImage", { id })}
      </span>
    );
  }
  return (
    <span className="my-3 block text-center">
      <img src={src} alt={caption} className="mx-auto max-h-[32rem] max-w-full" loading="lazy" />
      {caption ? <span className="mt-1 block text-sm italic text-slate-600">{caption}</span> : null}
    </span>
  );
}

const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"] as const;
const HEADING_CLASS = ["text-2xl", "text-xl", "text-lg", "text-base", "text-base", "text-sm"];

function blocks(tokens: readonly Token[] | undefined, ctx: Ctx): ReactNode[] {
  return (tokens ?? []).map((token, i) => <Fragment key={i}>{block(token, ctx)}</Fragment>);
}

function block(token: Token, ctx: Ctx): ReactNode {
  switch (token.type) {
    case "space":
    case "def":
      return null;
    case "heading": {
      const heading = token as Tokens.Heading;
      const level = Math.min(6, Math.max(1, heading.depth + (ctx.headingOffset ?? 0)));
      const Tag = HEADINGS[level - 1]!;
      return <Tag className={`mb-2 mt-4 font-semibold ${HEADING_CLASS[level - 1]}`}>{inline(heading.tokens, ctx)}</Tag>;
    }
    case "paragraph":
      return <p className="mb-3 leading-relaxed">{inline((token as Tokens.Paragraph).tokens, ctx)}</p>;
    case "text": {
      const text = token as Tokens.Text;
      return text.tokens ? inline(text.tokens, ctx) : decodeEntities(text.text);
    }
    case "list": {
      const list = token as Tokens.List;
      const items = list.items.map((item, i) => <li key={i}>{blocks(item.tokens, ctx)}</li>);
      return list.ordered ? (
        <ol className="mb-3 list-decimal pl-6" start={typeof list.start === "number" ? list.start : undefined}>
          {items}
        </ol>
      ) : (
        <ul className="mb-3 list-disc pl-6">{items}</ul>
      );
    }
    case "table": {
      const table = token as Tokens.Table;
      const align = (a: Tokens.TableCell["align"]) =>
        a === "right" ? "text-right" : a === "center" ? "text-center" : "text-left";
      return (
        <div className="mb-3 overflow-x-auto">
          <table className="min-w-full border-collapse text-sm">
            <thead>
              <tr>
                {table.header.map((cell, i) => (
                  <th key={i} className={`border-b border-slate-400 bg-slate-50 px-2 py-1 ${align(cell.align)}`}>
                    {inline(cell.tokens, ctx)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) => (
                    <td key={i} className={`border-b border-slate-200 px-2 py-1 ${align(cell.align)}`}>
                      {inline(cell.tokens, ctx)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    case "blockquote":
      return (
        <blockquote className="mb-3 border-l-4 border-slate-300 pl-4 italic text-slate-700">
          {blocks((token as Tokens.Blockquote).tokens, ctx)}
        </blockquote>
      );
    case "hr":
      return <hr className="my-4 border-slate-300" />;
    case "code":
      return (
        <pre className="mb-3 overflow-x-auto rounded bg-slate-100 p-3 text-sm">
          <code>{(token as Tokens.Code).text}</code>
        </pre>
      );
    case "html":
      return <p className="mb-3 whitespace-pre-wrap">{(token as Tokens.HTML).text}</p>;
    default:
      return "raw" in token && typeof token.raw === "string" ? <p className="mb-3">{token.raw}</p> : null;
  }
}

/** The rendering itself, given a translate: pure, for tests and for pages alike. */
export function MarkdownBody({ markdown, ...ctx }: MarkdownBodyProps) {
  const { tokens } = lexMarkdown(markdown);
  return <div className="break-words text-slate-900">{blocks(tokens, ctx)}</div>;
}

/** On a page: the page's messages (the loader sends namespace "proceedings"). */
export function MarkdownView(props: Omit<MarkdownBodyProps, "t">) {
  const t = useT();
  return <MarkdownBody {...props} t={t} />;
}
