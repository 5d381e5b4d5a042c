/**
 * The data bench:http measures on: the conference-size demo (seedDemo({ size: "conference" }),
 * what `npm start` seeds) topped up to a target size, straight into the database file before the
 * server starts. "conference": 500 approved delegates, 500 meeting requests; "10x": 5,000 and
 * 5,000, about 0.7 sign-ups per new delegate and ten times the exhibitors. Deterministic (one
 * seeded PRNG) and fast: raw prepared inserts in one transaction. New delegates attend online (the
 * 500 in-person places are the venue's), so no capacity or quota trigger refuses a row.
 */
import type SQLite from "better-sqlite3";
import { openDatabase } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { MEETING_SECTORS } from "../../app/features/meetings/rules";
import { badgeCodeFrom } from "../../app/features/registration/rules";
import { searchKey } from "../../app/lib/text";
import { seedIfEmpty } from "../../seeds/seed";
import { seededRandom, vietnameseName, type SeededRandom } from "../../seeds/demo-names";

export type BenchSize = "conference" | "10x";

export interface SizeTarget {
  approvedDelegates: number;
  meetingRequests: number;
  exhibitors: number;
}

export const SIZE_TARGETS: Record<BenchSize, SizeTarget> = {
  conference: { approvedDelegates: 500, meetingRequests: 500, exhibitors: 31 },
  "10x": { approvedDelegates: 5000, meetingRequests: 5000, exhibitors: 310 },
};

export const REQUESTER_KINDS = ["province", "ministry"];
export const COUNTERPART_KINDS = ["mission", "foreign"];

interface Org {
  id: number;
  kind: string;
  name_vi: string;
  name_en: string;
}

const STATUS_MIX: ReadonlyArray<readonly [string, number]> = [
  ["accepted", 55],
  ["pending", 25],
  ["declined", 12],
  ["withdrawn", 8],
];

/** Seeds a fresh database file (migrations, reference data, conference demo) and grows it to the size. */
export async function seedBenchDatabase(path: string, size: BenchSize) {
  const started = performance.now();
  const { db, sqlite } = openDatabase(path);
  await migrateToLatest(db);
  await seedIfEmpty(db, "conference");
  const target = SIZE_TARGETS[size];
  sqlite.transaction(() => grow(sqlite, target, seededRandom(2026_12_02)))();
  const counts = countRows(sqlite);
  await db.destroy();
  return { ...counts, seed_ms: Math.round(performance.now() - started) };
}

export function countRows(sqlite: SQLite.Database) {
  const n = (q: string) => (sqlite.prepare(q).get() as { n: number }).n;
  return {
    registrations: n("select count(*) n from registrations"),
    approved_delegates: n("select count(*) n from registrations where status = 'approved'"),
    meeting_requests: n("select count(*) n from meeting_requests"),
    session_signups: n("select count(*) n from session_signups"),
    join_links: n("select count(*) n from join_links"),
    exhibitors: n("select count(*) n from exhibitors"),
    booth_allocations: n("select count(*) n from booth_allocations"),
  };
}

function grow(sqlite: SQLite.Database, target: SizeTarget, random: SeededRandom) {
  const conference = sqlite.prepare("select id from conferences order by id limit 1").get() as { id: number };
  const orgs = sqlite.prepare("select id, kind, name_vi, name_en from organisations order by id").all() as Org[];
  const now = new Date().toISOString();
  growDelegates(sqlite, conference.id, orgs, target.approvedDelegates, random, now);
  growMeetingRequests(sqlite, conference.id, orgs, target.meetingRequests, random, now);
  growExhibitors(sqlite, target.exhibitors);
}

function growDelegates(
  sqlite: SQLite.Database,
  conferenceId: number,
  orgs: Org[],
  want: number,
  r: SeededRandom,
  now: string,
) {
  const have = (sqlite.prepare("select count(*) n from registrations where status = 'approved'").get() as { n: number })
    .n;
  // Provinces send most delegates; ministries and the missions abroad the rest.
  const byKind = (kind: string) => orgs.filter((o) => o.kind === kind);
  const pools: ReadonlyArray<readonly [Org[], number]> = [
    [byKind("province"), 55],
    [byKind("ministry"), 25],
    [byKind("mission"), 20],
  ];
  const user = sqlite.prepare(
    `insert into users (id, email, full_name, role, organisation_id, password_hash, locale, time_zone,
       heads_organisation, disabled_at, created_at, updated_at)
     values (?, ?, ?, 'delegate', ?, null, 'vi', null, 0, null, ?, ?)`,
  );
  const registration = sqlite.prepare(
    `insert into registrations (conference_id, user_id, organisation_id, honorific, full_name, position, email, phone,
       mode, status, interpretation, dietary, consent_to_list, badge_code, waitlisted_at, status_changed_at, decided_by,
       checked_in_at, checked_in_by, organiser_note, search_key, created_at, updated_at)
     values (?, ?, ?, ?, ?, 'Chuyên viên', ?, '0243799300', 'online', 'approved', 'none', '', 1, ?, null, ?, null,
       null, null, '', ?, ?, ?)`,
  );
  const event = sqlite.prepare(
    "insert into registration_events (registration_id, at, from_status, to_status, mode) values (?, ?, ?, ?, 'online')",
  );
  const signupSessions = (
    sqlite.prepare("select id from sessions where conference_id = ? and requires_signup = 1").all(conferenceId) as {
      id: number;
    }[]
  ).map((s) => s.id);
  const joinable = (
    sqlite
      .prepare("select id from sessions where conference_id = ? and published = 1 and kind <> 'break'")
      .all(conferenceId) as { id: number }[]
  ).map((s) => s.id);
  const signup = sqlite.prepare(
    "insert or ignore into session_signups (session_id, registration_id, mode, created_at) values (?, ?, 'online', ?)",
  );
  const link = sqlite.prepare(
    "insert into join_links (token, registration_id, session_id, created_at, join_count) values (?, ?, ?, ?, 0)",
  );
  const badges = new Set(
    (sqlite.prepare("select badge_code from registrations").all() as { badge_code: string }[]).map((b) => b.badge_code),
  );
  const badgeCode = () => {
    for (;;) {
      const code = badgeCodeFrom(r.bytes(8));
      if (badges.has(code)) continue;
      badges.add(code);
      return code;
    }
  };
  for (let i = have; i < want; i++) {
    const org = r.pick(r.weighted(pools));
    const name = vietnameseName(r, r.chance(0.5) ? "male" : "female", new Set()).fullName;
    const email = `dai-bieu-tai-${i}@bench.ngoaivu.test`;
    const userId = `benchuser${String(i).padStart(6, "0")}`;
    user.run(userId, email, name, org.id, now, now);
    const id = Number(
      registration.run(
        conferenceId,
        userId,
        org.id,
        r.chance(0.5) ? "mr" : "ms",
        name,
        email,
        badgeCode(),
        now,
        searchKey(name, email, org.name_vi, org.name_en),
        now,
        now,
      ).lastInsertRowid,
    );
    event.run(id, now, null, "pending");
    event.run(id, now, "pending", "approved");
    if (signupSessions.length && r.chance(0.7)) signup.run(r.pick(signupSessions), id, now);
    if (r.chance(0.8)) for (const s of joinable) link.run(Buffer.from(r.bytes(18)).toString("base64url"), id, s, now);
  }
}

/** Accepted requests dominate (the scheduler places them); every state is there. One per pair. */
function growMeetingRequests(
  sqlite: SQLite.Database,
  conferenceId: number,
  orgs: Org[],
  want: number,
  r: SeededRandom,
  now: string,
) {
  const existing = sqlite
    .prepare("select from_organisation_id f, to_organisation_id t from meeting_requests")
    .all() as {
    f: number;
    t: number;
  }[];
  const taken = new Set(existing.map((e) => `${e.f}-${e.t}`));
  const free = freePairs(orgs, taken);
  const askers = requesterUsers(sqlite, conferenceId);
  const insert = sqlite.prepare(
    `insert into meeting_requests (conference_id, from_organisation_id, to_organisation_id, sector, ask, priority,
       status, decline_reason, requested_by, answered_by, created_at, answered_at, withdrawn_at)
     values (?, ?, ?, ?, 'Giới thiệu cơ hội hợp tác', ?, ?, ?, ?, null, ?, ?, ?)`,
  );
  for (let i = existing.length; i < want && free.length; i++) {
    const [from, to] = free.splice(r.int(free.length), 1)[0];
    const status = r.weighted(STATUS_MIX);
    insert.run(
      conferenceId,
      from,
      to,
      r.pick(MEETING_SECTORS),
      1 + r.int(3),
      status,
      status === "declined" ? "Lịch công tác trùng thời gian hội nghị." : "",
      askers.get(from) ?? null,
      now,
      status === "accepted" || status === "declined" ? now : null,
      status === "withdrawn" ? now : null,
    );
  }
}

/** Every (requester, counterpart) pair with no request yet. */
export function freePairs(orgs: readonly Org[], taken: ReadonlySet<string>): Array<[number, number]> {
  const from = orgs.filter((o) => REQUESTER_KINDS.includes(o.kind));
  const to = orgs.filter((o) => COUNTERPART_KINDS.includes(o.kind));
  return from.flatMap((f) =>
    to.filter((t) => !taken.has(`${f.id}-${t.id}`)).map((t) => [f.id, t.id] as [number, number]),
  );
}

/** One account per province or ministry with an approved registration for it: who may ask for meetings. */
export function requesterUsers(sqlite: SQLite.Database, conferenceId: number): Map<number, string> {
  const rows = sqlite
    .prepare(
      `select r.organisation_id org, min(r.user_id) user_id from registrations r
         join organisations o on o.id = r.organisation_id
        where r.conference_id = ? and r.status = 'approved' and r.user_id is not null
          and o.kind in ('province', 'ministry')
        group by r.organisation_id order by r.organisation_id`,
    )
    .all(conferenceId) as { org: number; user_id: string }[];
  return new Map(rows.map((x) => [x.org, x.user_id]));
}

/** Copies of the demo's applications (no account, their products too) until there are `want`. */
function growExhibitors(sqlite: SQLite.Database, want: number) {
  const columns = (table: string) =>
    (sqlite.prepare(`pragma table_info(${table})`).all() as { name: string }[])
      .map((c) => c.name)
      .filter((c) => c !== "id");
  const exhibitorColumns = columns("exhibitors");
  const productColumns = columns("exhibitor_products");
  const source = (sqlite.prepare("select id from exhibitors order by id").all() as { id: number }[]).map((e) => e.id);
  const count = () => (sqlite.prepare("select count(*) n from exhibitors").get() as { n: number }).n;
  const copyOf = (c: string, n: number) =>
    c === "user_id"
      ? "null"
      : c === "name_vi" || c === "name_en"
        ? `${c} || ' (${n})'`
        : c === "contact_email"
          ? `'trung-bay-${n}-' || contact_email`
          : c;
  for (let n = count(), k = 0; n < want && source.length; n = count(), k++) {
    const from = source[k % source.length];
    const id = sqlite
      .prepare(
        `insert into exhibitors (${exhibitorColumns.join(", ")})
         select ${exhibitorColumns.map((c) => copyOf(c, n)).join(", ")} from exhibitors where id = ?`,
      )
      .run(from).lastInsertRowid;
    sqlite
      .prepare(
        `insert into exhibitor_products (${productColumns.join(", ")})
         select ${productColumns.map((c) => (c === "exhibitor_id" ? "?" : c)).join(", ")}
           from exhibitor_products where exhibitor_id = ?`,
      )
      .run(id, from);
  }
}
