import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SCHEDULE_PREVIEW_JOB } from "~/features/meetings/schedule-preview.server";
import { getDb } from "~/platform/db.server";
import { whenJobFinished } from "~/platform/jobs/runner.server";
import { action, loader } from "~/routes/admin.meetings._index";
import { demoConference } from "../../helpers/factories";
import { acceptedRequests, delegateOf, resetMeetings } from "../../helpers/meetings";
import { call, jsonOf, signInAs } from "../../helpers/remix";
import { hanoiLocal } from "../../helpers/dates";

const PATH = "/admin/meetings";
const blockForm = {
  intent: "create",
  slotMinutes: "20",
  gapMinutes: "10",
  tableCount: "2",
  requestsCloseAt: hanoiLocal(10),
  answersCloseAt: "",
  maxRequests: "5",
  "pair.province.mission": "on",
};

type Page = {
  preview: { placed: number; weight: number; meetings: string } | null;
  previewJob: { id: number; state: string; kind: string; step: string } | null;
};

beforeEach(async () => {
  await resetMeetings();
  await getDb().deleteFrom("jobs").execute();
});
afterEach(() => {
  delete process.env.SCHEDULER_INLINE_MAX_REQUESTS;
});

async function blockWithRequests(cookie: string) {
  await call(action, { path: PATH, cookie, form: blockForm });
  const conference = await demoConference();
  const provinces = await Promise.all(["prov-lao-cai", "prov-yen-bai", "prov-phu-tho"].map((c) => delegateOf(c)));
  await acceptedRequests(conference.id, provinces, [await delegateOf("mis-emb-jp"), await delegateOf("mis-emb-kr")]);
  const block = await getDb().selectFrom("meeting_blocks").select(["id", "session_id"]).executeTakeFirstOrThrow();
  return { conference, block };
}

/** The page's GET as a browser follows it: a redirect to the job's address, then the page until the preview shows. */
async function previewThroughJob(cookie: string, sessionId: number) {
  let path = `${PATH}?session=${sessionId}&preview=1`;
  const seen: Page["previewJob"][] = [];
  for (let i = 0; i < 20; i++) {
    const response = await call(loader, { path, cookie });
    if (response.status === 302) {
      path = response.headers.get("Location")!;
      continue;
    }
    expect(response.status).toBe(200);
    const page = await jsonOf<Page>(response);
    if (page.preview) return { page, path, seen };
    seen.push(page.previewJob);
    expect(page.previewJob).not.toBeNull();
    await whenJobFinished(page.previewJob!.id);
  }
  throw new Error("the preview never came");
}

describe("the scheduler's preview of a large block, as a background job", () => {
  it("gives the same preview as in the request, through a job of its own that is audited", async () => {
    const cookie = await signInAs("organiser");
    const { block } = await blockWithRequests(cookie);
    const inline = await jsonOf<Page>(
      await call(loader, { path: `${PATH}?session=${block.session_id}&preview=1`, cookie }),
    );
    expect(inline.previewJob).toBeNull();
    expect(inline.preview!.placed).toBe(6);
    expect(await getDb().selectFrom("jobs").selectAll().execute()).toHaveLength(0);

    process.env.SCHEDULER_INLINE_MAX_REQUESTS = "0";
    const { page, path } = await previewThroughJob(cookie, block.session_id);
    // A job done within the page's short wait is shown at once; a slower one through the job's address.
    expect(path).toMatch(new RegExp(`^/admin/meetings\\?session=${block.session_id}&preview=1(&job=\\d+)?$`));
    expect(page.previewJob).toBeNull();
    expect(page.preview).toMatchObject({ placed: inline.preview!.placed, weight: inline.preview!.weight });
    expect(JSON.parse(page.preview!.meetings)).toHaveLength(6);

    const job = await getDb().selectFrom("jobs").selectAll().executeTakeFirstOrThrow();
    expect(job).toMatchObject({ kind: SCHEDULE_PREVIEW_JOB, state: "done", result_type: "application/json" });
    expect(JSON.parse(job.input)).toEqual({ blockId: block.id });
    expect(JSON.parse(job.result_meta)).toMatchObject({ blockId: block.id, requests: 6, placed: 6 });
    const audit = await getDb()
      .selectFrom("audit_log")
      .select("action")
      .where("entity", "=", "job")
      .where("entity_id", "=", String(job.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["job.start"]);

    // The page again at the job's address shows the same preview from its file, without a new job.
    const again = await jsonOf<Page>(
      await call(loader, { path: `${PATH}?session=${block.session_id}&preview=1&job=${job.id}`, cookie }),
    );
    expect(again.preview!.meetings).toBe(page.preview!.meetings);
    expect(await getDb().selectFrom("jobs").selectAll().execute()).toHaveLength(1);
  });

  it("ignores a job number that is not this block's preview (another kind): a new preview job starts", async () => {
    const cookie = await signInAs("organiser");
    const { block, conference } = await blockWithRequests(cookie);
    const foreign = await getDb()
      .insertInto("jobs")
      .values({
        kind: "registration.badgeBatch",
        conference_id: conference.id,
        state: "failed",
        error: "x",
        created_at: new Date().toISOString(),
        input: JSON.stringify({ blockId: block.id }),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    process.env.SCHEDULER_INLINE_MAX_REQUESTS = "0";
    const response = await call(loader, {
      path: `${PATH}?session=${block.session_id}&preview=1&job=${foreign.id}`,
      cookie,
    });
    const jobs = await getDb().selectFrom("jobs").select(["id", "kind"]).orderBy("id").execute();
    expect(jobs.map((j) => j.kind)).toEqual(["registration.badgeBatch", SCHEDULE_PREVIEW_JOB]);
    if (response.status === 302)
      expect(response.headers.get("Location")).toBe(`${PATH}?session=${block.session_id}&preview=1&job=${jobs[1].id}`);
    else expect((await jsonOf<Page>(response)).preview!.placed).toBe(6);
    await whenJobFinished(jobs[1].id);
  });

  it("still refuses the secretariat and delegates", async () => {
    process.env.SCHEDULER_INLINE_MAX_REQUESTS = "0";
    for (const role of ["secretariat", "delegate"] as const) {
      const cookie = await signInAs(role);
      expect((await call(loader, { path: `${PATH}?preview=1`, cookie })).status).toBe(403);
    }
    expect(await getDb().selectFrom("jobs").selectAll().execute()).toHaveLength(0);
  });
});
