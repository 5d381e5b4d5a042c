import { beforeEach, describe, expect, it } from "vitest";
import { loadParticipants } from "~/features/proceedings/prints/participants.server";
import { renderPlates, renderSheets } from "~/features/proceedings/prints/print-jobs.server";
import { loadPlateRows, loadSheetSessions } from "~/features/proceedings/prints/prints.server";
import { getDb } from "~/platform/db.server";
import { renderPdf } from "~/platform/pdf/render.server";
import { participantListDocument } from "~/features/proceedings/prints/participants-pdf";
import { printContext } from "~/features/proceedings/prints/print-jobs.server";
import { sheetPageCount, signInSheetsDocument } from "~/features/proceedings/prints/sign-in-sheets";
import { readPdf, seedPrints } from "./prints-fixtures";

let seeded: Awaited<ReturnType<typeof seedPrints>>;
beforeEach(async () => {
  seeded = await seedPrints();
});

describe("the participants' loader", () => {
  it("lists approved, consenting delegates only, grouped in protocol order", async () => {
    const data = (await loadParticipants(getDb(), seeded.conference.id))!;
    const names = data.participants.map((p) => p.fullName);
    expect(names).toEqual(["Lê Hoài Trung", "Nguyễn Thị Thanh Hương", "Đỗ Văn Trực Tuyến", "Phạm Quang Hiệu"]);
    for (const absent of ["Trần Văn Chờ Duyệt", "Vũ Thị Từ Chối", "Hoàng Văn Kín Đáo", "Bùi Văn Đã Hủy"])
      expect(names).not.toContain(absent);
  });

  it("renders the participant list PDF, which reads back with the names", async () => {
    const data = (await loadParticipants(getDb(), seeded.conference.id))!;
    const bytes = await renderPdf(
      participantListDocument(data, printContext("vi", data.conference), "2026-12-01T03:00:00Z"),
    );
    const text = (await readPdf(bytes)).join("\n");
    expect(text).toContain("DANH SÁCH ĐẠI BIỂU");
    expect(text).toContain("Ông Lê Hoài Trung");
    expect(text).toContain(seeded.ministry.name_vi);
    expect(text).toContain("Trang 1/1");
    expect(text).not.toContain("Kín Đáo");
  });
});

describe("name plates", () => {
  it("prints a head table's chairs and speakers attending in person", async () => {
    const rows = await loadPlateRows(getDb(), seeded.conference.id, { sessionId: seeded.discussionId });
    expect(rows.map((r) => r.fullName)).toEqual(["Lê Hoài Trung", "Phạm Quang Hiệu"]);
    const done = (await renderPlates(getDb(), seeded.conference.id, "vi", { sessionId: seeded.discussionId }))!;
    const pages = await readPdf(done.bytes);
    expect(pages).toHaveLength(2);
    // Both halves carry real text: the upright face and the one turned for the back.
    expect(pages[0].match(/Lê Hoài Trung/g)).toHaveLength(2);
    expect(pages[1]).toContain("Đại sứ");
  });

  it("prints every approved in-person delegate, or one kind", async () => {
    const all = await loadPlateRows(getDb(), seeded.conference.id, { all: true });
    expect(all.map((r) => r.fullName)).toEqual([
      "Lê Hoài Trung",
      // Same rank in the delegation (Giám đốc): by the given name, Đáo before Hương.
      "Hoàng Văn Kín Đáo",
      "Nguyễn Thị Thanh Hương",
      "Phạm Quang Hiệu",
    ]);
    const missions = await loadPlateRows(getDb(), seeded.conference.id, { kind: "mission" });
    expect(missions.map((r) => r.fullName)).toEqual(["Phạm Quang Hiệu"]);
  });
});

describe("sign-in sheets", () => {
  it("expects everyone in person at a plenary, and the signed-up and head table at a discussion", async () => {
    const [plenary, discussion] = await loadSheetSessions(getDb(), seeded.conference.id, "Asia/Ho_Chi_Minh", {
      all: true,
    }).then((s) => [s.find((x) => x.id === seeded.plenaryId)!, s.find((x) => x.id === seeded.discussionId)!]);
    expect(plenary.expected.map((p) => p.fullName)).toEqual([
      "Lê Hoài Trung",
      // Same rank in the delegation (Giám đốc): by the given name, Đáo before Hương.
      "Hoàng Văn Kín Đáo",
      "Nguyễn Thị Thanh Hương",
      "Phạm Quang Hiệu",
    ]);
    expect(discussion.expected.map((p) => p.fullName)).toEqual([
      "Lê Hoài Trung",
      "Nguyễn Thị Thanh Hương",
      "Phạm Quang Hiệu",
    ]);
  });

  it("renders one session's sheet with its names, blank rows and per-session page numbers", async () => {
    const done = (await renderSheets(getDb(), seeded.conference.id, "vi", { sessionId: seeded.discussionId }))!;
    const pages = await readPdf(done.bytes);
    expect(pages).toHaveLength(done.pages);
    expect(pages[0]).toContain("DANH SÁCH ĐẠI BIỂU KÝ TÊN");
    expect(pages[0]).toContain("Phiên thảo luận in thử");
    expect(pages[0]).toContain("Ông Nguyễn Thị Thanh Hương");
    // 3 expected and 10 blank rows: numbered to 13.
    expect(pages[0]).toMatch(/\b13\b/);
    expect(pages[0]).toContain("Trang 1/1");
  });
});

describe("sign-in sheets' pages as counted beforehand", () => {
  it("match the pages pdfmake draws, even with long names, so each footer's x/y is right", async () => {
    const [sample] = (await loadSheetSessions(getDb(), seeded.conference.id, "Asia/Ho_Chi_Minh", { all: true })).filter(
      (s) => s.expected.length > 0,
    );
    const person = sample.expected[0];
    const crowd = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        ...person,
        registrationId: 1000 + i,
        fullName: `Tôn Thất Bách Khoa Nguyễn Phước Vĩnh Lộc Công Tằng Tôn Nữ ${i}`,
        organisationVi: "Đại sứ quán nước Cộng hòa xã hội chủ nghĩa Việt Nam tại Cộng hòa Liên bang Đức ".repeat(2),
        position: "Đại sứ đặc mệnh toàn quyền, Trưởng Cơ quan đại diện, Phó Trưởng đoàn ".repeat(2),
      }));
    const sessions = [0, 6, 40].map((n, i) => ({
      ...sample,
      id: i + 1,
      title_vi: `Phiên ${i + 1}`,
      expected: crowd(n),
    }));
    const ctx = printContext("vi", { time_zone: "Asia/Ho_Chi_Minh" });
    const pages = await readPdf(await renderPdf(signInSheetsDocument(sessions, ctx, "Hội nghị")));
    expect(pages).toHaveLength(sheetPageCount(sessions));
    expect(pages.at(-1)).toContain("Phiên 3 · Trang 4/4");
    expect(pages[0]).toContain("Phiên 1 · Trang 1/1");
  });
});
