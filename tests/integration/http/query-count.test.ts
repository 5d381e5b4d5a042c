import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import * as agenda from "~/routes/admin.agenda._index";
import * as sessionEditor from "~/routes/admin.agenda.$id";
import * as sessionPage from "~/routes/programme_.sessions.$id";
import * as audit from "~/routes/admin.audit";
import * as outbox from "~/routes/admin.outbox";
import * as people from "~/routes/admin.people";
import * as prints from "~/routes/admin.prints._index";
import * as proceedings from "~/routes/admin.proceedings._index";
import * as rooms from "~/routes/admin.rooms";
import * as catalogue from "~/routes/exhibition._index";
import * as organisations from "~/routes/organisations";
import * as checkin from "~/routes/admin.checkin";
import * as dashboard from "~/routes/admin.dashboard";
import * as delegates from "~/routes/admin.delegates._index";
import * as documents from "~/routes/admin.documents._index";
import * as exhibition from "~/routes/admin.exhibition._index";
import * as applications from "~/routes/admin.exhibition.applications._index";
import * as plan from "~/routes/admin.exhibition.plan";
import * as meetingGrid from "~/routes/admin.meetings._index";
import * as quotas from "~/routes/admin.quotas";
import * as agreements from "~/routes/agreements._index";
import * as meetings from "~/routes/meetings/route";
import * as myAgenda from "~/routes/my-agenda";
import * as programme from "~/routes/programme";
import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import { recordAudit } from "~/platform/audit.server";
import { queueEmail } from "~/platform/outbox.server";
import { placeMeeting } from "~/features/meetings/meetings.server";
import { now as clockNow } from "~/lib/clock";
import { CONFERENCE_DEMO_DOMAIN, seedConferenceDemo } from "../../../seeds/demo-conference";
import { seedDemoProceedings } from "../../../seeds/demo-proceedings";
import { demoConference } from "../../helpers/factories";
import { countQueries, grownStatements } from "../../helpers/query-count";
import { call, signInAs, type DemoKey } from "../../helpers/remix";

/**
 * The "list pages run a fixed number of queries whatever the number of rows": each list page's
 * loader is counted on the small demo, then again once every list has several times more rows; a page
 * whose count grew runs a query per row (N+1).
 */
interface Page {
  path: string;
  loader: unknown;
  as: DemoKey | null;
  /** A page of one session: the discussion with sign-ups (its id appended, as the route's :id). */
  ofSession?: boolean;
}

const PAGES: Page[] = [
  { path: "/admin/delegates", loader: delegates.loader, as: "organiser" },
  { path: "/admin/checkin", loader: checkin.loader, as: "organiser" },
  { path: "/admin/meetings", loader: meetingGrid.loader, as: "organiser" },
  { path: "/meetings", loader: meetings.loader, as: "delegate" },
  { path: "/my-agenda", loader: myAgenda.loader, as: "delegate" },
  { path: "/programme", loader: programme.loader, as: null },
  { path: "/programme", loader: programme.loader, as: "delegate" },
  { path: "/admin/exhibition", loader: exhibition.loader, as: "organiser" },
  { path: "/admin/exhibition/applications", loader: applications.loader, as: "organiser" },
  { path: "/admin/exhibition/plan", loader: plan.loader, as: "organiser" },
  { path: "/admin/quotas", loader: quotas.loader, as: "organiser" },
  { path: "/agreements", loader: agreements.loader, as: "organiser" },
  { path: "/admin/documents", loader: documents.loader, as: "organiser" },
  { path: "/admin/audit", loader: audit.loader, as: "organiser" },
  { path: "/admin/dashboard", loader: dashboard.loader, as: "organiser" },
  { path: "/admin/checkin?q=nguyen", loader: checkin.loader, as: "organiser" },
  { path: "/admin/delegates?unconfirmed=1", loader: delegates.loader, as: "organiser" },
  { path: "/admin/agenda", loader: agenda.loader, as: "organiser" },
  { path: "/admin/rooms", loader: rooms.loader, as: "organiser" },
  { path: "/admin/people", loader: people.loader, as: "organiser" },
  { path: "/admin/outbox", loader: outbox.loader, as: "organiser" },
  { path: "/organisations", loader: organisations.loader, as: "organiser" },
  { path: "/admin/proceedings", loader: proceedings.loader, as: "organiser" },
  { path: "/admin/prints", loader: prints.loader, as: "organiser" },
  { path: "/exhibition", loader: catalogue.loader, as: "delegate" },
  { path: "/admin/agenda", loader: sessionEditor.loader, as: "organiser", ofSession: true },
  { path: "/programme/sessions", loader: sessionPage.loader, as: "delegate", ofSession: true },
];

const cookies = new Map<DemoKey, string>();
let discussionId = 0;

/** The page's loader counted on its second call (the first may fill a per-process cache). */
async function measure(page: Page) {
  const cookie = page.as ? cookies.get(page.as)! : null;
  const id = String(discussionId);
  const once = () =>
    page.ofSession
      ? call(page.loader, { path: `${page.path}/${id}`, params: { id }, cookie })
      : call(page.loader, { path: page.path, cookie });
  const first = await once();
  expect(first.status, `${page.path} as ${page.as ?? "visitor"}`).toBe(200);
  return countQueries(once);
}

const LISTED = [
  "registrations",
  "users",
  "session_signups",
  "meeting_requests",
  "meetings",
  "exhibitors",
  "booth_allocations",
  "agreements",
  "documents",
  "audit_log",
  "outbox",
] as const;

async function rowCounts() {
  const counts: Record<string, number> = {};
  for (const table of LISTED) {
    const row = await getDb()
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  const signUps = await getDb()
    .selectFrom("session_signups")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("session_id", "=", discussionId)
    .executeTakeFirstOrThrow();
  counts["session_signups of the discussion"] = Number(signUps.n);
  return counts;
}
let rowsBefore: Record<string, number> = {};

const small = new Map<Page, { count: number; sql: string[] }>();

describe("list pages' query counts", () => {
  beforeAll(async () => {
    for (const key of ["organiser", "delegate"] as const) cookies.set(key, await signInAs(key));
    discussionId = (
      await getDb()
        .selectFrom("sessions")
        .select("id")
        .where("kind", "=", "discussion")
        .where("requires_signup", "=", 1)
        .where("published", "=", 1)
        .orderBy("id")
        .executeTakeFirstOrThrow()
    ).id;
    for (const page of PAGES) small.set(page, await measure(page));
    rowsBefore = await rowCounts();
    await grow();
  }, 120_000);

  it.each(PAGES.map((p) => [`${p.path} as ${p.as ?? "visitor"}`, p] as const))(
    "%s runs as many queries with several times more rows",
    async (name, page) => {
      const before = small.get(page)!;
      const after = await measure(page);
      const grown = grownStatements(before.sql, after.sql);
      expect(
        after.count,
        `${name} grew by ${after.count - before.count} queries (${before.count} → ${after.count}) with more rows:\n${grown.join("\n")}`,
      ).toBe(before.count);
    },
  );

  it("compares against several times more rows in every list", async () => {
    const after = await rowCounts();
    const short = Object.entries(rowsBefore)
      .filter(([table, before]) => after[table] < Math.max(2.5 * before, 20))
      .map(([table, before]) => `${table}: ${before} → ${after[table]}`);
    expect(short, "lists that did not grow several times").toEqual([]);
  });

  it("the counter sees a query per row and names it", async () => {
    const db = getDb();
    const perRow = (n: number) =>
      countQueries(async () => {
        const ids = await db.selectFrom("registrations").select("id").orderBy("id").limit(n).execute();
        for (const { id } of ids)
          await db.selectFrom("registrations").select("full_name").where("id", "=", id).execute();
      });
    const [two, five] = [await perRow(2), await perRow(5)];
    expect([two.count, five.count]).toEqual([3, 6]);
    expect(grownStatements(two.sql, five.sql)).toEqual([
      expect.stringMatching(/^\+3 × select "full_name" from "registrations" where "id" = \?$/),
    ]);
  });
});

/** Several times more rows in every list: the conference-size demo, then more of what it does not add. */
async function grow() {
  const conference = await demoConference();
  const now = clockNow();
  await getDb()
    .transaction()
    .execute(async (trx) => {
      const db = trx as unknown as Kysely<Database>;
      // 450 more registrations (every status, both modes), sign-ups, check-ins, quotas, meeting requests.
      await seedConferenceDemo(db, { conferenceId: conference.id, now });
      // The conference-size proceedings: presentations, 40 agreements, placed meetings with outcomes.
      await seedDemoProceedings(db, { conferenceId: conference.id, size: "conference", now });
      // Three times the exhibitors, each with its products (copies without an account).
      const exhibitors = await db.selectFrom("exhibitors").selectAll().execute();
      const products = await db.selectFrom("exhibitor_products").selectAll().execute();
      for (const copy of [2, 3])
        for (const { id, ...e } of exhibitors) {
          const made = await db
            .insertInto("exhibitors")
            .values({
              ...e,
              user_id: null,
              name_vi: `${e.name_vi} ${copy}`,
              contact_email: `${copy}.${e.contact_email}`,
            })
            .returning("id")
            .executeTakeFirstOrThrow();
          const own = products
            .filter((p) => p.exhibitor_id === id)
            .map(({ id: _, ...p }) => ({ ...p, exhibitor_id: made.id }));
          if (own.length) await db.insertInto("exhibitor_products").values(own).execute();
        }
      // A few hundred audit entries, as a morning of the conference leaves.
      for (let i = 0; i < 300; i += 1)
        await recordAudit(db, {
          actorId: null,
          action: "registration.update",
          entity: "registration",
          entityId: i,
          ip: "127.0.0.1",
        });
      // Mail in every state of the outbox's list.
      for (let i = 0; i < 120; i += 1)
        await queueEmail(db, {
          to: `dai-bieu-${i}@${CONFERENCE_DEMO_DOMAIN}`,
          subject: "Xác nhận đăng ký / Registration confirmed",
          body: "…",
          kind: "registration.confirm",
        });
      // Booths for the approved copies, on booths still free.
      const free = await db
        .selectFrom("booths")
        .select("id")
        .where("id", "not in", db.selectFrom("booth_allocations").select("booth_id"))
        .orderBy("id")
        .execute();
      const approved = await db
        .selectFrom("exhibitors")
        .select("id")
        .where("status", "=", "approved")
        .where("user_id", "is", null)
        .where("id", "not in", db.selectFrom("booth_allocations").select("exhibitor_id"))
        .execute();
      const pairs = approved.slice(0, free.length).map((e, i) => ({
        booth_id: free[i].id,
        conference_id: conference.id,
        exhibitor_id: e.id,
        source: "hand" as const,
        allocated_by: null,
        allocated_at: now.toISOString(),
      }));
      if (pairs.length) await db.insertInto("booth_allocations").values(pairs).execute();
    });
  await placeAcceptedMeetings();
}

/** Every accepted request placed in the first slot and table where both parties are free (the model refuses the rest). */
async function placeAcceptedMeetings() {
  const db = getDb();
  const accepted = await db.selectFrom("meeting_requests").select("id").where("status", "=", "accepted").execute();
  const slots = await db.selectFrom("meeting_slots").select(["id", "block_id"]).orderBy("starts_at").execute();
  const tables = await db.selectFrom("meeting_tables").select(["id", "block_id"]).execute();
  const taken = new Set<string>();
  for (const request of accepted) {
    places: for (const slot of slots)
      for (const table of tables.filter((t) => t.block_id === slot.block_id)) {
        if (taken.has(`${slot.id}:${table.id}`)) continue;
        const placed = await placeMeeting(request.id, slot.id, table.id, { locked: false }, { id: null, ip: null });
        if (placed.ok) {
          taken.add(`${slot.id}:${table.id}`);
          break places;
        }
      }
  }
}
