import { spawn, type ChildProcess } from "node:child_process";

/**
 * The built app started the way `npm start` starts it (migrate, seed when empty, build when stale,
 * serve), on a database file the test chooses, in its own process group: `kill("SIGKILL")` then
 * takes down every process of the server at once (tsx's wrapper, the primary, its workers), as a
 * power cut or the OOM killer would.
 */
export interface BuiltServer {
  url: string;
  port: number;
  /** The process group's leader (tsx's wrapper). */
  pid: number;
  /** Sends a signal to the whole process group and waits until the leader has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** What the server wrote on stderr so far (SQLITE_BUSY, stack traces). */
  stderr(): string;
}

export interface StartOptions {
  port: number;
  databasePath: string;
  /** Extra environment: WEB_CONCURRENCY, SMTP_URL, DEMO_SIZE (default "minimal"), … */
  env?: Record<string, string>;
  /** How long to wait for /healthz (the first start may build the app and seed). */
  timeoutMs?: number;
}

export async function startBuiltServer(options: StartOptions): Promise<BuiltServer> {
  const url = `http://localhost:${options.port}`;
  const child: ChildProcess = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "app/cli/start.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(options.port),
      DATABASE_PATH: options.databasePath,
      PUBLIC_URL: url,
      DEMO_SIZE: "minimal",
      ...options.env,
    },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let errors = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const pid = child.pid!;
  const kill = async (signal: NodeJS.Signals = "SIGTERM") => {
    try {
      process.kill(-pid, signal);
    } catch {
      /* already gone */
    }
    await exited;
    // The leader is gone; wait until nothing of the group answers any more.
    for (let i = 0; i < 100; i++) {
      try {
        process.kill(-pid, 0);
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const deadline = Date.now() + (options.timeoutMs ?? 180_000);
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${errors}`);
    if (Date.now() > deadline) {
      await kill("SIGKILL");
      throw new Error(`the server did not answer /healthz in time:\n${errors}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, port: options.port, pid, kill, stderr: () => errors };
}
