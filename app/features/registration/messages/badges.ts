/** Badges (PDF): Vietnamese (source of the keys) and English. */
export const badgesVi = {
  "badges.title": "Thẻ đại biểu",
  "badges.batchTitle": "Thẻ đại biểu ({count} thẻ)",
  "badges.attendance.in_person": "Đại biểu dự trực tiếp",
  "badges.attendance.online": "Đại biểu dự trực tuyến",
  "badges.notApproved": "CHƯA ĐƯỢC DUYỆT: THẺ CHƯA CÓ GIÁ TRỊ",
  "badges.noConference": "Chưa có hội nghị nào được thiết lập.",
  "badges.noApprovedRegistration": "Anh/chị chưa có đăng ký được chấp thuận cho hội nghị này, nên chưa có thẻ đại biểu. Thẻ sẽ tải được khi Ban tổ chức chấp thuận đăng ký.",
  "badges.notFound": "Không tìm thấy đăng ký này trong hội nghị hiện tại.",
  "badges.noneToPrint": "Chưa có đại biểu dự trực tiếp nào được chấp thuận, nên chưa có thẻ để in.",
} as const;

export const badgesEn: Record<keyof typeof badgesVi, string> = {
  "badges.title": "Delegate badge",
  "badges.batchTitle": "Delegate badges ({count})",
  "badges.attendance.in_person": "In-person delegate",
  "badges.attendance.online": "Online delegate",
  "badges.notApproved": "NOT APPROVED: THIS BADGE IS NOT VALID",
  "badges.noConference": "No conference has been set up yet.",
  "badges.noApprovedRegistration": "You have no approved registration for this conference, so there is no badge yet. It can be downloaded once the organisers approve your registration.",
  "badges.notFound": "This registration was not found in the current conference.",
  "badges.noneToPrint": "No in-person delegate has been approved yet, so there are no badges to print.",
};
