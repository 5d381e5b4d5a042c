import type { Content } from "pdfmake/interfaces";
import { describe, expect, it } from "vitest";
import { bookDocument } from "~/features/proceedings/book/book-document";
import { sectionContext } from "~/features/proceedings/book/book.server";
import type { BookSection } from "~/features/proceedings/book/section";
import {
  buildSpeechesSection,
  buildSummariesSection,
  type BookDocumentEntry,
} from "~/features/proceedings/book/sections/speeches";
import { renderPdf } from "~/platform/pdf/render.server";
import { readBack } from "./book-readback";

const ctx = sectionContext("vi", "Asia/Ho_Chi_Minh");
const paragraph =
  "Công tác đối ngoại địa phương đã đạt được nhiều kết quả quan trọng, góp phần vào sự phát triển. ".repeat(12);

const doc = (id: number, kind: BookDocumentEntry["kind"], title: string, paragraphs: number): BookDocumentEntry => ({
  id,
  kind,
  title,
  authorName: "Nguyễn Văn An",
  authorPosition: "Giám đốc Sở Ngoại vụ",
  authorOrganisation: "Tỉnh Quảng Ninh",
  sessionTitle: "Phiên thảo luận 1",
  sessionStartsAt: "2027-12-13T03:20:00.000Z",
  sessionRoom: "Phòng họp 1",
  body: Array.from({ length: paragraphs }, (_, i) => `${i === 2 ? "## Một đề mục\n\n" : ""}${paragraph}`).join("\n\n"),
  images: new Map(),
});

const figures: BookSection = {
  id: "figures",
  title: "Hội nghị qua các con số",
  content: [{ text: "446 đại biểu" } as Content],
};

/** The contents' lines "title … page" read back: title → page number. */
function contentsEntries(page: string, titles: string[]): Record<string, number> {
  const flat = page.replace(/\s+/g, " ");
  const out: Record<string, number> = {};
  for (const title of titles) {
    const match = new RegExp(`${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} ?(\\d+)`).exec(flat);
    if (match) out[title] = Number(match[1]);
  }
  return out;
}

describe("the table of contents", () => {
  it("lists every section and speech with the page where its heading really is, and bookmarks them", async () => {
    const speeches = buildSpeechesSection(
      [
        doc(1, "speech", "Phát biểu khai mạc Hội nghị", 14),
        doc(2, "report", "Báo cáo tổng kết công tác đối ngoại", 30),
        doc(3, "presentation", "Tham luận của tỉnh Quảng Ninh", 3),
      ],
      ctx,
    );
    const summaries = buildSummariesSection(
      [doc(4, "summary", "Tóm tắt", 6), { ...doc(5, "summary", "Tóm tắt", 6), sessionTitle: "Phiên thảo luận 2" }],
      ctx,
    );
    let counted = 0;
    const bytes = await renderPdf(
      bookDocument(
        {
          titlePage: {
            title: "Hội nghị Ngoại vụ toàn quốc lần thứ 21",
            subtitle: "",
            editionLabel: "21",
            theme: "",
            datesLabel: "",
            venue: "Hà Nội",
            publisher: "",
          },
          foreword: "Lời ngỏ ngắn.",
          order: ["cover", "contents", "foreword", "speeches", "summaries", "figures"],
          sections: [speeches, summaries, figures],
        },
        ctx,
        { onPageCount: (n) => (counted = n) },
      ),
    );
    const { pages, outline, numPages } = await readBack(bytes);
    expect(counted).toBe(numPages);
    const titles = [
      "Lời nói đầu",
      "Bài phát biểu và báo cáo",
      "Phát biểu khai mạc Hội nghị",
      "Báo cáo tổng kết công tác đối ngoại",
      "Tham luận của tỉnh Quảng Ninh",
      "Tóm tắt các phiên thảo luận",
      "Hội nghị qua các con số",
    ];
    const listed = contentsEntries(pages[1], titles);
    expect(Object.keys(listed)).toEqual(titles);
    for (const [title, page] of Object.entries(listed)) {
      expect(pages[page - 1], `${title} on page ${page}`).toContain(title);
      // The page's running folio is the same number.
      expect(pages[page - 1]).toContain(`— ${page} —`);
    }
    // Every speech opens its own page; the 30-paragraph report runs over several.
    expect(listed["Tham luận của tỉnh Quảng Ninh"] - listed["Báo cáo tổng kết công tác đối ngoại"]).toBeGreaterThan(1);
    expect(pages[0]).not.toMatch(/— 1 —/);
    expect(outline.map((b) => b.title)).toEqual([
      "Lời nói đầu",
      "Bài phát biểu và báo cáo",
      "Tóm tắt các phiên thảo luận",
      "Hội nghị qua các con số",
    ]);
    expect(outline[1].children.map((b) => b.title)).toEqual(titles.slice(2, 5));
    expect(outline[2].children.map((b) => b.title)).toEqual(["Phiên thảo luận 1", "Phiên thảo luận 2"]);
    expect(outline[1].page).toBe(listed["Bài phát biểu và báo cáo"]);
  }, 30_000);
});
