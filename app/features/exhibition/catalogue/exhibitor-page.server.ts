import type { Db } from "~/platform/types";
import { catalogueVisible } from "../rules";

export interface CatalogueViewer {
  userId: string | null;
  /** Staff ("read:exhibition:any") see every application, as the organisers' pages do. */
  staff: boolean;
}

/**
 * An exhibitor's page for this viewer: "signIn" when it is in the catalogue but the catalogue is not
 * public yet and the viewer is not signed in; null (the route's 404) when the application is not
 * approved and the viewer is neither staff nor its owner, so nobody learns that a draft exists.
 */
export async function exhibitorForViewer(db: Db, conferenceId: number, exhibitorId: number, viewer: CatalogueViewer) {
  const exhibitor = await db
    .selectFrom("exhibitors as e")
    .leftJoin("organisations as o", "o.id", "e.province_id")
    .leftJoin("exhibition_settings as s", "s.conference_id", "e.conference_id")
    .select([
      "e.id",
      "e.user_id",
      "e.name_vi",
      "e.name_en",
      "e.kind",
      "e.status",
      "e.province_id",
      "e.contact_name",
      "e.contact_email",
      "e.contact_phone",
      "e.website",
      "e.about_vi",
      "e.about_en",
      "o.name_vi as province_vi",
      "o.name_en as province_en",
      "s.published",
    ])
    .where("e.id", "=", exhibitorId)
    .where("e.conference_id", "=", conferenceId)
    .executeTakeFirst();
  if (!exhibitor) return null;
  const own = viewer.userId !== null && exhibitor.user_id === viewer.userId;
  if (exhibitor.status !== "approved" && !own && !viewer.staff) return null;
  if (exhibitor.status === "approved" && !own && !viewer.staff) {
    if (!catalogueVisible(exhibitor.published === 1, viewer.userId !== null)) return "signIn" as const;
  }
  const [products, booths, photos] = await Promise.all([
    db
      .selectFrom("exhibitor_products")
      .select(["id", "name_vi", "name_en", "category", "description_vi", "description_en"])
      .where("exhibitor_id", "=", exhibitor.id)
      .orderBy("position")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("booth_allocations as a")
      .innerJoin("booths as b", "b.id", "a.booth_id")
      .innerJoin("exhibition_halls as h", "h.id", "b.hall_id")
      .select(["b.id", "b.code", "b.zone", "b.type", "b.area", "h.name_vi as hall_vi", "h.name_en as hall_en"])
      .where("a.exhibitor_id", "=", exhibitor.id)
      .orderBy("b.code")
      .execute(),
    db
      .selectFrom("exhibitor_photos")
      .select(["id", "product_id", "caption", "width", "height"])
      .where("exhibitor_id", "=", exhibitor.id)
      .orderBy("id")
      .execute(),
  ]);
  const { user_id: _owner, published: _published, ...shown } = exhibitor;
  return {
    exhibitor: shown,
    /** Not in the visitors' catalogue (a draft, a submitted or rejected application): the owner or staff looking. */
    inCatalogue: exhibitor.status === "approved",
    own,
    products,
    booths,
    photos,
  };
}
