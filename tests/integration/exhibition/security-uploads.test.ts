import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addPhoto } from "~/features/exhibition/applications/products.server";
import { getDb } from "~/platform/db.server";
import { call, jsonOf, signInAs } from "../../helpers/remix";
import { applicationFields, clearDemoApplication, jpeg, otherExhibitor, postForm } from "./application-support";

/**
 * Uploads as an attacker sends them, through the exhibitor's page: decompression bombs, renamed
 * markup, polyglots, animations, odd colour spaces, a field sent many times, a hostile file name;
 * and the photo route's answer (headers, ids, applications others may not see).
 */
const APPLY = "/exhibition/apply";
let dir: string;
let exhibitor: string;
let apply: typeof import("~/routes/exhibition.apply");
let photoRoute: typeof import("~/routes/exhibition.photos.$id");

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "security-uploads-"));
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

type Refused = { errors: Record<string, string> };
const upload = (bytes: Uint8Array, name = "anh.jpg", extra: Record<string, string> = {}) =>
  postForm(
    apply.action,
    APPLY,
    { intent: "add-photo", caption: "", ...extra },
    {
      cookie: exhibitor,
      files: { photo: { bytes, name } },
    },
  );
const storedFiles = () => {
  try {
    return readdirSync(join(dir, "exhibition"));
  } catch {
    return [];
  }
};
const demoPhotos = async () =>
  getDb()
    .selectFrom("exhibitor_photos as p")
    .innerJoin("exhibitors as e", "e.id", "p.exhibitor_id")
    .innerJoin("users as u", "u.id", "e.user_id")
    .select(["p.id", "p.storage_key", "p.content_type", "p.width", "p.height"])
    .where("u.email", "=", "trung-bay@ngoaivu.test")
    .orderBy("p.id")
    .execute();

/** A PNG whose header declares width × height but carries only a few compressed rows. */
function pngDeclaring(width: number, height: number): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const byte of b) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // 8 bits, greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.alloc((width + 1) * 4))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("hostile uploads are refused beside the field, with the translated message, and leave nothing", () => {
  it("refuses decompression bombs (a PNG or a JPEG declaring 30000 × 30000 px) before decoding them", async () => {
    const bomb = pngDeclaring(30000, 30000);
    expect(bomb.byteLength).toBeLessThan(2048);
    const small = Buffer.from(await jpeg(16, 16));
    // The JPEG's frame header (SOF0) says 30000 × 30000.
    const sof = small.findIndex((b, i) => b === 0xff && small[i + 1] === 0xc0);
    small.writeUInt16BE(30000, sof + 5);
    small.writeUInt16BE(30000, sof + 7);
    const rssBefore = process.memoryUsage().rss;
    for (const bytes of [bomb, small]) {
      const response = await upload(bytes);
      expect(response.status).toBe(400);
      expect((await jsonOf<Refused>(response)).errors.photo).toBe("exhibition.applications.errors.photoUnreadable");
    }
    // 900 megapixels decoded would be gigabytes: nothing near that was allocated.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
    expect(await demoPhotos()).toHaveLength(0);
    expect(storedFiles()).toEqual([]);
  });

  it("refuses SVG, HTML and GIF renamed .jpg, and an animated WebP", async () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const html = new TextEncoder().encode("<!doctype html><script>alert(document.cookie)</script>");
    const gif = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#0a0" } })
      .gif()
      .toBuffer();
    for (const bytes of [svg, html, gif]) {
      const response = await upload(bytes, "../../anh.jpg");
      expect((await jsonOf<Refused>(response)).errors.photo).toBe("exhibition.applications.errors.photoNotImage");
    }
    // HTML behind JPEG magic bytes is not a JPEG either.
    const disguised = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(html)]);
    expect((await jsonOf<Refused>(await upload(disguised))).errors.photo).toBe(
      "exhibition.applications.errors.photoUnreadable",
    );
    const frame = (colour: string) =>
      sharp({ create: { width: 16, height: 16, channels: 4, background: colour } })
        .png()
        .toBuffer();
    const animated = await sharp([await frame("#f00"), await frame("#00f")], { join: { animated: true } })
      .webp({ loop: 0 })
      .toBuffer();
    expect((await sharp(animated).metadata()).pages).toBe(2);
    expect((await jsonOf<Refused>(await upload(animated, "anim.webp"))).errors.photo).toBe(
      "exhibition.applications.errors.photoUnreadable",
    );
    expect(await demoPhotos()).toHaveLength(0);
    expect(storedFiles()).toEqual([]);
  });
});

describe("what is accepted is re-encoded: only pixels are kept", () => {
  it("drops HTML appended to a valid JPEG (a polyglot) and stores under a random key, whatever the file's name", async () => {
    const polyglot = Buffer.concat([await jpeg(64, 48), Buffer.from("<html><script>alert(1)</script></html>")]);
    const response = await upload(polyglot, "../../../../etc/passwd<script>.html");
    expect(response.status).toBe(302);
    const [photo] = await demoPhotos();
    expect(photo.storage_key).toMatch(/^[a-f0-9]{32}\.jpg$/);
    expect(storedFiles()).toEqual([photo.storage_key]);
    const served = await call(photoRoute.loader, {
      path: `/exhibition/photos/${photo.id}`,
      cookie: exhibitor,
      params: { id: String(photo.id) },
    });
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(bytes.includes(Buffer.from("<script"))).toBe(false);
    expect(bytes.includes(Buffer.from("passwd"))).toBe(false);
    expect((await sharp(bytes).metadata()).format).toBe("jpeg");
  });

  it("turns a CMYK JPEG into sRGB and a 16-bit PNG into 8 bits", async () => {
    const cmyk = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#c83c3c" } })
      .toColourspace("cmyk")
      .jpeg()
      .toBuffer();
    expect((await sharp(cmyk).metadata()).space).toBe("cmyk");
    const deep = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#3c83c8" } })
      .toColourspace("rgb16")
      .png()
      .toBuffer();
    expect((await sharp(deep).metadata()).depth).toBe("ushort");
    const before = (await demoPhotos()).length;
    for (const bytes of [cmyk, deep]) expect((await upload(bytes, "x.jpg")).status).toBe(302);
    const photos = (await demoPhotos()).slice(before);
    expect(photos).toHaveLength(2);
    for (const photo of photos) {
      const served = await call(photoRoute.loader, {
        path: `/exhibition/photos/${photo.id}`,
        cookie: exhibitor,
        params: { id: String(photo.id) },
      });
      const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
      expect(meta).toMatchObject({ space: "srgb", depth: "uchar", width: 40, height: 30 });
    }
  });

  it("takes one photo when the file field is sent many times", async () => {
    const before = (await demoPhotos()).length;
    const form = new FormData();
    form.append("intent", "add-photo");
    form.append("caption", "");
    for (let i = 0; i < 5; i++) form.append("photo", new File([new Uint8Array(await jpeg(20 + i, 20))], `p${i}.jpg`));
    const request = new Request(`http://localhost:3000${APPLY}`, {
      method: "POST",
      headers: { Cookie: exhibitor },
      body: form,
    });
    const response = (await apply.action({ request, params: {}, context: { clientIp: "127.0.0.1" } })) as Response;
    expect(response.status).toBe(302);
    expect((await demoPhotos()).length).toBe(before + 1);
    expect(storedFiles()).toHaveLength(before + 1);
  });
});

describe("the photo route's answer", () => {
  const get = (id: string, cookie: string | null) =>
    call(photoRoute.loader, { path: `/exhibition/photos/${encodeURIComponent(id)}`, cookie, params: { id } });

  it("says what it is from the row, never to be sniffed, inline under a safe name, privately cached", async () => {
    const [photo] = await demoPhotos();
    const response = await get(String(photo.id), exhibitor);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe(photo.content_type);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Cache-Control")).toMatch(/^private/);
    expect(response.headers.get("Content-Disposition")).toBe(`inline; filename="photo-${photo.id}.jpg"`);
  });

  it("answers the same plain 404 for ids that are not ids (traversal, keys, numbers in disguise)", async () => {
    const [photo] = await demoPhotos();
    const organiser = await signInAs("organiser");
    for (const id of [
      "../../conference.sqlite",
      photo.storage_key,
      `${photo.id}.0`,
      `${photo.id}/x`,
      "0x1",
      "1e1",
      "-1",
    ]) {
      const response = await get(id, organiser);
      expect(response.status).toBe(404);
      expect(response.headers.get("Content-Type")).toMatch(/^text\/plain/);
    }
  });

  it("never serves the photos of a draft, submitted, rejected or withdrawn application to others", async () => {
    const other = await otherExhibitor("draft");
    const owner = { conferenceId: other.conferenceId, userId: other.userId, actor: { id: other.userId, ip: null } };
    const added = await addPhoto(getDb(), owner, { bytes: await jpeg(30, 30), productId: null, caption: "" });
    if (!added.ok) throw new Error("not added");
    await getDb()
      .insertInto("exhibition_settings")
      .values({ conference_id: other.conferenceId, published: 1, updated_at: new Date(0).toISOString() })
      .onConflict((oc) => oc.column("conference_id").doUpdateSet({ published: 1 }))
      .execute();
    const delegate = await signInAs("delegate");
    for (const status of ["draft", "submitted", "rejected", "withdrawn"] as const) {
      await getDb().updateTable("exhibitors").set({ status }).where("id", "=", other.exhibitorId).execute();
      for (const cookie of [exhibitor, delegate, null])
        expect((await get(String(added.photoId), cookie)).status).toBe(404);
    }
    await getDb().updateTable("exhibitors").set({ status: "approved" }).where("id", "=", other.exhibitorId).execute();
    expect((await get(String(added.photoId), null)).status).toBe(200);
  });
});
