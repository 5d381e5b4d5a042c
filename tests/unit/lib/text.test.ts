import { describe, expect, it } from "vitest";
import { cleanText, foldForSearch, searchKey, searchPattern } from "~/lib/text";

describe("foldForSearch", () => {
  it("drops diacritics and case so 'ha noi' finds 'Hà Nội'", () => {
    expect(foldForSearch("Hà Nội")).toBe("ha noi");
    expect(foldForSearch("Thành phố Hồ Chí Minh")).toBe("thanh pho ho chi minh");
    expect(foldForSearch("ĐẮK LẮK")).toBe("dak lak");
    expect(foldForSearch("Bà Rịa - Vũng Tàu")).toBe("ba ria vung tau");
  });

  it("treats composed and decomposed input alike", () => {
    const decomposed = "Hà Nội".normalize("NFD");
    expect(foldForSearch(decomposed)).toBe(foldForSearch("Hà Nội"));
  });
});

describe("cleanText", () => {
  it("normalises to NFC, trims and collapses spaces, keeping diacritics exactly", () => {
    const value = cleanText("  Nguyễn   Thị ".normalize("NFD"));
    expect(value).toBe("Nguyễn Thị");
    expect(value).toBe(value.normalize("NFC"));
  });
});

describe("search keys and patterns", () => {
  it("builds a folded key from all names and a LIKE pattern that matches it", () => {
    const key = searchKey("Đại sứ quán Việt Nam tại Nhật Bản", "Embassy of Viet Nam in Japan", "Tô-ky-ô");
    const pattern = searchPattern("nhat ban")!;
    const regex = new RegExp(`^${pattern.replace(/%/g, ".*")}$`);
    expect(regex.test(key)).toBe(true);
    expect(key.includes("embassy of viet nam in japan")).toBe(true);
  });

  it("keeps LIKE wildcards typed by a person out of the pattern and ignores empty searches", () => {
    expect(searchPattern("50%_off")).toBe("%50 off%");
    expect(searchPattern("   ")).toBeNull();
  });
});
