/**
 * The job worker of the book's job tests (JOBS_WORKER): the app's kinds, where a proceedings job
 * started with `kill: true` has its thread die once it is halfway through the drawing (a job killed
 * halfway, as by the operating system).
 */
import { JOB_HANDLERS } from "~/cli/job-kinds";
import { PROCEEDINGS_JOB } from "~/features/proceedings/rules";
import { serveJob } from "~/platform/jobs/worker.server";

await serveJob({
  ...JOB_HANDLERS,
  [PROCEEDINGS_JOB]: (input, context) => {
    if (!(input as { kill?: boolean }).kill) return JOB_HANDLERS[PROCEEDINGS_JOB](input, context);
    return JOB_HANDLERS[PROCEEDINGS_JOB](input, {
      ...context,
      report: (progress, step, params) => {
        context.report(progress, step, params);
        if (step === "proceedings.book.step.drawing" && progress > 40) process.exit(9);
      },
    });
  },
});
