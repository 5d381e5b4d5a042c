import { rmSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../../db/client";
import { migrateToLatest } from "../../../db/migrate";
import {
  DEMO_ACCOUNTS,
  DEMO_BADGE_CODE,
  demoSizeFromEnv,
  seedDemo,
  seedIfEmpty,
  seedReferenceData,
} from "../../../seeds/seed";
import { CONFERENCE_DEMO_DOMAIN } from "../../../seeds/demo-conference";
import { FAMILY_NAMES } from "../../../seeds/demo-names";
import { getDb } from "~/platform/db.server";
import { now as clockNow } from "~/lib/clock";
import { searchKey } from "~/lib/text";
import { normaliseBadgeCode, STATUSES, MODES } from "~/features/registration/rules";
import { phone as phoneSchema } from "~/features/registration/schema";
import { isMeetingSector, MEETING_REQUEST_STATUSES } from "~/features/meetings/rules";

/**
 * The conference-size demo (what `npm start` seeds into an empty database), seeded twice into fresh
 * databases with the same "now": once in one go, once as the minimal demo and then the conference
 * part (what `npm run db:seed` does to a minimal database). Both must hold the same rows.
 */
const handles: DatabaseHandle[] = [];
const paths: string[] = [];
const fresh = async () => {
  const path = resolve(`test-results/db/demo-${randomUUID()}.sqlite`);
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
let summary: Awaited<ReturnType<typeof seedDemo>>;
let conferenceMs = 0;

beforeAll(async () => {
  [one, two] = await Promise.all([fresh(), fresh()]);
  const started = performance.now();
  summary = await seedDemo(one.db, { size: "conference", now });
  const total = performance.now() - started;
  await seedDemo(two.db, { size: "minimal", now });
  const before = performance.now();
  const again = await seedDemo(two.db, { size: "conference", now });
  conferenceMs = performance.now() - before;
  expect(again).toEqual(summary);
  console.log(
    `conference demo: ${summary?.registrations} registrations seeded in ${Math.round(total)} ms ` +
      `(${Math.round(conferenceMs)} ms without the demo accounts' password hashes)`,
  );
}, 120_000);

afterAll(async () => {
  for (const h of handles) await h.db.destroy();
  for (const path of paths) for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
});

const rows = <T>(h: DatabaseHandle, query: string) => h.sqlite.prepare(query).all() as T[];

describe("the conference-size demo", () => {
  it("has about 450 registrations from every province, ministry and mission, in every status and both modes", () => {
    const all = rows<{ n: number }>(one, "SELECT count(*) n FROM registrations")[0].n;
    expect(all).toBeGreaterThanOrEqual(420);
    expect(all).toBeLessThanOrEqual(480);
    expect(summary?.registrations).toBe(all - 2);
    const combos = rows<{ status: string; mode: string; n: number }>(
      one,
      "SELECT status, mode, count(*) n FROM registrations GROUP BY 1, 2",
    );
    for (const status of STATUSES)
      for (const mode of MODES) {
        const n = combos.find((c) => c.status === status && c.mode === mode)?.n ?? 0;
        // Online places are not limited: nobody online waits.
        if (status === "waitlisted" && mode === "online") expect(n).toBe(0);
        else expect(n, `${status} ${mode}`).toBeGreaterThan(0);
      }
    const approved = combos.filter((c) => c.status === "approved").reduce((s, c) => s + c.n, 0);
    expect(approved / all).toBeGreaterThan(0.5);
    const uncovered = rows<{ code: string }>(
      one,
      `SELECT o.code FROM organisations o WHERE o.kind IN ('province','ministry','mission')
         AND NOT EXISTS (SELECT 1 FROM registrations r WHERE r.organisation_id = o.id)`,
    );
    expect(uncovered).toEqual([]);
    const provinces = rows<{ n: number }>(
      one,
      "SELECT count(DISTINCT r.organisation_id) n FROM registrations r JOIN organisations o ON o.id = r.organisation_id WHERE o.kind = 'province'",
    )[0].n;
    expect(provinces).toBe(63);
  });

  it("has realistic people: Vietnamese names in NFC, positions, valid e-mails, phones and badge codes", () => {
    const people = rows<{
      full_name: string;
      position: string;
      email: string;
      phone: string;
      badge_code: string;
      search_key: string;
      name_vi: string;
      name_en: string;
      kind: string;
      mission_type: string | null;
      honorific: string;
    }>(
      one,
      `SELECT r.*, o.name_vi, o.name_en, o.kind, o.mission_type FROM registrations r
         JOIN organisations o ON o.id = r.organisation_id WHERE r.email LIKE '%@${CONFERENCE_DEMO_DOMAIN}'`,
    );
    const families = new Set(FAMILY_NAMES.map(([f]) => f));
    const demoNames = new Set<string>(DEMO_ACCOUNTS.map((a) => a.fullName));
    for (const p of people) {
      expect(p.full_name).toBe(p.full_name.normalize("NFC"));
      expect(p.position).toBe(p.position.normalize("NFC"));
      const words = p.full_name.split(" ");
      expect(words.length, p.full_name).toBeGreaterThanOrEqual(3);
      expect(families.has(words[0]), p.full_name).toBe(true);
      expect(demoNames.has(p.full_name), p.full_name).toBe(false);
      expect(p.email).toMatch(/^[a-z0-9.]+@demo\.ngoaivu\.test$/);
      expect(phoneSchema.safeParse(p.phone).success, p.phone).toBe(true);
      expect(normaliseBadgeCode(p.badge_code)).toBe(p.badge_code);
      expect(p.search_key).toBe(searchKey(p.full_name, p.email, p.position, p.phone, p.name_vi, p.name_en));
    }
    const positions = people.map((p) => p.position);
    for (const expected of [
      /^Giám đốc Sở Ngoại vụ tỉnh /,
      /^Phó Chủ tịch UBND /,
      /^Đại sứ Đặc mệnh Toàn quyền Việt Nam tại /,
      /^Tổng Lãnh sự Việt Nam tại /,
      /^Vụ trưởng Vụ Hợp tác quốc tế, Bộ /,
    ])
      expect(
        positions.some((p) => expected.test(p)),
        String(expected),
      ).toBe(true);
    // Each mission's head (an ambassador, a consul general) is "Excellency".
    for (const p of people.filter((x) => /^(Đại sứ|Tổng Lãnh sự)/.test(x.position))) expect(p.honorific).toBe("he");
  });

  it("breaks no constraint: foreign keys, capacity, sign-ups, join links, check-ins, quotas, heads", () => {
    expect(rows(one, "PRAGMA foreign_key_check")).toEqual([]);
    expect(rows<{ integrity_check: string }>(one, "PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
    const held = rows<{ n: number; capacity: number }>(
      one,
      `SELECT count(*) n, c.in_person_capacity capacity FROM registrations r JOIN conferences c ON c.id = r.conference_id
         WHERE r.mode = 'in_person' AND r.status IN ('pending','approved')`,
    )[0];
    expect(held.n).toBeLessThanOrEqual(held.capacity);
    // Sign-ups: live registrations only, in their own mode, one of the two parallel discussions, within the room.
    expect(summary!.signups).toBeGreaterThan(100);
    expect(
      rows(
        one,
        `SELECT 1 FROM session_signups u JOIN registrations r ON r.id = u.registration_id JOIN sessions s ON s.id = u.session_id
           WHERE r.status NOT IN ('pending','approved') OR u.mode <> r.mode OR s.requires_signup = 0`,
      ),
    ).toEqual([]);
    expect(rows(one, "SELECT registration_id FROM session_signups GROUP BY 1 HAVING count(*) > 1")).toEqual([]);
    expect(
      rows(
        one,
        `SELECT s.id FROM session_signups u JOIN sessions s ON s.id = u.session_id LEFT JOIN rooms m ON m.id = s.room_id
           WHERE u.mode = 'in_person' GROUP BY s.id HAVING count(*) > coalesce(s.capacity, m.capacity)`,
      ),
    ).toEqual([]);
    // Chairs and speakers are approved, in person, and not signed up for the other discussion.
    expect(rows(one, "SELECT 1 FROM session_people").length).toBeGreaterThanOrEqual(10);
    expect(
      rows(
        one,
        `SELECT 1 FROM session_people p JOIN registrations r ON r.id = p.registration_id
           WHERE r.status <> 'approved' OR r.mode <> 'in_person'
              OR EXISTS (SELECT 1 FROM session_signups u WHERE u.registration_id = p.registration_id)`,
      ),
    ).toEqual([]);
    // Check-ins and online joins: some, and only where they can happen.
    expect(summary!.checkedIn).toBeGreaterThan(30);
    expect(
      rows(
        one,
        `SELECT 1 FROM registrations WHERE checked_in_at IS NOT NULL AND (status <> 'approved' OR mode <> 'in_person' OR checked_in_by IS NULL)`,
      ),
    ).toEqual([]);
    expect(rows(one, "SELECT 1 FROM join_links WHERE first_joined_at IS NOT NULL").length).toBeGreaterThan(10);
    expect(
      rows(
        one,
        `SELECT 1 FROM join_links j JOIN registrations r ON r.id = j.registration_id JOIN sessions s ON s.id = j.session_id
           WHERE r.status <> 'approved' OR r.mode <> 'online' OR s.kind = 'break' OR length(j.token) < 20`,
      ),
    ).toEqual([]);
    // Whoever waits does so because their province's quota is full, as promoteFromWaitlist would see it.
    const waiting = rows<{ places: number | null; held: number }>(
      one,
      `SELECT q.places, (SELECT count(*) FROM registrations h WHERE h.organisation_id = w.organisation_id
                           AND h.mode = 'in_person' AND h.status IN ('pending','approved')) held
         FROM registrations w LEFT JOIN organisation_quotas q ON q.organisation_id = w.organisation_id
        WHERE w.status = 'waitlisted'`,
    );
    expect(waiting.length).toBeGreaterThan(0);
    for (const w of waiting) expect(w.held).toBeGreaterThanOrEqual(w.places!);
    expect(rows(one, "SELECT 1 FROM registrations WHERE status = 'waitlisted' AND waitlisted_at IS NULL")).toEqual([]);
    expect(
      rows(
        one,
        `SELECT 1 FROM registrations w JOIN registrations h ON h.organisation_id = w.organisation_id
           AND h.mode = 'in_person' AND h.status IN ('pending','approved')
         WHERE w.status = 'waitlisted' AND h.created_at > w.created_at`,
      ),
    ).toEqual([]);
    // Mission heads belong to missions; one each.
    expect(
      rows(
        one,
        "SELECT 1 FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.heads_organisation = 1 AND o.kind <> 'mission'",
      ),
    ).toEqual([]);
    // The status history ends where each registration is.
    expect(
      rows(
        one,
        `SELECT r.id FROM registrations r WHERE r.email LIKE '%@${CONFERENCE_DEMO_DOMAIN}' AND r.status <>
           (SELECT e.to_status FROM registration_events e WHERE e.registration_id = r.id ORDER BY e.at DESC, e.id DESC LIMIT 1)`,
      ),
    ).toEqual([]);
    expect(
      rows(
        one,
        "SELECT 1 FROM registrations r JOIN conferences c ON c.id = r.conference_id WHERE r.created_at < c.registration_opens_at",
      ),
    ).toEqual([]);
  });

  it("has meeting requests in every state, within each requester's cap", () => {
    const states = rows<{ status: string }>(one, "SELECT DISTINCT status FROM meeting_requests").map((s) => s.status);
    expect(states.sort()).toEqual([...MEETING_REQUEST_STATUSES].sort());
    expect(summary!.meetingRequests).toBeGreaterThan(50);
    const cap = rows<{ cap: number }>(one, "SELECT max_requests_per_organisation cap FROM meeting_blocks")[0].cap;
    const most = rows<{ n: number }>(
      one,
      "SELECT count(*) n FROM meeting_requests WHERE status <> 'withdrawn' GROUP BY from_organisation_id ORDER BY n DESC LIMIT 1",
    )[0].n;
    expect(most).toBeLessThanOrEqual(cap);
    const added = rows<{
      sector: string;
      status: string;
      decline_reason: string;
      withdrawn_at: string | null;
      answered_at: string | null;
    }>(one, `SELECT * FROM meeting_requests WHERE created_at <> (SELECT created_at FROM conferences)`);
    expect(added.length).toBe(summary!.meetingRequests);
    for (const r of added) {
      expect(isMeetingSector(r.sector), r.sector).toBe(true);
      expect(r.decline_reason !== "").toBe(r.status === "declined");
      expect(r.withdrawn_at !== null).toBe(r.status === "withdrawn");
      expect(r.answered_at !== null).toBe(r.status === "accepted" || r.status === "declined");
    }
  });

  it("keeps the five demo accounts and their two registrations as the README describes them", () => {
    const users = rows<{ email: string; full_name: string; role: string; code: string; heads_organisation: number }>(
      one,
      `SELECT u.email, u.full_name, u.role, o.code, u.heads_organisation FROM users u
         LEFT JOIN organisations o ON o.id = u.organisation_id WHERE u.email NOT LIKE '%@${CONFERENCE_DEMO_DOMAIN}' ORDER BY u.email`,
    );
    expect(users.map((u) => [u.email, u.full_name, u.role, u.code])).toEqual(
      [...DEMO_ACCOUNTS]
        .sort((a, b) => a.email.localeCompare(b.email))
        .map((a) => [a.email, a.fullName, a.role, a.organisation]),
    );
    expect(users.filter((u) => u.heads_organisation).map((u) => u.email)).toEqual(["dai-su.nhatban@ngoaivu.test"]);
    const japanHeads = rows(
      one,
      "SELECT 1 FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE o.code = 'mis-emb-jp' AND u.heads_organisation = 1",
    );
    expect(japanHeads).toHaveLength(1);
    const demo = rows<{ email: string; status: string; mode: string; badge_code: string; code: string }>(
      one,
      `SELECT r.email, r.status, r.mode, r.badge_code, o.code FROM registrations r JOIN organisations o ON o.id = r.organisation_id
         WHERE r.email NOT LIKE '%@${CONFERENCE_DEMO_DOMAIN}' ORDER BY r.email`,
    );
    expect(demo).toEqual([
      {
        email: "dai-bieu.bacgiang@ngoaivu.test",
        status: "approved",
        mode: "in_person",
        badge_code: DEMO_BADGE_CODE,
        code: "prov-bac-giang",
      },
      {
        email: "dai-su.nhatban@ngoaivu.test",
        status: "approved",
        mode: "online",
        badge_code: "HNVV-2021-0002",
        code: "mis-emb-jp",
      },
    ]);
    // Searching "le van hung" at check-in finds the demo delegate alone; his province has sent no request;
    // three provinces wait for the ambassador's answer.
    expect(rows(one, "SELECT 1 FROM registrations WHERE search_key LIKE '% le van hung %'")).toHaveLength(1);
    const requests = (code: string, side: "from" | "to") =>
      rows<{ status: string }>(
        one,
        `SELECT m.status FROM meeting_requests m JOIN organisations o ON o.id = m.${side}_organisation_id WHERE o.code = '${code}'`,
      );
    expect(requests("prov-bac-giang", "from")).toEqual([]);
    expect(requests("mis-emb-jp", "to")).toEqual([{ status: "pending" }, { status: "pending" }, { status: "pending" }]);
    expect(rows(one, "SELECT 1 FROM meetings")).toEqual([]);
  });

  it("is deterministic: the same now gives the same rows, in one go or added to the minimal demo", async () => {
    const dump = async (h: DatabaseHandle) => {
      // Row ids depend on the path (an insert that meets a row already there uses up an id), and the demo
      // accounts' user ids are random: compare registrations and people by e-mail, requests by their pair.
      const email = (column: string) => `(SELECT email FROM users WHERE id = ${column})`;
      const registration = (column: string) => `(SELECT email FROM registrations WHERE id = ${column})`;
      const tables = {
        registrations: `SELECT r.*, ${email("r.user_id")} user_id, ${email("r.decided_by")} decided_by,
            ${email("r.checked_in_by")} checked_in_by FROM registrations r ORDER BY r.email`,
        users: `SELECT * FROM users WHERE email LIKE '%@${CONFERENCE_DEMO_DOMAIN}' ORDER BY id`,
        registration_events: `SELECT e.*, ${registration("e.registration_id")} registration_id FROM registration_events e
            ORDER BY registration_id, e.at, e.to_status`,
        session_signups: `SELECT u.*, ${registration("u.registration_id")} registration_id FROM session_signups u
            ORDER BY u.session_id, registration_id`,
        session_people: `SELECT p.*, ${registration("p.registration_id")} registration_id FROM session_people p
            ORDER BY p.session_id, p.position`,
        join_links: `SELECT j.*, ${registration("j.registration_id")} registration_id FROM join_links j ORDER BY j.token`,
        organisation_quotas: "SELECT * FROM organisation_quotas ORDER BY organisation_id",
        meeting_requests: `SELECT m.*, ${email("m.requested_by")} requested_by, ${email("m.answered_by")} answered_by
            FROM meeting_requests m ORDER BY m.from_organisation_id, m.to_organisation_id`,
      };
      const out: Record<string, unknown[]> = {};
      for (const [name, query] of Object.entries(tables))
        out[name] = (await sql.raw<Record<string, unknown>>(query).execute(h.db)).rows.map(
          ({ id: _id, ...row }) => row,
        );
      return out;
    };
    const [a, b] = await Promise.all([dump(one), dump(two)]);
    expect(a.registrations.length).toBeGreaterThan(400);
    expect(b).toEqual(a);
  });

  it("is fast to seed", () => {
    // The conference part alone (inserts in batches, one transaction); generous for a loaded machine.
    expect(conferenceMs).toBeLessThan(15_000);
  });
});

describe("which demo is seeded", () => {
  it("gives the tests' template the minimal demo: two registrations", async () => {
    const { n } = await getDb()
      .selectFrom("registrations")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(2);
  });

  it("reads DEMO_SIZE: the conference demo unless minimal is asked for, and nothing else", () => {
    expect(demoSizeFromEnv(undefined)).toBe("conference");
    expect(demoSizeFromEnv("")).toBe("conference");
    expect(demoSizeFromEnv("minimal")).toBe("minimal");
    expect(demoSizeFromEnv(" conference ")).toBe("conference");
    expect(() => demoSizeFromEnv("huge")).toThrow(/DEMO_SIZE must be minimal or conference/);
  });

  it("seeds an empty database once, at the size asked for (npm start's path)", async () => {
    const h = await fresh();
    expect(await seedIfEmpty(h.db, "minimal")).toBe(true);
    expect(rows<{ n: number }>(h, "SELECT count(*) n FROM registrations")[0].n).toBe(2);
    expect(await seedIfEmpty(h.db, "conference")).toBe(false);
    expect(rows<{ n: number }>(h, "SELECT count(*) n FROM registrations")[0].n).toBe(2);
  });
});
