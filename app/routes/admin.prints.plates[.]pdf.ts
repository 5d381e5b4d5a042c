import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { renderPlates } from "~/features/proceedings/prints/print-jobs.server";
import { listPrintSessions } from "~/features/proceedings/prints/prints.server";
import { startDownload } from "~/http/download.server";
import { idOf } from "~/http/refusal.server";
import { getDb } from "~/platform/db.server";
import { pdfResponse } from "~/platform/pdf/render.server";

/**
 * GET /admin/prints/plates.pdf?session=<id>[&lang=]: the name plates of one session's head table
 * (its chairs and speakers), drawn in the request (everyone's is the background job). A missing
 * session, or one without a head table, goes back to the page with the reason next to the field.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { url, locale, conference } = await startDownload(request, "print:badge");
  const raw = url.searchParams.get("session");
  const sessionId = idOf(raw);
  const back = (key: string) =>
    redirect(`/admin/prints?plateError=${encodeURIComponent(key)}&plateSession=${encodeURIComponent(raw ?? "")}`);
  const db = getDb();
  if (sessionId === null) return back("proceedings.prints.error.noSession");
  const sessions = await listPrintSessions(db, conference.id, conference.time_zone);
  if (!sessions.some((s) => s.id === sessionId)) return back("proceedings.prints.error.noSession");
  const done = await renderPlates(db, conference.id, locale, { sessionId });
  if (!done) return back("proceedings.prints.error.noHeadTable");
  return pdfResponse(done.bytes, done.name, "attachment");
}
