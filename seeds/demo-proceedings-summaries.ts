/**
 * The rapporteurs' summaries of the discussion sessions: who chaired and who spoke (from the
 * session's people and the presentations given there), the main points by the session's subject,
 * and the recommendations, as a MOFA rapporteur writes them for the record.
 */

export interface SummaryInput {
  /** "economic" for the economic diplomacy discussion, "cultural" for the other. */
  subject: "economic" | "cultural";
  chair: string | null;
  speakers: string[];
  /** How many presentations of the session the book prints. */
  presentations: number;
}

const POINTS = {
  economic: [
    'Ngoại giao kinh tế đã trở thành nhiệm vụ trung tâm của đối ngoại địa phương; nhiều địa phương đã chuyển từ "xúc tiến chung" sang "đặt hàng" cụ thể cho từng Cơ quan đại diện theo sản phẩm và thị trường.',
    "Việc mở cửa thị trường cho nông sản (vải thiều, nhãn, thanh long, xoài) là kết quả của sự phối hợp ba bên giữa Bộ Ngoại giao, các bộ chuyên ngành và địa phương; cần nhân rộng mô hình này cho các sản phẩm OCOP.",
    "Trong bối cảnh dịch chuyển chuỗi cung ứng, các địa phương cần thu hút đầu tư có chọn lọc, chuẩn bị sẵn quỹ đất, hạ tầng và nhân lực; tránh chạy đua ưu đãi.",
    "Các hình thức xúc tiến trực tuyến đã chứng minh hiệu quả và nên được duy trì song song với các hoạt động trực tiếp khi đi lại được nối lại.",
  ],
  cultural: [
    'Ngoại giao văn hóa cần gắn với ngoại giao kinh tế: di sản, lễ hội và ẩm thực là "thương hiệu mềm" giúp quảng bá du lịch và sản phẩm của địa phương.',
    "Các danh hiệu UNESCO mới (Xòe Thái, thực hành Then, Khu dự trữ sinh quyển Núi Chúa và Kon Hà Nừng) mở ra cơ hội quảng bá, đồng thời đặt ra trách nhiệm bảo tồn.",
    "Cộng đồng người Việt Nam ở nước ngoài là cầu nối quan trọng trong quảng bá hình ảnh địa phương; cần có cơ chế kết nối thường xuyên với kiều bào quê hương.",
    "Việc chuẩn bị đón khách quốc tế trở lại đòi hỏi phối hợp chặt chẽ về y tế, thị thực và truyền thông, với vai trò tư vấn của các Cơ quan đại diện.",
  ],
};

const RECOMMENDATIONS = {
  economic: [
    "Bộ Ngoại giao xây dựng cơ sở dữ liệu chung về thị trường, đối tác và nhu cầu của địa phương, chia sẻ với các Cơ quan đại diện.",
    "Các địa phương chuẩn bị danh mục dự án và sản phẩm chủ lực bằng ngoại ngữ, cập nhật hằng năm.",
    "Tăng cường liên kết vùng trong xúc tiến đầu tư, thương mại; tổ chức các đoàn xúc tiến chung theo vùng kinh tế.",
    "Bảo đảm tuân thủ quy trình xin ý kiến và báo cáo sau ký theo Luật Thỏa thuận quốc tế năm 2020.",
  ],
  cultural: [
    "Xây dựng chương trình quảng bá hình ảnh địa phương gắn với Chiến lược Ngoại giao văn hóa đến năm 2030.",
    "Tổ chức thường niên các Ngày Việt Nam, Tuần văn hóa địa phương ở nước ngoài với sự phối hợp của các Cơ quan đại diện.",
    "Đào tạo đội ngũ cán bộ, hướng dẫn viên có ngoại ngữ và am hiểu văn hóa, phục vụ giai đoạn mở cửa du lịch.",
  ],
};

export function sessionSummary(input: SummaryInput): string {
  const speakers = input.speakers.length
    ? `Tại phiên thảo luận, ${input.speakers.length} đại biểu đã trình bày tham luận và phát biểu ý kiến:\n\n${input.speakers.map((s) => `- ${s}`).join("\n")}`
    : "Tại phiên thảo luận, đại diện các địa phương, bộ, ngành và Cơ quan đại diện đã trình bày tham luận và phát biểu ý kiến.";
  const written =
    input.presentations > input.speakers.length
      ? `\n\nPhiên thảo luận cũng nhận được ${input.presentations - input.speakers.length} tham luận gửi bằng văn bản của các địa phương và bộ, ngành; toàn văn các tham luận được in trong Kỷ yếu.`
      : "";
  // The session's title, time and rapporteur head the summary wherever it is shown: the text starts with what happened.
  return `## Diễn biến phiên thảo luận

${input.chair ? `Phiên thảo luận do ${input.chair} chủ trì.` : "Phiên thảo luận do lãnh đạo Bộ Ngoại giao và đại diện bộ, ngành chủ trì."} Phiên được tổ chức theo hình thức kết hợp trực tiếp và trực tuyến, với sự tham gia của các Trưởng Cơ quan đại diện từ các điểm cầu ở nước ngoài.

${speakers}${written}

## Những nội dung chính

${POINTS[input.subject].map((p, i) => `${i + 1}. ${p}`).join("\n")}

Các đại biểu thống nhất đánh giá sự phối hợp giữa Bộ Ngoại giao, các Cơ quan đại diện và địa phương trong giai đoạn 2019–2021 đã có bước tiến rõ rệt, đồng thời thẳng thắn chỉ ra những "nút thắt" cần tháo gỡ: thông tin hai chiều chưa thường xuyên, thỏa thuận sau ký chưa được theo dõi sát, nguồn nhân lực làm công tác đối ngoại còn mỏng.

## Kiến nghị của phiên thảo luận

${RECOMMENDATIONS[input.subject].map((r) => `- ${r}`).join("\n")}
`;
}
