import { agreementsVi } from "./agreements/messages.vi";
import { bookVi } from "./book/messages.vi";
import { documentsVi } from "./documents/messages.vi";
import { printsVi } from "./prints/messages.vi";

/** The proceedings' shared words (document kinds and states, agreement states, kinds and fields) in Vietnamese. */
const commonVi = {
  "proceedings.title": "Kỷ yếu và tài liệu",
  "proceedings.documentKind.speech": "Bài phát biểu",
  "proceedings.documentKind.report": "Báo cáo",
  "proceedings.documentKind.presentation": "Tham luận",
  "proceedings.documentKind.summary": "Tóm tắt phiên thảo luận",
  "proceedings.documentState.draft": "Bản nháp",
  "proceedings.documentState.final": "Bản chính thức",
  "proceedings.language.vi": "Tiếng Việt",
  "proceedings.language.en": "Tiếng Anh",
  "proceedings.agreementState.drafted": "Đang soạn thảo",
  "proceedings.agreementState.sent_for_opinion": "Đã gửi lấy ý kiến Bộ Ngoại giao",
  "proceedings.agreementState.opinion_received": "Đã có ý kiến của Bộ Ngoại giao",
  "proceedings.agreementState.signed": "Đã ký",
  "proceedings.agreementState.reported": "Đã báo cáo",
  "proceedings.agreementState.in_force": "Đang có hiệu lực",
  "proceedings.agreementState.ended": "Đã chấm dứt",
  "proceedings.agreementKind.agreement": "Thỏa thuận",
  "proceedings.agreementKind.memorandum": "Bản ghi nhớ",
  "proceedings.agreementKind.letter_of_intent": "Thư ý định",
  "proceedings.agreementField.economy": "Kinh tế",
  "proceedings.agreementField.trade": "Thương mại",
  "proceedings.agreementField.investment": "Đầu tư",
  "proceedings.agreementField.agriculture": "Nông nghiệp",
  "proceedings.agreementField.education": "Giáo dục và đào tạo",
  "proceedings.agreementField.health": "Y tế",
  "proceedings.agreementField.culture": "Văn hóa",
  "proceedings.agreementField.tourism": "Du lịch",
  "proceedings.agreementField.science": "Khoa học và công nghệ",
  "proceedings.agreementField.labour": "Lao động",
  "proceedings.agreementField.environment": "Môi trường",
  "proceedings.agreementField.friendship": "Hữu nghị, hợp tác toàn diện",
  "proceedings.agreementField.other": "Lĩnh vực khác",
  "proceedings.section.cover": "Bìa",
  "proceedings.section.foreword": "Lời nói đầu",
  "proceedings.section.contents": "Mục lục",
  "proceedings.section.programme": "Chương trình hội nghị",
  "proceedings.section.speeches": "Bài phát biểu và báo cáo",
  "proceedings.section.summaries": "Tóm tắt các phiên thảo luận",
  "proceedings.section.figures": "Hội nghị qua các con số",
  "proceedings.section.participants": "Danh sách đại biểu",
  "proceedings.section.meetings": "Các cuộc gặp song phương",
  "proceedings.section.catalogue": "Triển lãm sản phẩm thương hiệu Việt Nam",
  "proceedings.section.agreements": "Các thỏa thuận quốc tế đã ký",
  "proceedings.errors.notFound": "Không tìm thấy.",
} as const;

/** The proceedings' messages in Vietnamese: the default language and the source of the keys. */
export const proceedingsVi = {
  ...commonVi,
  ...documentsVi,
  ...agreementsVi,
  ...bookVi,
  ...printsVi,
} as const;
