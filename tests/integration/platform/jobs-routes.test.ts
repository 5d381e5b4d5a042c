import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { createRegistration } from "~/features/registration/registrations.server";
import { startJob } from "~/platform/jobs/jobs.server";
import { whenJobFinished } from "~/platform/jobs/runner.server";
import { action as batchAction, loader as batchPage } from "~/routes/admin.badges.batch";
import { loader as batchPdf } from "~/routes/admin.badges[.]pdf";
import { loader as jobLoader } from "~/routes/jobs.$id";
import { loader as resultLoader } from "~/routes/jobs.$id_.result";
import { demoConference, registrationInput, resetRegistrations } from "../../helpers/factories";
import { call, demoAccount, jsonOf, signInAs } from "../../helpers/remix";

const pageCount = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

/** `count` approved in-person delegates spread over a few organisations. */
async function approvedDelegates(count: number) {
  const conference = await demoConference(600);
  const organisations = await getDb().selectFrom("organisations").select("id").orderBy("id").limit(6).execute();
  await getDb()
    .transaction()
    .execute(async (trx) => {
      for (let i = 0; i < count; i++) {
        const result = await createRegistration(
          trx,
          registrationInput({ organisationId: organisations[i % organisations.length].id }),
          {
            conferenceId: conference.id,
            userId: null,
            attachExistingAccount: true,
            approve: true,
            actor: { id: null, ip: null },
          },
        );
        if (!result.ok) throw new Error(JSON.stringify(result.refusal));
      }
    });
  return conference;
}

const latestJob = () => getDb().selectFrom("jobs").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();

beforeEach(async () => {
  await resetRegistrations();
  await getDb().deleteFrom("jobs").execute();
});

describe("the badge batch as a background job", () => {
  it("starts from a POST, shows its progress and ends with a PDF of one page per badge", async () => {
    await approvedDelegates(45);
    const cookie = await signInAs("organiser");
    const started = await call(batchAction, { path: "/admin/badges/batch", form: { intent: "start" }, cookie });
    expect(started.status).toBe(302);
    expect(started.headers.get("Location")).toBe("/admin/badges/batch");
    const row = await latestJob();
    expect(row.kind).toBe("registration.badgeBatch");
    expect(JSON.parse(row.input)).toEqual({ locale: "vi" });

    // A second start while it runs is refused with the running job's number.
    const second = await call(batchAction, { path: "/admin/badges/batch", form: { intent: "start" }, cookie });
    if (second.status === 409) {
      const body = await jsonOf<{ errors: Record<string, string>; params: { jobId: number } }>(second);
      expect(body.errors[""]).toBe("jobs.error.alreadyRunning");
      expect(body.params.jobId).toBe(row.id);
    } else expect(second.status).toBe(302); // the first had already finished on a fast machine

    await whenJobFinished(row.id);
    const view = await jsonOf(
      await call(jobLoader, { path: `/jobs/${row.id}`, params: { id: String(row.id) }, cookie }),
    );
    expect(view).toMatchObject({
      id: row.id,
      state: "done",
      progress: 100,
      step: "Đã xong.",
      error: null,
      download: `/jobs/${row.id}/result`,
      resultName: "badges-hoi-nghi-ngoai-vu-20.pdf",
    });

    const file = await call(resultLoader, { path: `/jobs/${row.id}/result`, params: { id: String(row.id) }, cookie });
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Type")).toBe("application/pdf");
    expect(file.headers.get("Content-Disposition")).toBe('attachment; filename="badges-hoi-nghi-ngoai-vu-20.pdf"');
    const pdf = await bytesOf(file);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pageCount(pdf)).toBe(45);

    const page = await jsonOf<{ job: { state: string }; badgeCount: number }>(
      await call(batchPage, { path: "/admin/badges/batch", cookie }),
    );
    expect(page.job.state).toBe("done");
    expect(page.badgeCount).toBe(45);
  });

  it("reports its step in words while it draws, by organisation and tens of badges", async () => {
    await approvedDelegates(120);
    const conference = await demoConference();
    const user = await getDb()
      .selectFrom("users")
      .select("id")
      .where("email", "=", demoAccount("organiser").email)
      .executeTakeFirstOrThrow();
    const started = await startJob(getDb(), {
      kind: "registration.badgeBatch",
      conferenceId: conference.id,
      input: { locale: "vi" },
      actor: { id: user.id, ip: null },
    });
    if (!started.ok) throw new Error("refused");
    const cookie = await signInAs("organiser");
    const steps = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const view = await jsonOf<{ state: string; step: string }>(
        await call(jobLoader, { path: `/jobs/${started.job.id}`, params: { id: String(started.job.id) }, cookie }),
      );
      steps.add(view.step);
      if (view.state === "done") break;
      await new Promise((r) => setTimeout(r, 40));
    }
    // In the reader's language (the organiser's: Vietnamese).
    expect([...steps].at(-1)).toBe("Đã xong.");
    expect(steps.size).toBeGreaterThan(1);
    // The steps the page could show on the way (the drawing's, when the poll caught one, name an organisation).
    for (const step of steps)
      expect(step).toMatch(
        /^(Đang chờ bắt đầu…|Đang bắt đầu…|Đang đọc danh sách đại biểu…|Đang dàn trang 120 thẻ…|Đang in thẻ \d+\/120: .+|Đã xong\.)$/,
      );
  });

  it("refuses to start when no badge can be printed", async () => {
    await demoConference();
    const cookie = await signInAs("organiser");
    const response = await call(batchAction, { path: "/admin/badges/batch", form: { intent: "start" }, cookie });
    expect(response.status).toBe(400);
    expect((await jsonOf<{ errors: Record<string, string> }>(response)).errors[""]).toBe("badges.noneToPrint");
    expect(await getDb().selectFrom("jobs").select("id").execute()).toEqual([]);
  });

  it("GET /admin/badges.pdf still answers scripts with the file, drawn by the job", async () => {
    await approvedDelegates(12);
    const response = await call(batchPdf, { path: "/admin/badges.pdf", cookie: await signInAs("secretariat") });
    expect(response.status).toBe(200);
    expect(pageCount(await bytesOf(response))).toBe(12);
    expect((await latestJob()).state).toBe("done");
  });
});

describe("who may see a job and its file", () => {
  it("the staff with the kind's permission and whoever started it; nobody else learns it exists", async () => {
    await approvedDelegates(3);
    const organiser = await signInAs("organiser");
    await call(batchAction, { path: "/admin/badges/batch", form: { intent: "start" }, cookie: organiser });
    const badgeJob = await latestJob();
    await whenJobFinished(badgeJob.id);
    const params = { id: String(badgeJob.id) };
    const path = `/jobs/${badgeJob.id}/result`;

    expect((await call(resultLoader, { path, params, cookie: await signInAs("secretariat") })).status).toBe(200);
    for (const key of ["delegate", "exhibitor"] as const) {
      const cookie = await signInAs(key);
      expect((await call(resultLoader, { path, params, cookie })).status).toBe(404);
      expect((await call(jobLoader, { path: `/jobs/${badgeJob.id}`, params, cookie })).status).toBe(404);
    }
    const visitor = await call(resultLoader, { path, params });
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);

    // A kind with no staff permission: only its starter sees it.
    const delegateId = (
      await getDb()
        .selectFrom("users")
        .select("id")
        .where("email", "=", demoAccount("delegate").email)
        .executeTakeFirstOrThrow()
    ).id;
    const own = await startJob(getDb(), {
      kind: "test.own",
      conferenceId: null,
      input: {},
      actor: { id: delegateId, ip: null },
      run: false,
    });
    if (!own.ok) throw new Error("refused");
    const ownParams = { id: String(own.job.id) };
    const delegate = await signInAs("delegate");
    expect((await call(jobLoader, { path: `/jobs/${own.job.id}`, params: ownParams, cookie: delegate })).status).toBe(
      200,
    );
    expect((await call(jobLoader, { path: `/jobs/${own.job.id}`, params: ownParams, cookie: organiser })).status).toBe(
      404,
    );
    // Not finished: no file yet.
    expect(
      (await call(resultLoader, { path: `/jobs/${own.job.id}/result`, params: ownParams, cookie: delegate })).status,
    ).toBe(404);
    expect((await call(jobLoader, { path: "/jobs/abc", params: { id: "abc" }, cookie: organiser })).status).toBe(404);
  });
});
