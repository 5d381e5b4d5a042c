import { describe, expect, it } from "vitest";
import { meetingScheduleDocument, type PartySchedule } from "~/features/meetings/pdf/meeting-schedule";

const conference = {
  title_vi: "Hội nghị Ngoại vụ lần thứ 21",
  title_en: "21st Conference on Local External Affairs",
  time_zone: "Asia/Ho_Chi_Minh",
};
const meeting = (starts_at: string, counterpart: string, table: number | null) => ({
  starts_at,
  ends_at: starts_at.replace(":00:00", ":20:00"),
  table_number: table,
  sector: "Nông nghiệp",
  counterpart_vi: counterpart,
  counterpart_en: `${counterpart} (en)`,
});
const parties: PartySchedule[] = [
  {
    name_vi: "Bắc Giang",
    name_en: "Bac Giang",
    meetings: [
      meeting("2026-12-13T03:00:00.000Z", "Đại sứ quán Việt Nam tại Hàn Quốc", 2),
      meeting("2026-12-13T02:00:00.000Z", "Đại sứ quán Việt Nam tại Nhật Bản", null),
    ],
  },
  {
    name_vi: "Lào Cai",
    name_en: "Lao Cai",
    meetings: [meeting("2026-12-13T02:00:00.000Z", "Đại sứ quán Việt Nam tại Nhật Bản", 1)],
  },
];
const text = (v: unknown) => JSON.stringify(v);

describe("meetingScheduleDocument", () => {
  it("gives each party its own page with its meetings in time order, Hà Nội times, table or online", () => {
    const doc = meetingScheduleDocument(parties, { locale: "vi", conference });
    const content = doc.content as unknown as Array<Record<string, unknown>>;
    const names = content.filter((c) => c.fontSize === 14).map((c) => c.text);
    expect(names).toEqual(["Bắc Giang", "Lào Cai"]);
    expect(content.filter((c) => c.pageBreak === "before")).toHaveLength(1);
    const tables = content.filter((c) => c.table) as Array<{ table: { body: unknown[][] } }>;
    const rows = tables[0].table.body.slice(1);
    // 02:00Z is 09:00 in Hà Nội, and comes first although given second.
    expect(text(rows[0][0])).toContain("09:00");
    expect(rows[0][1]).toBe("Trực tuyến");
    expect(rows[0][2]).toBe("Đại sứ quán Việt Nam tại Nhật Bản");
    expect(rows[1][1]).toBe("2");
  });

  it("writes English names and labels in English, and says when nothing is placed", () => {
    const doc = meetingScheduleDocument(parties, { locale: "en", conference });
    expect(text(doc.content)).toContain("Bac Giang");
    expect(text(doc.content)).toContain("Counterpart");
    expect(text(meetingScheduleDocument([], { locale: "vi", conference }).content)).toContain(
      "Chưa có cuộc gặp nào được xếp.",
    );
  });
});
