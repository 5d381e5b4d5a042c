import { describe, expect, it } from "vitest";
import { bookFileName } from "~/features/proceedings/book/book.server";
import { fullOrder, readIntent } from "~/features/proceedings/book/builder.server";
import { bookSettingsSchema, cleanSections, moveSection } from "~/features/proceedings/book/schema";
import { PROCEEDINGS_SECTIONS } from "~/features/proceedings/rules";

describe("the builder's sections", () => {
  it("keeps known sections once, in the order given", () => {
    expect(cleanSections(["speeches", "cover", "speeches", "nonsense", 3])).toEqual(["speeches", "cover"]);
  });

  it("moves a section up or down, and not past either end", () => {
    expect(moveSection(["cover", "contents", "speeches"], "speeches", "up")).toEqual(["cover", "speeches", "contents"]);
    expect(moveSection(["cover", "contents", "speeches"], "cover", "down")).toEqual(["contents", "cover", "speeches"]);
    expect(moveSection(["cover", "contents"], "cover", "up")).toEqual(["cover", "contents"]);
    expect(moveSection(["cover", "contents"], "contents", "down")).toEqual(["cover", "contents"]);
  });

  it("completes a posted order with the sections missing from it, in the default order", () => {
    const order = fullOrder(["speeches", "cover"]);
    expect(order.slice(0, 2)).toEqual(["speeches", "cover"]);
    expect([...order].sort()).toEqual([...PROCEEDINGS_SECTIONS].sort());
  });

  it("reads the page's intents and nothing else", () => {
    expect(readIntent("save")).toEqual({ intent: "save" });
    expect(readIntent("generate")).toEqual({ intent: "generate" });
    expect(readIntent("move:up:speeches")).toEqual({ intent: "move", direction: "up", section: "speeches" });
    expect(readIntent("move:left:speeches")).toBeNull();
    expect(readIntent("move:up:emblem")).toBeNull();
    expect(readIntent(undefined)).toBeNull();
  });
});

describe("the settings form", () => {
  const base = { sections: ["cover"], title: "Hội nghị", language: "vi" };

  it("needs at least one section and a known language, and bounds the foreword", () => {
    expect(bookSettingsSchema.safeParse({ ...base, sections: [] }).success).toBe(false);
    expect(bookSettingsSchema.safeParse({ ...base, language: "fr" }).success).toBe(false);
    expect(bookSettingsSchema.safeParse({ ...base, foreword: "x".repeat(60_001) }).success).toBe(false);
    const ok = bookSettingsSchema.safeParse({ ...base, foreword: "# Lời nói đầu\r\n\r\nNội dung" });
    expect(ok.success && ok.data.foreword).toBe("# Lời nói đầu\n\nNội dung");
  });
});

describe("the file name", () => {
  it("is ky-yeu-<edition>-v<N>.pdf in plain letters", () => {
    expect(bookFileName("21", 3)).toBe("ky-yeu-21-v3.pdf");
    expect(bookFileName("Lần thứ 21", 1)).toBe("ky-yeu-lan-thu-21-v1.pdf");
    expect(bookFileName("", 2)).toBe("ky-yeu-hoi-nghi-v2.pdf");
  });
});

describe("the book's sections", () => {
  it("has a maker for every section the assembler does not draw itself: no placeholder is left", async () => {
    const { ASSEMBLED, SECTION_MAKERS } = await import("~/features/proceedings/book/sections.server");
    const covered = [...ASSEMBLED, ...Object.keys(SECTION_MAKERS)].sort();
    expect(covered).toEqual([...PROCEEDINGS_SECTIONS].sort());
  });
});
