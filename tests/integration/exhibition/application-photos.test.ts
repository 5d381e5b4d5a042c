import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addPhoto, addProduct } from "~/features/exhibition/applications/products.server";
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_EXHIBITOR } from "~/features/exhibition/rules";
import { getDb } from "~/platform/db.server";
import { readImage } from "~/platform/uploads/images.server";
import { call, jsonOf, signInAs } from "../../helpers/remix";
import {
  applicationFields,
  clearDemoApplication,
  demoUserId,
  jpeg,
  otherExhibitor,
  png,
  postForm,
} from "./application-support";

/** Photo uploads through the exhibitor's page, and who may see a photo through /exhibition/photos/:id. */
const APPLY = "/exhibition/apply";
let dir: string;
let exhibitor: string;
let apply: typeof import("~/routes/exhibition.apply");
let photoRoute: typeof import("~/routes/exhibition.photos.$id");

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "photos-"));
  process.env.UPLOADS_DIR = dir;
  await clearDemoApplication();
  exhibitor = await signInAs("exhibitor");
  apply = await import("~/routes/exhibition.apply");
  photoRoute = await import("~/routes/exhibition.photos.$id");
  const saved = await postForm(
    apply.action,
    APPLY,
    { intent: "save", ...(await applicationFields()) },
    { cookie: exhibitor },
  );
  if (saved.status !== 302) throw new Error(`save failed: ${saved.status}`);
});
afterAll(() => {
  delete process.env.UPLOADS_DIR;
  rmSync(dir, { recursive: true, force: true });
});

const exhibitorId = async () =>
  (
    await getDb()
      .selectFrom("exhibitors")
      .select("id")
      .where("user_id", "=", await demoUserId())
      .executeTakeFirstOrThrow()
  ).id;
const photoRows = async () =>
  getDb()
    .selectFrom("exhibitor_photos")
    .selectAll()
    .where("exhibitor_id", "=", await exhibitorId())
    .orderBy("id")
    .execute();
const productNamed = async (name: string) =>
  getDb()
    .selectFrom("exhibitor_products")
    .select("id")
    .where("name_vi", "=", name)
    .where("exhibitor_id", "=", await exhibitorId())
    .executeTakeFirst();

const product = {
  intent: "add-product",
  nameVi: "Vải thiều sấy khô",
  nameEn: "Dried lychee",
  category: "fruit",
  descriptionVi: "Sấy lạnh",
  caption: "Túi 500 g",
};
type Refused = { errors: Record<string, string>; values: Record<string, string>; intent: string };

describe("photo uploads on the exhibitor's page", () => {
  it("refuses a file over 5 MB beside the field, and sends back everything typed", async () => {
    const big = new Uint8Array(MAX_PHOTO_BYTES + 1024);
    big.set(await jpeg(16, 16));
    const response = await postForm(apply.action, APPLY, product, {
      cookie: exhibitor,
      files: { photo: { bytes: big, name: "big.jpg" } },
    });
    expect(response.status).toBe(400);
    const body = await jsonOf<Refused>(response);
    expect(body.errors.photo).toBe("exhibition.applications.errors.photoTooLarge");
    expect(body.values).toMatchObject({
      nameVi: "Vải thiều sấy khô",
      nameEn: "Dried lychee",
      descriptionVi: "Sấy lạnh",
      caption: "Túi 500 g",
    });
    expect(await productNamed("Vải thiều sấy khô")).toBeUndefined();
  });

  it("refuses a text file renamed .jpg, and a truncated JPEG, leaving no product or file behind", async () => {
    const text = new TextEncoder().encode("Đây không phải là ảnh");
    const renamed = await postForm(apply.action, APPLY, product, {
      cookie: exhibitor,
      files: { photo: { bytes: text, name: "anh.jpg" } },
    });
    expect(renamed.status).toBe(400);
    const body = await jsonOf<Refused>(renamed);
    expect(body.errors.photo).toBe("exhibition.applications.errors.photoNotImage");
    expect(body.values.nameVi).toBe("Vải thiều sấy khô");
    const whole = await jpeg(800, 600);
    const truncated = await postForm(apply.action, APPLY, product, {
      cookie: exhibitor,
      files: { photo: { bytes: whole.subarray(0, whole.length / 2), name: "cut.jpg" } },
    });
    expect((await jsonOf<Refused>(truncated)).errors.photo).toBe("exhibition.applications.errors.photoUnreadable");
    expect(await productNamed("Vải thiều sấy khô")).toBeUndefined();
    expect(await photoRows()).toHaveLength(0);
    // A refusal writes nothing, not even an audit entry.
    const audits = async () =>
      Number(
        (
          await getDb()
            .selectFrom("audit_log")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await audits();
    await postForm(apply.action, APPLY, product, {
      cookie: exhibitor,
      files: { photo: { bytes: text, name: "anh.jpg" } },
    });
    expect(await audits()).toBe(before);
  });

  it("accepts a real JPEG and a real PNG, re-encoded smaller and without EXIF", async () => {
    const withExif = await sharp({ create: { width: 2400, height: 1800, channels: 3, background: "#2a7" } })
      .jpeg()
      .withExif({ IFD0: { Make: "SecretCam", Copyright: "GPS 21.38N" } })
      .toBuffer();
    const added = await postForm(apply.action, APPLY, product, {
      cookie: exhibitor,
      files: { photo: { bytes: withExif, name: "a.jpg" } },
    });
    expect(added.status).toBe(302);
    const { id: productId } = (await productNamed("Vải thiều sấy khô"))!;
    const asPng = await postForm(
      apply.action,
      APPLY,
      { intent: "add-photo", productId: String(productId), caption: "PNG" },
      { cookie: exhibitor, files: { photo: { bytes: await png(), name: "b.png", type: "image/png" } } },
    );
    expect(asPng.status).toBe(302);
    const [first, second] = await photoRows();
    expect(first).toMatchObject({
      product_id: productId,
      content_type: "image/jpeg",
      width: 1600,
      height: 1200,
      caption: "Túi 500 g",
    });
    expect(second).toMatchObject({ content_type: "image/jpeg", width: 320, height: 240, caption: "PNG" });
    const stored = (await readImage("exhibition", first.storage_key))!;
    expect(stored.byteLength).toBe(first.bytes);
    const meta = await sharp(stored).metadata();
    expect([meta.width, meta.height, meta.exif]).toEqual([1600, 1200, undefined]);
    expect(stored.includes(Buffer.from("SecretCam"))).toBe(false);
  });

  it(`refuses the ${MAX_PHOTOS_PER_EXHIBITOR + 1}th photo`, async () => {
    const small = await jpeg(40, 30);
    for (let n = (await photoRows()).length; n < MAX_PHOTOS_PER_EXHIBITOR; n++) {
      const r = await postForm(
        apply.action,
        APPLY,
        { intent: "add-photo" },
        { cookie: exhibitor, files: { photo: { bytes: small, name: `${n}.jpg` } } },
      );
      expect(r.status).toBe(302);
    }
    const eleventh = await postForm(
      apply.action,
      APPLY,
      { intent: "add-photo" },
      { cookie: exhibitor, files: { photo: { bytes: small, name: "11.jpg" } } },
    );
    expect(eleventh.status).toBe(409);
    expect((await jsonOf<Refused>(eleventh)).errors.photo).toBe("exhibition.applications.errors.tooManyPhotos");
    expect(await photoRows()).toHaveLength(MAX_PHOTOS_PER_EXHIBITOR);
  });

  it("deletes a photo, its file too; another's photo is not the exhibitor's to delete", async () => {
    const [photo] = await photoRows();
    expect(
      (
        await postForm(
          apply.action,
          APPLY,
          { intent: "delete-photo", photoId: String(photo.id) },
          { cookie: exhibitor },
        )
      ).status,
    ).toBe(302);
    expect(await readImage("exhibition", photo.storage_key)).toBeNull();
    expect(await photoRows()).toHaveLength(MAX_PHOTOS_PER_EXHIBITOR - 1);
    const other = await otherExhibitor("draft");
    const owner = { conferenceId: other.conferenceId, userId: other.userId, actor: { id: other.userId, ip: null } };
    const added = await addPhoto(getDb(), owner, { bytes: await jpeg(20, 20), productId: null, caption: "" });
    if (!added.ok) throw new Error("not added");
    const theirs = await postForm(
      apply.action,
      APPLY,
      { intent: "delete-photo", photoId: String(added.photoId) },
      { cookie: exhibitor },
    );
    expect(theirs.status).toBe(404);
    // Nor may a photo be put on another's product.
    const product = await addProduct(getDb(), owner, {
      nameVi: "Bát gốm",
      nameEn: "",
      category: "ceramics",
      descriptionVi: "",
      descriptionEn: "",
      caption: "",
    });
    if (!product.ok) throw new Error("not added");
    const onTheirs = await postForm(
      apply.action,
      APPLY,
      { intent: "add-photo", productId: String(product.productId) },
      { cookie: exhibitor, files: { photo: { bytes: await jpeg(20, 20), name: "x.jpg" } } },
    );
    expect(onTheirs.status).toBe(400);
  });
});

describe("who sees a photo (/exhibition/photos/:id)", () => {
  const get = (id: number, cookie: string | null) =>
    call(photoRoute.loader, { path: `/exhibition/photos/${id}`, cookie, params: { id: String(id) } });

  it("the owner and staff always; other exhibitors, delegates and visitors once approved and visible", async () => {
    const other = await otherExhibitor("submitted");
    const owner = { conferenceId: other.conferenceId, userId: other.userId, actor: { id: other.userId, ip: null } };
    const added = await addPhoto(getDb(), owner, { bytes: await png(), productId: null, caption: "" });
    if (!added.ok) throw new Error("not added");
    const [demoExhibitor, delegate, organiser, secretariat] = await Promise.all(
      (["exhibitor", "delegate", "organiser", "secretariat"] as const).map(signInAs),
    );
    const setPublished = async (published: number) => {
      const at = new Date(0).toISOString();
      await getDb()
        .insertInto("exhibition_settings")
        .values({ conference_id: other.conferenceId, published, updated_at: at })
        .onConflict((oc) => oc.column("conference_id").doUpdateSet({ published }))
        .execute();
    };
    await setPublished(0);

    // Not approved: staff only (and its owner, checked below through the model's rule).
    for (const cookie of [demoExhibitor, delegate, null]) expect((await get(added.photoId, cookie)).status).toBe(404);
    for (const cookie of [organiser, secretariat]) {
      const r = await get(added.photoId, cookie);
      expect(r.status).toBe(200);
      expect(r.headers.get("Content-Type")).toBe("image/jpeg");
      expect(r.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(r.headers.get("Cache-Control")).toMatch(/^private/);
    }

    await getDb().updateTable("exhibitors").set({ status: "approved" }).where("id", "=", other.exhibitorId).execute();
    // Approved, catalogue not published: signed-in people see it, the public does not.
    for (const cookie of [demoExhibitor, delegate]) expect((await get(added.photoId, cookie)).status).toBe(200);
    expect((await get(added.photoId, null)).status).toBe(404);
    await setPublished(1);
    const publicly = await get(added.photoId, null);
    expect(publicly.status).toBe(200);
    expect((await sharp(Buffer.from(await publicly.arrayBuffer())).metadata()).format).toBe("jpeg");
    expect((await get(999999, organiser)).status).toBe(404);
  });

  it("the demo exhibitor sees its own draft's photo; nobody else but staff does", async () => {
    const [demoExhibitor, delegate, organiser] = await Promise.all(
      (["exhibitor", "delegate", "organiser"] as const).map(signInAs),
    );
    const [mine] = await photoRows();
    expect(
      (
        await getDb()
          .selectFrom("exhibitors")
          .select("status")
          .where("id", "=", await exhibitorId())
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe("draft");
    expect((await get(mine.id, demoExhibitor)).status).toBe(200);
    expect((await get(mine.id, organiser)).status).toBe(200);
    expect((await get(mine.id, delegate)).status).toBe(404);
    expect((await get(mine.id, null)).status).toBe(404);
  });
});
