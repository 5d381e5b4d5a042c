import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireJob } from "~/http/jobs.server";
import { translate } from "~/http/i18n.server";
import { readResultFile } from "~/platform/jobs/files.server";
import { pdfRefusal } from "~/platform/pdf/render.server";

/** GET /jobs/:id/result: a finished job's file, to whoever started it and to staff with its kind's permission. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { job, locale } = await requireJob(request, params.id);
  if (!job.result) return pdfRefusal(translate(locale, "jobs.error.notFound"), 404);
  const bytes = readResultFile(job.result.path);
  if (!bytes) return pdfRefusal(translate(locale, "jobs.error.resultMissing"), 404);
  const ascii = job.result.name.replace(/[^A-Za-z0-9._-]/g, "-");
  return new Response(new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length), {
    headers: {
      "Content-Type": job.result.type,
      "Content-Length": String(bytes.length),
      "Content-Disposition": `attachment; filename="${ascii}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
