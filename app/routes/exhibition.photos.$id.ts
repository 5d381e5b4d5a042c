import type { LoaderFunctionArgs } from "@remix-run/node";
import { getUser } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { photoForViewer } from "~/features/exhibition/applications/photo-access.server";
import { requireConference } from "~/http/conference.server";
import { idOf } from "~/http/refusal.server";
import { getDb } from "~/platform/db.server";

/**
 * An exhibitor's photo, to those who may see it: its exhibitor and staff always; others once the
 * application is approved and the catalogue is visible to them. Anything else is the same 404, so
 * nobody learns that a draft's photo exists. Private caching: the answer depends on who asks.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = idOf(params.id);
  const notFound = () =>
    new Response("Not found", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" },
    });
  if (id === null) return notFound();
  const user = await getUser(request);
  const conference = await requireConference();
  const photo = await photoForViewer(getDb(), conference.id, id, {
    userId: user?.id ?? null,
    staff: can(user?.role, "read:exhibition:any"),
  });
  if (!photo) return notFound();
  return new Response(new Uint8Array(photo.data), {
    status: 200,
    headers: {
      "Content-Type": photo.contentType,
      "Content-Length": String(photo.data.byteLength),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, max-age=300",
      // A name of our own (the uploader's never reaches a header): what "Save image" offers.
      "Content-Disposition": `inline; filename="photo-${id}.${photo.contentType === "image/webp" ? "webp" : "jpg"}"`,
    },
  });
}
