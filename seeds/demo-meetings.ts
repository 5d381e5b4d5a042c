import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { searchKey } from "../app/lib/text";

/**
 * The demo's bilateral meetings: the meeting session cut into 20-minute slots
 * with 12 tables, and provinces' requests to missions and foreign partners in
 * every state, so that an organiser can run the scheduler at once. Three
 * provinces wait for the demo ambassador's (Japan's) answer. The demo province
 * (Bắc Giang) has sent nothing yet: trying that is the journey.
 */
const SECTORS = [
  ["Nông nghiệp", "Tìm nhà nhập khẩu vải thiều, nhãn và thanh long"],
  ["Đầu tư", "Giới thiệu khu công nghiệp mới với các tập đoàn điện tử"],
  ["Du lịch", "Mở đường bay thẳng và quảng bá điểm đến"],
  ["Lao động", "Hợp tác đưa thực tập sinh kỹ thuật sang làm việc"],
  ["Giáo dục", "Kết nghĩa trường đại học và học bổng cho sinh viên"],
  ["Thương mại", "Đưa sản phẩm OCOP vào hệ thống siêu thị"],
  ["Năng lượng", "Tìm nhà đầu tư điện gió ngoài khơi"],
  ["Văn hóa", "Tổ chức tuần văn hóa địa phương ở nước ngoài"],
] as const;

/** The provinces that send the small demo's meeting requests (the conference-size demo leaves them be). */
export const REQUESTERS = [
  "prov-lao-cai",
  "prov-yen-bai",
  "prov-phu-tho",
  "prov-thai-nguyen",
  "prov-quang-ninh",
  "prov-hai-phong",
  "prov-nghe-an",
  "prov-thua-thien-hue",
  "prov-da-nang",
  "prov-quang-nam",
  "prov-khanh-hoa",
  "prov-dak-lak",
  "prov-lam-dong",
  "prov-binh-duong",
  "prov-dong-nai",
  "prov-ho-chi-minh",
  "prov-can-tho",
  "prov-an-giang",
  "prov-kien-giang",
  "prov-ca-mau",
];
const COUNTERPARTS = [
  "mis-emb-kr",
  "mis-emb-cn",
  "mis-emb-us",
  "mis-emb-de",
  "mis-emb-fr",
  "mis-emb-au",
  "mis-emb-sg",
  "mis-emb-th",
  "mis-emb-in",
  "mis-cg-osaka",
  "mis-cg-shanghai",
  "mis-emb-ru",
  "fp-jcci",
  "fp-eurocham",
  "fp-kocham",
  "fp-amcham",
];
const ASKING_JAPAN = ["prov-hai-phong", "prov-da-nang", "prov-lao-cai"];

export async function seedDemoMeetings(db: Kysely<Database>, conferenceId: number, at: string) {
  const session = await db
    .selectFrom("sessions")
    .select(["id", "starts_at", "ends_at", "room_id"])
    .where("conference_id", "=", conferenceId)
    .where("kind", "=", "meeting_block")
    .executeTakeFirst();
  if (!session) return;
  const block = await db
    .insertInto("meeting_blocks")
    .values({
      conference_id: conferenceId,
      session_id: session.id,
      slot_minutes: 20,
      gap_minutes: 10,
      table_count: 12,
      requests_close_at: null,
      answers_close_at: null,
      max_requests_per_organisation: 8,
      allowed_pairs: JSON.stringify([
        ["province", "mission"],
        ["ministry", "mission"],
        ["province", "foreign"],
        ["ministry", "foreign"],
      ]),
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const slots: Array<{ block_id: number; starts_at: string; ends_at: string }> = [];
  for (let t = Date.parse(session.starts_at); t + 20 * 60000 <= Date.parse(session.ends_at); t += 30 * 60000) {
    slots.push({
      block_id: block.id,
      starts_at: new Date(t).toISOString(),
      ends_at: new Date(t + 20 * 60000).toISOString(),
    });
  }
  const slotIds = (await db.insertInto("meeting_slots").values(slots).returning("id").execute()).map((s) => s.id);
  await db
    .insertInto("meeting_tables")
    .values(
      Array.from({ length: 12 }, (_, i) => ({
        block_id: block.id,
        number: i + 1,
        label: i < 6 ? "Khu A" : "Khu B",
        room_id: session.room_id,
      })),
    )
    .execute();

  const codes = [...new Set([...REQUESTERS, ...COUNTERPARTS, "mis-emb-jp", "mis-emb-sg", "mis-emb-de", "mis-emb-us"])];
  const orgs = new Map(
    (await db.selectFrom("organisations").select(["id", "code"]).where("code", "in", codes).execute()).map((o) => [
      o.code,
      o.id,
    ]),
  );
  const rows: Array<{
    from: number;
    to: number;
    sector: string;
    ask: string;
    priority: number;
    status: "pending" | "accepted" | "declined";
  }> = [];
  REQUESTERS.forEach((from, i) => {
    for (let k = 0; k < 3; k += 1) {
      const to = COUNTERPARTS[(i * 5 + k * 3) % COUNTERPARTS.length];
      const [sector, ask] = SECTORS[(i + k) % SECTORS.length];
      const roll = (i * 7 + k * 11) % 20;
      rows.push({
        from: orgs.get(from)!,
        to: orgs.get(to)!,
        sector,
        ask,
        priority: 1 + ((i + 2 * k) % 3),
        status: roll < 14 ? "accepted" : roll < 17 ? "pending" : "declined",
      });
    }
  });
  ASKING_JAPAN.forEach((from, i) =>
    rows.push({
      from: orgs.get(from)!,
      to: orgs.get("mis-emb-jp")!,
      sector: SECTORS[i][0],
      ask: SECTORS[i][1],
      priority: 3 - i,
      status: "pending",
    }),
  );
  await db
    .insertInto("meeting_requests")
    .values(
      rows.map((r) => ({
        conference_id: conferenceId,
        from_organisation_id: r.from,
        to_organisation_id: r.to,
        sector: r.sector,
        ask: r.ask,
        priority: r.priority,
        status: r.status,
        decline_reason:
          r.status === "declined"
            ? "Lịch công tác của Đại sứ trùng thời gian hội nghị; đề nghị làm việc trực tuyến sau hội nghị."
            : "",
        requested_by: null,
        answered_by: null,
        created_at: at,
        answered_at: r.status === "pending" ? null : at,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();

  // The sectors some parties cover; Korea meets at most twice and Germany three times (each is asked more),
  // Singapore only comes for the first three slots: the scheduler has something to leave out and explain.
  const parties: Array<[string, number | null, 0 | 1, string]> = [
    ["mis-emb-jp", null, 0, "Nông nghiệp, Đầu tư, Lao động, Du lịch"],
    ["mis-emb-kr", 2, 0, "Đầu tư, Lao động, Giáo dục"],
    ["mis-emb-sg", null, 1, "Thương mại, Logistics, Đầu tư"],
    ["mis-emb-us", null, 0, "Thương mại, Giáo dục, Công nghệ"],
    ["mis-emb-de", 3, 0, "Năng lượng, Đào tạo nghề, Đầu tư"],
    ["mis-cg-osaka", null, 0, "Nông nghiệp, Du lịch, Văn hóa"],
  ];
  await db
    .insertInto("meeting_parties")
    .values(
      parties.map(([code, max, limits, sectors]) => ({
        conference_id: conferenceId,
        organisation_id: orgs.get(code)!,
        max_meetings: max,
        limits_availability: limits,
        sectors,
        sectors_key: searchKey(sectors),
      })),
    )
    .execute();
  await db
    .insertInto("meeting_availability")
    .values(slotIds.slice(0, 3).map((slot_id) => ({ organisation_id: orgs.get("mis-emb-sg")!, slot_id })))
    .execute();
}
