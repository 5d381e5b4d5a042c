/**
 * Messages of the automatic allocator's explanations, in Vietnamese: the source of the keys. Keys start with
 * "exhibition.allocator.". Params: {zone} and {type}/{types} are raw codes (the page translates them), {rank}
 * the wish's rank, {area} m², {holders} exhibitor ids ("a, b, c (+2)"), {neighbour} an exhibitor id,
 * {category} a product category code, {count} exhibitors, {points} placement points.
 */
export const allocatorVi = {
  "exhibition.allocator.locked": "Gian đã được ban tổ chức khóa, giữ nguyên như đã phân.",
  "exhibition.allocator.gotZone": "Được xếp ở khu {zone} (nguyện vọng {rank}).",
  "exhibition.allocator.gotNoZone": "Không được xếp ở khu nào trong các khu đơn vị mong muốn.",
  "exhibition.allocator.noZoneWish": "Đơn vị không nêu khu mong muốn.",
  "exhibition.allocator.gotType": "Được loại gian mong muốn ({type}).",
  "exhibition.allocator.zoneNoBooth": "Khu {zone} (nguyện vọng {rank}) không có gian nào.",
  "exhibition.allocator.zoneTooSmall": "Khu {zone} (nguyện vọng {rank}) không có gian nào rộng từ {area} m² trở lên.",
  "exhibition.allocator.zoneNoPair": "Khu {zone} (nguyện vọng {rank}) không có hai gian liền kề nào.",
  "exhibition.allocator.zonePairTooSmall":
    "Khu {zone} (nguyện vọng {rank}) không có hai gian liền kề nào có tổng diện tích từ {area} m² trở lên.",
  "exhibition.allocator.zoneFreeLower":
    "Khu {zone} (nguyện vọng {rank}) còn gian trống đủ diện tích nhưng không thuộc loại gian đơn vị chấp nhận: điểm xếp gian sẽ thấp hơn gian hiện tại.",
  "exhibition.allocator.zoneFreeEqual":
    "Khu {zone} (nguyện vọng {rank}) còn gian trống đủ diện tích nhưng không thuộc loại gian đơn vị chấp nhận; hai lựa chọn có điểm xếp gian bằng nhau.",
  "exhibition.allocator.zoneLocked":
    "Các gian phù hợp ở khu {zone} (nguyện vọng {rank}) đều đã được khóa cho {holders}.",
  "exhibition.allocator.zoneTaken": "Khu {zone} (nguyện vọng {rank}) có gian phù hợp nhưng đã dành cho {holders}.",
  "exhibition.allocator.typeNoBooth": "Sơ đồ không có gian nào thuộc loại đơn vị chấp nhận ({types}).",
  "exhibition.allocator.typeTooSmall": "Các gian thuộc loại đơn vị chấp nhận ({types}) đều nhỏ hơn {area} m².",
  "exhibition.allocator.typeNoPair":
    "Không có hai gian liền kề nào có một gian thuộc loại {types} và tổng diện tích từ {area} m² trở lên.",
  "exhibition.allocator.typeFreeLower":
    "Còn gian trống thuộc loại mong muốn nhưng ở khu kém hơn: điểm xếp gian sẽ thấp hơn gian hiện tại.",
  "exhibition.allocator.typeFreeEqual":
    "Còn gian trống thuộc loại mong muốn nhưng ở khu kém hơn; hai lựa chọn có điểm xếp gian bằng nhau.",
  "exhibition.allocator.typeLocked": "Các gian phù hợp thuộc loại mong muốn đều đã được khóa cho {holders}.",
  "exhibition.allocator.typeTaken": "Các gian phù hợp thuộc loại mong muốn đã dành cho {holders}.",
  "exhibition.allocator.noBooth": "Không có gian nào rộng từ {area} m² trở lên.",
  "exhibition.allocator.noPair": "Sơ đồ không có hai gian liền kề nào.",
  "exhibition.allocator.noPairArea": "Không có hai gian liền kề nào có tổng diện tích từ {area} m² trở lên.",
  "exhibition.allocator.unplacedLocked": "Mọi gian phù hợp đều đã được khóa cho {holders}.",
  "exhibition.allocator.unplacedTaken": "Mọi gian phù hợp đều đã dành cho {holders}; không còn gian trống phù hợp.",
  "exhibition.allocator.verifiedFewer":
    "Đã kiểm chứng: nếu buộc đáp ứng điều này, số đơn vị được xếp gian giảm {count} (điểm xếp gian giảm {points}).",
  "exhibition.allocator.verifiedLoss": "Đã kiểm chứng: nếu buộc đáp ứng điều này, điểm xếp gian chung giảm {points}.",
  "exhibition.allocator.verifiedTie":
    "Đã kiểm chứng: một cách xếp khác cùng điểm xếp gian đáp ứng được điều này, nhưng các đơn vị khác mất đúng bằng phần đơn vị này được thêm.",
  "exhibition.allocator.verifiedImpossible": "Đã kiểm chứng: không có cách xếp hợp lệ nào đáp ứng được điều này.",
  "exhibition.allocator.neighbourUnplaced": "Không đứng cạnh {neighbour}: đơn vị đó chưa được xếp gian.",
  "exhibition.allocator.neighbourNotAdjacent":
    "Không đứng cạnh {neighbour}: bộ xếp không tìm được cách đặt hai bên cạnh nhau mà giữ nguyên điểm xếp gian.",
  "exhibition.allocator.apartConflict":
    "Đứng cạnh {holders}, cùng nhóm hàng {category} mà đơn vị muốn tách xa: bộ xếp không tìm được cách tách mà giữ nguyên điểm xếp gian.",
} as const;

export type AllocatorMessageKey = keyof typeof allocatorVi;
