import { describe, expect, it } from "vitest";
import {
  fitLine,
  fitName,
  namePlatesDocument,
  plateSvg,
  PLATE_TEXT_WIDTH,
} from "~/features/proceedings/prints/name-plates";
import type { ParticipantRow } from "~/features/proceedings/prints/participants";
import {
  BLANK_ROWS,
  fitCell,
  paginate,
  ROWS_PER_PAGE,
  sheetPageCount,
  sheetRows,
  signInSheetsDocument,
} from "~/features/proceedings/prints/sign-in-sheets";
import { textWidth } from "~/features/proceedings/prints/text-width";
import { translate } from "~/features/proceedings/i18n";

const ctx = {
  locale: "vi" as const,
  timeZone: "Asia/Ho_Chi_Minh",
  t: (key: string, params?: Record<string, string | number>) => translate("vi", key, params),
  contentWidth: 483,
};

const person = (id: number, fullName = `Nguyễn Văn ${id}`): ParticipantRow => ({
  registrationId: id,
  honorific: "mr",
  fullName,
  position: "Giám đốc Sở Ngoại vụ",
  mode: "in_person",
  organisationId: 1,
  organisationKind: "province",
  organisationVi: "Ủy ban nhân dân thành phố Đà Nẵng",
  organisationEn: "Da Nang People's Committee",
  isHead: false,
});

describe("name plate auto-shrink", () => {
  it("sets a short name on one line at the largest size", () => {
    expect(fitName("Lê An")).toEqual({ fontSize: 80, lines: ["Lê An"] });
  });

  it("shrinks a longer name on one line to fit the plate", () => {
    const fit = fitName("Nguyễn Thị Thanh Hương");
    expect(fit.lines).toHaveLength(1);
    expect(fit.fontSize).toBeLessThanOrEqual(80);
    expect(textWidth(fit.lines[0], fit.fontSize)).toBeLessThanOrEqual(PLATE_TEXT_WIDTH);
  });

  it("breaks a very long name into two balanced lines, each fitting", () => {
    const fit = fitName("Tôn Thất Bách Khoa Nguyễn Phước Vĩnh Lộc");
    expect(fit.lines).toEqual(["Tôn Thất Bách Khoa", "Nguyễn Phước Vĩnh Lộc"]);
    for (const line of fit.lines) expect(textWidth(line, fit.fontSize)).toBeLessThanOrEqual(PLATE_TEXT_WIDTH);
    expect(fit.fontSize).toBeGreaterThan(fitName("Tôn Thất Bách Khoa Nguyễn Phước Vĩnh Lộc", 10_000).fontSize / 2);
  });

  it("never goes below the smallest size", () => {
    expect(fitName("A".repeat(200)).fontSize).toBe(30);
    expect(fitLine("Đại sứ đặc mệnh toàn quyền ".repeat(8), 26, 14)).toBe(14);
  });

  it("draws the back half turned 180° about the fold, with a fold line", () => {
    const svg = plateSvg({ name: fitName("Lê An"), position: "Bộ trưởng", organisation: "Bộ <Ngoại> giao" }, "Gấp");
    expect(svg).toContain('transform="rotate(180 420.945 297.64)"');
    expect(svg.match(/>Lê An</g)).toHaveLength(2);
    expect(svg).toContain("Bộ &lt;Ngoại&gt; giao");
    expect(svg).toContain('stroke-dasharray="5 4"');
  });

  it("makes one landscape page per plate", () => {
    const doc = namePlatesDocument([person(1), person(2), person(3)], ctx, "Hội nghị");
    expect(doc.pageOrientation).toBe("landscape");
    const content = doc.content as Array<{ svg: string; pageBreak?: string }>;
    expect(content).toHaveLength(3);
    expect(content.map((c) => c.pageBreak)).toEqual([undefined, "before", "before"]);
  });
});

describe("sign-in sheet rows", () => {
  it("lists the expected delegates numbered, then blank rows for walk-ins", () => {
    const rows = sheetRows([person(7), person(8)]);
    expect(rows).toHaveLength(2 + BLANK_ROWS);
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(rows[1].person?.registrationId).toBe(8);
    expect(rows.slice(2).every((r) => r.person === null)).toBe(true);
  });

  it("cuts pages of a fixed number of rows, one page even when empty", () => {
    expect(paginate([], 5)).toEqual([[]]);
    expect(paginate([1, 2, 3, 4, 5, 6], 5)).toEqual([[1, 2, 3, 4, 5], [6]]);
    const many = Array.from({ length: 30 }, (_, i) => person(i + 1));
    expect(sheetPageCount([{ expected: many }, { expected: [] }])).toBe(Math.ceil(40 / ROWS_PER_PAGE) + 1);
  });

  it("numbers the pages per session in the footer, with the table's header on each page", () => {
    const session = (id: number, n: number) => ({
      id,
      title_vi: `Phiên ${id}`,
      title_en: `Session ${id}`,
      starts_at: "2026-12-10T02:00:00Z",
      ends_at: "2026-12-10T04:00:00Z",
      room_vi: "Phòng Hoa Sen",
      room_en: "Lotus Room",
      expected: Array.from({ length: n }, (_, i) => person(i + 1)),
    });
    const doc = signInSheetsDocument([session(1, 30), session(2, 0)], ctx, "Hội nghị");
    const footer = doc.footer as (page: number) => { text: string };
    expect(footer(1).text).toBe("Phiên 1 · Trang 1/3");
    expect(footer(3).text).toBe("Phiên 1 · Trang 3/3");
    expect(footer(4).text).toBe("Phiên 2 · Trang 1/1");
    expect(JSON.stringify(doc.content)).toContain("09:00–11:00 (giờ Hà Nội)");
  });
});

describe("sign-in sheet cells", () => {
  it("keep their row's height: smaller type, then an ellipsis", () => {
    expect(fitCell("Bộ Ngoại giao", 130)).toEqual({ text: "Bộ Ngoại giao", fontSize: 9 });
    const long = "Ủy ban nhân dân tỉnh Bà Rịa – Vũng Tàu, Sở Ngoại vụ tỉnh Bà Rịa – Vũng Tàu";
    expect(fitCell(long, 130).fontSize).toBe(7.5);
    const tooLong = fitCell("Đại sứ quán nước Cộng hòa xã hội chủ nghĩa Việt Nam ".repeat(4), 130);
    expect(tooLong.text.endsWith("…")).toBe(true);
    expect(textWidth(tooLong.text, 7.5)).toBeLessThanOrEqual(3 * 120);
  });
});
