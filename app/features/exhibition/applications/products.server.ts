import { recordAudit } from "~/platform/audit.server";
import { inTransaction, nowIso } from "~/platform/db.server";
import { checkImage, deleteImage, storeImage, type ImageRefusal } from "~/platform/uploads/images.server";
import { conflict, invalid, notFound, type Db, type Result } from "~/platform/types";
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_EXHIBITOR, MAX_PRODUCTS_PER_EXHIBITOR } from "../rules";
import { isAllocated, ownRow, type Owner } from "./application.server";
import type { ProductInput } from "./schema";

/**
 * The exhibitor's products and photos, always through their own application (the account in the
 * WHERE). Like the application, they change until a booth is allocated.
 */
const E = "exhibition.applications.errors";
export const PHOTO_AREA = "exhibition";

/** The own application when it may still change, or the refusal. */
async function editable(
  db: Db,
  owner: Owner,
): Promise<Result<{ row: NonNullable<Awaited<ReturnType<typeof ownRow>>> }>> {
  const row = await ownRow(db, owner);
  if (!row) return notFound("exhibition.errors.notFound");
  if (await isAllocated(db, row.id)) return conflict(`${E}.allocated`);
  return { ok: true, row };
}

const ownProduct = (db: Db, exhibitorId: number, productId: number) =>
  db
    .selectFrom("exhibitor_products")
    .select(["id", "name_vi"])
    .where("id", "=", productId)
    .where("exhibitor_id", "=", exhibitorId)
    .executeTakeFirst();

const productValues = (input: ProductInput) => ({
  name_vi: input.nameVi,
  name_en: input.nameEn,
  category: input.category,
  description_vi: input.descriptionVi,
  description_en: input.descriptionEn,
});

export async function addProduct(db: Db, owner: Owner, input: ProductInput): Promise<Result<{ productId: number }>> {
  return inTransaction(db, async (trx) => {
    const own = await editable(trx, owner);
    if (!own.ok) return own;
    const { n } = await trx
      .selectFrom("exhibitor_products")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("exhibitor_id", "=", own.row.id)
      .executeTakeFirstOrThrow();
    if (Number(n) >= MAX_PRODUCTS_PER_EXHIBITOR)
      return conflict(`${E}.tooManyProducts`, { max: MAX_PRODUCTS_PER_EXHIBITOR });
    const at = nowIso();
    const { id } = await trx
      .insertInto("exhibitor_products")
      .values({
        ...productValues(input),
        exhibitor_id: own.row.id,
        position: Number(n),
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: owner.actor.id,
      ip: owner.actor.ip,
      action: "exhibition_product.add",
      entity: "exhibitor",
      entityId: own.row.id,
      detail: { productId: id, name: input.nameVi },
    });
    return { ok: true, productId: id };
  });
}

export async function updateProduct(db: Db, owner: Owner, productId: number, input: ProductInput): Promise<Result> {
  return inTransaction(db, async (trx) => {
    const own = await editable(trx, owner);
    if (!own.ok) return own;
    if (!(await ownProduct(trx, own.row.id, productId))) return notFound("exhibition.errors.notFound");
    await trx
      .updateTable("exhibitor_products")
      .set({ ...productValues(input), updated_at: nowIso() })
      .where("id", "=", productId)
      .where("exhibitor_id", "=", own.row.id)
      .execute();
    await recordAudit(trx, {
      actorId: owner.actor.id,
      ip: owner.actor.ip,
      action: "exhibition_product.update",
      entity: "exhibitor",
      entityId: own.row.id,
      detail: { productId, name: input.nameVi },
    });
    return { ok: true };
  });
}

/** Deletes a product with its photos (their files too, once the rows are gone). */
export async function deleteProduct(db: Db, owner: Owner, productId: number): Promise<Result> {
  const keys: string[] = [];
  const result = await inTransaction(db, async (trx) => {
    const own = await editable(trx, owner);
    if (!own.ok) return own;
    const product = await ownProduct(trx, own.row.id, productId);
    if (!product) return notFound("exhibition.errors.notFound");
    const photos = await trx
      .selectFrom("exhibitor_photos")
      .select("storage_key")
      .where("product_id", "=", productId)
      .where("exhibitor_id", "=", own.row.id)
      .execute();
    keys.push(...photos.map((p) => p.storage_key));
    await trx
      .deleteFrom("exhibitor_photos")
      .where("product_id", "=", productId)
      .where("exhibitor_id", "=", own.row.id)
      .execute();
    await trx
      .deleteFrom("exhibitor_products")
      .where("id", "=", productId)
      .where("exhibitor_id", "=", own.row.id)
      .execute();
    await recordAudit(trx, {
      actorId: owner.actor.id,
      ip: owner.actor.ip,
      action: "exhibition_product.delete",
      entity: "exhibitor",
      entityId: own.row.id,
      detail: { productId, name: product.name_vi, photos: keys.length },
    });
    return { ok: true } as const;
  });
  if (result.ok) await Promise.all(keys.map((k) => deleteImage(PHOTO_AREA, k)));
  return result;
}

const PHOTO_REFUSAL: Record<ImageRefusal, string> = {
  empty: `${E}.photoMissing`,
  tooLarge: `${E}.photoTooLarge`,
  notImage: `${E}.photoNotImage`,
  unreadable: `${E}.photoUnreadable`,
};

/** Refusal of a photo beside the form's file field (`field`), with the limit it broke where one applies. */
export function photoRefusal(reason: ImageRefusal, field = "photo") {
  return invalid(PHOTO_REFUSAL[reason], field, { max: MAX_PHOTO_BYTES / 1024 / 1024 });
}

const photoCount = async (db: Db, exhibitorId: number) =>
  Number(
    (
      await db
        .selectFrom("exhibitor_photos")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("exhibitor_id", "=", exhibitorId)
        .executeTakeFirstOrThrow()
    ).n,
  );

/**
 * Adds a photo: checked by content, re-encoded at a web size without metadata, stored under the data
 * folder, then its row written (the limit of photos checked again in the transaction; a refused or
 * failed row removes the file it had stored).
 */
export async function addPhoto(
  db: Db,
  owner: Owner,
  photo: { bytes: Uint8Array; productId: number | null; caption: string; newProduct?: ProductInput },
  field = "photo",
): Promise<Result<{ photoId: number; productId: number | null }>> {
  const first = await editable(db, owner);
  if (!first.ok) return first;
  if ((await photoCount(db, first.row.id)) >= MAX_PHOTOS_PER_EXHIBITOR)
    return conflict(`${E}.tooManyPhotos`, { max: MAX_PHOTOS_PER_EXHIBITOR }, field);
  if (photo.productId !== null && !(await ownProduct(db, first.row.id, photo.productId)))
    return invalid(`${E}.product`, "productId");
  const checked = await checkImage(photo.bytes, { maxBytes: MAX_PHOTO_BYTES, maxSide: 1600, quality: 80 });
  if (!checked.ok) return photoRefusal(checked.reason, field);
  const key = await storeImage(PHOTO_AREA, checked.image);
  let result: Result<{ photoId: number; productId: number | null }>;
  try {
    result = await inTransaction(db, async (trx) => {
      const own = await editable(trx, owner);
      if (!own.ok) return own;
      if ((await photoCount(trx, own.row.id)) >= MAX_PHOTOS_PER_EXHIBITOR)
        return conflict(`${E}.tooManyPhotos`, { max: MAX_PHOTOS_PER_EXHIBITOR }, field);
      // A product added with its first photo: both or neither (a refused photo leaves no product, nor its audit).
      let productId = photo.productId;
      if (photo.newProduct) {
        const added = await addProduct(trx, owner, photo.newProduct);
        if (!added.ok) return added;
        productId = added.productId;
      }
      const { id } = await trx
        .insertInto("exhibitor_photos")
        .values({
          exhibitor_id: own.row.id,
          product_id: productId,
          storage_key: key,
          content_type: checked.image.contentType,
          width: checked.image.width,
          height: checked.image.height,
          bytes: checked.image.data.byteLength,
          caption: photo.caption,
          uploaded_by: owner.userId,
          created_at: nowIso(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actorId: owner.actor.id,
        ip: owner.actor.ip,
        action: "exhibition_photo.add",
        entity: "exhibitor",
        entityId: own.row.id,
        detail: { photoId: id, productId, width: checked.image.width, height: checked.image.height },
      });
      return { ok: true, photoId: id, productId } as const;
    });
  } catch (error) {
    await deleteImage(PHOTO_AREA, key);
    throw error;
  }
  if (!result.ok) await deleteImage(PHOTO_AREA, key);
  return result;
}

export async function deletePhoto(db: Db, owner: Owner, photoId: number): Promise<Result> {
  let key: string | null = null;
  const result = await inTransaction(db, async (trx) => {
    const own = await editable(trx, owner);
    if (!own.ok) return own;
    const photo = await trx
      .selectFrom("exhibitor_photos")
      .select(["id", "storage_key"])
      .where("id", "=", photoId)
      .where("exhibitor_id", "=", own.row.id)
      .executeTakeFirst();
    if (!photo) return notFound("exhibition.errors.notFound");
    key = photo.storage_key;
    await trx.deleteFrom("exhibitor_photos").where("id", "=", photoId).where("exhibitor_id", "=", own.row.id).execute();
    await recordAudit(trx, {
      actorId: owner.actor.id,
      ip: owner.actor.ip,
      action: "exhibition_photo.delete",
      entity: "exhibitor",
      entityId: own.row.id,
      detail: { photoId },
    });
    return { ok: true } as const;
  });
  if (result.ok && key) await deleteImage(PHOTO_AREA, key);
  return result;
}
