import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { jobView, requireJob } from "~/http/jobs.server";

/** GET /jobs/:id: a background job's state, progress and step in words, error and download link (JSON, polled). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { job, locale } = await requireJob(request, params.id);
  return json(jobView(job, locale), { headers: { "Cache-Control": "no-store" } });
}
