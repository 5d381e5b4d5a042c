import { describe, expect, it } from "vitest";
import {
  buildMeetingsSection,
  groupMeetings,
  outcomeCells,
  partyName,
  ROW_CHARS,
  splitText,
} from "~/features/proceedings/book/sections/meetings";
import { heldMeeting, nodesOf, sectionContext, textsOf } from "./sections-fixtures";

type Table = { table: { headerRows: number; dontBreakRows: boolean; body: unknown[][] } };
const tablesOf = (content: unknown[]) => content.filter((c): c is Table => Boolean((c as Table).table));

describe("the meetings held section", () => {
  it("groups meetings by day in the conference's zone, then by slot", () => {
    // 17:30 UTC on the 14th is 00:30 on the 15th in Hà Nội.
    const groups = groupMeetings(
      [
        heldMeeting(3, "2026-12-14T17:30:00.000Z"),
        heldMeeting(1, "2026-12-14T02:00:00.000Z"),
        heldMeeting(2, "2026-12-14T02:00:00.000Z"),
        heldMeeting(4, "2026-12-14T02:30:00.000Z"),
      ],
      "Asia/Ho_Chi_Minh",
    );
    expect(groups.map((g) => g.day)).toEqual(["2026-12-14", "2026-12-15"]);
    expect(groups[0].slots.map((s) => s.meetings.map((m) => m.id))).toEqual([[1, 2], [4]]);
    expect(groups[1].slots[0].meetings.map((m) => m.id)).toEqual([3]);
  });

  it("prints a count line and one table per day, the day and column heads repeated on each page", () => {
    const section = buildMeetingsSection(
      [heldMeeting(1, "2026-12-14T02:00:00.000Z"), heldMeeting(2, "2026-12-15T02:00:00.000Z")],
      sectionContext("vi"),
    );
    expect(section.title).toBe("Các cuộc gặp song phương");
    const texts = textsOf(section.content);
    expect(texts[0]).toBe("2 cuộc gặp song phương đã diễn ra trong khuôn khổ hội nghị.");
    const tables = tablesOf(section.content);
    expect(tables).toHaveLength(2);
    for (const t of tables) {
      expect(t.table.headerRows).toBe(2);
      expect(t.table.dontBreakRows).toBe(true);
    }
    expect(texts).toContain("Thứ Hai, 14 tháng 12, 2026");
    expect(texts).toContain("09:00–09:20");
    expect(texts).toContain("Đầu tư");
    expect(texts).toContain("Bàn 2 · Phòng gặp song phương");
  });

  it("names both parties, a mission with its country unless its name already says it", () => {
    expect(
      partyName(
        { nameVi: "Đại sứ quán Hàn Quốc", nameEn: "Embassy of Korea", kind: "foreign", countryCode: "KR" },
        "vi",
      ),
    ).toBe("Đại sứ quán Hàn Quốc");
    expect(
      partyName(
        {
          nameVi: "Tổng Lãnh sự quán tại Osaka",
          nameEn: "Consulate General in Osaka",
          kind: "mission",
          countryCode: "JP",
        },
        "vi",
      ),
    ).toBe("Tổng Lãnh sự quán tại Osaka (Nhật Bản)");
    expect(
      partyName(
        {
          nameVi: "Tổng Lãnh sự quán tại Osaka",
          nameEn: "Consulate General in Osaka",
          kind: "mission",
          countryCode: "JP",
        },
        "en",
      ),
    ).toBe("Consulate General in Osaka (Japan)");
    expect(partyName({ nameVi: "Tỉnh Lào Cai", nameEn: "Lao Cai", kind: "province", countryCode: null }, "vi")).toBe(
      "Tỉnh Lào Cai",
    );
  });

  it("prints an empty outcome as a dash and a meeting by video as online", () => {
    const texts = textsOf(
      buildMeetingsSection(
        [heldMeeting(1, "2026-12-14T02:00:00.000Z", { outcome: "", table: null, online: true })],
        sectionContext("vi"),
      ).content,
    );
    expect(texts).toContain("—");
    expect(texts).toContain("Trực tuyến");
  });

  it("goes on with a long outcome in rows below (no row taller than a page), losing no word", () => {
    const outcome = Array.from({ length: 600 }, (_, i) => `từ${i}`).join(" ");
    const cells = outcomeCells({ outcome, followUp: "Gửi danh mục dự án." }, (n) => n);
    expect(cells.length).toBeGreaterThan(3);
    const words = textsOf(cells).join(" ").split(/\s+/);
    for (const i of [0, 299, 599]) expect(words).toContain(`từ${i}`);
    expect(splitText(outcome).every((piece) => piece.length <= ROW_CHARS)).toBe(true);
    expect(splitText(outcome).join(" ")).toBe(outcome);
    const section = buildMeetingsSection(
      [heldMeeting(1, "2026-12-14T02:00:00.000Z", { outcome })],
      sectionContext("vi"),
    );
    const [table] = tablesOf(section.content);
    // Two header rows, the slot, the meeting and its continuation rows.
    expect(table.table.body.length).toBe(2 + 1 + cells.length);
  });

  it("speaks English in an English book: dates, tables, sectors, labels", () => {
    const texts = textsOf(
      buildMeetingsSection(
        [heldMeeting(1, "2026-12-14T02:00:00.000Z", { sector: "Nông nghiệp" })],
        sectionContext("en"),
      ).content,
    );
    expect(texts).toContain("Monday, 14 December 2026");
    expect(texts).toContain("Table 2 · Meeting room");
    expect(texts).toContain("Agriculture");
    expect(texts).toContain("Outcome: ");
    expect(texts).toContain("Embassy in Japan"); // its name already says the country
  });

  it("says so when no meeting was held", () => {
    const section = buildMeetingsSection([], sectionContext("en"));
    expect(section.content).toEqual([
      { text: "No bilateral meeting has a recorded outcome.", style: "dataEmptySection" },
    ]);
  });

  it("grows linearly with the number of meetings", () => {
    const meetings = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        heldMeeting(i, new Date(Date.UTC(2026, 11, 14 + (i % 2), 2 + Math.floor(i / 8), 0)).toISOString()),
      );
    const size = (n: number) => nodesOf(buildMeetingsSection(meetings(n), sectionContext("vi")).content).length;
    expect(size(400) / size(100)).toBeLessThan(4.2);
  });
});
