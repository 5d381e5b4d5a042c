/**
 * bench:http's two writes, through the real forms: the public registration form (a visitor's
 * registration, answered by the redirect to "check your e-mail") and a delegate's meeting request
 * on /meetings (answered by the page with its confirmation). Every request is a distinct valid
 * one: a new e-mail address each time, a pair of organisations nobody has asked for yet, sent by a
 * delegate of the asking organisation. What a run wrote is counted, then removed, so each rate
 * starts from the same data.
 */
import type autocannon from "autocannon";
import { openDatabase } from "../../db/client";
import type { Cast } from "./http-setup";
import { BROWSER_HEADERS } from "./http-setup";

export interface Write {
  name: string;
  requests: autocannon.Request[];
  expected: (status: number) => boolean;
  /** Rows the run added, and removes them. */
  collect: () => number;
}

const FORM = { ...BROWSER_HEADERS, "content-type": "application/x-www-form-urlencoded" };

function rowsSince(path: string, table: string) {
  const { sqlite } = openDatabase(path);
  const before = (sqlite.prepare(`select coalesce(max(id), 0) id from ${table}`).get() as { id: number }).id;
  sqlite.close();
  return () => {
    const db = openDatabase(path).sqlite;
    try {
      const n = (db.prepare(`select count(*) n from ${table} where id > ?`).get(before) as { n: number }).n;
      db.prepare(`delete from ${table} where id > ?`).run(before);
      return n;
    } finally {
      db.close();
    }
  };
}

export function registrationWrite(path: string, organisationIds: number[], tag: string): Write {
  let n = 0;
  return {
    name: "registration (write)",
    expected: (status) => status === 302,
    collect: rowsSince(path, "registration_requests"),
    requests: [
      {
        method: "POST",
        path: "/register",
        headers: FORM,
        setupRequest: (req) => {
          n += 1;
          req.body = new URLSearchParams({
            honorific: n % 2 ? "mr" : "ms",
            fullName: `Nguyễn Thị Đại Biểu ${n}`,
            position: "Chuyên viên Sở Ngoại vụ",
            organisationId: String(organisationIds[n % organisationIds.length]),
            email: `ghi-${tag}-${n}@bench.ngoaivu.test`,
            phone: "+84 24 3799 3000",
            mode: n % 3 ? "in_person" : "online",
            interpretation: "none",
            dietary: "",
            consentToList: "on",
          }).toString();
          return req;
        },
      },
    ],
  };
}

export function meetingRequestWrite(path: string, cast: Cast, pairs: Array<[number, number]>): Write {
  let next = 0;
  return {
    name: "meeting request (write)",
    expected: (status) => status === 200,
    collect: rowsSince(path, "meeting_requests"),
    requests: [
      {
        method: "POST",
        path: "/meetings",
        setupRequest: (req) => {
          // Pairs run out only if a run sends more than there are (about 10,000 less the held ones).
          const [from, to] = pairs[next++ % pairs.length];
          req.headers = { ...FORM, cookie: cast.writers.get(from)! };
          req.body = new URLSearchParams({
            intent: "request",
            toOrganisationId: String(to),
            sector: "investment",
            ask: "Giới thiệu cơ hội đầu tư vào khu công nghiệp của tỉnh",
            priority: String(1 + (next % 3)),
          }).toString();
          return req;
        },
      },
    ],
  };
}

/** One write of each, checked in the database, before anything is measured. */
export async function checkWrites(url: string, writes: Write[]) {
  for (const write of writes) {
    const req = write.requests[0];
    const setup = req.setupRequest as (r: autocannon.Request, context: object) => autocannon.Request;
    const built = setup({ ...req, headers: { ...req.headers } }, {}) as {
      headers: Record<string, string>;
      body: string;
    };
    const res = await fetch(`${url}${req.path}`, {
      method: "POST",
      headers: built.headers,
      body: built.body,
      redirect: "manual",
    });
    const written = write.collect();
    if (!write.expected(res.status) || written !== 1)
      throw new Error(
        `${write.name} did not write: ${res.status}, ${written} row(s): ${(await res.text()).slice(0, 300)}`,
      );
  }
}
