import { describe, expect, it } from "vitest";
import { badgeBatchFileName, badgeBatchInput, drawingStep } from "~/features/registration/badge-batch.server";
import type { BadgeData } from "~/features/registration/pdf/badge";

const badge = (organisationVi: string, i: number) => ({ organisationVi, registrationId: i }) as unknown as BadgeData;
// 25 badges: 12 of one province, 3 of a ministry, 10 of an embassy.
const badges = [
  ...Array.from({ length: 12 }, (_, i) => badge("Điện Biên", i)),
  ...Array.from({ length: 3 }, (_, i) => badge("Bộ Công Thương", 12 + i)),
  ...Array.from({ length: 10 }, (_, i) => badge("Đại sứ quán", 15 + i)),
];

describe("the badge batch's progress steps", () => {
  it("reports the first badge, then every ten and at each new organisation", () => {
    let last = -1;
    const reported: number[] = [];
    for (let k = 0; k <= 100; k++) {
      const { index, due } = drawingStep(badges, k / 100, last);
      if (due) {
        reported.push(index);
        last = index;
      }
    }
    // 0 first; 10 (ten on); 12 (Bộ Công Thương begins); 15 (Đại sứ quán begins); 24 falls short of ten after 15.
    expect(reported).toEqual([0, 10, 12, 15]);
  });

  it("never points past the last badge, even at a fraction of 1 or beyond", () => {
    expect(drawingStep(badges, 1, 20).index).toBe(24);
    expect(drawingStep(badges, 1.5, 20).index).toBe(24);
    expect(drawingStep(badges, -1, -1)).toEqual({ index: 0, due: true });
  });

  it("takes only a known language and names the file by the edition", () => {
    expect(badgeBatchInput.safeParse({ locale: "vi" }).success).toBe(true);
    expect(badgeBatchInput.safeParse({ locale: "fr" }).success).toBe(false);
    expect(badgeBatchFileName(20)).toBe("badges-hoi-nghi-ngoai-vu-20.pdf");
  });
});
