import type { LoaderFunctionArgs } from "@remix-run/node";
import { documentImageFile } from "~/features/proceedings/documents/images.server";
import { imageAnswer, imageNotFound } from "~/features/proceedings/documents/image-response.server";
import { publicDocument } from "~/features/proceedings/documents/summaries.server";
import { requireConference } from "~/http/conference.server";
import { idOf } from "~/http/refusal.server";
import { getDb } from "~/platform/db.server";

/** GET /programme/sessions/:id/documents/:docId/images/:imageId: an image of a final document of a published session. */
export async function loader({ params }: LoaderFunctionArgs) {
  const conference = await requireConference();
  const sessionId = idOf(params.id);
  const documentId = idOf(params.docId);
  const imageId = idOf(params.imageId);
  if (sessionId === null || documentId === null || imageId === null) return imageNotFound();
  const db = getDb();
  if (!(await publicDocument(db, conference.id, sessionId, documentId))) return imageNotFound();
  const image = await documentImageFile(db, conference.id, documentId, imageId, { finalOnly: true });
  return image ? imageAnswer(image, imageId) : imageNotFound();
}
