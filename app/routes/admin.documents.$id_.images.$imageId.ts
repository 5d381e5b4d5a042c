import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guards.server";
import { documentImageFile } from "~/features/proceedings/documents/images.server";
import { imageAnswer, imageNotFound } from "~/features/proceedings/documents/image-response.server";
import { requireConference } from "~/http/conference.server";
import { idOf } from "~/http/refusal.server";
import { getDb } from "~/platform/db.server";

/** GET /admin/documents/:id/images/:imageId: a document's stored image, to staff (drafts too). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "update:document");
  const conference = await requireConference();
  const id = idOf(params.id);
  const imageId = idOf(params.imageId);
  if (id === null || imageId === null) return imageNotFound();
  const image = await documentImageFile(getDb(), conference.id, id, imageId, { finalOnly: false });
  return image ? imageAnswer(image, imageId) : imageNotFound();
}
