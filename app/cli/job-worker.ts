/** A background job's worker thread (started by app/platform/jobs/runner.server.ts through worker-boot.mjs). */
import { serveJob } from "~/platform/jobs/worker.server";
import { JOB_HANDLERS } from "./job-kinds";

await serveJob(JOB_HANDLERS);
