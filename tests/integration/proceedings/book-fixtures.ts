/** Final documents for the book's integration tests: a few speeches and a summary per discussion session. */
import { getDb, nowIso } from "~/platform/db.server";
import { demoConference } from "../../helpers/factories";

const paragraph =
  "Công tác đối ngoại địa phương đã góp phần quan trọng vào việc thu hút đầu tư, mở rộng thị trường và quảng bá hình ảnh các tỉnh, thành phố. ";

export async function seedBookDocuments(speeches = 4) {
  const db = getDb();
  const conference = await demoConference();
  await db.deleteFrom("documents").where("conference_id", "=", conference.id).execute();
  const sessions = await db
    .selectFrom("sessions")
    .select(["id", "kind", "title_vi"])
    .where("conference_id", "=", conference.id)
    .orderBy("starts_at")
    .execute();
  const author = await db
    .selectFrom("registrations")
    .select("id")
    .where("conference_id", "=", conference.id)
    .executeTakeFirst();
  const at = nowIso();
  const titles: string[] = [];
  for (let i = 0; i < speeches; i++) {
    const title = `Phát biểu số ${i + 1} về đối ngoại địa phương`;
    titles.push(title);
    await db
      .insertInto("documents")
      .values({
        conference_id: conference.id,
        kind: i === 1 ? "report" : "speech",
        title,
        author_registration_id: author?.id ?? null,
        author_name: "Nguyễn Văn An",
        session_id: sessions[0]?.id ?? null,
        language: "vi",
        state: "final",
        body: `## Mở đầu\n\n${paragraph.repeat(20)}\n\n- Một là, **tăng cường** hợp tác.\n- Hai là, *đổi mới* phương thức.\n\n${paragraph.repeat(15)}`,
        position: i,
        finalised_at: at,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
  // A draft is never in the book.
  await db
    .insertInto("documents")
    .values({
      conference_id: conference.id,
      kind: "speech",
      title: "Bản nháp chưa duyệt",
      author_name: "Ai đó",
      language: "vi",
      state: "draft",
      body: "Chưa xong.",
      created_at: at,
      updated_at: at,
    })
    .execute();
  const discussion = sessions.filter((s) => s.kind !== "break").slice(0, 2);
  for (const s of discussion) {
    await db
      .insertInto("documents")
      .values({
        conference_id: conference.id,
        kind: "summary",
        title: `Tóm tắt: ${s.title_vi}`,
        author_name: "Trần Thị Bình",
        session_id: s.id,
        language: "vi",
        state: "final",
        body: paragraph.repeat(8),
        finalised_at: at,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
  return { conference, titles, summarySessions: discussion.map((s) => s.title_vi) };
}
