/**
 * npm start as a cluster (app/cli/cluster.ts): two workers share the port, writes racing across
 * them keep the database's rules, a job started through a worker runs in the primary and finishes,
 * a dead worker is replaced, SIGTERM stops every process, and a SIGKILLed primary leaves no worker.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBuiltServer, type BuiltServer } from "../helpers/built-server";

const PORT = 3411;
const dir = mkdtempSync(join(tmpdir(), "cluster-test-"));
const databasePath = join(dir, "conference.sqlite");
let server: BuiltServer;

const ORGANISER = { email: "to-chuc@ngoaivu.test", password: "ToChuc#2021" };

async function signIn(url: string, who: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${url}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: url },
    body: new URLSearchParams(who),
    redirect: "manual",
  });
  const cookie = res.headers.get("set-cookie");
  if (res.status !== 302 || !cookie) throw new Error(`sign-in failed for ${who.email}: ${res.status}`);
  return cookie.split(";")[0];
}

/** A form POST to a route's action, answered as JSON (Remix's _data). */
async function post(path: string, routeId: string, cookie: string, fields: Record<string, string>) {
  const res = await fetch(`${server.url}${path}?_data=${encodeURIComponent(routeId)}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, Origin: server.url },
    body: new URLSearchParams(fields),
    redirect: "manual",
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}

/** One GET /healthz?pid on a connection of its own (a pooled one stays with the worker it reached). */
function healthzPid(): Promise<number | null> {
  return new Promise((resolve) => {
    const req = get(`${server.url}/healthz?pid`, { agent: false }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve((JSON.parse(body) as { pid: number }).pid));
      res.on("error", () => resolve(null));
    });
    // A dying worker's reset, or a connection it took with it, counts for none.
    req.on("error", () => resolve(null));
    req.setTimeout(3000, () => req.destroy());
  });
}

async function pidsAnswering(requests = 40): Promise<Set<number>> {
  const answers = await Promise.all(Array.from({ length: requests }, healthzPid));
  return new Set(answers.filter((pid): pid is number => pid !== null));
}

/** The test's own connection to the server's database file (WAL: it reads beside the server). */
function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new SQLite(databasePath, { readonly: true });
  try {
    db.pragma("busy_timeout = 5000");
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Writes beside the running server, as an organiser's other tool would (the test's setup only). */
function write(run: (db: SQLite.Database) => void) {
  const db = new SQLite(databasePath);
  try {
    db.pragma("busy_timeout = 5000");
    db.pragma("foreign_keys = ON");
    run(db);
  } finally {
    db.close();
  }
}

const parentOf = (pid: number) => Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")[1]);
const alive = (pid: number) => {
  try {
    // A zombie (exited, not yet reaped) holds nothing: only a running process counts.
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
};
async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}
/** /healthz answers as soon as one worker listens: wait for both (each loads the build first). */
async function bothWorkers(): Promise<number[]> {
  let pids = new Set<number>();
  await waitFor(async () => (pids = await pidsAnswering()).size === 2);
  return [...pids];
}
const portAnswers = () =>
  fetch(`${server.url}/healthz`).then(
    () => true,
    () => false,
  );

beforeAll(async () => {
  server = await startBuiltServer({ port: PORT, databasePath, env: { WEB_CONCURRENCY: "2" } });
});
afterAll(async () => {
  await server?.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

describe("the cluster", () => {
  it("serves from two workers, each with its own WAL connection", async () => {
    const pids = await bothWorkers();
    expect(pids).toHaveLength(2);
    expect((await pidsAnswering()).size).toBe(2);
    expect(query<{ journal_mode: string }>("pragma journal_mode")[0].journal_mode).toBe("wal");
  });

  it("checks a badge in once when the door's scanners send it forty times at once", async () => {
    const cookie = await signIn(server.url, ORGANISER);
    const [{ id }] = query<{ id: number }>(
      "select id from registrations where status = 'approved' and mode = 'in_person' and checked_in_at is null limit 1",
    );
    const answers = await Promise.all(
      Array.from({ length: 40 }, () =>
        post("/admin/checkin", "routes/admin.checkin", cookie, { intent: "checkin", registrationId: String(id) }),
      ),
    );
    expect(answers.map((a) => a.status).filter((s) => s !== 200)).toEqual([]);
    const states = answers.map((a) => (a.body?.outcome as { state: string }).state);
    expect(states.filter((s) => s === "checked_in")).toHaveLength(1);
    expect(states.filter((s) => s === "already")).toHaveLength(39);
    const audits = query<{ n: number }>(
      "select count(*) as n from audit_log where action = 'registration.check_in' and entity_id = ?",
      String(id),
    );
    expect(audits[0].n).toBe(1);
  });

  it("puts one meeting at a table and slot when twelve placements for it arrive at once", async () => {
    const cookie = await signIn(server.url, ORGANISER);
    const requests = query<{ id: number }>("select id from meeting_requests where status = 'accepted' limit 12");
    const [slot] = query<{ id: number }>("select id from meeting_slots order by starts_at limit 1");
    const [table] = query<{ id: number }>("select id from meeting_tables order by number limit 1");
    const answers = await Promise.all(
      requests.map((r) =>
        post(`/admin/meetings/requests/${r.id}`, "routes/admin.meetings.requests.$id", cookie, {
          intent: "place",
          slotId: String(slot.id),
          tableId: String(table.id),
        }),
      ),
    );
    // One placed; every other one refused as a conflict with the schedule (409), never a 500.
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(requests.length - 1);
    const placed = query<{ n: number }>(
      "select count(*) as n from meetings where slot_id = ? and table_id = ?",
      slot.id,
      table.id,
    );
    expect(placed[0].n).toBe(1);
  });

  it("gives the last in-person place to one of ten waiting delegates approved at the same moment", async () => {
    const cookie = await signIn(server.url, ORGANISER);
    const waiting: number[] = [];
    write((db) => {
      const one = db
        .prepare("select * from registrations where status = 'approved' and mode = 'in_person' limit 1")
        .get() as Record<string, unknown>;
      const columns = Object.keys(one).filter((c) => c !== "id");
      const insert = db.prepare(
        `insert into registrations (${columns.join(", ")}) values (${columns.map((c) => `@${c}`).join(", ")})`,
      );
      for (let i = 0; i < 10; i++) {
        const row = {
          ...one,
          user_id: null,
          email: `cho-${i}@tinh.gov.vn`,
          badge_code: `WAIT${String(i).padStart(4, "0")}`,
          status: "waitlisted",
          waitlisted_at: new Date(Date.parse(String(one.created_at)) + i * 1000).toISOString(),
          checked_in_at: null,
          checked_in_by: null,
        };
        waiting.push(
          Number(insert.run(Object.fromEntries(columns.map((c) => [c, row[c as keyof typeof row]]))).lastInsertRowid),
        );
      }
      // One place left.
      db.prepare(
        `update conferences set in_person_capacity = 1 + (select count(*) from registrations r
           where r.conference_id = conferences.id and r.mode = 'in_person' and r.status in ('pending', 'approved'))`,
      ).run();
    });
    const answers = await Promise.all(
      waiting.map((id) =>
        fetch(`${server.url}/admin/delegates?index&_data=${encodeURIComponent("routes/admin.delegates._index")}`, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, Origin: server.url },
          body: new URLSearchParams({ intent: "approve", ids: String(id) }),
          redirect: "manual",
        }).then((r) => r.status),
      ),
    );
    // Each answer is the redirect back to the list (Remix's 204 for a data request), never a 500.
    expect(answers).toEqual(answers.map(() => 204));
    const approved = query<{ id: number }>(
      `select id from registrations where status = 'approved' and id in (${waiting.join(", ")})`,
    );
    expect(approved).toHaveLength(1);
    const [held] = query<{ held: number; capacity: number }>(
      `select count(*) as held, (select in_person_capacity from conferences) as capacity from registrations
        where mode = 'in_person' and status in ('pending', 'approved')`,
    );
    expect(held.held).toBe(held.capacity);
  });

  it("runs a job started through a worker in the primary, to its end", async () => {
    const cookie = await signIn(server.url, ORGANISER);
    // The worker queues the badge batch and waits, reading its row, for the primary to finish it.
    const res = await fetch(`${server.url}/admin/badges.pdf`, { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/pdf");
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const jobs = query<{ state: string }>("select state from jobs where kind = 'registration.badgeBatch'");
    expect(jobs.map((j) => j.state)).toEqual(["done"]);
  });

  it("has written no SQLITE_BUSY and no stack trace so far", () => {
    expect(server.stderr()).not.toMatch(/SQLITE_BUSY|database is locked/);
    expect(server.stderr()).not.toMatch(/\n\s+at /);
  });

  it("replaces a worker that dies", async () => {
    const before = await bothWorkers();
    process.kill(before[0], "SIGKILL");
    await waitFor(async () => {
      const now = await pidsAnswering(20);
      return now.size === 2 && !now.has(before[0]);
    });
    expect((await pidsAnswering()).has(before[1])).toBe(true);
  });

  it("stops every process on SIGTERM", async () => {
    const workers = await bothWorkers();
    await server.kill("SIGTERM");
    expect(workers.filter(alive)).toEqual([]);
    expect(await portAnswers()).toBe(false);
  });

  it("leaves no worker holding the port when the primary is SIGKILLed, and starts again cleanly", async () => {
    server = await startBuiltServer({ port: PORT, databasePath, env: { WEB_CONCURRENCY: "2" } });
    const workers = await bothWorkers();
    const primary = parentOf(workers[0]);
    expect(parentOf(workers[1])).toBe(primary);
    process.kill(primary, "SIGKILL");
    await waitFor(() => workers.every((pid) => !alive(pid)));
    await waitFor(async () => !(await portAnswers()));
    await server.kill("SIGKILL"); // the rest of the group (tsx's wrapper)
    server = await startBuiltServer({ port: PORT, databasePath, env: { WEB_CONCURRENCY: "2" } });
    expect(await bothWorkers()).toHaveLength(2);
  });
});
