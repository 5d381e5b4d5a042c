import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { action, loader } from "~/routes/admin.meetings._index";
import { loader as pdfLoader } from "~/routes/admin.meetings.schedule[.]pdf";
import { demoConference } from "../../helpers/factories";
import { acceptedRequests, delegateOf, resetMeetings } from "../../helpers/meetings";
import { call, cookieFrom, jsonOf, signInAs } from "../../helpers/remix";
import { hanoiLocal, hanoiToUtc } from "../../helpers/dates";

/** Requests close in ten days, at 17:00 Hà Nội time. */
const REQUESTS_CLOSE = hanoiLocal(10);

const PATH = "/admin/meetings";

beforeEach(resetMeetings);

const blockForm = {
  intent: "create",
  slotMinutes: "20",
  gapMinutes: "10",
  tableCount: "1",
  requestsCloseAt: REQUESTS_CLOSE,
  answersCloseAt: "",
  maxRequests: "5",
  "pair.province.mission": "on",
  "pair.ministry.mission": "on",
};

/** Three provinces each ask Japan and Korea; all accepted. */
async function threeProvincesAskTwoMissions() {
  const conference = await demoConference();
  const provinces = await Promise.all(["prov-lao-cai", "prov-yen-bai", "prov-phu-tho"].map((code) => delegateOf(code)));
  const japan = await delegateOf("mis-emb-jp");
  const korea = await delegateOf("mis-emb-kr");
  const ids = await acceptedRequests(conference.id, provinces, [japan, korea]);
  return { japan, korea, provinces, ids };
}

/** An action's redirect: where to (no Remix `?index`), and the outcome the page then shows once. */
async function redirectedWith(response: Response, cookie: string) {
  expect(response.status).toBe(302);
  const location = response.headers.get("Location") ?? "";
  expect(location).not.toMatch(/[?&]index\b/);
  const flash = cookieFrom(response);
  expect(flash).toMatch(/^nv_meetings_done=/);
  const page = await call(loader, { path: location, cookie: `${cookie}; ${flash}` });
  expect(page.headers.get("Set-Cookie")).toMatch(/Max-Age=0/); // shown once
  const body = await jsonOf<{ done: { done: string; count: number } | null }>(page);
  return { location, done: body.done };
}

/** The scheduler's preview, asked of the loader as the page's GET form does. */
async function previewOf<T = Preview>(cookie: string, session?: number): Promise<T> {
  const response = await call(loader, { path: `${PATH}?${session ? `session=${session}&` : ""}preview=1`, cookie });
  expect(response.status).toBe(200);
  return jsonOf<T>(response);
}

type Preview = {
  preview: { placed: number; weight: number; optimal: boolean; meetings: string; rows: Array<{ a: { vi: string } }> };
};

describe("/admin/meetings", () => {
  it("refuses a delegate (403) on the page, its actions, its preview and the PDF", async () => {
    const cookie = await signInAs("delegate");
    expect((await call(loader, { path: PATH, cookie })).status).toBe(403);
    expect((await call(loader, { path: `${PATH}?preview=1`, cookie })).status).toBe(403);
    // Nor does the secretariat (no update:agenda) get the scheduler's preview.
    const secretariat = await signInAs("secretariat");
    expect((await call(loader, { path: `${PATH}?preview=1`, cookie: secretariat })).status).toBe(403);
    expect((await call(action, { path: PATH, cookie, form: blockForm })).status).toBe(403);
    expect((await call(pdfLoader, { path: `${PATH}/schedule.pdf`, cookie })).status).toBe(403);
    expect(await getDb().selectFrom("meeting_blocks").select("id").execute()).toHaveLength(0);
  });

  it("shows the set-up form, rejects bad input with field errors, then creates the block with Hà Nội deadlines", async () => {
    const cookie = await signInAs("organiser");
    const before = await jsonOf<{ block: unknown; session: { id: number } | null }>(
      await call(loader, { path: PATH, cookie }),
    );
    expect(before.block).toBeNull();
    expect(before.session).not.toBeNull();
    const bad = await call(action, {
      path: PATH,
      cookie,
      form: { ...blockForm, slotMinutes: "2", tableCount: "abc", requestsCloseAt: "2030-13-45T99:00" },
    });
    expect(bad.status).toBe(400);
    const badBody = await jsonOf<{ errors: Record<string, string> }>(bad);
    expect(Object.keys(badBody.errors).sort()).toEqual(["requestsCloseAt", "slotMinutes", "tableCount"]);
    // Posted as the page's form does (Remix's `?index`): back to the page's own address, the session kept.
    const ok = await call(action, {
      path: `${PATH}?index`,
      cookie,
      form: { ...blockForm, session: String(before.session!.id) },
    });
    const created = await redirectedWith(ok, cookie);
    expect(created.location).toBe(`${PATH}?session=${before.session!.id}`);
    expect(created.done).toEqual({ done: "created", count: 7 });
    const block = await getDb().selectFrom("meeting_blocks").selectAll().executeTakeFirstOrThrow();
    expect(block.requests_close_at).toBe(hanoiToUtc(REQUESTS_CLOSE)); // 17:00 in Hà Nội
    expect(block.requests_close_at).toMatch(/T10:00:00\.000Z$/);
    expect(block.answers_close_at).toBeNull();
    expect(block.max_requests_per_organisation).toBe(5);
    expect(block.table_count).toBe(1);
    const audit = await getDb()
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "meeting_block.create")
      .where("entity_id", "=", String(block.id))
      .execute();
    expect(audit).toHaveLength(1);
    const after = await jsonOf<{ grid: { slots: unknown[]; tables: unknown[]; counts: Record<string, number> } }>(
      await call(loader, { path: PATH, cookie }),
    );
    expect(after.grid.slots).toHaveLength(7);
    expect(after.grid.tables).toHaveLength(1);
  });

  it("previews without writing, commits on confirm, shows the grid, locks, and refuses a stale preview", async () => {
    const cookie = await signInAs("organiser");
    await call(action, { path: PATH, cookie, form: blockForm });
    const { japan, ids } = await threeProvincesAskTwoMissions();

    // The page without `preview=1` computes none; with it, the loader answers (a GET: nothing is written).
    expect((await jsonOf<{ preview: unknown }>(await call(loader, { path: PATH, cookie }))).preview).toBeNull();
    const { preview } = await previewOf(cookie);
    expect(preview.placed).toBe(6);
    expect(preview.weight).toBe(12);
    expect(preview.optimal).toBe(true);
    expect(preview.rows.map((r) => r.a.vi)).toContain("Lào Cai");
    expect(await getDb().selectFrom("meetings").select("id").execute()).toHaveLength(0); // a preview writes nothing

    const committed = await call(action, {
      path: `${PATH}?index&preview=1`,
      cookie,
      form: { intent: "commit", meetings: preview.meetings },
    });
    const commitDone = await redirectedWith(committed, cookie);
    expect(commitDone.location).toBe(PATH); // no session named: the page's plain address, without the preview
    expect(commitDone.done).toEqual({ done: "committed", count: 6 });
    expect(await getDb().selectFrom("meetings").select("id").execute()).toHaveLength(6);

    const pdf = await call(pdfLoader, { path: `${PATH}/schedule.pdf`, cookie });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    const pages = (bytes: Buffer) => (bytes.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
    const all = Buffer.from(await pdf.arrayBuffer());
    expect(all.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pages(all)).toBe(5); // a page per party: three provinces, Japan and Korea
    // Drawn by the background job in its worker thread (issue 14).
    const job = await getDb().selectFrom("jobs").select(["kind", "state"]).orderBy("id", "desc").executeTakeFirst();
    expect(job).toEqual({ kind: "meetings.schedules", state: "done" });
    const one = await call(pdfLoader, { path: `${PATH}/schedule.pdf?party=${japan.orgId}`, cookie });
    expect(pages(Buffer.from(await one.arrayBuffer()))).toBe(1);
    expect((await call(pdfLoader, { path: `${PATH}/schedule.pdf?party=999999`, cookie })).status).toBe(404);

    const page = await jsonOf<{
      grid: {
        meetings: Array<{ id: number; locked: boolean; requester_vi: string; counterpart_vi: string }>;
        counts: Record<string, number>;
      };
    }>(await call(loader, { path: PATH, cookie }));
    expect(page.grid.meetings).toHaveLength(6);
    expect(page.grid.counts.accepted).toBe(6);
    const first = page.grid.meetings[0];
    const lock = await call(action, {
      path: `${PATH}?index`,
      cookie,
      form: { intent: "lock", meetingId: String(first.id) },
    });
    expect((await redirectedWith(lock, cookie)).done).toEqual({ done: "locked", count: 1 });
    expect(
      (await getDb().selectFrom("meetings").select("locked").where("id", "=", first.id).executeTakeFirstOrThrow())
        .locked,
    ).toBe(1);
    expect(
      await getDb()
        .selectFrom("audit_log")
        .select("id")
        .where("action", "=", "meeting.lock")
        .where("entity_id", "=", String(first.id))
        .execute(),
    ).toHaveLength(1);

    // Japan withdraws one accepted request after the preview: the old preview no longer fits and is refused.
    const stale = await previewOf(cookie);
    const lockedRequest = (
      await getDb().selectFrom("meetings").select("request_id").where("id", "=", first.id).executeTakeFirstOrThrow()
    ).request_id;
    const other = ids.find((id) => id !== lockedRequest)!;
    await getDb().updateTable("meeting_requests").set({ status: "withdrawn" }).where("id", "=", other).execute();
    const refused = await call(action, {
      path: PATH,
      cookie,
      form: { intent: "commit", meetings: stale.preview.meetings },
    });
    expect(refused.status).toBe(409);
    expect((await jsonOf<{ errors: Record<string, string> }>(refused)).errors[""]).toBe(
      "meetings.errors.staleSchedule",
    );
    expect(await getDb().selectFrom("meetings").select("id").execute()).toHaveLength(6); // nothing changed

    // A tampered field is a 400, not a 500.
    expect((await call(action, { path: PATH, cookie, form: { intent: "commit", meetings: "not json" } })).status).toBe(
      400,
    );
    expect(japan.orgId).toBeGreaterThan(0);
  });

  it("names the requests left out and says why, in the page's language", async () => {
    const cookie = await signInAs("organiser");
    await call(action, { path: PATH, cookie, form: blockForm });
    const { korea } = await threeProvincesAskTwoMissions();
    const conference = await demoConference();
    await getDb()
      .insertInto("meeting_parties")
      .values({ conference_id: conference.id, organisation_id: korea.orgId, max_meetings: 1, limits_availability: 0 })
      .execute();
    type Left = { preview: { placed: number; left: Array<{ a: { vi: string }; b: { vi: string }; reason: string }> } };
    const { preview } = await previewOf<Left>(cookie);
    expect(preview.placed).toBe(4);
    expect(preview.left).toHaveLength(2);
    for (const u of preview.left) {
      expect(u.b.vi).toBe("Đại sứ quán Việt Nam tại Hàn Quốc");
      expect(u.reason).toBe("Đại sứ quán Việt Nam tại Hàn Quốc đã đạt tối đa 1 cuộc gặp.");
    }
    const organiser = getDb().updateTable("users").where("email", "=", "to-chuc@ngoaivu.test");
    await organiser.set({ locale: "en" }).execute();
    try {
      const english = await previewOf<Left>(cookie);
      expect(english.preview.left[0].reason).toBe(
        "Embassy of Viet Nam in the Republic of Korea has reached its maximum of 1 meeting.",
      );
    } finally {
      await organiser.set({ locale: "vi" }).execute();
    }
  });
});
