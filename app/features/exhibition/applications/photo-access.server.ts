import { readImage } from "~/platform/uploads/images.server";
import type { Db } from "~/platform/types";
import { catalogueVisible } from "../rules";
import { PHOTO_AREA } from "./products.server";

export interface PhotoViewer {
  userId: string | null;
  /** Staff ("read:exhibition:any"): every application's photos, drafts included. */
  staff: boolean;
}

/**
 * A photo for this viewer, or null (the route answers 404 either way, so nobody learns that a
 * draft's photo exists). The exhibitor's own and staff always; anyone else only once the
 * application is approved and the catalogue is visible to them (signed in, or published).
 */
export async function photoForViewer(db: Db, conferenceId: number, photoId: number, viewer: PhotoViewer) {
  const row = await db
    .selectFrom("exhibitor_photos as p")
    .innerJoin("exhibitors as e", "e.id", "p.exhibitor_id")
    .leftJoin("exhibition_settings as s", "s.conference_id", "e.conference_id")
    .select(["p.storage_key", "p.content_type", "e.user_id", "e.status", "s.published"])
    .where("p.id", "=", photoId)
    .where("e.conference_id", "=", conferenceId)
    .executeTakeFirst();
  if (!row) return null;
  const own = viewer.userId !== null && row.user_id === viewer.userId;
  const shown =
    own || viewer.staff || (row.status === "approved" && catalogueVisible(row.published === 1, viewer.userId !== null));
  if (!shown) return null;
  const data = await readImage(PHOTO_AREA, row.storage_key);
  return data ? { data, contentType: row.content_type } : null;
}
