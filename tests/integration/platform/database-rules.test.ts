import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The database's own rules, reached with raw SQL that bypasses the application: the last
 * line against double booking and over-capacity. Each refusal is matched by the rule's own
 * message (a trigger's RAISE text, or the columns a UNIQUE constraint names), and each
 * trigger test shows that the same statement goes through once that trigger is dropped, so
 * a passing test cannot come from some other rule.
 */
let sqlite: Database.Database;
const at = "2030-01-01T00:00:00.000Z";
let conferenceId: number;
let orgs: number[];
let seq = 0;

function insertRegistration(
  fields: { mode?: string; status?: string; email?: string; organisationId?: number } = {},
): number {
  seq += 1;
  const row = sqlite
    .prepare(
      `INSERT INTO registrations (conference_id, organisation_id, honorific, full_name, position, email, phone, mode, status,
        badge_code, status_changed_at, search_key, created_at, updated_at)
       VALUES (?, ?, 'mr', ?, 'Chuyên viên', ?, '0900000000', ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(
      conferenceId,
      fields.organisationId ?? orgs[0],
      `Người ${seq}`,
      fields.email ?? `rule-${seq}@example.vn`,
      fields.mode ?? "in_person",
      fields.status ?? "pending",
      `RULE-${seq}`,
      at,
      `nguoi ${seq}`,
      at,
      at,
    ) as { id: number };
  return row.id;
}

/** Runs fn inside a transaction that is always rolled back, so one test's rows never reach the next. */
function scratch<T>(fn: () => T): T {
  sqlite.exec("SAVEPOINT scratch");
  try {
    return fn();
  } finally {
    sqlite.exec("ROLLBACK TO scratch; RELEASE scratch");
  }
}

/** The trigger's SQL, so a test can drop it inside its scratch transaction and show the refusal was its doing. */
function dropTrigger(name: string) {
  const found = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(name);
  expect(found, `trigger ${name} exists`).toBeTruthy();
  sqlite.exec(`DROP TRIGGER ${name}`);
}

beforeAll(() => {
  sqlite = new Database(process.env.DATABASE_PATH!);
  sqlite.pragma("foreign_keys = ON");
  conferenceId = (
    sqlite
      .prepare(
        `INSERT INTO conferences (edition, title_vi, title_en, starts_at, ends_at, venue_vi, venue_en, format, in_person_capacity, created_at, updated_at)
         VALUES (99, 'Hội nghị thử', 'Test conference', '2030-12-13T01:00:00.000Z', '2030-12-13T10:00:00.000Z', 'Hà Nội', 'Ha Noi', 'hybrid', 2, ?, ?) RETURNING id`,
      )
      .get(at, at) as { id: number }
  ).id;
  orgs = (sqlite.prepare("SELECT id FROM organisations ORDER BY id LIMIT 4").all() as Array<{ id: number }>).map(
    (r) => r.id,
  );
});

afterAll(() => sqlite.close());

describe("in-person places (registrations_capacity_insert / _update)", () => {
  it("refuses an in-person place past the conference's capacity, on insert", () =>
    scratch(() => {
      insertRegistration();
      insertRegistration({ status: "approved" });
      expect(() => insertRegistration()).toThrow(/in_person_capacity_full/);
      expect(() => insertRegistration({ status: "approved" })).toThrow(/in_person_capacity_full/);
      // Online, waiting and cancelled registrations hold no place.
      insertRegistration({ mode: "online" });
      insertRegistration({ status: "waitlisted" });
      insertRegistration({ status: "cancelled" });
      const held = sqlite
        .prepare(
          "SELECT count(*) n FROM registrations WHERE conference_id = ? AND mode = 'in_person' AND status IN ('pending','approved')",
        )
        .get(conferenceId) as { n: number };
      expect(held.n).toBe(2);
    }));

  it("goes through once the insert trigger is dropped", () =>
    scratch(() => {
      insertRegistration();
      insertRegistration();
      dropTrigger("registrations_capacity_insert");
      expect(() => insertRegistration()).not.toThrow();
    }));

  it("refuses turning an online or waiting registration into a place past capacity, on update", () =>
    scratch(() => {
      insertRegistration();
      insertRegistration();
      const online = insertRegistration({ mode: "online" });
      const waiting = insertRegistration({ status: "waitlisted" });
      expect(() => sqlite.prepare("UPDATE registrations SET mode = 'in_person' WHERE id = ?").run(online)).toThrow(
        /in_person_capacity_full/,
      );
      expect(() => sqlite.prepare("UPDATE registrations SET status = 'pending' WHERE id = ?").run(waiting)).toThrow(
        /in_person_capacity_full/,
      );
      // A place already held may change its other details, and its status between pending and approved.
      const holder = (
        sqlite
          .prepare(
            "SELECT id FROM registrations WHERE conference_id = ? AND mode = 'in_person' AND status = 'pending' LIMIT 1",
          )
          .get(conferenceId) as { id: number }
      ).id;
      expect(() =>
        sqlite.prepare("UPDATE registrations SET status = 'approved', position = 'Vụ trưởng' WHERE id = ?").run(holder),
      ).not.toThrow();
      dropTrigger("registrations_capacity_update");
      expect(() =>
        sqlite.prepare("UPDATE registrations SET mode = 'in_person' WHERE id = ?").run(online),
      ).not.toThrow();
    }));

  it("frees a place when one is cancelled", () =>
    scratch(() => {
      const first = insertRegistration();
      insertRegistration();
      sqlite.prepare("UPDATE registrations SET status = 'cancelled' WHERE id = ?").run(first);
      expect(() => insertRegistration()).not.toThrow();
    }));

  it("allows one registration per e-mail per conference (registrations_one_per_email)", () =>
    scratch(() => {
      insertRegistration({ mode: "online", email: "same@example.vn" });
      expect(() => insertRegistration({ mode: "online", email: "same@example.vn" })).toThrow(
        /UNIQUE constraint failed: registrations\.conference_id, registrations\.email/,
      );
    }));

  it("keeps foreign keys on: a registration for an organisation that does not exist is refused", () =>
    scratch(() => {
      expect(() => insertRegistration({ mode: "online", organisationId: 987654 })).toThrow(
        /FOREIGN KEY constraint failed/,
      );
    }));
});

describe("session sign-ups (session_signups_capacity)", () => {
  function session(capacity: number | null, roomCapacity: number | null): number {
    let roomId: number | null = null;
    if (roomCapacity !== null) {
      roomId = (
        sqlite
          .prepare(
            "INSERT INTO rooms (conference_id, name_vi, name_en, capacity, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
          )
          .get(conferenceId, `Phòng ${++seq}`, `Room ${seq}`, roomCapacity, at, at) as { id: number }
      ).id;
    }
    return (
      sqlite
        .prepare(
          `INSERT INTO sessions (conference_id, kind, title_vi, title_en, starts_at, ends_at, created_at, updated_at, room_id, requires_signup, capacity)
           VALUES (?, 'discussion', 'Phiên thảo luận', 'Discussion', '2030-12-13T02:00:00.000Z', '2030-12-13T03:00:00.000Z', ?, ?, ?, 1, ?) RETURNING id`,
        )
        .get(conferenceId, at, at, roomId, capacity) as { id: number }
    ).id;
  }
  const signUp = (sessionId: number, registrationId: number, mode = "in_person") =>
    sqlite
      .prepare("INSERT INTO session_signups (session_id, registration_id, mode, created_at) VALUES (?, ?, ?, ?)")
      .run(sessionId, registrationId, mode, at);

  it("refuses an in-person sign-up past the session's own capacity", () =>
    scratch(() => {
      sqlite.prepare("UPDATE conferences SET in_person_capacity = 50 WHERE id = ?").run(conferenceId);
      const s = session(2, 100);
      const people = [
        insertRegistration(),
        insertRegistration(),
        insertRegistration(),
        insertRegistration({ mode: "online" }),
      ];
      signUp(s, people[0]);
      signUp(s, people[1]);
      expect(() => signUp(s, people[2])).toThrow(/session_full/);
      // Online places are not limited.
      expect(() => signUp(s, people[3], "online")).not.toThrow();
      dropTrigger("session_signups_capacity");
      expect(() => signUp(s, people[2])).not.toThrow();
    }));

  it("falls back to the room's capacity when the session has none", () =>
    scratch(() => {
      sqlite.prepare("UPDATE conferences SET in_person_capacity = 50 WHERE id = ?").run(conferenceId);
      const s = session(null, 1);
      const a = insertRegistration();
      const b = insertRegistration();
      signUp(s, a);
      expect(() => signUp(s, b)).toThrow(/session_full/);
    }));

  it("has no limit for a session with neither capacity nor room", () =>
    scratch(() => {
      sqlite.prepare("UPDATE conferences SET in_person_capacity = 50 WHERE id = ?").run(conferenceId);
      const s = session(null, null);
      for (let i = 0; i < 5; i++) signUp(s, insertRegistration());
      expect(
        (sqlite.prepare("SELECT count(*) n FROM session_signups WHERE session_id = ?").get(s) as { n: number }).n,
      ).toBe(5);
    }));
});

describe("bilateral meetings", () => {
  /** A block with one slot (two when asked) and two tables, and three accepted requests between four organisations. */
  function meetingSetUp() {
    const sessionId = (
      sqlite
        .prepare(
          `INSERT INTO sessions (conference_id, kind, title_vi, title_en, starts_at, ends_at, created_at, updated_at)
           VALUES (?, 'meeting_block', 'Gặp gỡ', 'Meetings', '2030-12-13T07:00:00.000Z', '2030-12-13T08:00:00.000Z', ?, ?) RETURNING id`,
        )
        .get(conferenceId, at, at) as { id: number }
    ).id;
    const blockId = (
      sqlite
        .prepare(
          "INSERT INTO meeting_blocks (conference_id, session_id, slot_minutes, table_count, allowed_pairs, created_at, updated_at) VALUES (?, ?, 20, 2, '[]', ?, ?) RETURNING id",
        )
        .get(conferenceId, sessionId, at, at) as { id: number }
    ).id;
    const slot = (
      sqlite
        .prepare(
          "INSERT INTO meeting_slots (block_id, starts_at, ends_at) VALUES (?, '2030-12-13T07:00:00.000Z', '2030-12-13T07:20:00.000Z') RETURNING id",
        )
        .get(blockId) as { id: number }
    ).id;
    const tables = [1, 2].map(
      (n) =>
        (
          sqlite
            .prepare("INSERT INTO meeting_tables (block_id, number) VALUES (?, ?) RETURNING id")
            .get(blockId, n) as { id: number }
        ).id,
    );
    const request = (from: number, to: number) =>
      (
        sqlite
          .prepare(
            "INSERT INTO meeting_requests (conference_id, from_organisation_id, to_organisation_id, sector, ask, priority, status, created_at) VALUES (?, ?, ?, 'trade', '', 2, 'accepted', ?) RETURNING id",
          )
          .get(conferenceId, from, to, at) as { id: number }
      ).id;
    const requests = [request(orgs[0], orgs[1]), request(orgs[2], orgs[3]), request(orgs[0], orgs[2])];
    return { blockId, slot, tables, requests };
  }
  const meeting = (requestId: number, slotId: number, tableId: number | null) =>
    (
      sqlite
        .prepare(
          "INSERT INTO meetings (request_id, slot_id, table_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
        )
        .get(requestId, slotId, tableId, at, at) as { id: number }
    ).id;
  const participant = (meetingId: number, slotId: number, organisationId: number) =>
    sqlite
      .prepare("INSERT INTO meeting_participants (meeting_id, slot_id, organisation_id) VALUES (?, ?, ?)")
      .run(meetingId, slotId, organisationId);

  it("refuses two meetings at one table in one slot (meetings_one_per_table_slot), for different requests", () =>
    scratch(() => {
      const { slot, tables, requests } = meetingSetUp();
      meeting(requests[0], slot, tables[0]);
      expect(() => meeting(requests[1], slot, tables[0])).toThrow(
        /UNIQUE constraint failed: meetings\.slot_id, meetings\.table_id/,
      );
      // The other table in the same slot is free, and online meetings (no table) do not collide.
      expect(() => meeting(requests[1], slot, tables[1])).not.toThrow();
    }));

  it("lets online meetings (no table) share a slot", () =>
    scratch(() => {
      const { slot, requests } = meetingSetUp();
      meeting(requests[0], slot, null);
      expect(() => meeting(requests[1], slot, null)).not.toThrow();
    }));

  it("places a request once (meetings.request_id is unique)", () =>
    scratch(() => {
      const { slot, tables, requests } = meetingSetUp();
      meeting(requests[0], slot, tables[0]);
      expect(() => meeting(requests[0], slot, tables[1])).toThrow(/UNIQUE constraint failed: meetings\.request_id/);
    }));

  it("refuses a party in two meetings in one slot (meeting_participants_one_per_slot)", () =>
    scratch(() => {
      const { slot, tables, requests } = meetingSetUp();
      const first = meeting(requests[0], slot, tables[0]);
      participant(first, slot, orgs[0]);
      participant(first, slot, orgs[1]);
      const second = meeting(requests[2], slot, tables[1]);
      expect(() => participant(second, slot, orgs[0])).toThrow(
        /UNIQUE constraint failed: meeting_participants\.slot_id, meeting_participants\.organisation_id/,
      );
      expect(() => participant(second, slot, orgs[2])).not.toThrow();
    }));

  it("allows one request per pair and none to oneself", () =>
    scratch(() => {
      meetingSetUp();
      const ask = (from: number, to: number) =>
        sqlite
          .prepare(
            "INSERT INTO meeting_requests (conference_id, from_organisation_id, to_organisation_id, sector, ask, priority, status, created_at) VALUES (?, ?, ?, 'trade', '', 1, 'pending', ?)",
          )
          .run(conferenceId, from, to, at);
      expect(() => ask(orgs[0], orgs[1])).toThrow(
        /UNIQUE constraint failed: meeting_requests\.conference_id, meeting_requests\.from_organisation_id, meeting_requests\.to_organisation_id/,
      );
      expect(() => ask(orgs[3], orgs[3])).toThrow(/CHECK constraint failed: meeting_request_not_to_self/);
      // The other direction is a request of its own.
      expect(() => ask(orgs[1], orgs[0])).not.toThrow();
    }));

  it("has one slot per start and one table per number in a block", () =>
    scratch(() => {
      const { blockId } = meetingSetUp();
      expect(() =>
        sqlite
          .prepare(
            "INSERT INTO meeting_slots (block_id, starts_at, ends_at) VALUES (?, '2030-12-13T07:00:00.000Z', '2030-12-13T07:30:00.000Z')",
          )
          .run(blockId),
      ).toThrow(/UNIQUE constraint failed: meeting_slots\.block_id, meeting_slots\.starts_at/);
      expect(() => sqlite.prepare("INSERT INTO meeting_tables (block_id, number) VALUES (?, 2)").run(blockId)).toThrow(
        /UNIQUE constraint failed: meeting_tables\.block_id, meeting_tables\.number/,
      );
    }));
});

describe("people", () => {
  it("has one head per organisation (users_one_head_per_organisation)", () =>
    scratch(() => {
      const user = (id: string, head: number) =>
        sqlite
          .prepare(
            "INSERT INTO users (id, email, full_name, role, organisation_id, created_at, updated_at, heads_organisation) VALUES (?, ?, 'X', 'delegate', ?, ?, ?, ?)",
          )
          .run(id, `${id}@example.vn`, orgs[3], at, at, head);
      sqlite.prepare("UPDATE users SET heads_organisation = 0 WHERE organisation_id = ?").run(orgs[3]);
      user("head-a", 1);
      user("staff-b", 0);
      expect(() => user("head-c", 1)).toThrow(/UNIQUE constraint failed: users\.organisation_id/);
      expect(() => sqlite.prepare("UPDATE users SET heads_organisation = 1 WHERE id = 'staff-b'").run()).toThrow(
        /UNIQUE constraint failed: users\.organisation_id/,
      );
      sqlite.exec("DROP INDEX users_one_head_per_organisation");
      expect(() => user("head-c", 1)).not.toThrow();
    }));
});
