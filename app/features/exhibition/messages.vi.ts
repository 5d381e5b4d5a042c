import { allocationVi } from "./allocation/messages.vi";
import { allocatorVi } from "./allocator/messages.vi";
import { applicationsVi } from "./applications/messages.vi";
import { catalogueVi } from "./catalogue/messages.vi";
import { planVi } from "./plan/messages.vi";

/** The exhibition's shared words (zones, booth types and states, categories) in Vietnamese. */
const commonVi = {
  "exhibition.title": "Triển lãm sản phẩm thương hiệu Việt Nam",
  "exhibition.zone.ocop": "Nông sản và OCOP",
  "exhibition.zone.handicrafts": "Thủ công mỹ nghệ",
  "exhibition.zone.food": "Thực phẩm chế biến",
  "exhibition.zone.industry": "Công nghiệp và công nghệ",
  "exhibition.zone.tourism": "Du lịch và văn hóa",
  "exhibition.boothType.standard": "Gian tiêu chuẩn",
  "exhibition.boothType.corner": "Gian góc",
  "exhibition.boothType.island": "Gian đảo",
  "exhibition.boothState.free": "Còn trống",
  "exhibition.boothState.held": "Giữ chỗ",
  "exhibition.boothState.allocated": "Đã phân",
  "exhibition.boothState.confirmed": "Đã xác nhận",
  "exhibition.obstacle.aisle": "Lối đi",
  "exhibition.obstacle.column": "Cột",
  "exhibition.obstacle.door": "Cửa",
  "exhibition.obstacle.exit": "Lối thoát hiểm",
  "exhibition.obstacle.wall": "Tường",
  "exhibition.category.fruit": "Trái cây",
  "exhibition.category.rice": "Gạo và ngũ cốc",
  "exhibition.category.tea_coffee": "Chè và cà phê",
  "exhibition.category.seafood": "Thủy sản",
  "exhibition.category.spices": "Gia vị và dược liệu",
  "exhibition.category.processed_food": "Thực phẩm chế biến",
  "exhibition.category.beverages": "Đồ uống",
  "exhibition.category.handicraft": "Thủ công mỹ nghệ",
  "exhibition.category.textile": "Dệt may và thổ cẩm",
  "exhibition.category.ceramics": "Gốm sứ",
  "exhibition.category.wood_bamboo": "Gỗ, mây tre đan",
  "exhibition.category.industry": "Sản phẩm công nghiệp",
  "exhibition.category.technology": "Công nghệ",
  "exhibition.category.tourism": "Du lịch",
  "exhibition.category.culture": "Văn hóa",
  "exhibition.category.other": "Khác",
  "exhibition.status.draft": "Bản nháp",
  "exhibition.status.submitted": "Đã nộp",
  "exhibition.status.approved": "Đã duyệt",
  "exhibition.status.rejected": "Bị từ chối",
  "exhibition.status.withdrawn": "Đã rút",
  "exhibition.kind.trade_promotion": "Trung tâm xúc tiến thương mại",
  "exhibition.kind.cooperative": "Hợp tác xã",
  "exhibition.kind.enterprise": "Doanh nghiệp",
  "exhibition.kind.association": "Hiệp hội",
  "exhibition.kind.other": "Đơn vị khác",
  "exhibition.area": "{area} m²",
  "exhibition.legend": "Chú giải",
  "exhibition.power": "Điện",
  "exhibition.water": "Nước",
  "exhibition.errors.notFound": "Không tìm thấy.",
  "exhibition.errors.notYours": "Hồ sơ này không phải của bạn.",
} as const;

/** The exhibition's messages in Vietnamese: the default language and the source of the keys. */
export const exhibitionVi = {
  ...commonVi,
  ...planVi,
  ...applicationsVi,
  ...allocatorVi,
  ...allocationVi,
  ...catalogueVi,
} as const;
