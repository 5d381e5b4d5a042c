import { readFileSync } from "node:fs";
import type { Kysely } from "kysely";
import type { Database, NewOrganisation } from "../db/schema";
import { seedDemoMeetings } from "./demo-meetings";
import { seedDemoExhibition } from "./demo-exhibition";
import { seedConferenceDemo, type ConferenceDemoSummary } from "./demo-conference";
import { seedDemoProceedings } from "./demo-proceedings";
import { hashPassword } from "../app/auth/password.server";
import { searchKey, nfc } from "../app/lib/text";
import { zonedLocalToUtc } from "../app/lib/time";
import { newUserId } from "../app/features/people/users.server";
import { now as clockNow, nowIso } from "../app/lib/clock";

/**
 * Reference data (the 63 provinces of 2021, central ministries and agencies,
 * Vietnam's missions abroad, foreign partners) and the demo conference.
 * Tests build their data with the same functions.
 */

const readJson = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), "utf8")) as T;

interface ProvinceRow {
  code: string;
  name_vi: string;
  name_en: string;
  region: string;
  centrally_run: boolean;
}
interface MinistryRow {
  code: string;
  name_vi: string;
  name_en: string;
  abbreviation: string | null;
}
interface MissionRow {
  code: string;
  type: "embassy" | "consulate_general" | "permanent_mission";
  name_vi: string;
  name_en: string;
  country_code: string;
  country_vi: string;
  country_en: string;
  city_vi: string;
  city_en: string;
  time_zone: string;
}
interface PartnerRow {
  code: string;
  name_vi: string;
  name_en: string;
  country_code: string | null;
  city_vi: string;
  city_en: string;
}

export function referenceOrganisations(createdAt: string): NewOrganisation[] {
  const base = {
    abbreviation: null,
    mission_type: null,
    country_code: null,
    country_vi: null,
    country_en: null,
    city_vi: null,
    city_en: null,
    time_zone: null,
    region: null,
    created_at: createdAt,
  };
  const provinces = readJson<ProvinceRow[]>("provinces.json").map((p) => ({
    ...base,
    code: p.code,
    kind: "province" as const,
    name_vi: nfc(p.name_vi),
    name_en: p.name_en,
    country_code: "VN",
    time_zone: "Asia/Ho_Chi_Minh",
    region: p.region,
    search_key: searchKey(p.name_vi, p.name_en),
  }));
  const ministries = readJson<MinistryRow[]>("ministries.json").map((m) => ({
    ...base,
    code: m.code,
    kind: "ministry" as const,
    name_vi: nfc(m.name_vi),
    name_en: m.name_en,
    abbreviation: m.abbreviation,
    country_code: "VN",
    time_zone: "Asia/Ho_Chi_Minh",
    search_key: searchKey(m.name_vi, m.name_en, m.abbreviation),
  }));
  const missions = readJson<MissionRow[]>("missions.json").map((m) => ({
    ...base,
    code: m.code,
    kind: "mission" as const,
    name_vi: nfc(m.name_vi),
    name_en: m.name_en,
    mission_type: m.type,
    country_code: m.country_code,
    country_vi: nfc(m.country_vi),
    country_en: m.country_en,
    city_vi: nfc(m.city_vi),
    city_en: m.city_en,
    time_zone: m.time_zone,
    search_key: searchKey(m.name_vi, m.name_en, m.country_vi, m.country_en, m.city_vi, m.city_en),
  }));
  const partners = readJson<PartnerRow[]>("foreign-partners.json").map((f) => ({
    ...base,
    code: f.code,
    kind: "foreign" as const,
    name_vi: nfc(f.name_vi),
    name_en: f.name_en,
    country_code: f.country_code,
    city_vi: nfc(f.city_vi),
    city_en: f.city_en,
    time_zone: "Asia/Ho_Chi_Minh",
    search_key: searchKey(f.name_vi, f.name_en, f.city_vi, f.city_en),
  }));
  return [...provinces, ...ministries, ...missions, ...partners];
}

/** Inserts or refreshes the reference organisations (matched by code), in one transaction. */
export async function seedReferenceData(db: Kysely<Database>): Promise<number> {
  const rows = referenceOrganisations(nowIso());
  await db.transaction().execute(async (trx) => {
    for (const row of rows) {
      const { created_at: _created, code: _code, ...update } = row;
      await trx
        .insertInto("organisations")
        .values(row)
        .onConflict((oc) => oc.column("code").doUpdateSet(update))
        .execute();
    }
  });
  return rows.length;
}

export const DEMO_PASSWORDS = {
  organiser: "ToChuc#2021",
  secretariat: "ThuKy#2021",
  delegate: "DaiBieu#2021",
  ambassador: "DaiSu#2021",
  exhibitor: "TrungBay#2021",
} as const;

export const DEMO_ACCOUNTS = [
  {
    key: "organiser",
    email: "to-chuc@ngoaivu.test",
    fullName: "Nguyễn Thị Thu Hà",
    role: "organiser",
    organisation: "min-ngoai-giao",
  },
  {
    key: "secretariat",
    email: "thu-ky@ngoaivu.test",
    fullName: "Trần Minh Quân",
    role: "secretariat",
    organisation: "min-ngoai-giao",
  },
  {
    key: "delegate",
    email: "dai-bieu.bacgiang@ngoaivu.test",
    fullName: "Lê Văn Hùng",
    role: "delegate",
    organisation: "prov-bac-giang",
  },
  {
    key: "ambassador",
    email: "dai-su.nhatban@ngoaivu.test",
    fullName: "Phạm Thị Lan Anh",
    role: "delegate",
    organisation: "mis-emb-jp",
  },
  {
    key: "exhibitor",
    email: "trung-bay@ngoaivu.test",
    fullName: "Hoàng Đức Thắng",
    role: "exhibitor",
    organisation: "ent-htx-luc-ngan",
  },
] as const;

/**
 * The demo reproduces the 20th conference (hybrid, Hà Nội, 500 in-person places),
 * held on 13 December as the real one was, in the next year where that date is
 * still at least two weeks away, so that registration is open to try.
 */
export function demoConferenceDates(now = clockNow()) {
  let year = now.getUTCFullYear();
  const start = (y: number) => zonedLocalToUtc(`${y}-12-13T08:00`, "Asia/Ho_Chi_Minh")!;
  if (new Date(start(year)).getTime() - now.getTime() < 14 * 86400000) year += 1;
  return {
    startsAt: start(year),
    endsAt: zonedLocalToUtc(`${year}-12-14T17:30`, "Asia/Ho_Chi_Minh")!,
    registrationOpensAt: new Date(now.getTime() - 30 * 86400000).toISOString(),
    registrationClosesAt: zonedLocalToUtc(`${year}-12-10T17:00`, "Asia/Ho_Chi_Minh")!,
  };
}

/**
 * How big a demo: "minimal" is the five accounts, their two registrations, the programme and the
 * meeting requests (what the integration tests' template and the browser tests' server hold);
 * "conference" adds about 450 registrations and what they do (seeds/demo-conference.ts).
 */
export const DEMO_SIZES = ["minimal", "conference"] as const;
export type DemoSize = (typeof DEMO_SIZES)[number];

/** DEMO_SIZE from the environment: "conference" when unset or empty; anything else is an error. */
export function demoSizeFromEnv(value: string | undefined = process.env.DEMO_SIZE): DemoSize {
  const size = (value ?? "").trim() || "conference";
  if (!(DEMO_SIZES as readonly string[]).includes(size))
    throw new Error(`DEMO_SIZE must be ${DEMO_SIZES.join(" or ")}, not "${value}"`);
  return size as DemoSize;
}

export interface SeedDemoOptions {
  /** "minimal" unless told: the tests' template seeds this. */
  size?: DemoSize;
  /** The seed's "now" (the clock's by default): the same now gives the same conference demo. */
  now?: Date;
}

/**
 * Seeds the demo conference, its accounts, registrations, programme and meeting requests, in one
 * transaction; rows that exist are kept. With size "conference", also the conference-size demo
 * (once: a database that has it keeps it), whose summary it returns.
 */
export async function seedDemo(
  db: Kysely<Database>,
  options: SeedDemoOptions = {},
): Promise<ConferenceDemoSummary | null> {
  const now = options.now ?? clockNow();
  const size = options.size ?? "minimal";
  const at = now.toISOString();
  const dates = demoConferenceDates(now);
  // Only the accounts still missing need a hash (scrypt takes a while): a second seed keeps the first's.
  const present = new Set(
    (
      await db
        .selectFrom("users")
        .select("email")
        .where(
          "email",
          "in",
          DEMO_ACCOUNTS.map((a) => a.email),
        )
        .execute()
    ).map((u) => u.email),
  );
  const hashes: Record<string, string> = Object.fromEntries(
    await Promise.all(
      DEMO_ACCOUNTS.filter((a) => !present.has(a.email)).map(
        async (a) => [a.key, await hashPassword(DEMO_PASSWORDS[a.key])] as const,
      ),
    ),
  );
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto("organisations")
      .values({
        code: "ent-htx-luc-ngan",
        kind: "enterprise",
        name_vi: "Hợp tác xã Nông sản Lục Ngạn",
        name_en: "Luc Ngan Agricultural Cooperative",
        abbreviation: null,
        mission_type: null,
        country_code: "VN",
        country_vi: null,
        country_en: null,
        city_vi: "Bắc Giang",
        city_en: "Bac Giang",
        time_zone: "Asia/Ho_Chi_Minh",
        region: null,
        search_key: searchKey("Hợp tác xã Nông sản Lục Ngạn", "Luc Ngan Agricultural Cooperative", "Bắc Giang"),
        created_at: at,
      })
      .onConflict((oc) => oc.column("code").doNothing())
      .execute();
    await trx
      .insertInto("conferences")
      .values({
        edition: 20,
        title_vi: "Hội nghị Ngoại vụ toàn quốc lần thứ 20",
        title_en: "20th National Conference on Local External Affairs",
        theme_vi: "Tiếp tục đổi mới và nâng cao hiệu quả công tác đối ngoại và hội nhập quốc tế của các địa phương",
        theme_en:
          "Continuing to renew and raise the effectiveness of localities' external affairs and international integration",
        starts_at: dates.startsAt,
        ends_at: dates.endsAt,
        time_zone: "Asia/Ho_Chi_Minh",
        venue_vi:
          "Trụ sở Bộ Ngoại giao, số 1 Tôn Thất Đàm, Ba Đình, Hà Nội, kết nối trực tuyến với các Cơ quan đại diện",
        venue_en:
          "Ministry of Foreign Affairs, 1 Ton That Dam, Ba Dinh, Ha Noi, linked online with the missions abroad",
        format: "hybrid",
        in_person_capacity: 500,
        registration_opens_at: dates.registrationOpensAt,
        registration_closes_at: dates.registrationClosesAt,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.column("edition").doNothing())
      .execute();
    for (const account of DEMO_ACCOUNTS) {
      if (present.has(account.email)) continue;
      const org = await trx
        .selectFrom("organisations")
        .select("id")
        .where("code", "=", account.organisation)
        .executeTakeFirst();
      await trx
        .insertInto("users")
        .values({
          id: newUserId(),
          email: account.email,
          full_name: account.fullName,
          role: account.role,
          organisation_id: org?.id ?? null,
          password_hash: hashes[account.key],
          heads_organisation: account.key === "ambassador" ? 1 : 0,
          locale: "vi",
          time_zone: null,
          disabled_at: null,
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) => oc.column("email").doNothing())
        .execute();
    }
    // The demo ambassador heads her embassy (also on databases seeded before heads existed), unless it has a head.
    const ambassador = DEMO_ACCOUNTS.find((a) => a.key === "ambassador")!;
    const embassy = await trx
      .selectFrom("users")
      .select("organisation_id")
      .where("email", "=", ambassador.email)
      .executeTakeFirst();
    const head = embassy?.organisation_id
      ? await trx
          .selectFrom("users")
          .select("id")
          .where("organisation_id", "=", embassy.organisation_id)
          .where("heads_organisation", "=", 1)
          .executeTakeFirst()
      : undefined;
    if (embassy && !head)
      await trx.updateTable("users").set({ heads_organisation: 1 }).where("email", "=", ambassador.email).execute();
    await seedDemoRegistrations(trx as unknown as Kysely<Database>, at);
    await seedDemoSessions(trx as unknown as Kysely<Database>, at, dates.startsAt);
    const conference = await trx
      .selectFrom("conferences")
      .select("id")
      .where("edition", "=", 20)
      .executeTakeFirstOrThrow();
    const hasBlock = await trx
      .selectFrom("meeting_blocks")
      .select("id")
      .where("conference_id", "=", conference.id)
      .executeTakeFirst();
    if (!hasBlock) await seedDemoMeetings(trx as unknown as Kysely<Database>, conference.id, at);
    // The exhibition is the same in both sizes (seeds/demo-exhibition.ts); a database that has a hall keeps it.
    await seedDemoExhibition(trx as unknown as Kysely<Database>, conference.id, at);
    const summary =
      size === "conference"
        ? await seedConferenceDemo(trx as unknown as Kysely<Database>, { conferenceId: conference.id, now })
        : null;
    // The proceedings (seeds/demo-proceedings.ts) name the conference demo's people: seeded after it.
    await seedDemoProceedings(trx as unknown as Kysely<Database>, { conferenceId: conference.id, size, now });
    return summary;
  });
}

/**
 * Demo registrations: the Bắc Giang delegate approved in person (badge code
 * HNVV-2021-0001, for trying check-in), the ambassador approved online.
 */
export const DEMO_BADGE_CODE = "HNVV-2021-0001";

async function seedDemoRegistrations(db: Kysely<Database>, at: string) {
  const conference = await db
    .selectFrom("conferences")
    .select("id")
    .where("edition", "=", 20)
    .executeTakeFirstOrThrow();
  const rows = [
    {
      key: "delegate",
      honorific: "mr",
      position: "Giám đốc Sở Ngoại vụ tỉnh Bắc Giang",
      phone: "+84 204 3854 321",
      mode: "in_person",
      code: DEMO_BADGE_CODE,
      interpretation: "none",
    },
    {
      key: "ambassador",
      honorific: "he",
      position: "Đại sứ Đặc mệnh Toàn quyền Việt Nam tại Nhật Bản",
      phone: "+81 3 3466 3311",
      mode: "online",
      code: "HNVV-2021-0002",
      interpretation: "none",
    },
  ] as const;
  for (const r of rows) {
    const account = DEMO_ACCOUNTS.find((a) => a.key === r.key)!;
    const user = await db
      .selectFrom("users as u")
      .innerJoin("organisations as o", "o.id", "u.organisation_id")
      .select(["u.id", "u.organisation_id", "o.name_vi", "o.name_en"])
      .where("u.email", "=", account.email)
      .executeTakeFirstOrThrow();
    await db
      .insertInto("registrations")
      .values({
        conference_id: conference.id,
        user_id: user.id,
        organisation_id: user.organisation_id!,
        honorific: r.honorific,
        full_name: account.fullName,
        position: r.position,
        email: account.email,
        phone: r.phone,
        mode: r.mode,
        status: "approved",
        interpretation: r.interpretation,
        dietary: "",
        consent_to_list: 1,
        badge_code: r.code,
        waitlisted_at: null,
        status_changed_at: at,
        decided_by: null,
        checked_in_at: null,
        checked_in_by: null,
        organiser_note: "",
        search_key: searchKey(account.fullName, account.email, r.position, r.phone, user.name_vi, user.name_en),
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** The demo's published programme: enough sessions for join links and the agenda to show. */
async function seedDemoSessions(db: Kysely<Database>, at: string, startsAt: string) {
  const conference = await db
    .selectFrom("conferences")
    .select("id")
    .where("edition", "=", 20)
    .executeTakeFirstOrThrow();
  const existing = await db
    .selectFrom("sessions")
    .select("id")
    .where("conference_id", "=", conference.id)
    .limit(1)
    .executeTakeFirst();
  if (existing) return;
  const rooms = [
    { vi: "Hội trường lớn", en: "Main hall", capacity: 500, stream: "https://truyenhinh.ngoaivu.test/hoi-truong" },
    { vi: "Phòng họp 1", en: "Meeting room 1", capacity: 150, stream: "https://truyenhinh.ngoaivu.test/phong-1" },
    { vi: "Phòng họp 2", en: "Meeting room 2", capacity: 150, stream: "https://truyenhinh.ngoaivu.test/phong-2" },
    { vi: "Khu gặp gỡ song phương", en: "Bilateral meetings area", capacity: 120, stream: null },
  ];
  const roomIds: number[] = [];
  for (const [i, r] of rooms.entries()) {
    const row = await db
      .insertInto("rooms")
      .values({
        conference_id: conference.id,
        name_vi: r.vi,
        name_en: r.en,
        capacity: r.capacity,
        stream_url: r.stream,
        notes: "",
        sort_order: i,
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    roomIds.push(row.id);
  }
  const day = startsAt.slice(0, 10);
  const local = (d: string, hm: string) => zonedLocalToUtc(`${d}T${hm}`, "Asia/Ho_Chi_Minh")!;
  const next = new Date(new Date(`${day}T00:00:00Z`).getTime() + 86400000).toISOString().slice(0, 10);
  const sessions = [
    {
      kind: "plenary",
      vi: "Phiên khai mạc toàn thể",
      en: "Opening plenary",
      d: day,
      from: "08:00",
      to: "10:00",
      room: 0,
      signup: 0,
    },
    { kind: "break", vi: "Giải lao", en: "Break", d: day, from: "10:00", to: "10:20", room: null, signup: 0 },
    {
      kind: "discussion",
      vi: "Phiên thảo luận 1: Ngoại giao kinh tế phục vụ phát triển địa phương",
      en: "Discussion 1: Economic diplomacy for local development",
      d: day,
      from: "10:20",
      to: "12:00",
      room: 1,
      signup: 1,
    },
    {
      kind: "discussion",
      vi: "Phiên thảo luận 2: Ngoại giao văn hóa và quảng bá hình ảnh địa phương",
      en: "Discussion 2: Cultural diplomacy and promoting localities",
      d: day,
      from: "10:20",
      to: "12:00",
      room: 2,
      signup: 1,
    },
    {
      kind: "diplomatic_corps",
      vi: "Gặp gỡ Đoàn Ngoại giao và các hiệp hội doanh nghiệp nước ngoài",
      en: "Meeting with the diplomatic corps and foreign business associations",
      d: day,
      from: "14:00",
      to: "15:30",
      room: 0,
      signup: 0,
    },
    {
      kind: "exhibition_opening",
      vi: "Khai mạc Triển lãm sản phẩm thương hiệu Việt Nam",
      en: "Opening of the Vietnamese brand products exhibition",
      d: day,
      from: "15:45",
      to: "16:30",
      room: 0,
      signup: 0,
    },
    {
      kind: "meeting_block",
      vi: "Gặp gỡ song phương địa phương – Cơ quan đại diện",
      en: "Bilateral meetings: provinces and missions",
      d: next,
      from: "08:30",
      to: "12:00",
      room: 3,
      signup: 0,
    },
    {
      kind: "plenary",
      vi: "Phiên bế mạc",
      en: "Closing plenary",
      d: next,
      from: "15:30",
      to: "17:30",
      room: 0,
      signup: 0,
    },
  ] as const;
  await db
    .insertInto("sessions")
    .values(
      sessions.map((s, i) => ({
        conference_id: conference.id,
        kind: s.kind,
        title_vi: s.vi,
        title_en: s.en,
        description_vi: "",
        description_en: "",
        starts_at: local(s.d, s.from),
        ends_at: local(s.d, s.to),
        stream_url: s.kind === "break" ? null : `https://truyenhinh.ngoaivu.test/phien-${i + 1}`,
        published: 1,
        room_id: s.room === null ? null : roomIds[s.room],
        requires_signup: s.signup,
        capacity: null,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
}

/**
 * Seeds reference data and the demo when the database has no conference yet (npm start): the
 * conference-size demo unless DEMO_SIZE=minimal (the browser tests' server).
 */
export async function seedIfEmpty(db: Kysely<Database>, size: DemoSize = demoSizeFromEnv()): Promise<boolean> {
  const any = await db.selectFrom("conferences").select("id").limit(1).executeTakeFirst();
  if (any) return false;
  await seedReferenceData(db);
  await seedDemo(db, { size });
  return true;
}
