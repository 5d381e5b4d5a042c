// One of the processes tests/helpers/processes.ts starts: imports the app's module with
// its own database connection, says it is ready, then on "go" runs its share of the calls
// one after another and sends back each result (or the error's message).
type Job = { module: string; fn: string; calls: unknown[][] };

process.on("message", async (message: { go?: true; job?: Job }) => {
  if (message.job) {
    job = message.job;
    const mod = (await import(resolveModule(job.module))) as Record<string, (...args: unknown[]) => unknown>;
    fn = mod[job.fn];
    if (typeof fn !== "function") throw new Error(`${job.module} has no function ${job.fn}`);
    process.send!({ ready: true });
  }
  if (message.go) {
    const results: Array<{ ok: true; value: unknown } | { ok: false; error: string }> = [];
    for (const args of job!.calls) {
      try {
        results.push({ ok: true, value: await fn!(...args) });
      } catch (error) {
        results.push({ ok: false, error: error instanceof Error ? error.message : String(error) });
      }
    }
    process.send!({ results }, () => process.exit(0));
  }
});

let job: Job | undefined;
let fn: ((...args: unknown[]) => unknown) | undefined;

function resolveModule(name: string): string {
  return name.startsWith("~/") ? new URL(`../../app/${name.slice(2)}.ts`, import.meta.url).href : name;
}
