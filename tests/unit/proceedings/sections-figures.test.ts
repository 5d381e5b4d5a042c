import { describe, expect, it } from "vitest";
import { buildFiguresSection, type FiguresData } from "~/features/proceedings/book/sections/figures";
import { AGREEMENT_STATES } from "~/features/proceedings/rules";
import { figuresFixture, nodesOf, sectionContext, textsOf } from "./sections-fixtures";

function emptyFigures(): FiguresData {
  return {
    delegates: {
      total: 0,
      byKind: { province: 0, ministry: 0, mission: 0, foreign: 0, enterprise: 0, other: 0 },
      byMode: { in_person: 0, online: 0 },
    },
    attendance: { inPersonExpected: 0, present: 0, onlineExpected: 0, onlineJoined: 0, joinedOnline: 0 },
    topSessions: [],
    meetings: { requested: 0, accepted: 0, scheduled: 0, held: 0 },
    exhibition: { exhibitors: 0, boothsAllocated: 0, boothsTotal: 0 },
    agreements: {
      total: 0,
      signed: 0,
      byState: Object.fromEntries(AGREEMENT_STATES.map((s) => [s, 0])) as FiguresData["agreements"]["byState"],
    },
  };
}

const subheadings = (content: unknown) =>
  nodesOf(content)
    .filter((n) => n.style === "subheading")
    .map((n) => n.text);

describe("the figures section", () => {
  it("is titled in the book's language and opens with the key numbers", () => {
    const section = buildFiguresSection(figuresFixture(), sectionContext("vi"));
    expect(section.id).toBe("figures");
    expect(section.title).toBe("Hội nghị qua các con số");
    const texts = textsOf(section.content);
    // 450 approved, 342 present of 380, 81 joined online, 84 held of 90, 63 exhibitors, 17 signed of 20.
    for (const figure of ["450", "342", "81", "84", "63", "17"]) expect(texts).toContain(figure);
    expect(texts).toContain("trên 380 đại biểu dự trực tiếp");
    expect(texts).toContain("trên 90 cuộc gặp đã xếp lịch");
    expect(buildFiguresSection(figuresFixture(), sectionContext("en")).title).toBe("The conference in figures");
  });

  it("charts delegates by kind (localities first, empty kinds left out), mode, attendance shares, meetings and agreements", () => {
    const texts = textsOf(buildFiguresSection(figuresFixture(), sectionContext("vi")).content);
    const kinds = ["Tỉnh, thành phố", "Bộ, ngành Trung ương", "Cơ quan đại diện Việt Nam ở nước ngoài"];
    expect(kinds.map((k) => texts.indexOf(k))).toEqual([...kinds.map((k) => texts.indexOf(k))].sort((a, b) => a - b));
    expect(texts).not.toContain("Doanh nghiệp");
    expect(texts).toContain("342 / 380 (90%)");
    expect(texts).toContain("61 / 70 (87%)");
    expect(texts).toContain("60 / 72 (83%)");
    for (const label of ["Đề nghị gặp", "Đề nghị được chấp nhận", "Cuộc gặp đã xếp lịch", "Cuộc gặp đã diễn ra"])
      expect(texts).toContain(label);
    expect(texts).toContain("Đã ký");
    expect(texts).not.toContain("Đã chấm dứt");
    expect(texts).toContain("Phiên toàn thể: Ngoại giao kinh tế");
  });

  it("binds every sub-heading to its chart (headline level 2, unbreakable)", () => {
    const content = buildFiguresSection(figuresFixture(), sectionContext("vi")).content;
    expect(subheadings(content)).toEqual([
      "Đại biểu theo loại cơ quan",
      "Đại biểu theo hình thức tham dự",
      "Tình hình tham dự",
      "Các phiên có nhiều đại biểu tham gia trực tuyến nhất",
      "Các cuộc gặp song phương",
      "Triển lãm",
      "Thỏa thuận quốc tế theo tình trạng",
    ]);
    for (const node of nodesOf(content).filter((n) => Array.isArray(n.stack))) {
      const [first] = node.stack as Record<string, unknown>[];
      if (first?.style === "subheading") {
        expect(node.unbreakable).toBe(true);
        expect(first.headlineLevel).toBe(2);
        expect((node.stack as unknown[]).length).toBe(2);
      }
    }
  });

  it("writes numbers in the book's language", () => {
    const en = textsOf(buildFiguresSection(figuresFixture(10), sectionContext("en")).content);
    expect(en).toContain("4,500");
    const vi = textsOf(buildFiguresSection(figuresFixture(10), sectionContext("vi")).content);
    expect(vi).toContain("4.500");
  });

  it("copes with a conference with no figures at all: zeros and 'no data' sentences, never an empty chart", () => {
    const content = buildFiguresSection(emptyFigures(), sectionContext("vi")).content;
    const texts = textsOf(content);
    expect(texts.filter((t) => t === "Chưa có số liệu.")).toHaveLength(7);
    expect(texts).toContain("0");
    expect(nodesOf(content).filter((n) => n.table && (n.table as { body: unknown[] }).body.length === 0)).toEqual([]);
  });

  it("keeps the same shape at four times the data (no node per delegate)", () => {
    const size = (n: number) => nodesOf(buildFiguresSection(figuresFixture(n), sectionContext("vi")).content).length;
    expect(size(4)).toBe(size(1));
  });
});
