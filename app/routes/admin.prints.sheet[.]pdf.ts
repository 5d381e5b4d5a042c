import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { renderSheets } from "~/features/proceedings/prints/print-jobs.server";
import { startDownload } from "~/http/download.server";
import { idOf } from "~/http/refusal.server";
import { getDb } from "~/platform/db.server";
import { pdfResponse } from "~/platform/pdf/render.server";

/**
 * GET /admin/prints/sheet.pdf?session=<id>[&lang=]: one session's sign-in sheet, drawn in the request
 * (every session's is the background job on /admin/prints). A missing or unknown session goes back
 * to the page with the reason next to the field and the choice kept.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { url, locale, conference } = await startDownload(request, "print:badge");
  const raw = url.searchParams.get("session");
  const sessionId = idOf(raw);
  const back = (key: string) =>
    redirect(`/admin/prints?sheetError=${encodeURIComponent(key)}&sheetSession=${encodeURIComponent(raw ?? "")}`);
  if (sessionId === null) return back("proceedings.prints.error.noSession");
  const done = await renderSheets(getDb(), conference.id, locale, { sessionId });
  if (!done) return back("proceedings.prints.error.noSession");
  return pdfResponse(done.bytes, done.name, "attachment");
}
