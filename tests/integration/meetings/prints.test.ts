import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { decodeCsvBytes, parseCsv } from "~/lib/csv";
import { meetingBlockOverview } from "~/features/meetings/meeting-grid.server";
import { createMeetingBlock } from "~/features/meetings/meetings.server";
import { commitSchedule, previewSchedule } from "~/features/meetings/meeting-schedule.server";
import { loader as listCsvLoader } from "~/routes/admin.meetings.list[.]csv";
import { loader as listPdfLoader } from "~/routes/admin.meetings.list[.]pdf";
import { loader as signsLoader } from "~/routes/admin.meetings.signs[.]pdf";
import { demoConference } from "../../helpers/factories";
import { acceptedRequests, delegateOf, resetMeetings } from "../../helpers/meetings";
import { call, signInAs } from "../../helpers/remix";

const actor = { id: null, ip: null };
const pageCount = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());
/** Hà Nội is UTC+7 all year (no daylight saving): worked out here independently of lib/time. */
const hanoi = (iso: string) => new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 16).replace("T", " ");

beforeEach(resetMeetings);

/** A block of 2 tables over the demo's meeting session; three provinces meet Japan and Korea (6 meetings). */
async function placedMeetings() {
  const conference = await demoConference();
  const { session } = await meetingBlockOverview(conference.id);
  const block = await createMeetingBlock(
    conference.id,
    {
      sessionId: session!.id,
      slotMinutes: 20,
      gapMinutes: 10,
      tableCount: 2,
      requestsCloseAt: null,
      answersCloseAt: null,
      maxRequestsPerOrganisation: null,
    },
    actor,
  );
  if (!block.ok) throw new Error(block.refusal.key);
  const provinces = await Promise.all(["prov-lao-cai", "prov-yen-bai", "prov-phu-tho"].map((code) => delegateOf(code)));
  await acceptedRequests(conference.id, provinces, [await delegateOf("mis-emb-jp"), await delegateOf("mis-emb-kr")]);
  const preview = await previewSchedule(block.id);
  const committed = await commitSchedule(block.id, preview.meetings, actor);
  if (!committed.ok) throw new Error(committed.refusal.key);
  const meetings = await getDb()
    .selectFrom("meetings as m")
    .innerJoin("meeting_slots as s", "s.id", "m.slot_id")
    .select(["m.id", "m.slot_id", "s.starts_at", "s.ends_at"])
    .where("s.block_id", "=", block.id)
    .orderBy("s.starts_at")
    .execute();
  return { blockId: block.id, meetings };
}

describe("the organisers' meeting prints", () => {
  it("refuses a delegate (403) on the signs, the list and the CSV", async () => {
    await placedMeetings();
    const cookie = await signInAs("delegate");
    for (const [loader, path] of [
      [signsLoader, "/admin/meetings/signs.pdf"],
      [listPdfLoader, "/admin/meetings/list.pdf"],
      [listCsvLoader, "/admin/meetings/list.csv"],
    ] as const) {
      expect((await call(loader, { path, cookie })).status, path).toBe(403);
    }
  });

  it("prints a sign per placed meeting, one slot's signs with ?slot=, and refuses an unknown slot", async () => {
    const { meetings, blockId } = await placedMeetings();
    expect(meetings).toHaveLength(6);
    const cookie = await signInAs("organiser");

    const all = await call(signsLoader, { path: "/admin/meetings/signs.pdf", cookie });
    expect(all.status).toBe(200);
    expect(all.headers.get("Content-Type")).toBe("application/pdf");
    const pdf = await bytesOf(all);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pageCount(pdf)).toBe(6);
    // Drawn by the background job in its worker thread (issue 14).
    const job = await getDb().selectFrom("jobs").select(["kind", "state"]).orderBy("id", "desc").executeTakeFirst();
    expect(job).toEqual({ kind: "meetings.signs", state: "done" });

    const slotId = meetings[0].slot_id;
    const inSlot = meetings.filter((m) => m.slot_id === slotId).length;
    const one = await call(signsLoader, { path: `/admin/meetings/signs.pdf?slot=${slotId}&lang=en`, cookie });
    expect(one.status).toBe(200);
    expect(pageCount(await bytesOf(one))).toBe(inSlot);

    for (const slot of ["999999", "abc", "1.5", ""]) {
      const unknown = await call(signsLoader, { path: `/admin/meetings/signs.pdf?slot=${slot}`, cookie });
      expect(unknown.status, slot).toBe(404);
      expect(await unknown.text()).toBe("Không tìm thấy lượt gặp này.");
    }

    // A slot of the block with nothing placed in it: nothing to print.
    const empty = await getDb()
      .selectFrom("meeting_slots")
      .select("id")
      .where("block_id", "=", blockId)
      .where(
        "id",
        "not in",
        meetings.map((m) => m.slot_id),
      )
      .executeTakeFirstOrThrow();
    const none = await call(signsLoader, { path: `/admin/meetings/signs.pdf?slot=${empty.id}&lang=en`, cookie });
    expect(none.status).toBe(404);
    expect(await none.text()).toBe("No meetings have been placed in this slot yet, so there is nothing to print.");
  });

  it("prints the full list as a PDF", async () => {
    await placedMeetings();
    const cookie = await signInAs("organiser");
    for (const lang of ["vi", "en"]) {
      const response = await call(listPdfLoader, { path: `/admin/meetings/list.pdf?lang=${lang}`, cookie });
      expect(response.status).toBe(200);
      expect(response.headers.get("Cache-Control")).toBe("no-store");
      const pdf = await bytesOf(response);
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
    }
  });

  it("exports the list as CSV with a BOM, translated headers and a row per meeting in Hà Nội time", async () => {
    const { meetings } = await placedMeetings();
    await getDb()
      .updateTable("meetings")
      .set({ video_url: "https://meet.ngoaivu.test/abc", outcome: "=Đã ký biên bản" })
      .where("id", "=", meetings[0].id)
      .execute();
    const cookie = await signInAs("organiser");
    const response = await call(listCsvLoader, { path: "/admin/meetings/list.csv", cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const decoded = decodeCsvBytes(bytes);
    if (!decoded.ok) throw new Error(decoded.problem.key);
    const parsed = parseCsv(decoded.text);
    if (!parsed.ok) throw new Error(parsed.problem.key);
    const [header, ...rows] = parsed.records.map((r) => r.cells);
    expect(header).toEqual([
      "Bắt đầu (giờ Hà Nội)",
      "Kết thúc (giờ Hà Nội)",
      "Bàn",
      "Phòng",
      "Đơn vị đề nghị",
      "Đối tác",
      "Lĩnh vực",
      "Nội dung",
      "Ưu tiên",
      "Đã khóa",
      "Liên kết trực tuyến",
      "Kết quả",
      "Việc cần theo dõi",
    ]);
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => r[0])).toEqual(meetings.map((m) => hanoi(m.starts_at)));
    expect(rows.map((r) => r[1])).toEqual(meetings.map((m) => hanoi(m.ends_at)));
    expect(rows[0][0]).toMatch(/^\d{4}-\d{2}-\d{2} 08:30$/); // the block starts at 08:30 in Hà Nội
    expect(
      rows.every(
        (r) =>
          ["1", "2"].includes(r[2]) && r[3] === "Khu gặp gỡ song phương" && r[6] === "Nông nghiệp" && r[9] === "Không",
      ),
    ).toBe(true);
    const linked = rows.find((r) => r[10] === "https://meet.ngoaivu.test/abc")!;
    expect(linked[11]).toBe("'=Đã ký biên bản"); // formula guard
    expect(rows.filter((r) => r[4] === "Lào Cai")).toHaveLength(2);

    const english = await call(listCsvLoader, { path: "/admin/meetings/list.csv?lang=en", cookie });
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await english.arrayBuffer());
    expect(text.split("\r\n")[0]).toBe(
      "\uFEFFStart (Hà Nội time),End (Hà Nội time),Table,Room,Requested by,Counterpart,Sector,Request,Priority,Locked,Video link,Outcome,Follow-up",
    );
    expect(text).toContain("Bilateral meetings area");
  });

  it("says there is nothing to print before a schedule is placed", async () => {
    const cookie = await signInAs("organiser");
    for (const [loader, path] of [
      [signsLoader, "/admin/meetings/signs.pdf"],
      [listPdfLoader, "/admin/meetings/list.pdf"],
    ] as const) {
      const response = await call(loader, { path, cookie });
      expect(response.status, path).toBe(404);
      expect(await response.text()).toBe("Chưa có cuộc gặp nào được xếp nên chưa có gì để in.");
    }
    const english = await call(signsLoader, { path: "/admin/meetings/signs.pdf?lang=en", cookie });
    expect(await english.text()).toBe("No meetings have been placed yet, so there is nothing to print.");
    // The CSV is then its header alone.
    const csv = await call(listCsvLoader, { path: "/admin/meetings/list.csv", cookie });
    expect(csv.status).toBe(200);
    expect(
      new TextDecoder()
        .decode(await csv.arrayBuffer())
        .trim()
        .split("\r\n"),
    ).toHaveLength(1);
  });
});
