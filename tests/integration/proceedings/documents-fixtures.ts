import sharp from "sharp";
import { getDb } from "~/platform/db.server";
import { nowIso } from "~/lib/clock";
import { demoConference } from "../../helpers/factories";
import { delegateOf } from "../../helpers/meetings";

/** Shared set-up of the documents' tests: sessions of their own, rapporteurs, images. */
let n = 0;

export async function makeSession(options: { kind?: string; published?: boolean } = {}) {
  const conference = await demoConference();
  n += 1;
  const at = nowIso();
  const { id } = await getDb()
    .insertInto("sessions")
    .values({
      conference_id: conference.id,
      kind: (options.kind ?? "discussion") as "discussion",
      title_vi: `Phiên thử ${n}: Hợp tác địa phương`,
      title_en: `Test session ${n}: local cooperation`,
      description_vi: "Mô tả phiên.",
      description_en: "About the session.",
      starts_at: "2026-12-14T02:00:00.000Z",
      ends_at: "2026-12-14T04:00:00.000Z",
      stream_url: null,
      published: options.published === false ? 0 : 1,
      room_id: null,
      capacity: null,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id, conferenceId: conference.id };
}

/** A new delegate (approved registration) who is rapporteur of the session. */
export async function makeRapporteur(sessionId: number, code = "prov-quang-tri") {
  const { userId } = await delegateOf(code);
  const registration = await getDb()
    .selectFrom("registrations")
    .select("id")
    .where("user_id", "=", userId)
    .executeTakeFirstOrThrow();
  await getDb()
    .insertInto("session_people")
    .values({ session_id: sessionId, registration_id: registration.id, role: "rapporteur", position: 0 })
    .execute();
  return { userId, registrationId: registration.id };
}

export const pngBytes = (width = 320, height = 200, alpha = false) =>
  sharp({
    create: { width, height, channels: alpha ? 4 : 3, background: { r: 200, g: 30, b: 40, alpha: alpha ? 0.5 : 1 } },
  })
    .png()
    .toBuffer();

export const actor = async () => {
  const user = await getDb()
    .selectFrom("users")
    .select("id")
    .where("email", "=", "thu-ky@ngoaivu.test")
    .executeTakeFirst();
  return { id: user?.id ?? null, ip: "127.0.0.1" };
};

export const documentInput = (overrides: Record<string, string> = {}) => ({
  title: "Bài phát biểu khai mạc",
  kind: "speech",
  language: "vi",
  sessionId: "",
  authorRegistrationId: "",
  authorName: "Bộ trưởng Bộ Ngoại giao",
  position: "1",
  body: "# Kính thưa các đồng chí\n\nHợp tác **địa phương** với đối tác nước ngoài.",
  ...overrides,
});
