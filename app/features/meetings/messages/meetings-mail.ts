/** The bilateral meetings' e-mails: Vietnamese (source of the keys) and English. {name} and {link} are always given. */
export const meetingsMailVi = {
  "meetingsMail.digest.subject": "Cập nhật về các cuộc gặp song phương",
  "meetingsMail.request.subject": "Đề nghị gặp song phương từ {from}",
  "meetingsMail.request.body":
    "Kính gửi {name},\n\n{from} đề nghị gặp song phương với đơn vị của anh/chị tại Hội nghị Ngoại vụ.\nLĩnh vực: {sector}\nNội dung: {ask}\nMức ưu tiên: {priority}\n\nVui lòng chấp nhận hoặc từ chối (nêu lý do) tại: {link}\n\nTrân trọng,\nBan tổ chức",
  "meetingsMail.accepted.subject": "{to} đã chấp nhận đề nghị gặp",
  "meetingsMail.accepted.body":
    "Kính gửi {name},\n\n{to} đã chấp nhận đề nghị gặp song phương của đơn vị anh/chị (lĩnh vực: {sector}).\nBan tổ chức sẽ xếp lịch và thông báo thời gian, bàn gặp.\n\nTheo dõi tại: {link}\n\nTrân trọng,\nBan tổ chức",
  "meetingsMail.declined.subject": "{to} chưa thể nhận lời gặp",
  "meetingsMail.declined.body":
    "Kính gửi {name},\n\n{to} chưa thể nhận lời đề nghị gặp song phương của đơn vị anh/chị (lĩnh vực: {sector}).\nLý do: {reason}\n\nXem các đề nghị khác tại: {link}\n\nTrân trọng,\nBan tổ chức",
  "meetingsMail.schedule.subject": "Lịch gặp song phương của đơn vị",
  "meetingsMail.schedule.body":
    "Kính gửi {name},\n\nBan tổ chức đã xếp lịch gặp song phương của đơn vị anh/chị (giờ Hà Nội):\n{meetings}\n\nLịch cũng có trong mục “Lịch của tôi” và tệp lịch (ICS). Xem chi tiết tại: {link}\n\nTrân trọng,\nBan tổ chức",
  "meetingsMail.moved.subject": "Cuộc gặp với {with} đã đổi giờ",
  "meetingsMail.moved.body":
    "Kính gửi {name},\n\nCuộc gặp song phương với {with} đã được chuyển.\nThời gian mới: {time} (giờ Hà Nội)\nBàn: {table}\n\nXem lịch gặp tại: {link}\n\nTrân trọng,\nBan tổ chức",
  "meetingsMail.table": "bàn {number}",
  "meetingsMail.withdrawn.subject": "{from} đã rút đề nghị gặp",
  "meetingsMail.withdrawn.body": "Kính gửi {name},\n\n{from} đã rút đề nghị gặp song phương với đơn vị anh/chị (lĩnh vực: {sector}). Nếu cuộc gặp đã được xếp lịch, lượt gặp đó nay để trống.\n\nXem tại: {link}\n\nTrân trọng,\nBan tổ chức",
} as const;

export const meetingsMailEn: Record<keyof typeof meetingsMailVi, string> = {
  "meetingsMail.digest.subject": "Updates on your bilateral meetings",
  "meetingsMail.request.subject": "Bilateral meeting request from {from}",
  "meetingsMail.request.body":
    "Dear {name},\n\n{from} asks your organisation for a bilateral meeting at the Conference on External Affairs.\nSector: {sector}\nThe ask: {ask}\nPriority: {priority}\n\nPlease accept or decline (with a reason) at: {link}\n\nWith best regards,\nThe organisers",
  "meetingsMail.accepted.subject": "{to} has accepted your meeting request",
  "meetingsMail.accepted.body":
    "Dear {name},\n\n{to} has accepted your organisation's request for a bilateral meeting (sector: {sector}).\nThe organisers will schedule it and let you know the time and table.\n\nFollow it at: {link}\n\nWith best regards,\nThe organisers",
  "meetingsMail.declined.subject": "{to} cannot accept your meeting request",
  "meetingsMail.declined.body":
    "Dear {name},\n\n{to} cannot accept your organisation's request for a bilateral meeting (sector: {sector}).\nReason: {reason}\n\nSee your other requests at: {link}\n\nWith best regards,\nThe organisers",
  "meetingsMail.schedule.subject": "Your organisation's bilateral meetings",
  "meetingsMail.schedule.body":
    "Dear {name},\n\nThe organisers have scheduled your organisation's bilateral meetings (Hà Nội time):\n{meetings}\n\nThey are also in “My agenda” and its calendar file (ICS). Details at: {link}\n\nWith best regards,\nThe organisers",
  "meetingsMail.moved.subject": "Your meeting with {with} has moved",
  "meetingsMail.moved.body":
    "Dear {name},\n\nYour bilateral meeting with {with} has moved.\nNew time: {time} (Hà Nội time)\nTable: {table}\n\nSee your meetings at: {link}\n\nWith best regards,\nThe organisers",
  "meetingsMail.table": "table {number}",
  "meetingsMail.withdrawn.subject": "{from} has withdrawn its meeting request",
  "meetingsMail.withdrawn.body": "Dear {name},\n\n{from} has withdrawn its request for a bilateral meeting with your organisation (sector: {sector}). If the meeting was scheduled, its slot is now free.\n\nSee your meetings at: {link}\n\nWith best regards,\nThe organisers",
};
