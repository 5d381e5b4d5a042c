import { afterEach, describe, expect, it } from "vitest";
import { renderProceedings } from "~/features/proceedings/book/book.server";
import { SECTION_MAKERS } from "~/features/proceedings/book/sections.server";
import { getDb, nowIso } from "~/platform/db.server";
import { readBack } from "../../unit/proceedings/book-readback";
import { seedBookDocuments } from "./book-fixtures";

/** The contents page's "title 12" lines, as title → page. */
function listed(contents: string, title: string): number | null {
  const flat = contents.replace(/\s+/g, " ");
  const match = new RegExp(`${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} ?(\\d+)`).exec(flat);
  return match ? Number(match[1]) : null;
}

async function setSections(conferenceId: number, sections: string[], foreword = "") {
  await getDb()
    .insertInto("proceedings_settings")
    .values({ conference_id: conferenceId, sections: JSON.stringify(sections), foreword, updated_at: nowIso() })
    .onConflict((oc) => oc.column("conference_id").doUpdateSet({ sections: JSON.stringify(sections), foreword }))
    .execute();
}

const original = { ...SECTION_MAKERS };
afterEach(() => Object.assign(SECTION_MAKERS, original));

describe("the demo's proceedings, read back", () => {
  it("has contents whose page numbers are the pages where each section and speech starts, exact Vietnamese headings and bookmarks", async () => {
    const { conference, titles, summarySessions } = await seedBookDocuments(4);
    await setSections(
      conference.id,
      ["cover", "foreword", "contents", "programme", "speeches", "summaries"],
      "Xin trân trọng giới thiệu cuốn kỷ yếu.",
    );
    const steps: string[] = [];
    const result = await renderProceedings(getDb(), conference.id, {}, (_p, step) => steps.push(step));
    expect(result.type).toBe("application/pdf");
    expect(result.name).toMatch(/^ky-yeu-.+-v1\.pdf$/);
    const { pages, outline, numPages } = await readBack(result.bytes);
    expect(result.meta).toMatchObject({
      pages: numPages,
      language: "vi",
      sections: ["cover", "foreword", "contents", "programme", "speeches", "summaries"],
    });

    expect(pages[0]).toContain("BỘ NGOẠI GIAO");
    expect(pages[0]).toContain("KỶ YẾU");
    const contents = pages.find((p) => p.includes("Mục lục"))!;
    const headings = [
      "Lời nói đầu",
      "Chương trình hội nghị",
      "Bài phát biểu và báo cáo",
      ...titles,
      "Tóm tắt các phiên thảo luận",
      ...summarySessions,
    ];
    for (const heading of headings) {
      const page = listed(contents, heading);
      expect(page, heading).not.toBeNull();
      expect(pages[page! - 1], `${heading} on page ${page}`).toContain(heading);
    }
    expect(pages.join("\n")).not.toContain("Bản nháp chưa duyệt");
    expect(outline.map((b) => b.title)).toEqual([
      "Lời nói đầu",
      "Chương trình hội nghị",
      "Bài phát biểu và báo cáo",
      "Tóm tắt các phiên thảo luận",
    ]);
    expect(outline[2].children.map((b) => b.title)).toEqual(titles);
    for (const b of outline) expect(b.page).toBe(listed(contents, b.title));

    // Progress named each section, then the drawing.
    expect(steps).toEqual(
      expect.arrayContaining([
        "proceedings.book.step.programme",
        "proceedings.book.step.speeches",
        "proceedings.book.step.summaries",
        "proceedings.book.step.drawing",
      ]),
    );
    expect(steps.indexOf("proceedings.book.step.speeches")).toBeLessThan(
      steps.indexOf("proceedings.book.step.drawing"),
    );
  }, 60_000);

  it("with every section (the defaults), each data section's heading is where the contents say and has its bookmark", async () => {
    const { conference } = await seedBookDocuments(2);
    await getDb().deleteFrom("proceedings_settings").execute();
    const result = await renderProceedings(getDb(), conference.id, {}, () => {});
    const { pages, outline } = await readBack(result.bytes);
    const contents = pages.find((p) => p.includes("Mục lục"))!;
    const sections = [
      "Chương trình hội nghị",
      "Bài phát biểu và báo cáo",
      "Tóm tắt các phiên thảo luận",
      "Hội nghị qua các con số",
      "Danh sách đại biểu",
      "Các cuộc gặp song phương",
      "Triển lãm sản phẩm thương hiệu Việt Nam",
      "Các thỏa thuận quốc tế đã ký",
    ];
    expect(outline.map((b) => b.title)).toEqual(sections);
    for (const b of outline) {
      const page = listed(contents, b.title);
      expect(page, b.title).toBe(b.page);
      expect(pages[page! - 1].split("\n"), `${b.title} on page ${page}`).toContain(b.title);
    }
    expect(pages.join("\n")).not.toMatch(/Không thể trình bày phần này/);
  }, 60_000);

  it("still produces the book when a section fails: that section shows a marker", async () => {
    const { conference } = await seedBookDocuments(1);
    await setSections(conference.id, ["cover", "contents", "speeches", "summaries"]);
    SECTION_MAKERS.summaries = async () => {
      throw new Error("ổ đĩa hỏng");
    };
    const result = await renderProceedings(getDb(), conference.id, {}, () => {});
    const { pages, outline } = await readBack(result.bytes);
    const text = pages.join("\n");
    expect(text).toContain("Phát biểu số 1 về đối ngoại địa phương");
    expect(text).toContain("Không thể trình bày phần này: ổ đĩa hỏng");
    expect(outline.map((b) => b.title)).toContain("Tóm tắt các phiên thảo luận");
  }, 60_000);

  it("still produces the book when pdfmake cannot draw a section: the section is narrowed down and marked", async () => {
    const { conference } = await seedBookDocuments(1);
    await setSections(conference.id, ["cover", "speeches", "summaries"]);
    // A table whose rows do not match its widths makes pdfmake throw while laying out.
    SECTION_MAKERS.summaries = async (_db, _id, ctx) => ({
      id: "summaries",
      title: ctx.t("proceedings.section.summaries"),
      content: [{ table: { widths: ["*"], body: [[{ text: "a" }], null as never] } }],
    });
    const result = await renderProceedings(getDb(), conference.id, {}, () => {});
    const text = (await readBack(result.bytes)).pages.join("\n");
    expect(text).toContain("Phát biểu số 1 về đối ngoại địa phương");
    expect(text).toContain("Không thể trình bày phần này");
  }, 60_000);

  it("is made in English when asked, with the English section names", async () => {
    const { conference } = await seedBookDocuments(1);
    await setSections(conference.id, ["cover", "contents", "programme", "speeches"]);
    const result = await renderProceedings(getDb(), conference.id, { language: "en" }, () => {});
    const { pages, outline } = await readBack(result.bytes);
    expect(pages[0]).toContain("PROCEEDINGS");
    expect(outline.map((b) => b.title)).toEqual(["Programme", "Speeches and reports"]);
    // The Vietnamese speech is not in the English book.
    expect(pages.join("\n")).not.toContain("Phát biểu số 1");
    expect(result.meta).toMatchObject({ language: "en" });
  }, 60_000);
});
