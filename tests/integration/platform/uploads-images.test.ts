import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkImage, deleteImage, readImage, storeImage, uploadsRoot } from "~/platform/uploads/images.server";

const MAX = 5 * 1024 * 1024;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "uploads-"));
  process.env.UPLOADS_DIR = dir;
});
afterAll(() => {
  delete process.env.UPLOADS_DIR;
  rmSync(dir, { recursive: true, force: true });
});

const picture = (width: number, height: number, alpha = false) =>
  sharp({
    create: { width, height, channels: alpha ? 4 : 3, background: { r: 200, g: 40, b: 60, alpha: alpha ? 0.5 : 1 } },
  });

describe("checkImage: by content, then re-encoded", () => {
  it("accepts a real JPEG, resizes it to the web size and keeps no metadata (EXIF, GPS, orientation)", async () => {
    const input = await picture(3200, 1600)
      .jpeg()
      .withExif({ IFD0: { Copyright: "Hợp tác xã Lục Ngạn", Make: "TestCam" }, IFD3: { GPSLatitudeRef: "N" } })
      .toBuffer();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const checked = await checkImage(input, { maxBytes: MAX, maxSide: 1600 });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.image).toMatchObject({ contentType: "image/jpeg", extension: "jpg", width: 1600, height: 800 });
    const meta = await sharp(checked.image.data).metadata();
    expect(meta.format).toBe("jpeg");
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(checked.image.data.includes(Buffer.from("TestCam"))).toBe(false);
  });

  it("turns a photo upright from its EXIF orientation before dropping it", async () => {
    const input = await picture(400, 200).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const checked = await checkImage(input, { maxBytes: MAX });
    expect(checked.ok && [checked.image.width, checked.image.height]).toEqual([200, 400]);
  });

  it("accepts a real PNG (a transparent one becomes WebP) and never enlarges a small one", async () => {
    const flat = await checkImage(await picture(300, 200).png().toBuffer(), { maxBytes: MAX });
    expect(flat.ok && flat.image).toMatchObject({ contentType: "image/jpeg", width: 300, height: 200 });
    const clear = await checkImage(await picture(300, 200, true).png().toBuffer(), { maxBytes: MAX });
    expect(clear.ok && clear.image).toMatchObject({ contentType: "image/webp", extension: "webp" });
    expect(clear.ok && (await sharp(clear.image.data).metadata()).format).toBe("webp");
  });

  it("refuses a renamed text file, a truncated JPEG, an oversized file and an empty one", async () => {
    const text = new TextEncoder().encode("Xin chào, tôi là một tệp .jpg");
    expect(await checkImage(text, { maxBytes: MAX })).toEqual({ ok: false, reason: "notImage" });
    const jpeg = await picture(800, 600).jpeg().toBuffer();
    const truncated = jpeg.subarray(0, Math.floor(jpeg.length / 2));
    expect(await checkImage(truncated, { maxBytes: MAX })).toEqual({ ok: false, reason: "unreadable" });
    // Magic bytes of a JPEG and nothing after them: it must decode, not only begin well.
    const header = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0]);
    expect(await checkImage(header, { maxBytes: MAX })).toEqual({ ok: false, reason: "unreadable" });
    const big = new Uint8Array(MAX + 1);
    big.set(jpeg.subarray(0, 4));
    expect(await checkImage(big, { maxBytes: MAX })).toEqual({ ok: false, reason: "tooLarge" });
    expect(await checkImage(new Uint8Array(), { maxBytes: MAX })).toEqual({ ok: false, reason: "empty" });
  });
});

describe("storing, reading and deleting", () => {
  it("stores under UPLOADS_DIR with a random key, reads it back, deletes it", async () => {
    expect(uploadsRoot()).toBe(dir);
    const checked = await checkImage(await picture(50, 40).png().toBuffer(), { maxBytes: MAX });
    if (!checked.ok) throw new Error("not accepted");
    const key = await storeImage("exhibition", checked.image);
    expect(key).toMatch(/^[a-f0-9]{32}\.jpg$/);
    expect((await readImage("exhibition", key))?.equals(checked.image.data)).toBe(true);
    await deleteImage("exhibition", key);
    expect(await readImage("exhibition", key)).toBeNull();
  });

  it("never opens a path it did not make", async () => {
    expect(await readImage("exhibition", "../../conference.sqlite")).toBeNull();
    expect(await readImage("../etc", "0123456789abcdef0123456789abcdef.jpg")).toBeNull();
  });

  it("defaults to uploads beside the database", () => {
    expect(uploadsRoot({ ...process.env, UPLOADS_DIR: "", DATABASE_PATH: "/srv/data/conference.sqlite" })).toBe(
      "/srv/data/uploads",
    );
  });
});
