import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { nfc } from "../app/lib/text";
import type { SeededRandom } from "./demo-names";

/**
 * Outcomes and follow-ups of the demo's placed bilateral meetings, as the delegates record them
 * after a meeting (app/features/meetings/meeting-outcomes.server.ts): about two thirds of the placed
 * meetings that have none. The demo places no meeting itself (the organiser runs the scheduler:
 * seeds/demo-meetings.ts), so on a fresh demo this records nothing; a database whose meetings were
 * placed before the conference part was seeded gets its outcomes. Texts by the request's sector.
 */

const OUTCOMES: Record<string, Array<[string, string]>> = {
  agriculture: [
    [
      "Hai bên trao đổi về tiêu chuẩn nhập khẩu trái cây tươi; Cơ quan đại diện giới thiệu ba nhà nhập khẩu đã làm việc với hàng Việt Nam.",
      "Sở Công Thương gửi hồ sơ sản phẩm và mã số vùng trồng trước ngày 15/01; Cơ quan đại diện bố trí gặp trực tuyến với nhà nhập khẩu.",
    ],
    [
      "Thống nhất tổ chức tuần hàng nông sản của tỉnh tại hệ thống siêu thị sở tại vào quý II.",
      "Tỉnh cử đầu mối làm việc với Thương vụ; dự kiến ký thỏa thuận khung với nhà phân phối.",
    ],
  ],
  investment: [
    [
      "Cơ quan đại diện thông tin về các tập đoàn đang tìm địa điểm mở rộng sản xuất; tỉnh giới thiệu quỹ đất sạch tại khu công nghiệp.",
      "Tỉnh gửi danh mục dự án bằng tiếng Anh; Cơ quan đại diện tổ chức hội thảo trực tuyến với doanh nghiệp trong tháng 3.",
    ],
    [
      "Hai bên trao đổi về hạ tầng điện, nước và nhân lực; nhà đầu tư quan tâm khảo sát thực địa.",
      "Bố trí đoàn khảo sát sau Tết Nguyên đán; Ban Quản lý các khu công nghiệp là đầu mối.",
    ],
  ],
  tourism: [
    [
      "Trao đổi về khả năng mở đường bay thuê chuyến và chương trình famtrip cho các hãng lữ hành.",
      "Sở Văn hóa, Thể thao và Du lịch gửi tài liệu quảng bá; Cơ quan đại diện liên hệ hai hãng hàng không.",
    ],
  ],
  labour: [
    [
      "Thống nhất nguyên tắc hợp tác đưa lao động kỹ năng theo chương trình giữa hai địa phương.",
      "Sở Lao động - Thương binh và Xã hội xây dựng dự thảo thỏa thuận, gửi Bộ Ngoại giao xin ý kiến.",
    ],
  ],
  education: [
    [
      "Giới thiệu chương trình học bổng và liên kết đào tạo giữa các trường đại học hai bên.",
      "Trường đại học của tỉnh gửi đề xuất hợp tác; Cơ quan đại diện kết nối với ba trường đối tác.",
    ],
  ],
  other: [
    [
      "Hai bên trao đổi về các lĩnh vực hợp tác ưu tiên và lịch trao đổi đoàn năm tới.",
      "Sở Ngoại vụ tổng hợp đề xuất, báo cáo UBND tỉnh; giữ liên lạc qua thư điện tử với Cơ quan đại diện.",
    ],
  ],
};
const SECTOR_KEYS: Record<string, string> = {
  "Nông nghiệp": "agriculture",
  "Thương mại": "agriculture",
  trade: "agriculture",
  "Đầu tư": "investment",
  "Năng lượng": "investment",
  science_technology: "investment",
  "Du lịch": "tourism",
  culture: "tourism",
  "Văn hóa": "tourism",
  "Lao động": "labour",
  "Giáo dục": "education",
  health: "education",
};

export async function seedDemoMeetingOutcomes(
  db: Kysely<Database>,
  o: { conferenceId: number; random: SeededRandom },
): Promise<number> {
  const meetings = await db
    .selectFrom("meetings as m")
    .innerJoin("meeting_requests as r", "r.id", "m.request_id")
    .innerJoin("meeting_slots as s", "s.id", "m.slot_id")
    .select(["m.id", "r.sector", "r.requested_by", "s.ends_at"])
    .where("r.conference_id", "=", o.conferenceId)
    .where("m.outcome", "=", "")
    .where("m.outcome_recorded_at", "is", null)
    .orderBy("m.id")
    .execute();
  let recorded = 0;
  for (const [i, m] of meetings.entries()) {
    if (i % 3 === 2) continue;
    const key = SECTOR_KEYS[m.sector] ?? (m.sector in OUTCOMES ? m.sector : "other");
    const [outcome, followUp] = o.random.pick(OUTCOMES[key]);
    await db
      .updateTable("meetings")
      .set({
        outcome: nfc(outcome),
        follow_up: nfc(followUp),
        outcome_recorded_by: m.requested_by,
        outcome_recorded_at: new Date(Date.parse(m.ends_at) + (15 + o.random.int(90)) * 60_000).toISOString(),
      })
      .where("id", "=", m.id)
      .execute();
    recorded += 1;
  }
  return recorded;
}
