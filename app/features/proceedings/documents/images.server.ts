import sharp from "sharp";
import { inTransaction, nowIso } from "~/platform/db.server";
import { checkImage, deleteImage, readImage, storeImage, type ImageRefusal } from "~/platform/uploads/images.server";
import { conflict, invalid, notFound, type Actor, type Db, type Result } from "~/platform/types";
import { DOCUMENT_LIMITS } from "../rules";
import { audit, DOCUMENT_IMAGE_AREA, own } from "./documents.server";
import type { DocumentImage } from "./markdown-pdf";

/**
 * A document's images: uploaded through the one checked path (platform/uploads: content sniffed,
 * decoded in full, re-encoded without metadata, stored outside public/), at most
 * DOCUMENT_LIMITS.imagesPerDocument, referenced in the Markdown as `![caption](image:ID)`.
 */
const E = "proceedings.documents.errors";

const IMAGE_REFUSAL: Record<ImageRefusal, string> = {
  empty: `${E}.imageMissing`,
  tooLarge: `${E}.imageTooLarge`,
  notImage: `${E}.imageNotImage`,
  unreadable: `${E}.imageUnreadable`,
};

export function imageRefusal(reason: ImageRefusal, field = "image") {
  return invalid(IMAGE_REFUSAL[reason], field, { max: DOCUMENT_LIMITS.imageBytes / 1024 / 1024 });
}

const imageCount = async (db: Db, documentId: number) =>
  Number(
    (
      await db
        .selectFrom("document_images")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("document_id", "=", documentId)
        .executeTakeFirstOrThrow()
    ).n,
  );

export async function addDocumentImage(
  db: Db,
  conferenceId: number,
  documentId: number,
  upload: { bytes: Uint8Array; caption: string },
  actor: Actor,
  field = "image",
): Promise<Result<{ imageId: number }>> {
  const document = await own(db, conferenceId, documentId);
  if (!document) return notFound("proceedings.errors.notFound");
  const max = DOCUMENT_LIMITS.imagesPerDocument;
  if ((await imageCount(db, documentId)) >= max) return conflict(`${E}.tooManyImages`, { max }, field);
  const checked = await checkImage(upload.bytes, { maxBytes: DOCUMENT_LIMITS.imageBytes, maxSide: 2000, quality: 85 });
  if (!checked.ok) return imageRefusal(checked.reason, field);
  const key = await storeImage(DOCUMENT_IMAGE_AREA, checked.image);
  let result: Result<{ imageId: number }>;
  try {
    result = await inTransaction(db, async (trx) => {
      // Counted again where it is written: two uploads at once cannot pass the limit together.
      if ((await imageCount(trx, documentId)) >= max) return conflict(`${E}.tooManyImages`, { max }, field);
      const { id } = await trx
        .insertInto("document_images")
        .values({
          document_id: documentId,
          storage_key: key,
          content_type: checked.image.contentType,
          width: checked.image.width,
          height: checked.image.height,
          bytes: checked.image.data.byteLength,
          caption: upload.caption,
          created_by: actor.id,
          created_at: nowIso(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await audit(trx, actor, "document.image_add", documentId, document.title, { imageId: id });
      return { ok: true, imageId: id };
    });
  } catch (error) {
    await deleteImage(DOCUMENT_IMAGE_AREA, key);
    throw error;
  }
  if (!result.ok) await deleteImage(DOCUMENT_IMAGE_AREA, key);
  return result;
}

const ownImage = (db: Db, conferenceId: number, documentId: number, imageId: number) =>
  db
    .selectFrom("document_images as i")
    .innerJoin("documents as d", "d.id", "i.document_id")
    .select(["i.id", "i.storage_key", "i.content_type", "i.caption", "d.title", "d.state", "d.session_id"])
    .where("i.id", "=", imageId)
    .where("i.document_id", "=", documentId)
    .where("d.conference_id", "=", conferenceId)
    .executeTakeFirst();

export async function setImageCaption(
  db: Db,
  conferenceId: number,
  documentId: number,
  imageId: number,
  caption: string,
  actor: Actor,
): Promise<Result> {
  return inTransaction(db, async (trx) => {
    const image = await ownImage(trx, conferenceId, documentId, imageId);
    if (!image) return notFound("proceedings.errors.notFound");
    await trx.updateTable("document_images").set({ caption }).where("id", "=", imageId).execute();
    await audit(trx, actor, "document.image_caption", documentId, image.title, { imageId });
    return { ok: true };
  });
}

export async function deleteDocumentImage(
  db: Db,
  conferenceId: number,
  documentId: number,
  imageId: number,
  actor: Actor,
): Promise<Result> {
  const result = await inTransaction(db, async (trx) => {
    const image = await ownImage(trx, conferenceId, documentId, imageId);
    if (!image) return notFound("proceedings.errors.notFound");
    await trx.deleteFrom("document_images").where("id", "=", imageId).execute();
    await audit(trx, actor, "document.image_delete", documentId, image.title, { imageId });
    return { ok: true as const, key: image.storage_key };
  });
  if (!result.ok) return result;
  await deleteImage(DOCUMENT_IMAGE_AREA, result.key);
  return { ok: true };
}

/**
 * An image's bytes for a viewer: staff see any; `finalOnly` (the public session page) only a final
 * document's. Null: no such image here, or not for them.
 */
export async function documentImageFile(
  db: Db,
  conferenceId: number,
  documentId: number,
  imageId: number,
  options: { finalOnly: boolean },
) {
  const image = await ownImage(db, conferenceId, documentId, imageId);
  if (!image || (options.finalOnly && image.state !== "final")) return null;
  const data = await readImage(DOCUMENT_IMAGE_AREA, image.storage_key);
  return data ? { data, contentType: image.content_type, sessionId: image.session_id } : null;
}

/**
 * The images of documents as the PDF mapping wants them (data: URLs of PNG or JPEG: pdfmake draws no
 * WebP, which the uploads path keeps for pictures with transparency, so those become PNG here),
 * keyed by document, then image id: a document's Markdown reaches only its own images.
 */
export async function imagesForPdf(
  db: Db,
  documentIds: readonly number[],
): Promise<Map<number, Map<number, DocumentImage>>> {
  const out = new Map<number, Map<number, DocumentImage>>();
  if (documentIds.length === 0) return out;
  const rows = await db
    .selectFrom("document_images")
    .select(["id", "document_id", "storage_key", "content_type", "width", "height", "caption"])
    .where("document_id", "in", [...documentIds])
    .orderBy("id")
    .execute();
  for (const row of rows) {
    const stored = await readImage(DOCUMENT_IMAGE_AREA, row.storage_key);
    // A file gone missing: the mapping shows its marker rather than failing the whole PDF.
    if (!stored) continue;
    const png = row.content_type === "image/webp";
    const bytes = png ? await sharp(stored).png().toBuffer() : stored;
    const images = out.get(row.document_id) ?? new Map<number, DocumentImage>();
    images.set(row.id, {
      id: row.id,
      data: `data:${png ? "image/png" : row.content_type};base64,${bytes.toString("base64")}`,
      width: row.width,
      height: row.height,
      caption: row.caption,
    });
    out.set(row.document_id, images);
  }
  return out;
}
