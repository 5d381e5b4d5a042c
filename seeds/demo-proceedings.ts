import type { Insertable, Kysely } from "kysely";
import type { Database, DocumentsTable } from "../db/schema";
import { nfc } from "../app/lib/text";
import { zonedDate } from "../app/lib/time";
import { PROCEEDINGS_SECTIONS } from "../app/features/proceedings/rules";
import { seededRandom } from "./demo-names";
import { CONFERENCE_DEMO_SEED } from "./demo-conference";
import {
  BOOK_PUBLISHER,
  BOOK_SUBTITLE,
  BOOK_TITLE,
  CLOSING_TITLE,
  FOREWORD,
  OPENING_TITLE,
} from "./demo-proceedings-speeches";
import { closingSpeech, openingSpeech } from "./demo-proceedings-speeches";
import { REPORT_TITLE, mainReport } from "./demo-proceedings-report";
import { sessionSummary } from "./demo-proceedings-summaries";
import { addDays, seedDemoAgreements } from "./demo-proceedings-registry";
import { seedDemoPresentations } from "./demo-proceedings-people";
import { seedDemoMeetingOutcomes } from "./demo-proceedings-meetings";
import { DEMO_AGREEMENTS } from "./demo-proceedings-agreements";

/**
 * The demo proceedings (issue 14). Both sizes: the opening speech and the main report in the
 * opening plenary, and a rapporteur's summary of every discussion session. The conference size
 * adds the closing speech, about forty presentations by provinces, ministries and ambassadors (one
 * with a chart), the registry of agreements, outcomes of the bilateral meetings and the book's
 * settings; it gives the minimal demo's documents their authors (the opening plenary's chair, the
 * Director-General of External Affairs, each discussion's rapporteur) while nobody has edited them.
 * Rows that exist are kept: documents are matched by title (summaries by session), the
 * conference part runs once (the closing speech marks it). Deterministic but for the chart's
 * storage key; runs inside the caller's transaction.
 */

export interface DemoProceedingsSummary {
  documents: number;
  agreements: number;
  outcomes: number;
}

export interface Author {
  registrationId: number | null;
  name: string;
}

export async function seedDemoProceedings(
  db: Kysely<Database>,
  options: { conferenceId: number; size: "minimal" | "conference"; now: Date },
): Promise<DemoProceedingsSummary> {
  const { conferenceId } = options;
  const conference = await db
    .selectFrom("conferences")
    .select(["starts_at", "ends_at", "time_zone", "title_vi", "theme_vi", "venue_vi", "edition"])
    .where("id", "=", conferenceId)
    .executeTakeFirstOrThrow();
  const secretary = await db
    .selectFrom("users")
    .select("id")
    .where("role", "=", "secretariat")
    .orderBy("created_at")
    .orderBy("email")
    .executeTakeFirst();
  const createdBy = secretary?.id ?? null;
  const sessions = await db
    .selectFrom("sessions")
    .select(["id", "kind", "title_vi", "starts_at"])
    .where("conference_id", "=", conferenceId)
    .orderBy("starts_at")
    .orderBy("id")
    .execute();
  const conferenceSize = options.size === "conference";
  const existing = await db
    .selectFrom("documents")
    .select(["id", "kind", "title", "session_id", "language", "author_registration_id", "updated_by"])
    .where("conference_id", "=", conferenceId)
    .execute();
  const conferencePartDone = existing.some((d) => d.title === CLOSING_TITLE);
  if (conferenceSize && !conferencePartDone) await appointRapporteurs(db, conferenceId, sessions);
  const people = await db
    .selectFrom("session_people as sp")
    .innerJoin("registrations as r", "r.id", "sp.registration_id")
    .select(["sp.session_id", "sp.role", "sp.position", "r.id", "r.full_name", "r.position as title"])
    .where("r.conference_id", "=", conferenceId)
    .orderBy("sp.session_id")
    .orderBy("sp.position")
    .execute();
  const cast = (sessionId: number | undefined, role: string) =>
    people.filter((p) => p.session_id === sessionId && p.role === role);
  const asAuthor = (p: { id: number; full_name: string; title: string } | undefined, fallback: string): Author =>
    p ? { registrationId: p.id, name: `${p.full_name}, ${p.title}` } : { registrationId: null, name: fallback };

  const zone = conference.time_zone;
  const firstDay = zonedDate(conference.starts_at, zone);
  const secondDay = zonedDate(conference.ends_at, zone);
  const today = zonedDate(options.now.toISOString(), zone);
  // Texts were finalised in the days after the conference; drafts are dated by the seed.
  const finalisedAt = (n: number) =>
    `${addDays(secondDay, 1 + (n % 6))}T0${2 + (n % 7)}:${String((n * 7) % 60).padStart(2, "0")}:00.000Z`;
  const seedAt = options.now.toISOString();

  const [opening, closing] = sessions.filter((s) => s.kind === "plenary");
  const discussions = sessions.filter((s) => s.kind === "discussion");
  const head = await db
    .selectFrom("registrations as r")
    .innerJoin("organisations as o", "o.id", "r.organisation_id")
    .select(["r.id", "r.full_name", "r.position as title"])
    .where("r.conference_id", "=", conferenceId)
    .where("o.code", "=", "min-ngoai-giao")
    .where("r.status", "=", "approved")
    .where("r.position", "like", "%Cục Ngoại vụ%")
    // The Director-General presents it; one of the Department's officials when he is not there.
    .orderBy((eb) => eb.case().when("r.position", "like", "Cục trưởng%").then(0).else(1).end())
    .orderBy("r.id")
    .executeTakeFirst();
  const openingAuthor = asAuthor(cast(opening?.id, "chair")[0], "Lãnh đạo Bộ Ngoại giao, Trưởng Ban Tổ chức Hội nghị");
  const reportAuthor = asAuthor(head ?? cast(opening?.id, "chair")[0], "Cục trưởng Cục Ngoại vụ, Bộ Ngoại giao");

  // The conference size's presentations come first: the summaries count what was given in their session.
  let documents = 0;
  const random = seededRandom(CONFERENCE_DEMO_SEED + 14);
  const conferencePart = conferenceSize && !conferencePartDone;
  if (conferencePart)
    documents += await seedDemoPresentations(db, {
      conferenceId,
      random,
      sessions,
      people,
      createdBy,
      finalisedAt,
      seedAt,
      writtenAt: `${addDays(firstDay, -5)}T03:00:00.000Z`,
    });
  const given = await db
    .selectFrom("documents")
    .select(["session_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("conference_id", "=", conferenceId)
    .where("kind", "=", "presentation")
    .groupBy("session_id")
    .execute();

  // The plenary texts and the summaries: what both sizes have.
  interface Planned {
    kind: DocumentsTable["kind"];
    title: string;
    body: string;
    author: Author;
    sessionId: number | null;
    position: number;
  }
  const core: Planned[] = [
    {
      kind: "speech",
      title: OPENING_TITLE,
      body: openingSpeech(),
      author: openingAuthor,
      sessionId: opening?.id ?? null,
      position: 0,
    },
    {
      kind: "report",
      title: REPORT_TITLE,
      body: mainReport(),
      author: reportAuthor,
      sessionId: opening?.id ?? null,
      position: 1,
    },
  ];
  discussions.forEach((session, i) => {
    const rapporteur = cast(session.id, "rapporteur")[0];
    const chair = cast(session.id, "chair")[0];
    const author = asAuthor(rapporteur, "Cục Ngoại vụ, Bộ Ngoại giao");
    core.push({
      kind: "summary",
      title: `Tóm tắt kết quả ${session.title_vi}`,
      // Who chaired and spoke: the session's people (the conference size has them).
      body: sessionSummary({
        subject: i % 2 === 0 ? "economic" : "cultural",
        chair: chair ? `${chair.full_name}, ${chair.title}` : null,
        speakers: cast(session.id, "speaker").map((s) => `${s.full_name}, ${s.title}`),
        presentations: Number(given.find((g) => g.session_id === session.id)?.n ?? 0),
      }),
      author,
      sessionId: session.id,
      position: 0,
    });
  });

  const row = (p: Planned, n: number, state: "draft" | "final" = "final"): Insertable<DocumentsTable> => ({
    conference_id: conferenceId,
    kind: p.kind,
    title: nfc(p.title),
    author_registration_id: p.author.registrationId,
    author_name: p.author.registrationId === null ? nfc(p.author.name) : "",
    session_id: p.sessionId,
    language: "vi",
    state,
    body: nfc(p.body),
    position: p.position,
    finalised_at: state === "final" ? finalisedAt(n) : null,
    created_by: createdBy,
    updated_by: null,
    created_at: state === "final" ? `${addDays(firstDay, -3)}T03:00:00.000Z` : seedAt,
    updated_at: state === "final" ? finalisedAt(n) : seedAt,
  });
  for (const [n, p] of core.entries()) {
    const found = existing.find((d) =>
      p.kind === "summary"
        ? d.kind === "summary" && d.session_id === p.sessionId && d.language === "vi"
        : d.title === p.title,
    );
    if (!found) {
      await db.insertInto("documents").values(row(p, n)).execute();
      documents += 1;
    } else if (
      conferencePart &&
      found.author_registration_id === null &&
      found.updated_by === null &&
      p.author.registrationId !== null
    ) {
      // The minimal demo's text, not edited by anyone: it now has its author.
      await db
        .updateTable("documents")
        .set({ author_registration_id: p.author.registrationId, author_name: "", body: nfc(p.body) })
        .where("id", "=", found.id)
        .execute();
    }
  }
  if (!conferencePart) return { documents, agreements: 0, outcomes: 0 };

  // ── The rest of the conference size ────────────────────────────────────────────────────
  const signedAtConference = DEMO_AGREEMENTS.filter((a) => !a.timing || a.timing === "late-report").filter(
    (a) => !["drafted", "sent_for_opinion", "opinion_received"].includes(a.state),
  ).length;
  // Who opened the conference closes it, unless the programme names the closing's chair.
  const closingAuthor = asAuthor(
    cast(closing?.id, "chair")[0] ?? cast(opening?.id, "chair")[0],
    "Lãnh đạo Bộ Ngoại giao, Trưởng Ban Tổ chức Hội nghị",
  );
  await db
    .insertInto("documents")
    .values(
      row(
        {
          kind: "speech",
          title: CLOSING_TITLE,
          body: closingSpeech(signedAtConference),
          author: closingAuthor,
          sessionId: closing?.id ?? null,
          position: 0,
        },
        core.length,
      ),
    )
    .execute();
  documents += 1;
  const agreements = await seedDemoAgreements(db, { conferenceId, firstDay, secondDay, today, createdBy });
  const outcomes = await seedDemoMeetingOutcomes(db, { conferenceId, random });
  await db
    .insertInto("proceedings_settings")
    .values({
      conference_id: conferenceId,
      sections: JSON.stringify(PROCEEDINGS_SECTIONS),
      title: nfc(conference.title_vi || BOOK_TITLE),
      subtitle: nfc(BOOK_SUBTITLE),
      edition_label: nfc(`Lần thứ ${conference.edition}`),
      theme: nfc(conference.theme_vi),
      dates_label: nfc(datesLabel(firstDay, secondDay)),
      venue: nfc(conference.venue_vi),
      publisher: nfc(BOOK_PUBLISHER),
      foreword: nfc(FOREWORD),
      language: "vi",
      updated_by: createdBy,
      updated_at: seedAt,
    })
    .onConflict((oc) => oc.column("conference_id").doNothing())
    .execute();
  return { documents, agreements, outcomes };
}

/**
 * Every discussion has a rapporteur from the Ministry, who writes its summary: where the programme
 * names none, an approved MOFA delegate in the room (not signed up for a discussion, as the programme's
 * people are) not yet in that session, the one whose department fits the subject first, one per discussion.
 */
async function appointRapporteurs(
  db: Kysely<Database>,
  conferenceId: number,
  sessions: Array<{ id: number; kind: string; title_vi: string }>,
) {
  const discussions = sessions.filter((s) => s.kind === "discussion");
  const cast = await db
    .selectFrom("session_people")
    .select(["session_id", "registration_id", "role", "position"])
    .where("session_id", "in", discussions.length ? discussions.map((d) => d.id) : [-1])
    .execute();
  const candidates = await db
    .selectFrom("registrations as r")
    .innerJoin("organisations as o", "o.id", "r.organisation_id")
    .select(["r.id", "r.position"])
    .where("r.conference_id", "=", conferenceId)
    .where("o.code", "=", "min-ngoai-giao")
    .where("r.status", "=", "approved")
    // As the programme's people are: in the room, and not signed up for a discussion.
    .where("r.mode", "=", "in_person")
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom("session_signups as u").select("u.session_id").whereRef("u.registration_id", "=", "r.id"),
        ),
      ),
    )
    .orderBy("r.id")
    .execute();
  const taken = new Set(cast.filter((c) => c.role === "rapporteur").map((c) => c.registration_id));
  for (const session of discussions) {
    const own = cast.filter((c) => c.session_id === session.id);
    if (own.some((c) => c.role === "rapporteur")) continue;
    const free = candidates.filter((c) => !taken.has(c.id) && !own.some((o) => o.registration_id === c.id));
    const cultural = /văn hóa/i.test(session.title_vi);
    const pick = free.find((c) => /văn hóa/i.test(c.position) === cultural) ?? free[0];
    if (!pick) continue;
    taken.add(pick.id);
    await db
      .insertInto("session_people")
      .values({
        session_id: session.id,
        registration_id: pick.id,
        role: "rapporteur",
        position: Math.max(-1, ...own.map((c) => c.position)) + 1,
      })
      .execute();
  }
}

/** "13–14 tháng 12 năm 2027" (or across months: "30 tháng 11 – 1 tháng 12 năm 2027"). */
export function datesLabel(first: string, second: string): string {
  const [y1, m1, d1] = first.split("-").map(Number);
  const [y2, m2, d2] = second.split("-").map(Number);
  if (first === second) return `Ngày ${d1} tháng ${m1} năm ${y1}`;
  if (y1 === y2 && m1 === m2) return `Ngày ${d1}–${d2} tháng ${m1} năm ${y1}`;
  return `Ngày ${d1} tháng ${m1}${y1 === y2 ? "" : ` năm ${y1}`} – ${d2} tháng ${m2} năm ${y2}`;
}
