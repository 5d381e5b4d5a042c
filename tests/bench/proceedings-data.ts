/**
 * The proceedings benchmark's databases: the conference-size demo with at least 40 final speeches
 * (generated from the press articles when the demo has fewer), and the same at 4× (delegates,
 * speeches, meetings and agreements copied with new ids).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type SQLite from "better-sqlite3";

const REFERENCE = join(process.cwd(), "../shared/reference");

function articles(): string[] {
  try {
    return readdirSync(REFERENCE)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => readFileSync(join(REFERENCE, f), "utf8"));
  } catch {
    return [];
  }
}

const FALLBACK =
  "Công tác đối ngoại địa phương đã góp phần quan trọng vào việc thu hút đầu tư, mở rộng thị trường, quảng bá hình ảnh các tỉnh, thành phố và nâng cao vị thế của đất nước. ";

/** Tops the final speeches up to `target`, bodies cut from the press articles (about 6,000 characters each). */
export function topUpSpeeches(sqlite: SQLite.Database, conferenceId: number, target: number): number {
  const have = (
    sqlite
      .prepare(
        "select count(*) n from documents where conference_id = ? and state = 'final' and kind <> 'summary' and language = 'vi'",
      )
      .get(conferenceId) as { n: number }
  ).n;
  const texts = articles();
  const sessions = sqlite
    .prepare("select id from sessions where conference_id = ? order by starts_at")
    .all(conferenceId) as { id: number }[];
  const authors = sqlite
    .prepare("select id from registrations where conference_id = ? and status = 'approved' limit 200")
    .all(conferenceId) as { id: number }[];
  const insert = sqlite.prepare(
    `insert into documents (conference_id, kind, title, author_registration_id, author_name, session_id, language, state, body, position, finalised_at, created_at, updated_at)
     values (?, ?, ?, ?, '', ?, 'vi', 'final', ?, ?, ?, ?, ?)`,
  );
  const at = new Date().toISOString();
  sqlite.transaction(() => {
    for (let i = have; i < target; i++) {
      const text = texts.length ? texts[i % texts.length] : FALLBACK.repeat(60);
      const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim().length > 40);
      const body = [`## Phần ${1 + (i % 3)}`, ...paragraphs.slice(0, 12)].join("\n\n").slice(0, 9000);
      insert.run(
        conferenceId,
        ["speech", "report", "presentation"][i % 3],
        `Tham luận số ${i + 1} về công tác đối ngoại địa phương`,
        authors[i % Math.max(1, authors.length)]?.id ?? null,
        sessions[i % Math.max(1, sessions.length)]?.id ?? null,
        body,
        i,
        at,
        at,
        at,
      );
    }
  })();
  return Math.max(have, target);
}

function columns(sqlite: SQLite.Database, table: string): string[] {
  return (sqlite.prepare(`pragma table_info(${table})`).all() as { name: string }[])
    .map((c) => c.name)
    .filter((c) => c !== "id");
}

/** Copies every row of a table `times - 1` more times, with the given columns rewritten (SQL expressions of `k`). */
function copyTable(
  sqlite: SQLite.Database,
  table: string,
  times: number,
  where: string,
  overrides: (k: number) => Record<string, string>,
) {
  const cols = columns(sqlite, table);
  for (let k = 1; k < times; k++) {
    const o = overrides(k);
    const select = cols.map((c) => o[c] ?? c).join(", ");
    sqlite.prepare(`insert into ${table} (${cols.join(", ")}) select ${select} from ${table} where ${where}`).run();
  }
}

/** The 4× database: delegates, speeches (not summaries: one per session), agreements and held meetings four times over. */
export function scaleUp(sqlite: SQLite.Database, conferenceId: number, times: number) {
  const original = (sql: string) => (sqlite.prepare(sql).get(conferenceId) as { n: number }).n;
  const before = {
    registrations: original("select count(*) n from registrations where conference_id = ?"),
    documents: original("select count(*) n from documents where conference_id = ? and kind <> 'summary'"),
    agreements: original("select count(*) n from agreements where conference_id = ?"),
    meetings: original(
      "select count(*) n from meetings m join meeting_requests r on r.id = m.request_id where r.conference_id = ?",
    ),
  };
  sqlite.transaction(() => {
    sqlite
      .prepare("update conferences set in_person_capacity = in_person_capacity * ? where id = ?")
      .run(times + 1, conferenceId);
    const maxId = original("select coalesce(max(id), 0) n from registrations where conference_id = ?");
    copyTable(sqlite, "registrations", times, `conference_id = ${conferenceId} and id <= ${maxId}`, (k) => ({
      user_id: "null",
      email: `'x${k}-' || email`,
      badge_code: `badge_code || '-x${k}'`,
      full_name: `full_name || ' ${k}'`,
    }));
    const maxDoc = original("select coalesce(max(id), 0) n from documents where conference_id = ?");
    copyTable(
      sqlite,
      "documents",
      times,
      `conference_id = ${conferenceId} and kind <> 'summary' and id <= ${maxDoc}`,
      (k) => ({
        title: `title || ' (${k + 1})'`,
      }),
    );
    const maxAgreement = original("select coalesce(max(id), 0) n from agreements where conference_id = ?");
    copyTable(sqlite, "agreements", times, `conference_id = ${conferenceId} and id <= ${maxAgreement}`, (k) => ({
      title: `title || ' (${k + 1})'`,
    }));
    scaleMeetings(sqlite, conferenceId, times);
  })();
  const after = {
    registrations: original("select count(*) n from registrations where conference_id = ?"),
    documents: original("select count(*) n from documents where conference_id = ? and kind <> 'summary'"),
    agreements: original("select count(*) n from agreements where conference_id = ?"),
    meetings: original(
      "select count(*) n from meetings m join meeting_requests r on r.id = m.request_id where r.conference_id = ?",
    ),
  };
  return { before, after };
}

/** Each held meeting again with a copy of its requesting organisation at a table of its own (pairs and tables are unique). */
function scaleMeetings(sqlite: SQLite.Database, conferenceId: number, times: number) {
  const meetings = sqlite
    .prepare(
      `select m.*, r.from_organisation_id, r.id as rid, t.block_id, t.number as table_number from meetings m
       join meeting_requests r on r.id = m.request_id left join meeting_tables t on t.id = m.table_id where r.conference_id = ?`,
    )
    .all(conferenceId) as Array<Record<string, unknown>>;
  const orgCols = columns(sqlite, "organisations");
  const reqCols = columns(sqlite, "meeting_requests");
  const meetCols = columns(sqlite, "meetings");
  for (let k = 1; k < times; k++) {
    for (const m of meetings) {
      const org = sqlite
        .prepare(
          `insert into organisations (${orgCols.join(", ")}) select ${orgCols
            .map((c) =>
              c === "code"
                ? `code || '-x${k}-${String(m.id)}'`
                : c === "name_vi" || c === "name_en"
                  ? `${c} || ' ${k}'`
                  : c,
            )
            .join(", ")} from organisations where id = ?`,
        )
        .run(m.from_organisation_id);
      const req = sqlite
        .prepare(
          `insert into meeting_requests (${reqCols.join(", ")}) select ${reqCols
            .map((c) => (c === "from_organisation_id" ? String(org.lastInsertRowid) : c))
            .join(", ")} from meeting_requests where id = ?`,
        )
        .run(m.rid);
      let table: string = "null";
      if (m.block_id != null) {
        const t = sqlite
          .prepare("insert into meeting_tables (block_id, number, label) values (?, ?, '')")
          .run(m.block_id, 100_000 * k + Number(m.id));
        table = String(t.lastInsertRowid);
      }
      sqlite
        .prepare(
          `insert into meetings (${meetCols.join(", ")}) select ${meetCols
            .map((c) => (c === "request_id" ? String(req.lastInsertRowid) : c === "table_id" ? table : c))
            .join(", ")} from meetings where id = ?`,
        )
        .run(m.id);
    }
  }
}
