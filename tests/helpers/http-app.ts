import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { ServerBuild } from "@remix-run/node";
import { createHttpApp, type HttpOptions } from "~/cli/http.server";

/**
 * The Express layer (createHttpApp) in front of a Remix build made from the
 * sources of a few routes, on a real HTTP server on an ephemeral port. No
 * `remix build` is needed, and the routes are the code under test, not a build
 * that may be older than it (or being rewritten by someone else).
 */
type RouteModule = Record<string, unknown>;

export interface RouteSource {
  id: string;
  path?: string;
  index?: boolean;
  module: RouteModule;
}

export async function sourceBuild(routes: RouteSource[]): Promise<ServerBuild> {
  const [root, entry] = await Promise.all([import("~/root"), import("~/entry.server")]);
  const all: Array<RouteSource & { parentId?: string }> = [
    { id: "root", path: "", module: root },
    ...routes.map((r) => ({ ...r, parentId: "root" })),
  ];
  const serverRoutes: Record<string, unknown> = {};
  const manifestRoutes: Record<string, unknown> = {};
  for (const r of all) {
    const common = { id: r.id, parentId: r.parentId, path: r.path, index: r.index, caseSensitive: undefined };
    serverRoutes[r.id] = { ...common, module: r.module };
    manifestRoutes[r.id] = {
      ...common,
      module: `/build/${r.id}.js`,
      imports: [],
      hasAction: typeof r.module.action === "function",
      hasLoader: typeof r.module.loader === "function",
      hasClientAction: false,
      hasClientLoader: false,
      hasErrorBoundary: typeof r.module.ErrorBoundary === "function",
    };
  }
  return {
    mode: "production",
    entry: { module: entry },
    routes: serverRoutes,
    assets: {
      entry: { module: "/build/entry.client.js", imports: [] },
      routes: manifestRoutes,
      url: "/build/manifest.js",
      version: "test",
    },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: {
      v3_fetcherPersist: true,
      v3_relativeSplatPath: true,
      v3_throwAbortReason: true,
      v3_singleFetch: false,
      v3_lazyRouteDiscovery: false,
    },
    isSpaMode: false,
  } as unknown as ServerBuild;
}

export interface RunningApp {
  url: string;
  server: Server;
  close: () => Promise<void>;
}

export async function startApp(build: ServerBuild, options: Partial<HttpOptions> = {}): Promise<RunningApp> {
  const app = createHttpApp(build, { publicUrl: "http://localhost:3000", trustProxy: false, ...options });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** Body bytes the client had written when the answer's headers arrived. */
  sentBeforeAnswer: number;
  /** Whether the client had finished sending its body by then. */
  finishedBeforeAnswer: boolean;
  ms: number;
}

/**
 * One request on its own connection, written as an attacker would: a declared
 * Content-Length that need not be sent (`declaredLength`), or `total` bytes sent
 * in chunks without one (chunked), stopping as soon as the answer arrives.
 */
export async function rawRequest(
  base: string,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: Buffer | string;
    declaredLength?: number;
    total?: number;
    chunk?: number;
  },
): Promise<RawAnswer> {
  const { request } = await import("node:http");
  const url = new URL(options.path, base);
  const started = Date.now();
  return new Promise<RawAnswer>((resolve, reject) => {
    let sent = 0;
    let finished = false;
    let answered = false;
    const headers: Record<string, string> = { ...options.headers };
    if (options.declaredLength !== undefined) headers["Content-Length"] = String(options.declaredLength);
    else if (options.body !== undefined) headers["Content-Length"] = String(Buffer.byteLength(options.body));
    const req = request(url, { method: options.method ?? "POST", headers, agent: false }, (res) => {
      answered = true;
      const at = { sentBeforeAnswer: sent, finishedBeforeAnswer: finished, ms: Date.now() - started };
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString("utf8"),
          ...at,
        });
        req.destroy();
      });
      res.on("error", reject);
    });
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    if (options.body !== undefined) {
      req.end(options.body, () => (finished = true));
      sent = Buffer.byteLength(options.body);
      return;
    }
    if (options.declaredLength !== undefined) {
      // Headers only: the body never comes unless the server asks for it.
      req.flushHeaders();
      return;
    }
    const total = options.total ?? 0;
    const piece = Buffer.alloc(options.chunk ?? 64 * 1024, "a");
    const pump = () => {
      while (!answered && sent < total) {
        sent += piece.length;
        if (!req.write(piece)) return void req.once("drain", () => setImmediate(pump));
      }
      if (!answered && !finished) req.end(() => (finished = true));
    };
    req.flushHeaders();
    pump();
  });
}
