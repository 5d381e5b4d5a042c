/**
 * The job worker the platform's job tests start (JOBS_WORKER): the app's kinds plus three of the
 * tests' own: one that counts and reports, one that fails, one that tries to write, one whose
 * thread dies, one that reads the database.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { JOB_HANDLERS } from "~/cli/job-kinds";
import { serveJob } from "~/platform/jobs/worker.server";

await serveJob({
  ...JOB_HANDLERS,
  "test.count": async (input, { report }) => {
    const { steps, delayMs } = input as { steps: number; delayMs: number };
    for (let i = 1; i <= steps; i++) {
      report((i / steps) * 90, "test.step", { i });
      await sleep(delayMs);
    }
    return { bytes: new TextEncoder().encode(`counted to ${steps}`), name: "count.txt", type: "text/plain" };
  },
  "test.fail": async (_input, { report }) => {
    report(40, "test.halfway");
    throw new Error("the printer caught fire");
  },
  "test.write": async (_input, { db }) => {
    await db.updateTable("conferences").set({ title_vi: "changed by a job" }).execute();
    return { bytes: new Uint8Array(), name: "never.txt", type: "text/plain" };
  },
  "test.crash": async () => {
    process.exit(3); // the thread dies without a word
  },
  "test.conference": async (_input, { db, conferenceId }) => {
    const row = await db
      .selectFrom("conferences")
      .select("title_vi")
      .where("id", "=", conferenceId!)
      .executeTakeFirst();
    return { bytes: new TextEncoder().encode(row?.title_vi ?? "none"), name: "title.txt", type: "text/plain" };
  },
});
