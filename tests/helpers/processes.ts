import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Runs calls of one app function from several processes at once, each with its own
 * connection to the test's database file, so that transactions really race (one Kysely
 * connection in one process would serialise them). Every process imports the module
 * first; only when all are ready are they told to go. Results come back in call order;
 * a call that threw comes back as { ok: false, error }.
 */
export async function inProcesses<R = unknown>(
  processes: number,
  target: { module: `~/${string}`; fn: string },
  calls: unknown[][],
): Promise<Array<{ ok: true; value: R } | { ok: false; error: string }>> {
  const worker = fileURLToPath(new URL("./processes-worker.ts", import.meta.url));
  const shares: number[][] = Array.from({ length: processes }, () => []);
  calls.forEach((_, i) => shares[i % processes].push(i));
  const children: ChildProcess[] = shares.map(() =>
    fork(worker, [], {
      execArgv: ["--import", "tsx"],
      env: { ...process.env },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    }),
  );
  try {
    await Promise.all(
      children.map(
        (child, k) =>
          new Promise<void>((resolve, reject) => {
            child.once("error", reject);
            child.once("exit", (code) => reject(new Error(`worker exited with code ${code} before it was ready`)));
            child.once("message", () => resolve());
            child.send({ job: { ...target, calls: shares[k].map((i) => calls[i]) } });
          }),
      ),
    );
    const results = new Array(calls.length);
    await Promise.all(
      children.map(
        (child, k) =>
          new Promise<void>((resolve, reject) => {
            child.removeAllListeners("exit");
            child.once("exit", (code) =>
              code === 0 ? undefined : reject(new Error(`worker exited with code ${code}`)),
            );
            child.once("message", (message: { results: unknown[] }) => {
              message.results.forEach((r, j) => (results[shares[k][j]] = r));
              resolve();
            });
            child.send({ go: true });
          }),
      ),
    );
    return results;
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
  }
}
