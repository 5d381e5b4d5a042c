import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { getDb } from "~/platform/db.server";
import { nowIso } from "~/lib/clock";
import { demoConference, organisationId } from "../../helpers/factories";

/** Posts a form (multipart when it carries a file) to a route's action as Remix would; thrown Responses returned. */
export async function postForm(
  action: unknown,
  path: string,
  fields: Record<string, string | string[]>,
  options: {
    cookie?: string | null;
    files?: Record<string, { bytes: Uint8Array; name: string; type?: string }>;
    params?: Record<string, string>;
  } = {},
): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
  for (const [k, f] of Object.entries(options.files ?? {}))
    form.append(k, new File([new Uint8Array(f.bytes)], f.name, { type: f.type ?? "image/jpeg" }));
  const headers = new Headers();
  if (options.cookie) headers.set("Cookie", options.cookie);
  const request = new Request(`http://localhost:3000${path}`, { method: "POST", headers, body: form });
  try {
    const result = await (action as (a: unknown) => Promise<unknown>)({
      request,
      params: options.params ?? {},
      context: { clientIp: "127.0.0.1" },
    });
    return result instanceof Response ? result : new Response(JSON.stringify(result));
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

export const jpeg = (width = 640, height = 480) =>
  sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 60 } } })
    .jpeg()
    .toBuffer();
export const png = (width = 320, height = 240) =>
  sharp({ create: { width, height, channels: 3, background: { r: 220, g: 200, b: 40 } } })
    .png()
    .toBuffer();

export async function applicationFields(overrides: Record<string, string | string[]> = {}) {
  return {
    nameVi: "Hợp tác xã Nông sản Lục Ngạn",
    nameEn: "Luc Ngan Agricultural Cooperative",
    kind: "cooperative",
    provinceId: String(await organisationId("prov-bac-giang")),
    contactName: "Hoàng Đức Thắng",
    contactEmail: "lien-he@lucngan.test",
    contactPhone: "0204 3882 123",
    website: "https://lucngan.vn",
    aboutVi: "Vải thiều Lục Ngạn",
    aboutEn: "Luc Ngan lychee",
    zone1: "ocop",
    zone2: "food",
    zone3: "",
    types: ["corner", "standard"],
    boothsNeeded: "1",
    minArea: "9",
    nearProvince: "on",
    ...overrides,
  };
}

/** Another account with an application of its own (an exhibitor the demo's does not own). */
export async function otherExhibitor(status: "draft" | "submitted" | "approved" = "draft") {
  const db = getDb();
  const conference = await demoConference();
  const userId = randomUUID();
  const at = nowIso();
  await db
    .insertInto("users")
    .values({
      id: userId,
      email: `khac-${userId.slice(0, 8)}@ngoaivu.test`,
      full_name: "Nguyễn Văn Khác",
      role: "exhibitor",
      organisation_id: null,
      password_hash: null,
      locale: "vi",
      time_zone: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const { id } = await db
    .insertInto("exhibitors")
    .values({
      conference_id: conference.id,
      user_id: userId,
      name_vi: "Công ty Gốm Bát Tràng",
      kind: "enterprise",
      contact_name: "Nguyễn Văn Khác",
      contact_email: "gom@battrang.test",
      status,
      zone_wishes: '["handicrafts"]',
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { userId, exhibitorId: id, conferenceId: conference.id };
}

/** A hall with one booth, for an allocation written straight into booth_allocations. */
export async function boothFor(exhibitorId: number, code = "A01") {
  const db = getDb();
  const conference = await demoConference();
  const at = nowIso();
  const hall = await db
    .insertInto("exhibition_halls")
    .values({
      conference_id: conference.id,
      code: `H${code}`,
      name_vi: "Nhà A",
      name_en: "Hall A",
      width_m: 40,
      depth_m: 30,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const booth = await db
    .insertInto("booths")
    .values({
      conference_id: conference.id,
      hall_id: hall.id,
      code,
      zone: "ocop",
      type: "corner",
      x: 1,
      y: 1,
      w: 3,
      h: 3,
      area: 9,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("booth_allocations")
    .values({
      booth_id: booth.id,
      conference_id: conference.id,
      exhibitor_id: exhibitorId,
      source: "hand",
      allocated_at: at,
    })
    .execute();
  return booth.id;
}

export async function demoUserId(): Promise<string> {
  return (
    await getDb()
      .selectFrom("users")
      .select("id")
      .where("email", "=", "trung-bay@ngoaivu.test")
      .executeTakeFirstOrThrow()
  ).id;
}

/** Removes the demo exhibitor's application (and, by cascade, its products, photos and booths) from this file's copy. */
export async function clearDemoApplication() {
  const db = getDb();
  const userId = await demoUserId();
  const rows = await db.selectFrom("exhibitors").select("id").where("user_id", "=", userId).execute();
  const ids = rows.map((r) => r.id);
  if (ids.length) {
    await db.deleteFrom("booth_allocations").where("exhibitor_id", "in", ids).execute();
    await db.deleteFrom("exhibitors").where("id", "in", ids).execute();
  }
}
