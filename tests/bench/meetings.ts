/**
 * npm run bench:meetings — the built server on a fresh demo database grown to
 * the conference's size for bilateral meetings (the meeting session cut into
 * 12 slots × 30 tables, about 500 accepted requests from the 63 provinces to
 * the missions): the scheduler's preview and commit through the organisers'
 * page, the grid and the delegates' pages under 50 connections, and the
 * prints once each. /healthz in the same run is the yardstick. Prints JSON.
 */
import { openDatabase } from "../../db/client";
import { measure, signIn, startServer } from "./server";

const PORT = Number(process.env.BENCH_PORT || 3402);
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const INDEX = "/admin/meetings?index&_data=routes%2Fadmin.meetings._index";

/** Deterministic pseudo-random numbers (the same instance every run). */
function random(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** Empties the demo's meetings and gives every province about eight accepted requests to missions. */
async function growRequests(path: string) {
  const { db } = openDatabase(path);
  await db.deleteFrom("meetings").execute();
  await db.deleteFrom("meeting_requests").execute();
  await db.deleteFrom("meeting_blocks").execute();
  const conference = await db
    .selectFrom("conferences")
    .select("id")
    .where("edition", "=", 20)
    .executeTakeFirstOrThrow();
  const provinces = await db
    .selectFrom("organisations")
    .select("id")
    .where("kind", "=", "province")
    .orderBy("id")
    .execute();
  const missions = await db
    .selectFrom("organisations")
    .select("id")
    .where("kind", "=", "mission")
    .orderBy("id")
    .execute();
  const next = random(7);
  const now = new Date().toISOString();
  const rows = new Map<string, { from: number; to: number; priority: number }>();
  for (const p of provinces) {
    while ([...rows.values()].filter((r) => r.from === p.id).length < 8) {
      // Popular missions (the first ten) are asked far more often than they can meet.
      const m = next() < 0.4 ? missions[Math.floor(next() * 10)] : missions[Math.floor(next() * missions.length)];
      rows.set(`${p.id}-${m.id}`, { from: p.id, to: m.id, priority: 1 + Math.floor(next() * 3) });
    }
  }
  await db
    .insertInto("meeting_requests")
    .values(
      [...rows.values()].map((r) => ({
        conference_id: conference.id,
        from_organisation_id: r.from,
        to_organisation_id: r.to,
        sector: "Đầu tư",
        ask: "Giới thiệu cơ hội đầu tư",
        priority: r.priority,
        status: "accepted" as const,
        decline_reason: "",
        requested_by: null,
        answered_by: null,
        created_at: now,
        answered_at: now,
      })),
    )
    .execute();
  await db.destroy();
  return rows.size;
}

async function post(url: string, cookie: string, form: Record<string, string>) {
  const started = performance.now();
  const res = await fetch(`${url}${INDEX}`, {
    method: "POST",
    headers: { cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
    redirect: "manual",
  });
  // A done action redirects to the page (a data request answers 204 with X-Remix-Redirect); an error is JSON.
  const redirected = res.status === 204 || (res.status >= 300 && res.status < 400);
  const body = redirected ? {} : ((await res.json()) as Record<string, unknown>);
  return { status: redirected ? 200 : res.status, ms: Math.round(performance.now() - started), body };
}

/** The scheduler's preview: the page's GET (`?preview=1`), answered by its loader. */
async function previewOf(url: string, cookie: string) {
  const started = performance.now();
  const res = await fetch(`${url}/admin/meetings?preview=1&_data=routes%2Fadmin.meetings._index`, {
    headers: { cookie },
  });
  const body = (await res.json()) as Record<string, unknown>;
  return { status: res.status, ms: Math.round(performance.now() - started), body };
}

async function timed(url: string, cookie: string) {
  const started = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  const bytes = (await res.arrayBuffer()).byteLength;
  return { status: res.status, ms: Math.round(performance.now() - started), bytes };
}

async function main() {
  const server = await startServer(PORT);
  try {
    const { url } = server;
    const requests = await growRequests(server.databasePath);
    const organiser = await signIn(url, "to-chuc@ngoaivu.test", "ToChuc#2021");
    const delegate = await signIn(url, "dai-bieu.bacgiang@ngoaivu.test", "DaiBieu#2021");
    const created = await post(url, organiser, {
      intent: "create",
      slotMinutes: "15",
      gapMinutes: "2",
      tableCount: "30",
      requestsCloseAt: "",
      answersCloseAt: "",
      maxRequests: "",
      "pair.province.mission": "on",
    });
    if (created.status !== 200) throw new Error(`block set-up failed: ${JSON.stringify(created.body)}`);
    const preview = await previewOf(url, organiser);
    const p = preview.body.preview as {
      placed: number;
      weight: number;
      optimal: boolean;
      meetings: string;
      left: unknown[];
    };
    const commit = await post(url, organiser, { intent: "commit", meetings: p.meetings });
    if (commit.status !== 200) throw new Error(`commit failed: ${JSON.stringify(commit.body)}`);

    const healthz = await measure({ url: `${url}/healthz`, duration: SECONDS });
    const grid = await measure({ url: `${url}/admin/meetings`, duration: SECONDS, headers: { cookie: organiser } });
    const meetingsPage = await measure({ url: `${url}/meetings`, duration: SECONDS, headers: { cookie: delegate } });
    const myAgenda = await measure({ url: `${url}/my-agenda`, duration: SECONDS, headers: { cookie: delegate } });
    const healthzAfter = await measure({ url: `${url}/healthz`, duration: SECONDS });
    const prints = {
      schedules_pdf: await timed(`${url}/admin/meetings/schedule.pdf`, organiser),
      table_signs_pdf: await timed(`${url}/admin/meetings/signs.pdf`, organiser),
      list_pdf: await timed(`${url}/admin/meetings/list.pdf`, organiser),
      list_csv: await timed(`${url}/admin/meetings/list.csv`, organiser),
    };
    console.log(
      JSON.stringify(
        {
          machine: { cores: (await import("node:os")).cpus().length, node: process.version },
          instance: { accepted_requests: requests, slots: created.body.created, tables: 30 },
          preview: {
            status: preview.status,
            ms: preview.ms,
            placed: p.placed,
            weight: p.weight,
            optimal: p.optimal,
            left_out: p.left.length,
          },
          commit: { status: commit.status, ms: commit.ms, committed: commit.body.committed },
          connections: 50,
          seconds_per_run: SECONDS,
          healthz,
          organisers_grid: grid,
          delegates_meetings_page: meetingsPage,
          my_agenda: myAgenda,
          healthz_after: healthzAfter,
          prints,
        },
        null,
        2,
      ),
    );
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
