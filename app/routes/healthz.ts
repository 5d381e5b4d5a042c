import { json } from "@remix-run/node";
import { databaseIsReachable } from "~/platform/health.server";

/** Liveness and database check for load balancers, and the benchmarks' yardstick. */
export async function loader() {
  const ok = await databaseIsReachable();
  return json(
    { status: ok ? "ok" : "error", database: ok ? "ok" : "unreachable" },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
