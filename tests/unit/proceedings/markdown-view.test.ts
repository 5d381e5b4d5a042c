import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownBody } from "~/features/proceedings/documents/components/markdown-view";

const t = (key: string, params?: Record<string, string | number>) =>
  `${key}:${params ? Object.values(params).join(",") : ""}`;
const render = (markdown: string, known: number[] = [4]) =>
  renderToStaticMarkup(
    createElement(MarkdownBody, {
      markdown,
      t,
      headingOffset: 1,
      imageSrc: (id) => (known.includes(id) ? `/admin/documents/1/images/${id}` : undefined),
    }),
  );

describe("MarkdownBody: the web rendering", () => {
  it("renders headings under the page's own, paragraphs and emphasis", () => {
    const html = render("# Tiêu đề\n\nChào **đậm** *nghiêng* `mã` ~~cũ~~");
    expect(html).toContain("<h2");
    expect(html).toContain(">Tiêu đề</h2>");
    expect(html).toContain("<strong>đậm</strong>");
    expect(html).toContain("<em>nghiêng</em>");
    expect(html).toMatch(/<code[^>]*>mã<\/code>/);
    expect(html).toContain("<del>cũ</del>");
  });

  it("renders lists, tables, quotes, rules and code blocks", () => {
    const html = render(
      "2. hai\n3. ba\n\n- a\n  - b\n\n| x | y |\n|---|--:|\n| 1 | 2 |\n\n> q\n\n---\n\n```\n<x>\n```",
    );
    expect(html).toMatch(/<ol[^>]*start="2"/);
    expect(html).toMatch(/<ul[^>]*><li>a<ul/);
    expect(html).toMatch(/<th[^>]*>x<\/th>/);
    expect(html).toMatch(/<td[^>]*text-right[^>]*>2<\/td>/);
    expect(html).toMatch(/<blockquote[^>]*><p[^>]*>q<\/p><\/blockquote>/);
    expect(html).toContain("<hr");
    expect(html).toContain("<code>&lt;x&gt;</code>");
  });

  it("never interprets HTML: a script comes out as text", () => {
    const html = render('<script>alert("x")</script>\n\nChữ <img src=x onerror=alert(1)> và <b>b</b>');
    expect(html).not.toContain("<script");
    expect(html).not.toContain('<img src="x"');
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("loads only the document's own images; a remote image is link text, a javascript: link is text", () => {
    const html = render(
      "![Hội trường](image:4)\n\n![x](https://evil.example/p.png)\n\n![y](image:9)\n\n[bấm](javascript:alert(1)) [web](https://mofa.gov.vn)",
    );
    expect(html).toContain('src="/admin/documents/1/images/4"');
    expect(html).toContain('alt="Hội trường"');
    expect(html).not.toContain('evil.example/p.png"');
    expect(html).toContain("proceedings.documents.pdf.remoteImage:https://evil.example/p.png");
    expect(html).toContain("proceedings.documents.pdf.missingImage:9");
    expect(html).not.toContain('href="javascript');
    expect(html).toContain("bấm (javascript:alert(1))");
    expect(html).toMatch(/<a href="https:\/\/mofa.gov.vn" rel="noopener noreferrer nofollow"/);
  });
});
