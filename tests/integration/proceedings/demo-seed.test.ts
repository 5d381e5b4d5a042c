import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../../db/client";
import { migrateToLatest } from "../../../db/migrate";
import { seedDemo, seedReferenceData } from "../../../seeds/seed";
import { addWorkingDays, agreementDates } from "../../../seeds/demo-proceedings-registry";
import { DEMO_AGREEMENTS } from "../../../seeds/demo-proceedings-agreements";
import { datesLabel } from "../../../seeds/demo-proceedings";
import { getDb } from "~/platform/db.server";
import { now as clockNow } from "~/lib/clock";
import { zonedDate } from "~/lib/time";
import {
  AGREEMENT_STATES,
  OPINION_WORKING_DAYS,
  PROCEEDINGS_SECTIONS,
  REPORT_DAYS,
} from "~/features/proceedings/rules";

/**
 * The demo proceedings (seeds/demo-proceedings.ts) in both sizes: seeded into fresh databases with
 * the same "now", the conference size in one go and as the minimal demo then the conference part,
 * then once more to see that nothing is added. Images go to a folder of their own (UPLOADS_DIR).
 */
const uploads = mkdtempSync(join(tmpdir(), "demo-proceedings-"));
process.env.UPLOADS_DIR = uploads;
const handles: DatabaseHandle[] = [];
const paths: string[] = [];
const fresh = async () => {
  const path = resolve(`test-results/db/demo-proceedings-${randomUUID()}.sqlite`);
  paths.push(path);
  const handle = openDatabase(path);
  handles.push(handle);
  await migrateToLatest(handle.db);
  await seedReferenceData(handle.db);
  return handle;
};
const now = clockNow();
let one: DatabaseHandle;
let two: DatabaseHandle;
let minimal: DatabaseHandle;
const counts = (h: DatabaseHandle) =>
  Object.fromEntries(
    ["documents", "document_images", "agreements", "proceedings_settings", "session_people", "meetings"].map((t) => [
      t,
      (h.sqlite.prepare(`SELECT count(*) n FROM ${t}`).get() as { n: number }).n,
    ]),
  );
const files = () => readdirSync(join(uploads, "documents")).sort();
let before: Record<string, number>;
let filesBefore: string[];
let repeatMs = 0;

beforeAll(async () => {
  [one, two, minimal] = await Promise.all([fresh(), fresh(), fresh()]);
  const started = performance.now();
  await seedDemo(one.db, { size: "conference", now });
  const total = performance.now() - started;
  await seedDemo(minimal.db, { size: "minimal", now });
  await seedDemo(two.db, { size: "minimal", now });
  await seedDemo(two.db, { size: "conference", now });
  before = counts(one);
  filesBefore = files();
  const again = performance.now();
  await seedDemo(one.db, { size: "conference", now });
  repeatMs = performance.now() - again;
  console.log(`demo with proceedings: ${Math.round(total)} ms; seeding again: ${Math.round(repeatMs)} ms`);
}, 120_000);

afterAll(async () => {
  for (const h of handles) await h.db.destroy();
  for (const path of paths) for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
  rmSync(uploads, { recursive: true, force: true });
});

const rows = <T>(h: DatabaseHandle, query: string, ...params: unknown[]) =>
  h.sqlite.prepare(query).all(...params) as T[];
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

interface Doc {
  id: number;
  conference_id: number;
  kind: string;
  title: string;
  author_registration_id: number | null;
  author_name: string;
  session_id: number | null;
  language: string;
  state: string;
  body: string;
  position: number;
  finalised_at: string | null;
}

describe("the conference-size demo proceedings", () => {
  it("has the plenary texts, at least 35 final presentations, a few drafts and English", () => {
    const docs = rows<Doc>(one, "SELECT * FROM documents");
    const of = (kind: string) => docs.filter((d) => d.kind === kind);
    expect(of("speech").map((d) => d.title)).toEqual([
      "Phát biểu khai mạc Hội nghị Ngoại vụ toàn quốc lần thứ 20",
      "Phát biểu bế mạc Hội nghị Ngoại vụ toàn quốc lần thứ 20",
    ]);
    expect(of("report")).toHaveLength(1);
    const talks = docs.filter((d) => (d.kind === "presentation" || d.kind === "speech") && d.state === "final");
    expect(talks.length).toBeGreaterThanOrEqual(35);
    expect(of("presentation").filter((d) => d.state === "draft").length).toBeGreaterThanOrEqual(2);
    expect(of("presentation").filter((d) => d.language === "en").length).toBeGreaterThanOrEqual(1);
    for (const d of docs) {
      expect(d.state === "final", d.title).toBe(d.finalised_at !== null);
      expect(d.session_id, d.title).not.toBeNull();
    }
  });

  it("writes each presentation in 400 to 1,200 words, no two alike, and the plenary texts at length", () => {
    const docs = rows<Doc>(one, "SELECT * FROM documents");
    const presentations = docs.filter((d) => d.kind === "presentation");
    for (const p of presentations) {
      expect(words(p.body), p.title).toBeGreaterThanOrEqual(400);
      expect(words(p.body), p.title).toBeLessThanOrEqual(1200);
    }
    expect(new Set(presentations.map((p) => p.body)).size).toBe(presentations.length);
    expect(new Set(presentations.map((p) => p.title)).size).toBe(presentations.length);
    const opening = docs.find((d) => d.title.startsWith("Phát biểu khai mạc"))!;
    expect(words(opening.body)).toBeGreaterThanOrEqual(1300);
    expect(opening.body).toMatch(/^## /m);
    expect(opening.body).toMatch(/^1\. /m);
    expect(opening.body).toMatch(/^> /m);
    const report = docs.find((d) => d.kind === "report")!;
    expect(words(report.body)).toBeGreaterThanOrEqual(2200);
    expect(report.body).toMatch(/^\| --- \|/m);
    expect(report.body).toMatch(/^- /m);
    expect(report.body).toContain("420 thỏa thuận");
  });

  it("gives every document an author of the conference: a registration or a name", () => {
    const strangers = rows<Doc>(
      one,
      `SELECT d.* FROM documents d LEFT JOIN registrations r ON r.id = d.author_registration_id
        WHERE (d.author_registration_id IS NOT NULL AND (r.id IS NULL OR r.conference_id <> d.conference_id))
           OR (d.author_registration_id IS NULL AND d.author_name = '')`,
    );
    expect(strangers).toEqual([]);
    const registered = rows<{ n: number }>(
      one,
      "SELECT count(*) n FROM documents WHERE author_registration_id IS NOT NULL AND kind = 'presentation'",
    )[0].n;
    expect(registered).toBeGreaterThanOrEqual(30);
    // The Bắc Giang presentation is given by someone from Bắc Giang.
    const bacGiang = rows<{ code: string }>(
      one,
      `SELECT o.code FROM documents d JOIN registrations r ON r.id = d.author_registration_id
         JOIN organisations o ON o.id = r.organisation_id WHERE d.title LIKE '%tỉnh Bắc Giang%'`,
    );
    expect(bacGiang).toEqual([{ code: "prov-bac-giang" }]);
  });

  it("has a final summary of every discussion session by that session's rapporteur", () => {
    const discussions = rows<{ id: number }>(one, "SELECT id FROM sessions WHERE kind = 'discussion'");
    expect(discussions.length).toBeGreaterThanOrEqual(2);
    for (const s of discussions) {
      const summaries = rows<Doc>(one, "SELECT * FROM documents WHERE kind = 'summary' AND session_id = ?", s.id);
      expect(summaries).toHaveLength(1);
      const [summary] = summaries;
      expect(summary.state).toBe("final");
      expect(summary.language).toBe("vi");
      const rapporteurs = rows<{ registration_id: number }>(
        one,
        "SELECT registration_id FROM session_people WHERE session_id = ? AND role = 'rapporteur'",
        s.id,
      ).map((r) => r.registration_id);
      expect(rapporteurs).toContain(summary.author_registration_id);
      const [{ code, status }] = rows<{ code: string; status: string }>(
        one,
        "SELECT o.code, r.status FROM registrations r JOIN organisations o ON o.id = r.organisation_id WHERE r.id = ?",
        summary.author_registration_id,
      );
      expect([code, status]).toEqual(["min-ngoai-giao", "approved"]);
    }
  });

  it("stores the chart as a checked image in the documents area, referenced by its presentation", async () => {
    const images = rows<{
      id: number;
      document_id: number;
      storage_key: string;
      content_type: string;
      width: number;
      height: number;
      bytes: number;
      caption: string;
    }>(one, "SELECT * FROM document_images");
    expect(images).toHaveLength(1);
    const [image] = images;
    const file = join(uploads, "documents", image.storage_key);
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).size).toBe(image.bytes);
    const meta = await sharp(file).metadata();
    expect([meta.width, meta.height]).toEqual([image.width, image.height]);
    expect(`image/${meta.format}`).toBe(image.content_type);
    const [doc] = rows<Doc>(one, "SELECT * FROM documents WHERE id = ?", image.document_id);
    expect(doc.body).toContain(`![${image.caption}](image:${image.id})`);
    expect(doc.state).toBe("final");
  });

  it("registers at least 35 agreements across six states, with ordered dates and late cases", () => {
    const agreements = rows<Record<string, string | null>>(one, "SELECT * FROM agreements");
    expect(agreements.length).toBeGreaterThanOrEqual(35);
    const states = new Set(agreements.map((a) => a.state));
    expect(states.size).toBeGreaterThanOrEqual(6);
    for (const s of states) expect(AGREEMENT_STATES).toContain(s);
    const order = ["sent_for_opinion_on", "opinion_received_on", "signed_on", "reported_on", "in_force_on", "ended_on"];
    for (const a of agreements) {
      const dates = order.map((c) => a[c]).filter((d): d is string => d !== null);
      for (const d of dates) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(dates, a.title!).toEqual([...dates].sort());
      const reached = AGREEMENT_STATES.indexOf(a.state as (typeof AGREEMENT_STATES)[number]);
      if (reached >= AGREEMENT_STATES.indexOf("signed")) expect(a.signed_on, a.title!).not.toBeNull();
      if (a.state === "drafted") expect(dates).toEqual([]);
    }
    const [conference] = rows<{ starts_at: string; ends_at: string; time_zone: string }>(
      one,
      "SELECT starts_at, ends_at, time_zone FROM conferences",
    );
    const days = [
      zonedDate(conference.starts_at, conference.time_zone),
      zonedDate(conference.ends_at, conference.time_zone),
    ];
    const signed = agreements.filter((a) => a.signed_on);
    expect(signed.filter((a) => days.includes(a.signed_on!)).length).toBeGreaterThan(signed.length / 2);
    const today = zonedDate(now.toISOString(), conference.time_zone);
    const waitingTooLong = agreements.filter(
      (a) => a.state === "sent_for_opinion" && a.sent_for_opinion_on! < addWorkingDays(today, -OPINION_WORKING_DAYS),
    );
    const answeredLate = agreements.filter(
      (a) =>
        a.opinion_received_on && a.opinion_received_on > addWorkingDays(a.sent_for_opinion_on!, OPINION_WORKING_DAYS),
    );
    const reportedLate = agreements.filter(
      (a) => a.reported_on && Date.parse(a.reported_on) - Date.parse(a.signed_on!) > REPORT_DAYS * 86_400_000,
    );
    expect(waitingTooLong.length).toBeGreaterThanOrEqual(2);
    expect(answeredLate.length).toBeGreaterThanOrEqual(1);
    expect(reportedLate.length).toBeGreaterThanOrEqual(2);
    // Provinces, and a few ministries; some helped by a mission, some from a meeting request between the two.
    const parties = rows<{ kind: string; n: number }>(
      one,
      "SELECT o.kind, count(*) n FROM agreements a JOIN organisations o ON o.id = a.organisation_id GROUP BY o.kind",
    );
    expect(parties.find((p) => p.kind === "ministry")?.n).toBeGreaterThanOrEqual(2);
    const linked = rows<{ ok: number }>(
      one,
      `SELECT m.from_organisation_id = a.organisation_id AND m.to_organisation_id = a.mission_id ok
         FROM agreements a JOIN meeting_requests m ON m.id = a.meeting_request_id`,
    );
    expect(linked.length).toBeGreaterThanOrEqual(3);
    expect(linked.every((l) => l.ok === 1)).toBe(true);
    const missions = rows<{ kind: string }>(
      one,
      "SELECT o.kind FROM agreements a JOIN organisations o ON o.id = a.mission_id",
    );
    expect(missions.length).toBe(agreements.length);
    expect(new Set(missions.map((m) => m.kind))).toEqual(new Set(["mission"]));
  });

  it("sets up the book: every section in the default order, the title, the foreword", () => {
    const [settings] = rows<Record<string, string>>(one, "SELECT * FROM proceedings_settings");
    expect(JSON.parse(settings.sections)).toEqual([...PROCEEDINGS_SECTIONS]);
    expect(settings.title).toBe("Hội nghị Ngoại vụ toàn quốc lần thứ 20");
    for (const field of ["subtitle", "theme", "dates_label", "venue", "publisher"])
      expect(settings[field]).not.toBe("");
    expect(words(settings.foreword)).toBeGreaterThanOrEqual(250);
    expect(settings.dates_label).toMatch(/^Ngày 13–14 tháng 12 năm \d{4}$/);
  });

  it("stores every text in NFC", () => {
    const texts = [
      ...rows<Record<string, string>>(one, "SELECT title, author_name, body FROM documents"),
      ...rows<Record<string, string>>(one, "SELECT title, foreign_party, signed_place, summary FROM agreements"),
      ...rows<Record<string, string>>(
        one,
        "SELECT title, subtitle, theme, dates_label, venue, publisher, foreword FROM proceedings_settings",
      ),
      ...rows<Record<string, string>>(one, "SELECT caption FROM document_images"),
    ].flatMap((r) => Object.values(r));
    expect(texts.length).toBeGreaterThan(200);
    expect(texts.filter((t) => t !== t.normalize("NFC"))).toEqual([]);
  });

  it("adds nothing when seeded again, quickly", () => {
    expect(counts(one)).toEqual(before);
    expect(files()).toEqual(filesBefore);
    expect(filesBefore).toHaveLength(2);
    expect(repeatMs).toBeLessThan(5_000);
  });

  it("is the same in one go or added to the minimal demo", () => {
    const dump = (h: DatabaseHandle) => ({
      documents: rows(
        h,
        `SELECT d.kind, d.title, d.author_name, d.language, d.state, d.body, d.position, d.finalised_at,
           (SELECT email FROM registrations WHERE id = d.author_registration_id) author,
           (SELECT title_vi FROM sessions WHERE id = d.session_id) session
         FROM documents d ORDER BY d.kind, d.title`,
      ),
      // Ids of users are random and of rows path-dependent: compare who and what, not ids.
      agreements: rows<Record<string, unknown>>(
        h,
        `SELECT a.*, (SELECT email FROM users WHERE id = a.created_by) created_by,
           a.meeting_request_id IS NOT NULL meeting_request_id FROM agreements a ORDER BY a.title`,
      ).map(({ id: _id, ...a }) => a),
    });
    expect(dump(two)).toEqual(dump(one));
  });
});

describe("the minimal demo proceedings", () => {
  it("has the opening speech, the report and a summary of each discussion, nothing else", () => {
    const docs = rows<Doc>(minimal, "SELECT * FROM documents ORDER BY id");
    const discussions = rows<{ id: number }>(minimal, "SELECT id FROM sessions WHERE kind = 'discussion'");
    expect(docs.map((d) => d.kind)).toEqual(["speech", "report", ...discussions.map(() => "summary")]);
    expect(docs.filter((d) => d.kind === "summary").map((d) => d.session_id)).toEqual(discussions.map((d) => d.id));
    for (const d of docs) {
      expect(d.state).toBe("final");
      expect(d.author_name).not.toBe("");
    }
    expect(counts(minimal)).toMatchObject({ document_images: 0, agreements: 0, proceedings_settings: 0 });
  });

  it("is what the tests' template holds", async () => {
    const docs = await getDb().selectFrom("documents").select(["kind", "title"]).orderBy("id").execute();
    expect(docs.map((d) => d.kind)).toEqual(["speech", "report", "summary", "summary"]);
  });
});

describe("the demo's meeting outcomes", () => {
  it("records outcomes on two thirds of the placed meetings that have none, once", async () => {
    const h = await fresh();
    await seedDemo(h.db, { size: "minimal", now });
    // What the organiser's scheduler would have placed: three accepted requests, each in its own slot.
    const requests = rows<{ id: number; from_organisation_id: number; to_organisation_id: number }>(
      h,
      "SELECT id, from_organisation_id, to_organisation_id FROM meeting_requests WHERE status = 'accepted' ORDER BY id LIMIT 3",
    );
    const slots = rows<{ id: number }>(h, "SELECT id FROM meeting_slots ORDER BY starts_at LIMIT 3");
    const at = now.toISOString();
    requests.forEach((r, i) => {
      const { lastInsertRowid } = h.sqlite
        .prepare(
          "INSERT INTO meetings (request_id, slot_id, table_id, locked, created_at, updated_at) VALUES (?, ?, NULL, 0, ?, ?)",
        )
        .run(r.id, slots[i].id, at, at);
      for (const org of [r.from_organisation_id, r.to_organisation_id])
        h.sqlite
          .prepare("INSERT INTO meeting_participants (meeting_id, slot_id, organisation_id) VALUES (?, ?, ?)")
          .run(lastInsertRowid, slots[i].id, org);
    });
    await seedDemo(h.db, { size: "conference", now });
    const meetings = rows<{ outcome: string; follow_up: string; outcome_recorded_at: string | null; ends_at: string }>(
      h,
      "SELECT m.outcome, m.follow_up, m.outcome_recorded_at, s.ends_at FROM meetings m JOIN meeting_slots s ON s.id = m.slot_id ORDER BY m.id",
    );
    const recorded = meetings.filter((m) => m.outcome_recorded_at !== null);
    expect(recorded).toHaveLength(2);
    for (const m of recorded) {
      expect(m.outcome.length).toBeGreaterThan(40);
      expect(m.follow_up.length).toBeGreaterThan(40);
      expect(m.outcome_recorded_at! > m.ends_at).toBe(true);
    }
    expect(meetings.filter((m) => m.outcome === "")).toHaveLength(1);
    await seedDemo(h.db, { size: "conference", now });
    expect(rows(h, "SELECT 1 FROM meetings WHERE outcome_recorded_at IS NOT NULL")).toHaveLength(2);
  }, 60_000);
});

describe("the demo's calendar helpers", () => {
  it("counts working days Monday to Friday, both ways", () => {
    // 13 December 2027 is a Monday.
    expect(addWorkingDays("2027-12-13", 7)).toBe("2027-12-22");
    expect(addWorkingDays("2027-12-17", 1)).toBe("2027-12-20");
    expect(addWorkingDays("2027-12-13", -1)).toBe("2027-12-10");
    expect(addWorkingDays("2027-12-13", -10)).toBe("2027-11-29");
  });

  it("orders every agreement's dates whatever the seed's today", () => {
    for (const today of ["2026-12-01", "2027-11-29", "2027-01-04"])
      DEMO_AGREEMENTS.forEach((a, i) => {
        const d = agreementDates(a, i, "2027-12-13", "2027-12-14", today);
        const dates = [
          d.sent_for_opinion_on,
          d.opinion_received_on,
          d.signed_on,
          d.reported_on,
          d.in_force_on,
          d.ended_on,
        ];
        const set = dates.filter((x): x is string => x !== null);
        expect(set, a.title).toEqual([...set].sort());
        // Nothing waits for an answer from the future.
        if (a.state === "sent_for_opinion" || a.state === "opinion_received")
          expect(set.every((x) => x <= today)).toBe(true);
      });
  });

  it("labels the conference's days", () => {
    expect(datesLabel("2027-12-13", "2027-12-14")).toBe("Ngày 13–14 tháng 12 năm 2027");
    expect(datesLabel("2027-11-30", "2027-12-01")).toBe("Ngày 30 tháng 11 – 1 tháng 12 năm 2027");
    expect(datesLabel("2027-12-31", "2028-01-01")).toBe("Ngày 31 tháng 12 năm 2027 – 1 tháng 1 năm 2028");
  });
});
