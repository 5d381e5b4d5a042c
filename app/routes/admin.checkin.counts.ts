import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requirePermission } from "~/auth/guards.server";
import { counts } from "~/features/registration/checkin.server";
import { getCurrentConference } from "~/features/people/conference.server";

/** GET /admin/checkin/counts: present / expected as JSON, polled by the check-in page. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "checkin:registration");
  const conference = await getCurrentConference();
  if (!conference) throw json({ message: "error.notFound.title" }, { status: 404 });
  return json(await counts(conference.id), { headers: { "Cache-Control": "no-store" } });
}
