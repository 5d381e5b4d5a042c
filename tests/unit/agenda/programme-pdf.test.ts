import { describe, expect, it } from "vitest";
import { programmeDocument, programmeSlots, type ProgrammePdfSession } from "~/features/agenda/pdf/programme";
import { renderPdf } from "~/platform/pdf/render.server";

const conference = {
  title_vi: "Hội nghị Ngoại vụ toàn quốc lần thứ 20",
  title_en: "20th National Conference on External Affairs",
  time_zone: "Asia/Ho_Chi_Minh",
};
const person = {
  role: "chair",
  full_name: "Nguyễn Thị Thu Hà",
  organisation_vi: "Bộ Ngoại giao",
  organisation_en: "Ministry of Foreign Affairs",
};
const session = (
  id: number,
  start: string,
  end: string,
  extra: Partial<ProgrammePdfSession> = {},
): ProgrammePdfSession => ({
  id,
  kind: "discussion",
  title_vi: `Phiên ${id}: Ngoại giao kinh tế`,
  title_en: `Session ${id}: Economic diplomacy`,
  starts_at: start,
  ends_at: end,
  room_vi: `Phòng họp ${id}`,
  room_en: `Meeting room ${id}`,
  people: [],
  ...extra,
});
const sessions = [
  session(1, "2021-12-13T01:00:00.000Z", "2021-12-13T03:00:00.000Z", { kind: "plenary", people: [person] }),
  session(3, "2021-12-13T03:20:00.000Z", "2021-12-13T05:00:00.000Z", {
    people: [{ ...person, role: "speaker", full_name: "Lê Văn Hùng" }],
  }),
  session(2, "2021-12-13T03:20:00.000Z", "2021-12-13T05:00:00.000Z"),
  // 23:30 UTC on the 13th is 06:30 on the 14th in Hà Nội: the second day.
  session(4, "2021-12-13T23:30:00.000Z", "2021-12-14T01:00:00.000Z"),
];

function texts(node: unknown): string[] {
  if (typeof node === "string") return [node];
  if (Array.isArray(node)) return node.flatMap(texts);
  if (node && typeof node === "object") return Object.values(node).flatMap(texts);
  return [];
}

describe("programmeSlots", () => {
  it("groups by day in Hà Nội time and puts parallel sessions in one slot, in time order", () => {
    const days = programmeSlots(sessions, conference.time_zone);
    expect(days.map((d) => d.day)).toEqual(["2021-12-13", "2021-12-14"]);
    expect(days[0].slots.map((s) => s.sessions.map((x) => x.id))).toEqual([[1], [2, 3]]);
    expect(days[1].slots[0].sessions[0].id).toBe(4);
  });
});

describe("programmeDocument", () => {
  it("is A4 with every session, its room and its people, in Vietnamese", () => {
    const doc = programmeDocument(sessions, { locale: "vi", conference, now: new Date("2021-12-01T00:00:00Z") });
    expect(doc.pageSize).toBe("A4");
    const all = texts(doc.content).join("\n");
    for (const s of sessions) expect(all).toContain(s.title_vi);
    expect(all).toContain("Phòng: Phòng họp 2");
    expect(all).toContain("Nguyễn Thị Thu Hà (Bộ Ngoại giao)");
    expect(all).toContain("Chủ trì: ");
    expect(all).toContain("08:00–10:00");
    expect(all).toContain("Ngày 2");
  });

  it("speaks English when asked", () => {
    const all = texts(programmeDocument(sessions, { locale: "en", conference }).content).join("\n");
    expect(all).toContain("Session 3: Economic diplomacy");
    expect(all).toContain("Speaker: ");
    expect(all).toContain("Ministry of Foreign Affairs");
    expect(all).not.toContain("Phiên 3");
  });

  it("renders to a PDF", async () => {
    const bytes = await renderPdf(programmeDocument(sessions, { locale: "vi", conference }));
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});
