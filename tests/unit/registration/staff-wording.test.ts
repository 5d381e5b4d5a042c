import { describe, expect, it } from "vitest";
import { meetingsMessages } from "~/features/meetings/i18n";
import { platformDictionary } from "~/platform/i18n/dictionary";

describe("the organisers' wording", () => {
  it("calls the scheduler's figure a total priority score, explained in one line, never a weight", () => {
    const vi = meetingsMessages.vi as Record<string, string>;
    const en = meetingsMessages.en as Record<string, string>;
    expect(vi["meetingsAdmin.previewSummary"]).toContain("tổng điểm ưu tiên {weight}");
    expect(en["meetingsAdmin.previewSummary"]).toContain("total priority score {weight}");
    expect(vi["meetingsAdmin.previewWeightHint"]).toMatch(/^Tổng điểm ưu tiên: .*1 đến 3/);
    expect(en["meetingsAdmin.previewWeightHint"]).toMatch(/^The total priority score .*1 to 3/);
    expect(Object.values(vi).filter((text) => /trọng số/i.test(text))).toEqual([]);
    expect(Object.values(en).filter((text) => /\bweigh/i.test(text.replace("{weight}", "")))).toEqual([]);
  });

  it("titles the organisers' meeting page as its menu entry, in both languages", () => {
    for (const locale of ["vi", "en"] as const) {
      expect((meetingsMessages[locale] as Record<string, string>)["meetingsAdmin.title"]).toBe(
        (platformDictionary[locale] as Record<string, string>)["nav.meetingsAdmin"],
      );
    }
  });
});
