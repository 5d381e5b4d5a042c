import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requirePermission } from "~/auth/guards.server";
import { counts } from "~/features/registration/checkin.server";
import { requireConference } from "~/http/conference.server";

/** GET /admin/checkin/counts: present / expected as JSON, polled by the check-in page. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "checkin:registration");
  const conference = await requireConference();
  return json(await counts(conference.id), { headers: { "Cache-Control": "no-store" } });
}
