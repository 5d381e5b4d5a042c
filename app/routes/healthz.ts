import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { databaseIsReachable } from "~/platform/health.server";

/**
 * Liveness and database check for load balancers, and the benchmarks' yardstick. With `?pid`, it
 * also says which process answered (npm start serves from several cluster workers); the plain
 * answer stays as it was.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const ok = await databaseIsReachable();
  const withPid = new URL(request.url).searchParams.has("pid");
  return json(
    { status: ok ? "ok" : "error", database: ok ? "ok" : "unreachable", ...(withPid ? { pid: process.pid } : {}) },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
