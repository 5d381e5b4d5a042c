import { describe, expect, it } from "vitest";
import {
  compareNames,
  givenName,
  groupParticipants,
  mayList,
  protocolRank,
  sortParticipants,
  type ParticipantRow,
} from "~/features/proceedings/prints/participants";
import { buildParticipantsSection, participantListDocument } from "~/features/proceedings/prints/participants-pdf";
import { translate } from "~/features/proceedings/i18n";

let nextId = 1;
function row(over: Partial<ParticipantRow> & { organisationVi: string }): ParticipantRow {
  const id = nextId++;
  return {
    registrationId: id,
    honorific: "mr",
    fullName: `Nguyễn Văn ${id}`,
    position: "Chuyên viên",
    mode: "in_person",
    organisationId: [...over.organisationVi].reduce((a, c) => (a * 31 + c.charCodeAt(0)) % 1_000_003, 7),
    organisationKind: "province",
    organisationEn: `${over.organisationVi} (en)`,
    isHead: false,
    ...over,
  };
}

const ctx = (locale: "vi" | "en") => ({
  locale,
  timeZone: "Asia/Ho_Chi_Minh",
  t: (key: string, params?: Record<string, string | number>) => translate(locale, key, params),
  contentWidth: 483,
});

describe("mayList: the consent rule", () => {
  it("lists only an approved registration that consented", () => {
    expect(mayList({ status: "approved", consent_to_list: 1 })).toBe(true);
    expect(mayList({ status: "approved", consent_to_list: 0 })).toBe(false);
    for (const status of ["pending", "waitlisted", "rejected", "cancelled"] as const)
      expect(mayList({ status, consent_to_list: 1 })).toBe(false);
  });
});

describe("Vietnamese name order", () => {
  it("sorts by the given name (the last word), then the whole name", () => {
    expect(givenName("Nguyễn Văn An")).toBe("An");
    const names = ["Lê Văn Cường", "Trần Thị Bình", "Phạm Văn An", "Nguyễn Văn An", "Đỗ Thị Đào"];
    expect([...names].sort(compareNames)).toEqual([
      "Nguyễn Văn An",
      "Phạm Văn An",
      "Trần Thị Bình",
      "Lê Văn Cường",
      "Đỗ Thị Đào",
    ]);
  });

  it("ranks the designated head, then leaders, then deputies, then staff", () => {
    expect(protocolRank({ isHead: true, position: "Chuyên viên" })).toBe(0);
    expect(protocolRank({ isHead: false, position: "Chủ tịch Ủy ban nhân dân tỉnh" })).toBe(1);
    expect(protocolRank({ isHead: false, position: "Phó Chủ tịch Ủy ban nhân dân tỉnh" })).toBe(2);
    expect(protocolRank({ isHead: false, position: "Thứ trưởng Bộ Ngoại giao" })).toBe(2);
    expect(protocolRank({ isHead: false, position: "Chuyên viên" })).toBe(3);
  });
});

describe("groupParticipants", () => {
  const rows = [
    row({ organisationVi: "Hà Nội", fullName: "Trần Văn Bảo" }),
    row({ organisationVi: "Đại sứ quán Việt Nam tại Nhật Bản", organisationKind: "mission" }),
    row({ organisationVi: "Đà Nẵng" }),
    row({ organisationVi: "Bộ Công Thương", organisationKind: "ministry" }),
    row({ organisationVi: "Hà Nội", fullName: "Lê Thị An" }),
    row({ organisationVi: "Cần Thơ" }),
    row({ organisationVi: "JICA", organisationKind: "foreign" }),
    row({ organisationVi: "Hà Nội", fullName: "Vũ Văn Xuân", position: "Phó Chủ tịch", isHead: false }),
    row({ organisationVi: "Hà Nội", fullName: "Đặng Minh Yến", position: "Chủ tịch" }),
  ];

  it("orders groups by kind in protocol order, then by Vietnamese collation", () => {
    const groups = groupParticipants(rows, "vi");
    expect(groups.map((g) => g.nameVi)).toEqual([
      "Bộ Công Thương",
      "Cần Thơ",
      "Đà Nẵng",
      "Hà Nội",
      "Đại sứ quán Việt Nam tại Nhật Bản",
      "JICA",
    ]);
  });

  it("orders people by protocol rank, then by name", () => {
    const hanoi = groupParticipants(rows, "vi").find((g) => g.nameVi === "Hà Nội")!;
    expect(hanoi.rows.map((r) => r.fullName)).toEqual(["Đặng Minh Yến", "Vũ Văn Xuân", "Lê Thị An", "Trần Văn Bảo"]);
  });

  it("names groups in the list's language but keeps the Vietnamese order", () => {
    const groups = groupParticipants(rows, "en");
    expect(groups[1].name).toBe("Cần Thơ (en)");
    expect(sortParticipants(rows)[0].organisationVi).toBe("Bộ Công Thương");
  });
});

describe("the participants' PDF content", () => {
  const data = {
    conference: {
      id: 1,
      edition: 22,
      title_vi: "Hội nghị Ngoại vụ toàn quốc lần thứ 22",
      title_en: "22nd National Conference on External Affairs",
      venue_vi: "Hà Nội",
      venue_en: "Hanoi",
      starts_at: "2026-12-10T01:00:00Z",
      ends_at: "2026-12-11T10:00:00Z",
      time_zone: "Asia/Ho_Chi_Minh",
    },
    participants: [
      row({ organisationVi: "Bộ Ngoại giao", organisationKind: "ministry", honorific: "ms", fullName: "Lê Thị Hoa" }),
      ...Array.from({ length: 30 }, () => row({ organisationVi: "Hà Nội" })),
    ],
  };

  it("is a section without a heading: organisation sub-headings in tables that repeat them", () => {
    const section = buildParticipantsSection(data, ctx("vi"));
    expect(section.id).toBe("participants");
    expect(section.title).toBe("Danh sách đại biểu");
    const json = JSON.stringify(section.content);
    expect(json).toContain('"style":"subheading","headlineLevel":2');
    expect(json).toContain("Bà Lê Thị Hoa");
    const stacks = section.content.filter((c) => typeof c === "object" && c !== null && "stack" in c) as Array<{
      stack: Array<{ table: { headerRows: number; dontBreakRows: boolean; body: unknown[][] } }>;
      unbreakable: boolean;
    }>;
    // The small ministry group is kept whole; the 30 from Hà Nội run over a page, headings repeated.
    expect(stacks.map((s) => s.unbreakable)).toEqual([true, false]);
    expect(stacks[1].stack[0].table.headerRows).toBe(3);
    expect(stacks[1].stack[0].table.dontBreakRows).toBe(true);
    expect(stacks[1].stack[0].table.body).toHaveLength(3 + 30);
  });

  it("numbers rows through the whole list", () => {
    const json = JSON.stringify(buildParticipantsSection(data, ctx("en")).content);
    expect(json).toContain('"text":"31"');
    expect(json).toContain("Ms Lê Thị Hoa");
  });

  it("as its own document has a title block, page numbers and a generated-on line", () => {
    const doc = participantListDocument(data, ctx("vi"), "2026-12-01T03:00:00Z");
    expect(JSON.stringify(doc.content)).toContain("DANH SÁCH ĐẠI BIỂU");
    const footer = (doc.footer as (p: number, n: number) => { columns: Array<{ text: string }> })(2, 5);
    expect(footer.columns.map((c) => c.text)).toEqual(["Lập ngày 10:00 01/12/2026", "Trang 2/5"]);
  });
});
