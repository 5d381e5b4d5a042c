import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Content } from "pdfmake/interfaces";
import { describe, expect, it } from "vitest";
import { getCurrentConference } from "~/features/people/conference.server";
import { buildAgreementsSignedSection } from "~/features/proceedings/book/sections/agreements-signed";
import { loadAgreementsSignedData } from "~/features/proceedings/book/sections/agreements-signed.server";
import { buildCatalogueSection } from "~/features/proceedings/book/sections/catalogue";
import { loadCatalogueData } from "~/features/proceedings/book/sections/catalogue.server";
import { SECTION_STYLES } from "~/features/proceedings/book/sections/charts";
import { buildFiguresSection } from "~/features/proceedings/book/sections/figures";
import { loadFiguresData } from "~/features/proceedings/book/sections/figures.server";
import { buildMeetingsSection } from "~/features/proceedings/book/sections/meetings";
import { loadMeetingsData } from "~/features/proceedings/book/sections/meetings.server";
import type { BookSection } from "~/features/proceedings/book/section";
import { getDb } from "~/platform/db.server";
import { renderPdf } from "~/platform/pdf/render.server";
import { sectionContext } from "../../unit/proceedings/sections-fixtures";
import {
  agreement,
  exhibition,
  meetingBlock,
  meetingRequest,
  organisations,
  placeMeeting,
  register,
  sectionsConference,
} from "./sections-world";

/** Each page's text, as pdfjs reads it back. */
async function pagesOf(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const text = await (await doc.getPage(i)).getTextContent();
    pages.push(
      text.items
        .map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : ""))
        .join("")
        .normalize("NFC"),
    );
  }
  await doc.destroy();
  return pages;
}

/** The four sections as the book places them: a heading, then the content, each on a new page. */
async function render(sections: BookSection[]) {
  const content: Content[] = sections.flatMap((s, i): Content[] => [
    { text: s.title, fontSize: 19, bold: true, ...(i ? { pageBreak: "before" as const } : {}) },
    ...s.content,
  ]);
  return renderPdf({
    pageSize: "A4",
    pageMargins: [64, 78, 64, 70],
    content,
    styles: { subheading: { fontSize: 13.5, bold: true }, ...SECTION_STYLES },
  });
}

async function allSections(conferenceId: number, locale: "vi" | "en" = "vi") {
  const db = getDb();
  const ctx = sectionContext(locale);
  return [
    buildFiguresSection(await loadFiguresData(db, conferenceId, "2026-12-20"), ctx),
    buildMeetingsSection(await loadMeetingsData(db, conferenceId), ctx),
    buildCatalogueSection(await loadCatalogueData(db, conferenceId), ctx),
    buildAgreementsSignedSection(await loadAgreementsSignedData(db, conferenceId), ctx),
  ];
}

describe("the book's data sections, drawn", () => {
  it("render into a PDF whose Vietnamese headings and figures read back exactly", async () => {
    const { conferenceId, sessionId } = await sectionsConference();
    const [province, other, japan] = await Promise.all([
      organisations.province(),
      organisations.province(1),
      organisations.mission(),
    ]);
    for (let i = 0; i < 12; i++) await register(conferenceId, province.id, { checkedIn: i < 9 });
    await register(conferenceId, other.id, { mode: "online" });
    const { slotIds, tableId } = await meetingBlock(conferenceId, sessionId, ["2026-12-14T02:00:00.000Z"]);
    const request = await meetingRequest(conferenceId, province.id, japan.id, "accepted");
    await placeMeeting(request, slotIds[0], tableId, [province.id, japan.id], {
      outcome: "Hai bên thống nhất xúc tiến đầu tư vào khu kinh tế cửa khẩu.",
      followUp: "Sở Ngoại vụ gửi danh mục dự án.",
    });
    await exhibition(conferenceId, [{ name: "Hợp tác xã Chè Tân Cương", status: "approved", booth: true }], 3);
    await agreement(conferenceId, province.id, {
      title: "Bản ghi nhớ hợp tác đầu tư",
      state: "signed",
      countryCode: "JP",
    });

    const pages = await pagesOf(await render(await allSections(conferenceId)));
    // Table cells wrap: compare with line ends read as spaces.
    const text = pages.join("\n").replace(/\s+/g, " ");
    for (const heading of [
      "Hội nghị qua các con số",
      "Đại biểu theo loại cơ quan",
      "Các cuộc gặp song phương",
      "Triển lãm sản phẩm thương hiệu Việt Nam",
      "Các thỏa thuận quốc tế đã ký",
    ])
      expect(text).toContain(heading);
    // 13 approved, 9 of 12 present, 1 meeting held, 1 of 3 booths, 1 agreement signed.
    expect(pages[0]).toContain("13");
    expect(pages[0]).toContain("9 / 12 (75%)");
    expect(pages[0]).toContain("1 / 3 (33%)");
    expect(text).toContain("Hai bên thống nhất xúc tiến đầu tư");
    expect(text).toContain("Hợp tác xã Chè Tân Cương");
    expect(text).toContain("Bản ghi nhớ hợp tác đầu tư");
    expect(text).toContain("Nhật Bản");
    expect(text).toContain(province.name_vi);
  });

  it("render an empty conference with a sentence in each section, and the demo in English", async () => {
    const { conferenceId } = await sectionsConference();
    const empty = (await pagesOf(await render(await allSections(conferenceId)))).join("\n");
    expect(empty).toContain("Chưa có số liệu.");
    expect(empty).toContain("Không có cuộc gặp song phương nào được ghi nhận kết quả.");
    expect(empty).toContain("Không có đơn vị nào tham gia triển lãm.");
    expect(empty).toContain("Chưa có thỏa thuận quốc tế nào được ký.");

    const demo = (await getCurrentConference())!;
    const pages = await pagesOf(await render(await allSections(demo.id, "en")));
    expect(pages[0]).toContain("The conference in figures");
    expect(pages.join("\n")).toContain("Bilateral meetings");
  });
});
