// A job's worker thread starts here (plain JavaScript, so it needs no loader): it registers tsx in
// this thread, then imports the TypeScript entry that runs the job (app/platform/jobs/runner.server.ts).
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
