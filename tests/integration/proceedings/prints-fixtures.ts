/**
 * The prints' tests' data: delegates of every kind in every status, a plenary for everyone, a
 * discussion with sign-up and its head table, written through the registration model and plain
 * inserts (the agenda's editor is not what these tests are about).
 */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { nowIso } from "~/lib/clock";
import { getDb } from "~/platform/db.server";
import { demoConference, registerVisitor, resetRegistrations } from "../../helpers/factories";

export async function readPdf(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const text = await (await doc.getPage(i)).getTextContent();
    pages.push(
      text.items
        .map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : " ") : ""))
        .join("")
        .normalize("NFC"),
    );
  }
  await doc.destroy();
  return pages;
}

async function organisationOfKind(kind: string, skip = 0) {
  return getDb()
    .selectFrom("organisations")
    .select(["id", "name_vi"])
    .where("kind", "=", kind as never)
    .orderBy("id")
    .offset(skip)
    .limit(1)
    .executeTakeFirstOrThrow();
}

async function delegate(
  organisationId: number,
  fullName: string,
  status: "approved" | "pending" | "rejected" | "cancelled",
  extra: { consentToList?: boolean; mode?: "in_person" | "online"; position?: string } = {},
) {
  const { registrationId } = await registerVisitor({ organisationId, fullName, ...extra });
  await getDb().updateTable("registrations").set({ status }).where("id", "=", registrationId).execute();
  return registrationId;
}

export async function seedPrints() {
  const db = getDb();
  await db.deleteFrom("session_people").execute();
  await db.deleteFrom("session_signups").execute();
  await db.deleteFrom("session_favourites").execute();
  await db.deleteFrom("join_links").execute();
  await resetRegistrations();
  await db.deleteFrom("jobs").execute();
  const conference = await demoConference();
  const ministry = await organisationOfKind("ministry");
  const province = await organisationOfKind("province");
  const mission = await organisationOfKind("mission");
  const ids = {
    minister: await delegate(ministry.id, "Lê Hoài Trung", "approved", { position: "Bộ trưởng" }),
    province: await delegate(province.id, "Nguyễn Thị Thanh Hương", "approved"),
    ambassador: await delegate(mission.id, "Phạm Quang Hiệu", "approved", { position: "Đại sứ" }),
    online: await delegate(province.id, "Đỗ Văn Trực Tuyến", "approved", { mode: "online" }),
    pending: await delegate(province.id, "Trần Văn Chờ Duyệt", "pending"),
    rejected: await delegate(province.id, "Vũ Thị Từ Chối", "rejected"),
    private: await delegate(province.id, "Hoàng Văn Kín Đáo", "approved", { consentToList: false }),
    cancelled: await delegate(mission.id, "Bùi Văn Đã Hủy", "cancelled"),
  };
  const now = nowIso();
  const session = (title: string, kind: string, startsAt: string, requiresSignup: number) => ({
    conference_id: conference.id,
    kind: kind as never,
    title_vi: title,
    title_en: `${title} (en)`,
    description_vi: "",
    description_en: "",
    starts_at: startsAt,
    ends_at: new Date(Date.parse(startsAt) + 2 * 3600_000).toISOString(),
    stream_url: null,
    published: 1,
    room_id: null,
    requires_signup: requiresSignup,
    capacity: null,
    created_at: now,
    updated_at: now,
  });
  const day = conference.starts_at.slice(0, 10);
  const plenary = await db
    .insertInto("sessions")
    .values(session("Phiên toàn thể in thử", "plenary", `${day}T01:30:00.000Z`, 0))
    .returning("id")
    .executeTakeFirstOrThrow();
  const discussion = await db
    .insertInto("sessions")
    .values(session("Phiên thảo luận in thử", "discussion", `${day}T07:00:00.000Z`, 1))
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("session_people")
    .values([
      { session_id: discussion.id, registration_id: ids.minister, role: "chair", position: 0 },
      { session_id: discussion.id, registration_id: ids.ambassador, role: "speaker", position: 1 },
      { session_id: discussion.id, registration_id: ids.online, role: "speaker", position: 2 },
    ])
    .execute();
  await db
    .insertInto("session_signups")
    .values([{ session_id: discussion.id, registration_id: ids.province, mode: "in_person", created_at: now }])
    .execute();
  return { conference, ids, plenaryId: plenary.id, discussionId: discussion.id, ministry, province, mission };
}
