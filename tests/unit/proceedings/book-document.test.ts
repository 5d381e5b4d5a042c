import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import { describe, expect, it } from "vitest";
import { bookDocument, prepareNodes, sectionAnchor, type BookData } from "~/features/proceedings/book/book-document";
import { sectionContext } from "~/features/proceedings/book/book.server";
import type { BookSection } from "~/features/proceedings/book/section";
import {
  bindHeadings,
  buildSpeechesSection,
  buildSummariesSection,
  type BookDocumentEntry,
} from "~/features/proceedings/book/sections/speeches";
import { renderPdf } from "~/platform/pdf/render.server";
import { readBack } from "./book-readback";

const ctx = sectionContext("vi", "Asia/Ho_Chi_Minh");

const titlePage = {
  title: "Hội nghị Ngoại vụ toàn quốc lần thứ 21",
  subtitle: "",
  editionLabel: "21",
  theme: "Đối ngoại địa phương vì phát triển",
  datesLabel: "13/12/2027 – 14/12/2027",
  venue: "Hà Nội",
  publisher: "Bộ Ngoại giao",
};

function entry(id: number, title: string, body: string): BookDocumentEntry {
  return {
    id,
    kind: "speech",
    title,
    authorName: "Bùi Thanh Sơn",
    authorPosition: "Bộ trưởng",
    authorOrganisation: "Bộ Ngoại giao",
    sessionTitle: "Phiên khai mạc toàn thể",
    sessionStartsAt: "2027-12-13T01:00:00.000Z",
    sessionRoom: "Hội trường lớn",
    body,
    images: new Map(),
  };
}

const participants: BookSection = {
  id: "participants",
  title: "Danh sách đại biểu",
  content: [
    { text: "Tỉnh Bắc Giang", style: "subheading", tocItem: true, outline: true } as Content,
    { text: "Lê Văn Hùng" },
  ],
};

function book(order: BookData["order"], sections: BookSection[], foreword = ""): BookData {
  return { titlePage, foreword, order, sections };
}

type SectionNode = { section: Content[]; header: unknown; footer: unknown; background?: unknown };
const sectionsOf = (definition: TDocumentDefinitions) => definition.content as unknown as SectionNode[];
const json = (value: unknown) => JSON.stringify(value);

describe("the book's assembly", () => {
  const speeches = buildSpeechesSection(
    [entry(1, "Phát biểu khai mạc", "Kính thưa các đồng chí."), entry(2, "Báo cáo tổng kết", "Nội dung.")],
    ctx,
  );
  const definition = bookDocument(
    book(
      ["cover", "foreword", "contents", "speeches", "participants"],
      [speeches, participants],
      "# Lời ngỏ\n\nXin trân trọng giới thiệu.",
    ),
    ctx,
  );
  const nodes = sectionsOf(definition);

  it("is A4 portrait with binding margins, every section a pdfmake section in the chosen order", () => {
    expect(definition.pageSize).toBe("A4");
    expect(definition.pageOrientation).toBe("portrait");
    expect((definition.pageMargins as number[])[0]).toBeGreaterThanOrEqual(60);
    expect(nodes).toHaveLength(5);
    expect(nodes.every((n) => Array.isArray(n.section))).toBe(true);
    expect(json(nodes[1].section)).toContain("Lời nói đầu");
    expect(json(nodes[2].section)).toContain('"toc"');
    expect(json(nodes[3].section)).toContain("Phát biểu khai mạc");
    expect(json(nodes[4].section)).toContain("Lê Văn Hùng");
  });

  it("has a sober cover: the Ministry, the title in capitals, KỶ YẾU, the theme; no header, no page number, no image", () => {
    const cover = nodes[0];
    expect(cover.header).toBeNull();
    expect(cover.footer).toBeNull();
    const text = json(cover.section);
    expect(text).toContain("BỘ NGOẠI GIAO");
    expect(text).toContain("HỘI NGHỊ NGOẠI VỤ TOÀN QUỐC LẦN THỨ 21");
    expect(text).toContain("KỶ YẾU");
    expect(text).toContain("Đối ngoại địa phương vì phát triển");
    expect(text).not.toContain('"image"');
  });

  it("makes each section heading a contents entry and a bookmark, with an anchor", () => {
    for (const [i, id] of [
      [1, "foreword"],
      [3, "speeches"],
      [4, "participants"],
    ] as const) {
      const heading = nodes[i].section[0] as unknown as Record<string, unknown>;
      expect(heading).toMatchObject({ tocItem: true, outline: true, id: sectionAnchor(id), style: "sectionHeading" });
    }
  });

  it("puts speeches in the contents' second level and under their section's bookmark; organisations only as bookmarks", () => {
    const speechHeads = JSON.parse(json(nodes[3].section)) as unknown;
    const found: Record<string, unknown>[] = [];
    const walk = (n: unknown) => {
      if (Array.isArray(n)) n.forEach(walk);
      else if (n && typeof n === "object") {
        const o = n as Record<string, unknown>;
        if (o.style === "subheading") found.push(o);
        Object.values(o).forEach(walk);
      }
    };
    walk(speechHeads);
    expect(found.map((f) => f.text)).toEqual(["Phát biểu khai mạc", "Báo cáo tổng kết"]);
    for (const f of found)
      expect(f).toMatchObject({
        tocItem: true,
        tocStyle: "tocLevel2",
        outline: true,
        outlineParentId: sectionAnchor("speeches"),
      });
    const group = nodes[4].section.find((n) => (n as { text?: string }).text === "Tỉnh Bắc Giang") as unknown as Record<
      string,
      unknown
    >;
    expect(group.tocItem).toBeUndefined();
    expect(group).toMatchObject({ outline: true, outlineParentId: sectionAnchor("participants") });
  });

  it("opens every speech after the first on a new page, its kind, title and author together at the top", () => {
    const body = nodes[3].section.slice(2) as unknown as Array<Record<string, unknown>>;
    const kinds = body.filter((n) => n.text === "BÀI PHÁT BIỂU" || n.text === "BÁO CÁO");
    expect(kinds.map((n) => n.pageBreak)).toEqual([undefined, "before"]);
    const at = body.indexOf(kinds[1]);
    expect(body[at + 1]).toMatchObject({ text: "Báo cáo tổng kết", style: "subheading" });
    expect(body[at + 2]).toMatchObject({ style: "byline" });
  });

  it("binds each summary's heading to its first paragraph, so that no heading ends a page alone", () => {
    const summaries = buildSummariesSection(
      [{ ...entry(3, "Tóm tắt", "Các đại biểu thống nhất."), kind: "summary" }],
      ctx,
    );
    const bound = summaries.content[0] as unknown as { stack: unknown[]; unbreakable: boolean };
    expect(bound.unbreakable).toBe(true);
    expect(json(bound)).toContain("Phiên khai mạc toàn thể");
    expect(json(bound)).toContain("Các đại biểu thống nhất.");
  });

  it("gives every page of a section a running header: the book's short title left, the section's title right", () => {
    const header = nodes[3].header as (page: number, pages: number) => Content;
    const text = json(header(7, 40));
    expect(text).toContain("Kỷ yếu · Hội nghị Ngoại vụ toàn quốc lần thứ 21");
    expect(text).toContain("Bài phát biểu và báo cáo");
    expect(json((nodes[4].header as (p: number, n: number) => Content)(9, 40))).toContain("Danh sách đại biểu");
  });

  it("numbers pages in the footer as “— 12 —” and reports the page count", () => {
    let count = 0;
    const d = bookDocument(book(["speeches"], [speeches]), ctx, { onPageCount: (n) => (count = n) });
    const footer = sectionsOf(d)[0].footer as (page: number, pages: number) => Record<string, unknown>;
    expect(footer(12, 30)).toMatchObject({ text: "— 12 —", alignment: "center" });
    expect(count).toBe(30);
  });

  it("leaves out sections that were not built, and the foreword when it is empty; an empty section shows a marker", () => {
    const d = bookDocument(
      book(["cover", "foreword", "figures", "participants"], [{ ...participants, content: [] }]),
      ctx,
    );
    const n = sectionsOf(d);
    expect(n).toHaveLength(2);
    expect(json(n[1].section)).toContain("[Phần này chưa có nội dung]");
  });
});

describe("images in the book", () => {
  it("replaces any image that is not embedded data by a visible marker", () => {
    const out = prepareNodes(
      [
        { image: "https://example.com/a.png", width: 100 },
        { image: "data:image/png;base64,AAAA" },
        { image: "/etc/passwd" },
      ],
      { parent: "p", inContents: false, imageMarker: "ảnh ngoài", knownImages: new Set() },
    ) as Array<Record<string, unknown>>;
    expect(out[0]).toMatchObject({ text: "[ảnh ngoài]", style: "unrenderable" });
    expect(out[1]).toMatchObject({ image: "data:image/png;base64,AAAA" });
    expect(out[2]).toMatchObject({ text: "[ảnh ngoài]" });
  });

  it("renders a book with an http image link without fetching it: no request, no hang, a marker instead", async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests += 1;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/emblem.png`;
    try {
      const speech = buildSpeechesSection([entry(1, "Phát biểu", `Mở đầu.\n\n![Quốc huy](${url})`)], ctx);
      const raw: BookSection = {
        id: "participants",
        title: "Danh sách đại biểu",
        content: [{ image: url, width: 50 } as Content],
      };
      const started = Date.now();
      const bytes = await renderPdf(bookDocument(book(["speeches", "participants"], [speech, raw]), ctx));
      expect(Date.now() - started).toBeLessThan(10_000);
      const { pages } = await readBack(bytes);
      expect(pages.join("\n")).toContain("Mở đầu.");
      expect(pages.join("\n")).toContain("Hình ảnh từ trang web khác không được đưa vào kỷ yếu");
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  }, 20_000);
});

describe("characters outside the font", () => {
  it("become the marker glyph in titles, names and the cover, not missing boxes", () => {
    const speeches = buildSpeechesSection([entry(1, "Hợp tác 日本 🇯🇵", "Nội dung.")], ctx);
    const d = bookDocument(book(["cover", "speeches"], [speeches]), ctx);
    const text = json(d.content);
    expect(text).not.toMatch(/日本|🇯/u);
    expect(text).toContain("Hợp tác ■■ ■■");
  });
});

describe("headings inside a document", () => {
  it("are each bound to the paragraph after them, so that none ends a page alone", () => {
    const body = bindHeadings([
      { text: "Mở đầu", style: "h2", headlineLevel: 2 } as Content,
      { text: "Đoạn một." },
      { text: "Đoạn hai." },
      { text: "Cuối", style: "h2", headlineLevel: 2 } as Content,
    ]) as unknown as Array<Record<string, unknown>>;
    expect(body).toHaveLength(3);
    expect(body[0]).toMatchObject({ unbreakable: true, stack: [{ text: "Mở đầu" }, { text: "Đoạn một." }] });
    expect(body[1]).toMatchObject({ text: "Đoạn hai." });
    // A heading with nothing after it stays as it is.
    expect(body[2]).toMatchObject({ text: "Cuối" });
  });

  it("come out of the speech's Markdown bound in the book", () => {
    const speeches = buildSpeechesSection(
      [entry(1, "Phát biểu", "Mở đầu.\n\n## Nội dung chính\n\nHợp tác với các đối tác.")],
      ctx,
    );
    const bound = (speeches.content as unknown as Array<Record<string, unknown>>).find((n) => n.unbreakable);
    expect(json(bound)).toContain("Nội dung chính");
    expect(json(bound)).toContain("Hợp tác với các đối tác.");
  });
});
