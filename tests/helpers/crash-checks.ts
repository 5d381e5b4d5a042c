import SQLite from "better-sqlite3";
import type { Outcome } from "./crash-clients";

/**
 * What the crash test reads back from the database file after a restart (read-only, with
 * better-sqlite3): every write that got a success answer must be there and whole — the row, its
 * audit row, its e-mail — and a request in flight at the kill must be wholly there or wholly absent.
 */
export interface Problems {
  missing: string[];
  halfWritten: string[];
  found: { registration: number; signup: number; meeting: number };
  /** Requests in flight at a kill (registrations, meeting requests) whose write had committed. */
  lostCommitted: number;
}

export function openReadOnly(path: string) {
  return new SQLite(path, { readonly: true, fileMustExist: true });
}

export function integrity(path: string): { integrity: string; foreignKeyProblems: number } {
  const db = openReadOnly(path);
  try {
    const integrity = db.pragma("integrity_check", { simple: true }) as string;
    const foreignKeyProblems = (db.pragma("foreign_key_check") as unknown[]).length;
    return { integrity, foreignKeyProblems };
  } finally {
    db.close();
  }
}

/** The last recorded outcome of each key that got an answer or was in flight, in the order they happened. */
function lastByKey(outcomes: Outcome[]): Map<string, Outcome[]> {
  const byKey = new Map<string, Outcome[]>();
  for (const o of outcomes)
    if (o.status === "ok" || o.status === "lost") byKey.set(o.key, [...(byKey.get(o.key) ?? []), o]);
  return byKey;
}

export function checkWrites(path: string, outcomes: Outcome[], users: Map<number, string>): Problems {
  const db = openReadOnly(path);
  const problems: Problems = {
    missing: [],
    halfWritten: [],
    found: { registration: 0, signup: 0, meeting: 0 },
    lostCommitted: 0,
  };
  try {
    const request = db.prepare(
      "select id, invitation_id from registration_requests where email = ? and confirmed_at is null",
    );
    const invitation = db.prepare("select id from invitations where id = ?");
    const audit = db.prepare("select count(*) as n from audit_log where action = ? and entity_id = ?");
    const mail = db.prepare("select count(*) as n from outbox where to_email = ? and kind = 'registration.confirm'");
    for (const o of outcomes.filter((x) => x.kind === "registration" && (x.status === "ok" || x.status === "lost"))) {
      const row = request.get(o.key) as { id: number; invitation_id: number } | undefined;
      if (!row) {
        if (o.status === "ok") problems.missing.push(`registration ${o.key}`);
        continue;
      }
      if (o.status === "ok") problems.found.registration += 1;
      else problems.lostCommitted += 1;
      const whole =
        !!invitation.get(row.invitation_id) &&
        (audit.get("registration.request", String(row.id)) as { n: number }).n === 1 &&
        (mail.get(o.key) as { n: number }).n === 1;
      if (!whole) problems.halfWritten.push(`registration ${o.key}`);
    }

    // Sign-ups: the state is the last success's, or (if a later request was in flight) either; each
    // success left its audit row, and no more audit rows than successes and in-flight requests.
    const signup = db.prepare("select 1 from session_signups where registration_id = ? and session_id = ?");
    const actions = db.prepare(
      "select count(*) as n from audit_log where action = ? and actor_id = ? and entity_id = ?",
    );
    for (const [key, list] of lastByKey(outcomes.filter((x) => x.kind === "signup"))) {
      const [registrationId, sessionId] = key.split(":").map(Number);
      const present = !!signup.get(registrationId, sessionId);
      const lastOk = [...list].reverse().find((x) => x.status === "ok");
      const last = list[list.length - 1];
      const allowed = new Set<boolean>();
      allowed.add(lastOk ? lastOk.intent === "signUp" : present); // before any success: as it was
      if (last.status === "lost") allowed.add(last.intent === "signUp");
      if (!allowed.has(present)) problems.missing.push(`sign-up ${key}: ${present ? "still there" : "gone"}`);
      problems.found.signup += list.filter((x) => x.status === "ok").length;
      const userId = users.get(registrationId)!;
      for (const [intent, action] of [
        ["signUp", "session.sign_up"],
        ["cancel", "session.cancel_sign_up"],
      ] as const) {
        const ok = list.filter((x) => x.status === "ok" && x.intent === intent).length;
        const lost = list.filter((x) => x.status === "lost" && x.intent === intent).length;
        const n = (actions.get(action, userId, String(sessionId)) as { n: number }).n;
        if (n < ok || n > ok + lost) problems.halfWritten.push(`${action} ${key}: ${n} audit rows for ${ok} successes`);
      }
    }

    const meeting = db.prepare(
      "select id, status from meeting_requests where from_organisation_id = ? and to_organisation_id = ?",
    );
    for (const o of outcomes.filter((x) => x.kind === "meeting" && (x.status === "ok" || x.status === "lost"))) {
      const [from, to] = o.key.split(">").map(Number);
      const row = meeting.get(from, to) as { id: number; status: string } | undefined;
      if (!row) {
        if (o.status === "ok") problems.missing.push(`meeting request ${o.key}`);
        continue;
      }
      if (o.status === "ok") problems.found.meeting += 1;
      else problems.lostCommitted += 1;
      if ((audit.get("meeting_request.create", String(row.id)) as { n: number }).n !== 1 || row.status !== "pending")
        problems.halfWritten.push(`meeting request ${o.key}`);
    }
  } finally {
    db.close();
  }
  return problems;
}

/** The outbox as the database sees it: how many rows, sent, waiting, failed, and held by a claim. */
export function outboxState(path: string, sinceId: number) {
  const db = openReadOnly(path);
  try {
    return db
      .prepare(
        `select count(*) as total,
          sum(case when sent_at is not null then 1 else 0 end) as sent,
          sum(case when sent_at is null then 1 else 0 end) as unsent,
          sum(case when attempts > 0 then 1 else 0 end) as failedTries,
          sum(case when sent_at is null and claim_token is not null then 1 else 0 end) as claimed
         from outbox where id > ?`,
      )
      .get(sinceId) as { total: number; sent: number; unsent: number; failedTries: number; claimed: number };
  } finally {
    db.close();
  }
}

export function outboxIds(path: string, sinceId: number): number[] {
  const db = openReadOnly(path);
  try {
    return (db.prepare("select id from outbox where id > ? order by id").all(sinceId) as { id: number }[]).map(
      (r) => r.id,
    );
  } finally {
    db.close();
  }
}

/** The unsent messages a sending pass held when the server was killed (the only ones that may come twice). */
export function claimedIds(path: string): number[] {
  const db = openReadOnly(path);
  try {
    return (
      db.prepare("select id from outbox where sent_at is null and claim_token is not null").all() as { id: number }[]
    ).map((r) => r.id);
  } finally {
    db.close();
  }
}
