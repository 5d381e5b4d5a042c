import { createHash } from "node:crypto";
import { getHandle } from "~/platform/db.server";

/**
 * A cheap fingerprint of what a request may have written, for "a refused call wrote nothing":
 * every row of the tables that hold decisions, people, mail and the programme is hashed; a few
 * tables are only counted.
 *
 * - Hashed: what a refusal must never change (registrations and their requests, meetings and
 *   their parties, availability and participants, users, invitations, the outbox, the programme's
 *   sessions, rooms, people and sign-ups, join links, the conference, quotas, meeting blocks, the
 *   exhibition's halls, booths, applications, photos and allocations, background jobs, the
 *   proceedings' documents and their images, the agreements registry, the book's settings).
 * - Counted: `audit_log` (refusals are not audited: a refused call must not add an entry, and
 *   nothing ever updates one), `auth_sessions` (their expiry slides on every signed-in request,
 *   which is not a write of the route's; a refusal must neither open nor end one).
 * - `login_failures` and `throttle_events` are the bookkeeping of refusals themselves (a wrong
 *   password is recorded so that the sign-in throttle can count it; the mailing forms count each
 *   try): they are counted too, and a caller that sends such refusals on purpose leaves them out
 *   with `ignore`.
 */
export const HASHED_TABLES = [
  "conferences",
  "organisations",
  "users",
  "invitations",
  "registration_requests",
  "registrations",
  "registration_events",
  "kind_quotas",
  "organisation_quotas",
  "outbox",
  "sessions",
  "rooms",
  "session_people",
  "session_signups",
  "join_links",
  "meeting_blocks",
  "meeting_slots",
  "meeting_tables",
  "meeting_requests",
  "meeting_parties",
  "meeting_availability",
  "meetings",
  "meeting_participants",
  "exhibition_settings",
  "exhibition_halls",
  "exhibition_obstacles",
  "booths",
  "exhibitors",
  "exhibitor_neighbours",
  "exhibitor_products",
  "exhibitor_photos",
  "booth_allocations",
  "jobs",
  "documents",
  "document_images",
  "agreements",
  "proceedings_settings",
] as const;

export const COUNTED_TABLES = ["audit_log", "auth_sessions", "login_failures", "throttle_events"] as const;

export type Table = (typeof HASHED_TABLES)[number] | (typeof COUNTED_TABLES)[number];
export type Digest = Partial<Record<Table, string>>;

/** Row counts of every watched table, plus a SHA-1 of the rows of the hashed ones ("12 3f9a…"). */
export function digest(options: { ignore?: readonly Table[] } = {}): Digest {
  const { sqlite } = getHandle();
  const out: Digest = {};
  for (const table of HASHED_TABLES) {
    if (options.ignore?.includes(table)) continue;
    const rows = sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().all();
    const hash = createHash("sha1");
    for (const row of rows)
      hash.update(JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))).update("\n");
    out[table] = `${rows.length} ${hash.digest("hex").slice(0, 16)}`;
  }
  for (const table of COUNTED_TABLES) {
    if (options.ignore?.includes(table)) continue;
    const row = sqlite.prepare(`SELECT count(*) AS n, coalesce(max(rowid), 0) AS last FROM "${table}"`).get() as {
      n: number;
      last: number;
    };
    out[table] = `${row.n} rows, last ${row.last}`;
  }
  return out;
}

/** The tables whose fingerprint differs, for a readable failure. */
export function changedTables(before: Digest, after: Digest): string[] {
  return (Object.keys({ ...before, ...after }) as Table[]).filter((t) => before[t] !== after[t]);
}
