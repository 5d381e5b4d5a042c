import { describe, expect, it } from "vitest";
import {
  groupBySlot,
  isOnline,
  listRow,
  meetingListCsvTable,
  shortText,
  sortForPrint,
  type PrintMeeting,
} from "~/features/meetings/meeting-list";
import { meetingListDocument } from "~/features/meetings/pdf/meeting-list";
import { meetingTableSignsDocument, nameSize } from "~/features/meetings/pdf/meeting-table-signs";

const conference = {
  title_vi: "Hội nghị Ngoại vụ toàn quốc lần thứ 20",
  title_en: "20th National Conference on Local External Affairs",
  time_zone: "Asia/Ho_Chi_Minh",
};
const text = (v: unknown) => JSON.stringify(v);

let nextId = 0;
/** A meeting in slot n (02:00Z + 30 min per slot: 09:00 in Hà Nội for slot 1). */
function meeting(slot: number, table: number | null, overrides: Partial<PrintMeeting> = {}): PrintMeeting {
  nextId += 1;
  const start = new Date(Date.UTC(2026, 11, 14, 2, (slot - 1) * 30));
  return {
    id: nextId,
    request_id: nextId,
    slot_id: 100 + slot,
    table_id: table === null ? null : 200 + table,
    slot_number: slot,
    starts_at: start.toISOString(),
    ends_at: new Date(start.getTime() + 20 * 60000).toISOString(),
    table_number: table,
    table_label: "",
    room_vi: table === null ? null : "Khu gặp gỡ song phương",
    room_en: table === null ? null : "Bilateral meetings area",
    requester_id: 1,
    counterpart_id: 2,
    requester_vi: "Lào Cai",
    requester_en: "Lao Cai",
    counterpart_vi: "Đại sứ quán Việt Nam tại Nhật Bản",
    counterpart_en: "Embassy of Viet Nam in Japan",
    sector: "Nông nghiệp",
    ask: "Xuất khẩu vải thiều Lục Ngạn sang Nhật Bản",
    priority: 2,
    locked: false,
    video_url: null,
    party_online: false,
    outcome: "",
    follow_up: "",
    ...overrides,
  };
}

// Given out of order on purpose: slot 2 first, an online meeting before table 1.
const meetings = [
  meeting(2, 3, { requester_vi: "Yên Bái", requester_en: "Yen Bai", locked: true }),
  meeting(1, null, { requester_vi: "Phú Thọ", requester_en: "Phu Tho", video_url: "https://meet.test/a" }),
  meeting(1, 2, { video_url: "https://meet.test/b", table_label: "VIP" }),
  meeting(1, 1),
];

describe("row shaping (lib/meeting-list)", () => {
  it("orders by slot time, then table, a meeting without a table last in its slot", () => {
    expect(sortForPrint(meetings).map((m) => [m.slot_number, m.table_number])).toEqual([
      [1, 1],
      [1, 2],
      [1, null],
      [2, 3],
    ]);
    const groups = groupBySlot(meetings);
    expect(groups.map((g) => [g.slot_number, g.meetings.length])).toEqual([
      [1, 3],
      [2, 1],
    ]);
    expect(groups[0].meetings.map((m) => m.table_number)).toEqual([1, 2, null]);
  });

  it("marks a meeting online for a video link or a missing table", () => {
    expect(meetings.map(isOnline)).toEqual([false, true, true, false]);
    expect(isOnline({ table_number: 4, video_url: "  " })).toBe(false);
    // A party attending online needs a link even before the organisers set one.
    expect(isOnline({ table_number: 4, video_url: null, party_online: true })).toBe(true);
  });

  it("shapes a row in Hà Nội time and the reader's language", () => {
    const [first, second, online] = sortForPrint(meetings);
    expect(listRow(first, "vi", conference.time_zone)).toMatchObject({
      start: "2026-12-14 09:00",
      end: "2026-12-14 09:20",
      table: "1",
      room: "Khu gặp gỡ song phương",
      requester: "Lào Cai",
      online: false,
    });
    expect(listRow(second, "en", conference.time_zone)).toMatchObject({
      table: "2 – VIP",
      room: "Bilateral meetings area",
      requester: "Lao Cai",
      counterpart: "Embassy of Viet Nam in Japan",
      online: true,
    });
    expect(listRow(online, "vi", conference.time_zone)).toMatchObject({
      table: "Trực tuyến",
      room: "",
      online: true,
      videoUrl: "https://meet.test/a",
    });
  });

  it("writes the CSV cells: translated header, a row per meeting, yes/no for the lock", () => {
    const [header, ...rows] = meetingListCsvTable(meetings, "vi", conference.time_zone);
    expect(header.slice(0, 6)).toEqual([
      "Bắt đầu (giờ Hà Nội)",
      "Kết thúc (giờ Hà Nội)",
      "Bàn",
      "Phòng",
      "Đơn vị đề nghị",
      "Đối tác",
    ]);
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r[0])).toEqual([
      "2026-12-14 09:00",
      "2026-12-14 09:00",
      "2026-12-14 09:00",
      "2026-12-14 09:30",
    ]);
    expect(rows.map((r) => r[9])).toEqual(["Không", "Không", "Không", "Có"]);
    const [enHeader, ...enRows] = meetingListCsvTable(meetings, "en", conference.time_zone);
    expect(enHeader).toContain("Requested by");
    expect(enRows[3][9]).toBe("Yes");
  });

  it("shortens a long ask at a word, with an ellipsis", () => {
    expect(shortText("Ngắn gọn", 20)).toBe("Ngắn gọn");
    const short = shortText(
      "Thúc đẩy xuất khẩu vải thiều Lục Ngạn và các nông sản chủ lực sang thị trường Nhật Bản",
      40,
    );
    expect(short.length).toBeLessThanOrEqual(40);
    expect(short).toMatch(/^Thúc đẩy xuất khẩu vải thiều Lục Ngạn\S*…$/);
  });
});

describe("meetingTableSignsDocument", () => {
  const doc = meetingTableSignsDocument(meetings, { locale: "vi", conference });
  const pages = doc.content as unknown as Array<{ stack: unknown[]; pageBreak?: string }>;

  it("makes a landscape page per meeting, in slot then table order", () => {
    expect(doc.pageOrientation).toBe("landscape");
    expect(pages).toHaveLength(meetings.length);
    expect(pages.map((p) => p.pageBreak)).toEqual([undefined, "before", "before", "before"]);
    expect(text(pages[0].stack[0])).toContain("Bàn 1");
    expect(text(pages[0].stack[0])).toContain("Table 1");
    expect(text(pages[3].stack[0])).toContain("Bàn 3");
  });

  it("names both parties in Vietnamese and English, with the room and the Hà Nội time", () => {
    const sign = text(pages[0]);
    for (const name of [
      "Lào Cai",
      "Lao Cai",
      "Đại sứ quán Việt Nam tại Nhật Bản",
      "Embassy of Viet Nam in Japan",
      "Khu gặp gỡ song phương / Bilateral meetings area",
      "09:00–09:20",
      "giờ Hà Nội / Hà Nội time",
    ]) {
      expect(sign).toContain(name);
    }
  });

  it("marks online meetings: a band at a table with a video link, the heading when there is no table", () => {
    expect(text(pages[0])).not.toContain("TRỰC TUYẾN");
    expect(text(pages[1])).toContain("TRỰC TUYẾN / ONLINE");
    expect(text(pages[2].stack[0])).toContain("Trực tuyến");
    expect(text(pages[2].stack[0])).toContain("Online");
  });

  it("keeps the sign bilingual in English and says which slot and table in the footer", () => {
    const en = meetingTableSignsDocument(meetings, { locale: "en", conference });
    expect(en.info?.title).toBe("Bilateral meeting table signs – 20th National Conference on Local External Affairs");
    expect(text((en.content as unknown[])[0])).toContain("Bàn 1");
    const footer = en.footer as (page: number, pages: number) => { text: string };
    expect(footer(4, 4).text).toBe("Slot 2 · Table 3");
    expect((doc.footer as (page: number, pages: number) => { text: string })(3, 4).text).toBe("Lượt 1 · Trực tuyến");
  });

  it("sets long names smaller so each sign stays on one page", () => {
    expect(nameSize(20)).toBeGreaterThan(nameSize(60));
    expect(nameSize(116)).toBeGreaterThanOrEqual(20);
  });
});

describe("meetingListDocument", () => {
  const now = new Date("2026-12-13T01:05:00Z");
  const doc = meetingListDocument(meetings, { locale: "vi", conference, now });
  const tables = (doc.content as unknown as Array<{ table?: { headerRows: number; body: unknown[][] } }>)
    .filter((c) => c.table)
    .map((c) => c.table!);

  it("has a title with the conference and the print date in Hà Nội", () => {
    expect(doc.pageOrientation).toBe("landscape");
    const head = text((doc.content as unknown[]).slice(0, 4));
    expect(head).toContain("Danh sách các cuộc gặp song phương");
    expect(head).toContain("Hội nghị Ngoại vụ toàn quốc lần thứ 20");
    expect(head).toContain("08:05 13/12/2026");
  });

  it("groups the meetings by slot in time order, each table repeating its slot heading and column header", () => {
    expect(tables).toHaveLength(2);
    expect(tables.map((t) => t.headerRows)).toEqual([2, 2]);
    expect(text(tables[0].body[0])).toContain("Lượt 1 · 09:00–09:20 · 14/12/2026");
    expect(text(tables[1].body[0])).toContain("Lượt 2 · 09:30–09:50");
    expect(text(tables[0].body[1])).toContain("Đơn vị đề nghị");
    expect(tables.map((t) => t.body.length - 2)).toEqual([3, 1]);
  });

  it("marks locked and online meetings", () => {
    const cells = (row: unknown[]) => row.map((c) => (c as { text?: string }).text);
    const [, , tableOne, tableTwo, online] = tables[0].body;
    expect(cells(tableOne).slice(6)).toEqual(["", ""]);
    expect(cells(tableTwo).slice(6)).toEqual(["", "●"]);
    expect(text(online[0])).toContain("Trực tuyến");
    expect(cells(tables[1].body[2]).slice(6)).toEqual(["●", ""]);
  });

  it("numbers the pages in the reader's language", () => {
    const footer = (d: typeof doc) => text((d.footer as (page: number, pages: number) => unknown)(2, 3));
    expect(footer(doc)).toContain("Trang 2/3");
    const en = meetingListDocument(meetings, { locale: "en", conference, now });
    expect(footer(en)).toContain("Page 2 of 3");
    expect(text(en.content)).toContain("Requested by");
    expect(text(en.content)).toContain("Lao Cai");
  });
});
