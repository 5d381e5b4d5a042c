import { beforeEach, describe, expect, it } from "vitest";
import { PROCEEDINGS_JOB } from "~/features/proceedings/rules";
import { getDb } from "~/platform/db.server";
import { getJob, startJob } from "~/platform/jobs/jobs.server";
import { whenJobFinished } from "~/platform/jobs/runner.server";
import { action, loader } from "~/routes/admin.proceedings._index";
import { loader as resultLoader } from "~/routes/jobs.$id_.result";
import { call, jsonOf, signInAs } from "../../helpers/remix";
import { readBack } from "../../unit/proceedings/book-readback";
import { seedBookDocuments } from "./book-fixtures";

process.env.JOBS_WORKER = "tests/integration/proceedings/book-worker.ts";

const form = {
  intent: "generate",
  title: "Hội nghị Ngoại vụ toàn quốc lần thứ 20",
  editionLabel: "20",
  language: "vi",
  foreword: "Trân trọng giới thiệu.",
};
const order = ["cover", "foreword", "contents", "programme", "speeches", "summaries"];

/** The builder's form as the browser posts it: the order and the ticked sections repeat their names. */
function posted(fields: Record<string, string>, ticked = order): URLSearchParams {
  const body = new URLSearchParams(fields);
  for (const s of order) body.append("order", s);
  for (const s of ticked) body.append("sections", s);
  return body;
}

async function post(cookie: string, body: URLSearchParams) {
  const request = new Request("http://localhost:3000/admin/proceedings", {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
  try {
    return (await action({ request, params: {}, context: { clientIp: "127.0.0.1" } })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function finished(id: number) {
  await whenJobFinished(id);
  const found = await getJob(getDb(), id);
  if (!found.ok) throw new Error("job vanished");
  return found.job;
}

beforeEach(async () => {
  await getDb().deleteFrom("jobs").execute();
});

describe("generating the proceedings as a job", () => {
  it("runs from the builder, keeps the version with its pages and maker, and lets staff download it", async () => {
    await seedBookDocuments(3);
    const cookie = await signInAs("secretariat");
    const response = await post(cookie, posted(form));
    expect(response.status).toBe(302);
    const [row] = await getDb().selectFrom("jobs").selectAll().where("kind", "=", PROCEEDINGS_JOB).execute();
    const job = await finished(row.id);
    expect(job.state).toBe("done");
    expect(job.result?.name).toBe("ky-yeu-20-v1.pdf");
    const download = await call(resultLoader, {
      path: `/jobs/${job.id}/result`,
      cookie: await signInAs("organiser"),
      params: { id: String(job.id) },
    });
    expect(download.status).toBe(200);
    const bytes = new Uint8Array(await download.arrayBuffer());
    const { numPages, pages } = await readBack(bytes);
    expect(job.result?.meta).toMatchObject({ pages: numPages, language: "vi", version: 1 });
    expect(pages.join("\n")).toContain("Phát biểu số 3 về đối ngoại địa phương");

    const page = await jsonOf<{
      versions: Array<{ id: number; pages: number; byName: string; version: number; state: string }>;
    }>(await call(loader, { path: "/admin/proceedings", cookie }));
    expect(page.versions[0]).toMatchObject({
      id: job.id,
      state: "done",
      pages: numPages,
      version: 1,
      byName: "Trần Minh Quân",
    });
    const audit = await getDb()
      .selectFrom("audit_log")
      .select(["action", "entity_id"])
      .where("action", "like", "proceedings.%")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["proceedings.settings.update", "proceedings.book.generate"]),
    );

    // A delegate is not told the file exists.
    const refused = await call(resultLoader, {
      path: `/jobs/${job.id}/result`,
      cookie: await signInAs("delegate"),
      params: { id: String(job.id) },
    });
    expect(refused.status).toBe(404);
  }, 120_000);

  it("a job killed halfway is failed with its reason, and the previous version stays downloadable", async () => {
    const { conference } = await seedBookDocuments(2);
    const actor = { id: null, ip: null };
    const first = await startJob(getDb(), {
      kind: PROCEEDINGS_JOB,
      conferenceId: conference.id,
      input: { language: "vi" },
      actor,
    });
    if (!first.ok) throw new Error("refused");
    const done = await finished(first.job.id);
    expect(done.state).toBe("done");

    const killed = await startJob(getDb(), {
      kind: PROCEEDINGS_JOB,
      conferenceId: conference.id,
      input: { language: "vi", kill: true },
      actor,
    });
    if (!killed.ok) throw new Error("refused");
    const failed = await finished(killed.job.id);
    expect([failed.state, failed.error, failed.result]).toEqual(["failed", "jobs.error.crashed", null]);
    // It had got into the drawing before it died.
    expect(failed.step).toBe("proceedings.book.step.drawing");

    const cookie = await signInAs("secretariat");
    const page = await jsonOf<{
      versions: Array<{ id: number; state: string; view: { error: string | null; download: string | null } }>;
    }>(await call(loader, { path: "/admin/proceedings", cookie }));
    expect(page.versions.map((v) => [v.id, v.state])).toEqual([
      [killed.job.id, "failed"],
      [done.id, "done"],
    ]);
    expect(page.versions[0].view.error).toBeTruthy();
    expect(page.versions[1].view.download).toBe(`/jobs/${done.id}/result`);
    const download = await call(resultLoader, {
      path: `/jobs/${done.id}/result`,
      cookie,
      params: { id: String(done.id) },
    });
    expect(download.status).toBe(200);
    expect((await readBack(new Uint8Array(await download.arrayBuffer()))).numPages).toBe(done.result!.meta.pages);
  }, 120_000);
});
