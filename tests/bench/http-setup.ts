/**
 * bench:http's cast and pages: who signs in (the organiser, one delegate per province or ministry
 * with an approved registration: the meeting-request writers), which pages are measured as whom,
 * and the marker that proves an answer is the page itself (a redirect to /login is never measured).
 */
import { openDatabase } from "../../db/client";
import { hashPassword } from "../../app/auth/password.server";
import { freePairs, requesterUsers } from "./http-seed";
import { signIn } from "./server";

export const ORGANISER = { email: "to-chuc@ngoaivu.test", password: "ToChuc#2021" };
const POOL_PASSWORD = "BenchHttp#2026";

export interface Page {
  name: string;
  path: string;
  as: "visitor" | "delegate" | "organiser";
  /** Text only the page itself shows (its <title>): a sign-in form or an error page has another. */
  marker: string;
}

export const PAGES: Page[] = [
  { name: "home", path: "/", as: "visitor", marker: 'id="conference-title"' },
  { name: "programme (visitor)", path: "/programme", as: "visitor", marker: "<title>Chương trình ·" },
  { name: "programme (delegate)", path: "/programme", as: "delegate", marker: "<title>Chương trình ·" },
  { name: "my agenda", path: "/my-agenda", as: "delegate", marker: "<title>Lịch của tôi ·" },
  { name: "meetings (delegate)", path: "/meetings", as: "delegate", marker: "<title>Gặp gỡ song phương ·" },
  { name: "my registration", path: "/my-registration", as: "delegate", marker: "<title>Đăng ký của tôi ·" },
  { name: "delegate list", path: "/admin/delegates", as: "organiser", marker: "<title>Đại biểu ·" },
  { name: "dashboard", path: "/admin/dashboard", as: "organiser", marker: "<title>Tổng quan đăng ký ·" },
  { name: "meeting grid", path: "/admin/meetings", as: "organiser", marker: "<title>Xếp lịch gặp ·" },
  { name: "exhibition plan", path: "/exhibition", as: "delegate", marker: "<title>Sơ đồ và danh mục gian trưng bày ·" },
  {
    name: "exhibition plan (organiser)",
    path: "/admin/exhibition/plan",
    as: "organiser",
    marker: "<title>Sơ đồ triển lãm ·",
  },
];

/** What a browser sends: the pages are measured compressed, as delegates get them. */
export const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate, br", accept: "text/html" };

export interface Cast {
  organiser: string;
  /** The delegate the delegate pages are measured as: the province that sent the most requests. */
  delegate: string;
  /** Organisation id → a signed-in delegate who may ask for meetings for it. */
  writers: Map<number, string>;
}

/**
 * Lets the bench's writers sign in (one password hash for all of them) and lifts the demo's cap of
 * eight requests per organisation and its deadline, so that every write is a valid new request.
 * Returns each writer's e-mail by organisation.
 */
export async function prepareCast(path: string) {
  const { db, sqlite } = openDatabase(path);
  const conference = sqlite.prepare("select id from conferences order by id limit 1").get() as { id: number };
  const writers = requesterUsers(sqlite, conference.id);
  const hash = await hashPassword(POOL_PASSWORD);
  const setHash = sqlite.prepare("update users set password_hash = ? where id = ?");
  sqlite.transaction(() => {
    for (const userId of writers.values()) setHash.run(hash, userId);
    sqlite.prepare("update meeting_blocks set max_requests_per_organisation = null, requests_close_at = null").run();
  })();
  const emailOf = sqlite.prepare("select email from users where id = ?");
  const emails = new Map([...writers].map(([org, id]) => [org, (emailOf.get(id) as { email: string }).email]));
  const busiest = sqlite
    .prepare(
      `select from_organisation_id org from meeting_requests mr join organisations o on o.id = mr.from_organisation_id
        where o.kind = 'province' group by org order by count(*) desc, org limit 1`,
    )
    .get() as { org: number };
  await db.destroy();
  return { emails, delegateOrg: writers.has(busiest.org) ? busiest.org : [...writers.keys()][0] };
}

export async function signInCast(url: string, path: string): Promise<Cast> {
  const { emails, delegateOrg } = await prepareCast(path);
  const organiser = await signIn(url, ORGANISER.email, ORGANISER.password);
  const writers = new Map<number, string>();
  // Four at a time: each sign-in is a scrypt on the server.
  const entries = [...emails];
  for (let i = 0; i < entries.length; i += 4) {
    const batch = entries.slice(i, i + 4);
    const cookies = await Promise.all(batch.map(([, email]) => signIn(url, email, POOL_PASSWORD)));
    batch.forEach(([org], k) => writers.set(org, cookies[k]));
  }
  return { organiser, delegate: writers.get(delegateOrg)!, writers };
}

export const cookieFor = (cast: Cast, as: Page["as"]) =>
  as === "organiser" ? cast.organiser : as === "delegate" ? cast.delegate : null;

/**
 * Fetches every page once as its reader. Returns what is wrong with each: not 200 (a redirect to
 * /login, an error) means it is not the page and is not measured; 200 without its marker (say, a
 * message key shown instead of the text) is measured but reported.
 */
export async function checkPages(url: string, cast: Cast): Promise<Record<string, string>> {
  const problems: Record<string, string> = {};
  for (const page of PAGES) {
    const cookie = cookieFor(cast, page.as);
    const res = await fetch(`${url}${page.path}`, {
      headers: { ...BROWSER_HEADERS, ...(cookie ? { cookie } : {}) },
      redirect: "manual",
    });
    const body = await res.text();
    const title = body.match(/<title>([^<]*)<\/title>/)?.[1] ?? "no title";
    if (res.status !== 200) problems[page.name] = `not the page: answered ${res.status} (${title})`;
    else if (!body.includes(page.marker))
      problems[page.name] = `marker ${page.marker} missing: the page shows "${title}"`;
  }
  return problems;
}

/** Meeting-request pairs no request holds yet, from organisations with a signed-in writer, shuffled. */
export function freeWriterPairs(path: string, cast: Cast): Array<[number, number]> {
  const { sqlite } = openDatabase(path);
  try {
    const orgs = sqlite.prepare("select id, kind, name_vi, name_en from organisations order by id").all() as Array<{
      id: number;
      kind: string;
      name_vi: string;
      name_en: string;
    }>;
    const taken = new Set(
      (
        sqlite.prepare("select from_organisation_id f, to_organisation_id t from meeting_requests").all() as {
          f: number;
          t: number;
        }[]
      ).map((r) => `${r.f}-${r.t}`),
    );
    const pairs = freePairs(orgs, taken).filter(([from, to]) => cast.writers.has(from) && from !== to);
    // Interleave by requester so that consecutive writes come from different delegates.
    return pairs.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  } finally {
    sqlite.close();
  }
}
