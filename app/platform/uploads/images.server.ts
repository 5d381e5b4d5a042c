import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import sharp from "sharp";
import { databasePath } from "../../../db/client";
import { SHARP_FORMAT, sniffImageType } from "./sniff";

/**
 * The checked path for uploaded pictures (exhibitors' photos now, the proceedings' documents later):
 * check by content, re-encode at a web size without metadata, store under the data folder (outside
 * public/, so only a route that checks who may see it serves them), read back, delete.
 */

/** Why a file is refused, for the caller to say beside its field. */
export type ImageRefusal = "empty" | "tooLarge" | "notImage" | "unreadable";

export interface CheckedImage {
  data: Buffer;
  contentType: "image/jpeg" | "image/webp";
  extension: "jpg" | "webp";
  width: number;
  height: number;
}

export interface ImageOptions {
  maxBytes: number;
  /** The longest side after resizing (never enlarged). */
  maxSide?: number;
  quality?: number;
}

/** A decompression bomb (a small file that decodes to gigapixels) is refused before decoding. */
const MAX_INPUT_PIXELS = 50_000_000;

/**
 * Checks an upload by content and re-encodes it: the magic bytes must say JPEG, PNG or WebP, sharp
 * must decode the whole of it as that format (a truncated or corrupt file fails: failOn "warning"),
 * then it is turned upright (EXIF orientation), resized to fit maxSide, and written anew as JPEG (or
 * WebP where it has transparency): EXIF, GPS and every other metadata are left behind.
 */
export async function checkImage(
  bytes: Uint8Array,
  options: ImageOptions,
): Promise<{ ok: true; image: CheckedImage } | { ok: false; reason: ImageRefusal }> {
  if (bytes.byteLength === 0) return { ok: false, reason: "empty" };
  if (bytes.byteLength > options.maxBytes) return { ok: false, reason: "tooLarge" };
  const type = sniffImageType(bytes);
  if (!type) return { ok: false, reason: "notImage" };
  const maxSide = options.maxSide ?? 1600;
  const quality = options.quality ?? 80;
  try {
    const input = () => sharp(bytes, { failOn: "warning", limitInputPixels: MAX_INPUT_PIXELS });
    const meta = await input().metadata();
    if (meta.format !== SHARP_FORMAT[type] || (meta.pages ?? 1) > 1) return { ok: false, reason: "unreadable" };
    const pipeline = input()
      .rotate()
      .resize({ width: maxSide, height: maxSide, fit: "inside", withoutEnlargement: true });
    const webp = meta.hasAlpha === true;
    const out = await (webp ? pipeline.webp({ quality }) : pipeline.jpeg({ quality, mozjpeg: true })).toBuffer({
      resolveWithObject: true,
    });
    return {
      ok: true,
      image: {
        data: out.data,
        contentType: webp ? "image/webp" : "image/jpeg",
        extension: webp ? "webp" : "jpg",
        width: out.info.width,
        height: out.info.height,
      },
    };
  } catch {
    // sharp throws for anything it cannot decode in full: for the person, the file is not a usable picture.
    return { ok: false, reason: "unreadable" };
  }
}

/** The uploads folder: UPLOADS_DIR, else "uploads" beside the database (the data folder). */
export function uploadsRoot(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.UPLOADS_DIR || join(dirname(databasePath(env)), "uploads"));
}

/** Storage keys are ours alone (random hex and an extension): anything else is never a path we open. */
const KEY = /^[a-f0-9]{32}\.(jpg|webp)$/;
const AREA = /^[a-z][a-z0-9-]*$/;

function fileOf(area: string, key: string): string | null {
  if (!AREA.test(area) || !KEY.test(key)) return null;
  return join(uploadsRoot(), area, key);
}

/** Stores a checked image under `<uploads>/<area>/<random key>.<ext>`; returns the key. */
export async function storeImage(area: string, image: CheckedImage): Promise<string> {
  const key = `${randomBytes(16).toString("hex")}.${image.extension}`;
  const file = fileOf(area, key)!;
  await mkdir(dirname(file), { recursive: true });
  // Written whole, then renamed: a reader never sees half a file.
  const temporary = `${file}.${randomBytes(4).toString("hex")}.part`;
  await writeFile(temporary, image.data, { mode: 0o640 });
  await rename(temporary, file);
  return key;
}

/** A stored image's bytes, or null when the key is not ours or the file is gone. */
export async function readImage(area: string, key: string): Promise<Buffer | null> {
  const file = fileOf(area, key);
  if (!file) return null;
  try {
    return await readFile(file);
  } catch {
    return null;
  }
}

/** Removes a stored image (nothing happens when it is already gone). */
export async function deleteImage(area: string, key: string): Promise<void> {
  const file = fileOf(area, key);
  if (file) await rm(file, { force: true });
}
