import { describe, expect, it } from "vitest";
import { BADGE_CATEGORIES } from "~/features/registration/rules";
import {
  A6,
  badgeDocument,
  LIMITS,
  personLayout,
  QR_SIZE,
  type BadgeConference,
  type BadgeData,
} from "~/features/registration/pdf/badge";
import { renderPdf } from "~/platform/pdf/render.server";

const conference: BadgeConference = {
  edition: 20,
  title_vi: "Hội nghị Ngoại vụ toàn quốc lần thứ 20",
  title_en: "20th National Conference on Local External Affairs",
  // 17:30 UTC is already the next morning in Hà Nội: the badge must show 07/12.
  starts_at: "2026-12-06T17:30:00.000Z",
  ends_at: "2026-12-07T10:00:00.000Z",
  time_zone: "Asia/Ho_Chi_Minh",
};

const ambassador: BadgeData = {
  registrationId: 1,
  badgeCode: "K7QM-3XPA-9T2D",
  honorific: "he",
  fullName: "Nguyễn Thị Phương Thảo",
  position: "Đại sứ Đặc mệnh Toàn quyền nước Cộng hòa xã hội chủ nghĩa Việt Nam tại Nhật Bản",
  organisationVi: "Đại sứ quán Việt Nam tại Nhật Bản",
  organisationEn: "Embassy of Viet Nam in Japan",
  organisationKind: "mission",
  mode: "in_person",
  status: "approved",
};
const provincial: BadgeData = {
  ...ambassador,
  registrationId: 2,
  badgeCode: "ABCD-EFGH-JKMN",
  honorific: "mr",
  fullName: "Lê Văn Hùng",
  position: "Giám đốc Sở Ngoại vụ",
  organisationVi: "Bắc Giang",
  organisationEn: "Bac Giang",
  organisationKind: "province",
};
const worst: BadgeData = {
  ...ambassador,
  registrationId: 3,
  badgeCode: "Z9Y8-X7W6-V5T4",
  fullName: "Tôn Nữ Thị Ngọc Huyền Trang Công Tằng Bảo Châu Hoàng Phương Anh ".repeat(3).slice(0, LIMITS.name),
  position: "Phó Trưởng Phái đoàn thường trực, Tham tán Công sứ phụ trách kinh tế, thương mại, sở hữu trí tuệ "
    .repeat(3)
    .slice(0, LIMITS.position),
  organisationVi:
    "Phái đoàn thường trực Việt Nam tại Liên hợp quốc, Tổ chức Thương mại Thế giới và các tổ chức quốc tế khác tại Geneva",
  status: "pending",
};

/** Every node under a value, depth first (the definition is plain data, apart from strings). */
function nodes(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(nodes);
  if (value && typeof value === "object")
    return [value as Record<string, unknown>, ...Object.values(value).flatMap(nodes)];
  return [];
}
/** A definition's badges, one per page. */
const pagesOf = (doc: { content: unknown }) => doc.content as Record<string, unknown>[];
const texts = (value: unknown) => nodes(value).flatMap((n) => (typeof n.text === "string" ? [n.text] : []));

/** Page objects in a PDF: "/Type /Page" but not "/Type /Pages". */
const pageCount = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;

describe("badgeDocument", () => {
  it("is A6 portrait with one page per badge, in the order given", () => {
    const doc = badgeDocument([provincial, ambassador, worst], { locale: "vi", conference });
    expect(doc.pageSize).toBe("A6");
    expect(doc.pageOrientation).toBe("portrait");
    const pages = pagesOf(doc);
    expect(pages).toHaveLength(3);
    expect(pages.map((p) => p.pageBreak)).toEqual([undefined, "before", "before"]);
    expect(texts(pages[0])).toContain("Lê Văn Hùng");
    expect(texts(pages[1])).toContain("Nguyễn Thị Phương Thảo");
    expect(texts(pages[2]).some((t) => t.startsWith("Tôn Nữ Thị Ngọc"))).toBe(true);
  });

  it("carries a QR of the exact badge code, at least 35 mm wide, with the code printed for typing", () => {
    const doc = badgeDocument([ambassador, provincial], { locale: "vi", conference });
    const pages = pagesOf(doc);
    pages.forEach((page, i) => {
      const code = [ambassador, provincial][i].badgeCode;
      const qrs = nodes(page).filter((n) => "qr" in n);
      expect(qrs).toHaveLength(1);
      expect(qrs[0].qr).toBe(code);
      expect(qrs[0].fit).toBeGreaterThanOrEqual((35 / 25.4) * 72);
      expect(texts(page)).toContain(code);
    });
    expect(QR_SIZE).toBeLessThan(A6.width / 2);
  });

  it("colours the band and names the category by the organisation's kind, in the reader's language", () => {
    const vi = badgeDocument([ambassador, provincial], { locale: "vi", conference });
    const [embassy, province] = pagesOf(vi);
    const bandColour = (page: unknown) => nodes(page).find((n) => n.type === "rect")?.color;
    expect(bandColour(embassy)).toBe(BADGE_CATEGORIES.mission.colour);
    expect(bandColour(province)).toBe(BADGE_CATEGORIES.province.colour);
    expect(texts(embassy)).toEqual(
      expect.arrayContaining(["CQĐD", "Cơ quan đại diện ở nước ngoài", "Đại biểu dự trực tiếp", "Ngài"]),
    );
    // The category code with its diacritic (Địa phương), as one NFC letter.
    expect(texts(province)).toEqual(expect.arrayContaining(["ĐP", "Tỉnh, thành phố", "Ông"]));
    expect(BADGE_CATEGORIES.province.code).toBe("\u0110P");

    const en = badgeDocument([ambassador], { locale: "en", conference });
    expect(texts(en.content)).toEqual(
      expect.arrayContaining([
        "Vietnamese mission abroad",
        "In-person delegate",
        "H.E.",
        "Embassy of Viet Nam in Japan",
        conference.title_en,
      ]),
    );
    expect(en.language).toBe("en-GB");
  });

  it("shows the conference and its dates in the conference's zone", () => {
    const doc = badgeDocument([ambassador], { locale: "vi", conference });
    expect(texts(doc.content)).toEqual(expect.arrayContaining([conference.title_vi, "07/12/2026"]));
  });

  it("marks online delegates and badges printed before approval", () => {
    const doc = badgeDocument([{ ...ambassador, mode: "online" }, worst], { locale: "vi", conference });
    const [online, pending] = pagesOf(doc);
    expect(texts(online)).toContain("Đại biểu dự trực tuyến");
    expect(texts(online).some((t) => t.startsWith("CHƯA ĐƯỢC DUYỆT"))).toBe(false);
    expect(texts(pending).some((t) => t.startsWith("CHƯA ĐƯỢC DUYỆT"))).toBe(true);
  });

  it("keeps Vietnamese names exactly, in NFC, and shortens only what is beyond the form's limits", () => {
    const decomposed = "Nguyễn Thị Phương Thảo".normalize("NFD");
    const doc = badgeDocument([{ ...ambassador, fullName: decomposed, position: "x".repeat(LIMITS.position + 50) }], {
      locale: "vi",
      conference,
    });
    expect(texts(doc.content)).toContain("Nguyễn Thị Phương Thảo".normalize("NFC"));
    const position = texts(doc.content).find((t) => t.startsWith("xxx"))!;
    expect(position).toHaveLength(LIMITS.position);
    expect(position.endsWith("…")).toBe(true);
  });
});

describe("personLayout", () => {
  const budget = 150;
  it("keeps a usual name large and shrinks a very long one", () => {
    const usual = personLayout(ambassador.fullName, ambassador.position, ambassador.organisationVi, budget);
    expect(usual.nameSize).toBe(22);
    const long = personLayout(worst.fullName, ambassador.position, ambassador.organisationVi, budget);
    expect(long.nameSize).toBeLessThan(usual.nameSize);
    expect(long.nameSize).toBeGreaterThanOrEqual(12);
  });

  it("fits the longest text the forms allow within the space above the QR", () => {
    const layout = personLayout(worst.fullName, worst.position, "X".repeat(LIMITS.organisation), budget);
    expect(layout.height).toBeLessThanOrEqual(budget);
  });
});

describe("renderPdf", () => {
  it("renders real PDF bytes with exactly one page per badge, however long the text", async () => {
    const pdf = await renderPdf(badgeDocument([ambassador, worst, provincial], { locale: "vi", conference }));
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pageCount(pdf)).toBe(3);
  });

  it("loads nothing from outside: no URL, no local file", async () => {
    await expect(
      renderPdf({ content: [{ image: "remote" }], images: { remote: "https://example.com/logo.png" } }),
    ).rejects.toThrow(/denied/);
    await expect(renderPdf({ content: [{ image: "/etc/hostname" }] })).rejects.toThrow(/denied/);
  });
});
