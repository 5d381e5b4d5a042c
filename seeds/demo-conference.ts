import type { Insertable, Kysely } from "kysely";
import type { Database, JoinLinksTable, MeetingRequestsTable, RegistrationEventsTable } from "../db/schema";
import { searchKey } from "../app/lib/text";
import {
  badgeCodeFrom,
  type AttendanceMode,
  type Honorific,
  type RegistrationStatus,
} from "../app/features/registration/rules";
import { MEETING_SECTORS } from "../app/features/meetings/rules";
import { REQUESTERS } from "./demo-meetings";
import { seededRandom, vietnameseName, type Gender, type SeededRandom } from "./demo-names";

/**
 * The conference-size demo (seedDemo({ size: "conference" }), what `npm start` seeds into an empty
 * database): about 450 registrations from the 63 provinces, the ministries and the missions abroad,
 * in every status and both modes; their accounts (no password: they would sign in through a reset
 * link); sign-ups to the two discussions; some check-ins and online joins; the in-person quotas that
 * put a few provinces' extra delegates on the waiting list; the sessions' chairs and speakers; and
 * more meeting requests, in every state. It adds to the minimal demo and changes nothing of it: the
 * five demo accounts, their two registrations and the requests of seeds/demo-meetings.ts stay as
 * the README describes them. Deterministic: one seeded PRNG and the seed's `now`, so the same
 * `now` gives the same rows (user ids and tokens included). Direct inserts in batches, inside the
 * caller's transaction; every row respects the schema's constraints and triggers (capacity,
 * session capacity, unique badge codes and e-mails, one head per organisation, one request per pair).
 */

/** The PRNG's seed: the 20th conference opened on 13 December 2021. */
export const CONFERENCE_DEMO_SEED = 20211213;
/** Every conference-demo person's e-mail ends with this (reserved .test domain: nothing is ever delivered). */
export const CONFERENCE_DEMO_DOMAIN = "demo.ngoaivu.test";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

/** Provinces whose in-person quota is full: their extra delegates wait (decision: quota per organisation). */
const QUOTA_PROVINCES = [
  "prov-ha-noi",
  "prov-ho-chi-minh",
  "prov-quang-ninh",
  "prov-thanh-hoa",
  "prov-nghe-an",
  "prov-khanh-hoa",
  "prov-kien-giang",
];
/** The demo-meetings requesters, Bắc Giang (its journey is to send the first request) and Japan's embassy keep their story. */
const MEETINGS_ALREADY_SEEDED: readonly string[] = [...REQUESTERS, "prov-bac-giang"];

const PROVINCE_TITLES = [
  "Giám đốc Sở Ngoại vụ",
  "Phó Giám đốc Sở Ngoại vụ",
  "Trưởng phòng Hợp tác quốc tế, Sở Ngoại vụ",
];
const PROVINCE_OTHER_TITLES = [
  "Giám đốc Sở Kế hoạch và Đầu tư",
  "Giám đốc Sở Công Thương",
  "Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch",
  "Phó Chánh Văn phòng UBND",
  "Chuyên viên Sở Ngoại vụ",
  "Giám đốc Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch",
  "Trưởng phòng Lãnh sự, Sở Ngoại vụ",
];
const MINISTRY_TITLES = [
  "Vụ trưởng Vụ Hợp tác quốc tế",
  "Phó Vụ trưởng Vụ Hợp tác quốc tế",
  "Trưởng phòng, Vụ Hợp tác quốc tế",
  "Chuyên viên chính Vụ Hợp tác quốc tế",
];
const MOFA_TITLES = [
  "Cục trưởng Cục Ngoại vụ",
  "Phó Cục trưởng Cục Ngoại vụ",
  "Vụ trưởng Vụ Ngoại giao kinh tế",
  "Phó Vụ trưởng Vụ Ngoại giao văn hóa và UNESCO",
  "Trưởng phòng Địa phương, Cục Ngoại vụ",
];
const MISSION_STAFF_TITLES = ["Tham tán Công sứ", "Tham tán", "Bí thư thứ nhất", "Tham tán Thương mại"];
const DIETARY = ["Ăn chay", "Không ăn hải sản", "Không ăn thịt bò", "Dị ứng đậu phộng"];
const DECLINE_REASONS = [
  "Lịch công tác của Đại sứ trùng thời gian hội nghị; đề nghị làm việc trực tuyến sau hội nghị.",
  "Nội dung đề xuất chưa thuộc lĩnh vực Cơ quan đại diện phụ trách năm nay.",
  "Cơ quan đại diện đã kín lịch gặp song phương; hẹn trao đổi qua thư.",
];
const ASKS: Record<(typeof MEETING_SECTORS)[number], string> = {
  investment: "Giới thiệu dự án kêu gọi đầu tư và khu công nghiệp mới",
  trade: "Đưa sản phẩm OCOP và nông sản chủ lực vào thị trường sở tại",
  agriculture: "Tìm nhà nhập khẩu trái cây và thủy sản",
  tourism: "Quảng bá điểm đến và mở đường bay thẳng",
  education: "Kết nghĩa trường đại học và học bổng cho sinh viên",
  labour: "Hợp tác đưa lao động kỹ thuật đi làm việc có thời hạn",
  science_technology: "Chuyển giao công nghệ và hợp tác đổi mới sáng tạo",
  culture: "Tổ chức tuần văn hóa, ẩm thực địa phương",
  health: "Hợp tác đào tạo nhân lực y tế",
  other: "Trao đổi đoàn và thiết lập quan hệ hợp tác địa phương",
};

interface OrgRow {
  id: number;
  code: string;
  kind: string;
  name_vi: string;
  name_en: string;
  mission_type: string | null;
  country_vi: string | null;
  city_vi: string | null;
}

interface Person {
  userId: string;
  org: OrgRow;
  fullName: string;
  gender: Gender;
  honorific: Honorific;
  position: string;
  email: string;
  phone: string;
  mode: AttendanceMode;
  status: RegistrationStatus;
  heads: boolean;
  /** 0 for the organisation's leader, then in order of rank. */
  rank: number;
  createdMs: number;
  decidedMs: number;
}

export interface ConferenceDemoSummary {
  registrations: number;
  signups: number;
  checkedIn: number;
  joinLinks: number;
  meetingRequests: number;
}

const USER_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

const slug = (value: string) =>
  value
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");

const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");

/** The province as a position names it: "tỉnh Bắc Ninh", "thành phố Hải Phòng", "Thành phố Hồ Chí Minh". */
const provinceLabel = (o: OrgRow, centrallyRun: boolean) =>
  o.name_vi.startsWith("Thành phố") ? o.name_vi : `${centrallyRun ? "thành phố" : "tỉnh"} ${o.name_vi}`;

function missionHeadTitle(o: OrgRow): string {
  if (o.mission_type === "consulate_general") return `Tổng Lãnh sự Việt Nam tại ${o.city_vi}`;
  if (o.mission_type === "permanent_mission") return `Đại sứ, Trưởng ${o.name_vi}`;
  return `Đại sứ Đặc mệnh Toàn quyền Việt Nam tại ${o.country_vi}`;
}

/** Whether a registration's history reaches a decision (and who made it). */
const DECIDED: ReadonlySet<RegistrationStatus> = new Set(["approved", "rejected", "cancelled"]);

/** Adds the conference-size demo to the minimal one; returns what it added, or null when it was there already. */
export async function seedConferenceDemo(
  db: Kysely<Database>,
  options: { conferenceId: number; now: Date },
): Promise<ConferenceDemoSummary | null> {
  const { conferenceId } = options;
  const nowMs = options.now.getTime();
  const already = await db
    .selectFrom("registrations")
    .select("id")
    .where("conference_id", "=", conferenceId)
    .where("email", "like", `%@${CONFERENCE_DEMO_DOMAIN}`)
    .limit(1)
    .executeTakeFirst();
  if (already) return null;

  const random = seededRandom(CONFERENCE_DEMO_SEED);
  const conference = await db
    .selectFrom("conferences")
    .select(["registration_opens_at", "in_person_capacity"])
    .where("id", "=", conferenceId)
    .executeTakeFirstOrThrow();
  const opensMs = conference.registration_opens_at ? Date.parse(conference.registration_opens_at) : nowMs - 30 * DAY;
  const organiser = await db
    .selectFrom("users")
    .select("id")
    .where("role", "=", "organiser")
    .orderBy("created_at")
    .orderBy("email")
    .executeTakeFirst();
  const organiserId = organiser?.id ?? null;
  const orgs = await db
    .selectFrom("organisations")
    .select(["id", "code", "kind", "name_vi", "name_en", "mission_type", "country_vi", "city_vi"])
    .where("kind", "in", ["province", "ministry", "mission", "foreign"])
    .orderBy("code")
    .execute();
  const existing = await db
    .selectFrom("registrations")
    .innerJoin("organisations as o", "o.id", "registrations.organisation_id")
    .select(["registrations.full_name", "registrations.mode", "registrations.status", "o.code"])
    .where("conference_id", "=", conferenceId)
    .execute();
  const headed = new Set(
    (
      await db
        .selectFrom("users")
        .select("organisation_id")
        .where("heads_organisation", "=", 1)
        .where("organisation_id", "is not", null)
        .execute()
    ).map((u) => u.organisation_id!),
  );
  const takenNames = new Set([
    ...existing.map((r) => r.full_name),
    ...(await db.selectFrom("users").select("full_name").execute()).map((u) => u.full_name),
  ]);
  const takenCodes = new Set(
    (await db.selectFrom("registrations").select("badge_code").execute()).map((r) => r.badge_code),
  );
  const takenEmails = new Set<string>();
  const centrallyRun = new Set(["prov-ha-noi", "prov-hai-phong", "prov-da-nang", "prov-ho-chi-minh", "prov-can-tho"]);

  // ── People ──────────────────────────────────────────────────────────────────────────────
  const people: Person[] = [];
  const userId = () => Array.from({ length: 16 }, () => USER_ID_ALPHABET[random.int(32)]).join("");
  const emailFor = (name: { given: string; fullName: string }, org: OrgRow) => {
    const initials = name.fullName
      .split(" ")
      .slice(0, -name.given.split(" ").length)
      .map((w) => slug(w)[0])
      .join("");
    const place = org.code.replace(/^(prov|min|mis)-/, "").replace(/-/g, "");
    const local = `${slug(name.given)}.${initials}.${place}`;
    let email = `${local}@${CONFERENCE_DEMO_DOMAIN}`;
    for (let n = 2; takenEmails.has(email); n += 1) email = `${local}${n}@${CONFERENCE_DEMO_DOMAIN}`;
    takenEmails.add(email);
    return email;
  };
  const phone = (kind: string) =>
    kind === "ministry"
      ? `+84 24 ${3800 + random.int(200)} ${String(random.int(10000)).padStart(4, "0")}`
      : `+84 9${random.int(10)} ${String(random.int(1000)).padStart(3, "0")} ${String(random.int(10000)).padStart(4, "0")}`;
  const status = (rank: number): RegistrationStatus =>
    random.weighted([
      ["approved", rank === 0 ? 80 : 62],
      ["pending", 19],
      ["rejected", rank === 0 ? 1 : 7],
      ["cancelled", 6],
    ] as const);
  // Sign-ups come in over the month, faster towards the deadline.
  const createdAt = () => opensMs + (1 + 28 * Math.sqrt(random.next())) * DAY - random.int(12 * 60) * MINUTE;
  const add = (
    org: OrgRow,
    rank: number,
    position: string,
    opts: {
      male: number;
      inPerson: number;
      heads?: boolean;
      status?: RegistrationStatus;
      mode?: AttendanceMode;
      /** Registered after this instant (the waiting list follows the quota's holders). */
      after?: number;
    },
  ) => {
    const gender: Gender = random.chance(opts.male) ? "male" : "female";
    const name = vietnameseName(random, gender, takenNames);
    takenNames.add(name.fullName);
    const honorific: Honorific = opts.heads ? "he" : random.chance(0.06) ? "dr" : gender === "male" ? "mr" : "ms";
    const createdMs = Math.min(
      opts.after === undefined ? createdAt() : opts.after + (1 + random.int(48)) * HOUR,
      nowMs - 2 * HOUR,
    );
    const decidedMs = Math.min(createdMs + (2 + random.int(70)) * HOUR, nowMs - HOUR);
    people.push({
      userId: userId(),
      org,
      fullName: name.fullName,
      gender,
      honorific,
      position,
      email: emailFor(name, org),
      phone: phone(org.kind),
      mode: opts.mode ?? (random.chance(opts.inPerson) ? "in_person" : "online"),
      status: opts.status ?? status(rank),
      heads: opts.heads ?? false,
      rank,
      createdMs,
      decidedMs,
    });
  };

  const quotas: Array<{ organisation_id: number; places: number }> = [];
  for (const org of orgs.filter((o) => o.kind === "province")) {
    const label = provinceLabel(org, centrallyRun.has(org.code));
    const count = centrallyRun.has(org.code) ? 6 : 3 + random.int(2);
    const others = shuffle(random, PROVINCE_OTHER_TITLES);
    const titles = [random.chance(0.15) ? "Chủ tịch UBND" : "Phó Chủ tịch UBND", ...PROVINCE_TITLES, ...others];
    // Bắc Giang's Director of External Affairs is the demo delegate, already registered.
    const own = org.code === "prov-bac-giang" ? titles.filter((t) => t !== "Giám đốc Sở Ngoại vụ") : titles;
    const quota = QUOTA_PROVINCES.includes(org.code);
    const start = people.length;
    for (let rank = 0; rank < count; rank += 1) {
      add(org, rank, `${own[rank]} ${label}`, {
        male: 0.7,
        inPerson: 0.88,
        ...(quota && rank === 0 ? { status: "approved" as const, mode: "in_person" as const } : {}),
      });
    }
    if (quota) {
      // The quota is what the province holds already; the ones who registered after it wait.
      const held = people
        .slice(start)
        .filter((p) => p.mode === "in_person" && ["pending", "approved"].includes(p.status));
      quotas.push({ organisation_id: org.id, places: held.length });
      const last = Math.max(...people.slice(start).map((p) => p.createdMs));
      for (let k = 0; k < 1 + random.int(2); k += 1) {
        add(org, count + k, `${others[others.length - 1 - k]} ${label}`, {
          male: 0.6,
          inPerson: 1,
          status: "waitlisted",
          after: last,
          mode: "in_person",
        });
      }
    }
  }
  for (const org of orgs.filter((o) => o.kind === "ministry")) {
    const mofa = org.code === "min-ngoai-giao";
    const count = mofa ? 5 : 2 + random.int(2);
    for (let rank = 0; rank < count; rank += 1) {
      const title = mofa
        ? MOFA_TITLES[rank]
        : rank === 0 && random.chance(0.12)
          ? "Thứ trưởng"
          : MINISTRY_TITLES[Math.min(rank, MINISTRY_TITLES.length - 1)];
      const position = mofa
        ? `${title}, ${org.name_vi}`
        : title === "Thứ trưởng"
          ? `Thứ trưởng ${org.name_vi}`
          : `${title}, ${org.name_vi}`;
      // The host ministry's delegates are there, in person: they chair the sessions and report the discussions.
      add(org, rank, position, {
        male: 0.55,
        inPerson: 0.86,
        ...(mofa ? { status: "approved" as const, mode: "in_person" as const } : {}),
      });
    }
  }
  for (const org of orgs.filter((o) => o.kind === "mission")) {
    // Japan's ambassador is the demo account; her embassy sends a counsellor as well.
    const japan = org.code === "mis-emb-jp";
    const count = japan ? 1 : 1 + (random.chance(0.12) ? 1 : 0);
    for (let rank = 0; rank < count; rank += 1) {
      const head = rank === 0 && !japan;
      const position = head ? missionHeadTitle(org) : `${random.pick(MISSION_STAFF_TITLES)}, ${org.name_vi}`;
      add(org, rank + (japan ? 1 : 0), position, {
        male: 0.72,
        inPerson: head ? 0.22 : 0.12,
        heads: head && !headed.has(org.id),
      });
    }
  }

  // ── Users and registrations ─────────────────────────────────────────────────────────────
  const iso = (ms: number) => new Date(ms).toISOString();
  /** A cancelled registration was approved first, then cancelled by its delegate a few days later. */
  const cancelledMs = (p: Person) => Math.min(p.decidedMs + 3 * DAY, nowMs - 30 * MINUTE);
  const checkedIn = new Set<string>();
  for (const p of people) {
    if (p.status === "approved" && p.mode === "in_person" && random.chance(0.35)) checkedIn.add(p.email);
  }
  for (const batch of chunks(people, 100)) {
    await db
      .insertInto("users")
      .values(
        batch.map((p) => ({
          id: p.userId,
          email: p.email,
          full_name: p.fullName,
          role: "delegate" as const,
          organisation_id: p.org.id,
          password_hash: null,
          heads_organisation: p.heads ? 1 : 0,
          locale: "vi" as const,
          time_zone: null,
          disabled_at: null,
          created_at: iso(p.createdMs),
          updated_at: iso(p.createdMs),
        })),
      )
      .execute();
  }
  const badgeCode = () => {
    for (;;) {
      const code = badgeCodeFrom(random.bytes(8));
      if (!takenCodes.has(code)) {
        takenCodes.add(code);
        return code;
      }
    }
  };
  const holding = existing.filter((r) => r.mode === "in_person" && ["pending", "approved"].includes(r.status)).length;
  const wouldHold = people.filter((p) => p.mode === "in_person" && ["pending", "approved"].includes(p.status)).length;
  if (holding + wouldHold > conference.in_person_capacity)
    throw new Error(`the conference demo needs ${holding + wouldHold} in-person places`);
  // Waiting-list order and the decisions follow the time people registered.
  const byTime = [...people].sort((a, b) => a.createdMs - b.createdMs || a.email.localeCompare(b.email));
  for (const batch of chunks(byTime, 100)) {
    await db
      .insertInto("registrations")
      .values(
        batch.map((p) => {
          const decided = DECIDED.has(p.status);
          const changedMs = p.status === "cancelled" ? cancelledMs(p) : p.decidedMs;
          return {
            conference_id: conferenceId,
            user_id: p.userId,
            organisation_id: p.org.id,
            honorific: p.honorific,
            full_name: p.fullName,
            position: p.position,
            email: p.email,
            phone: p.phone,
            mode: p.mode,
            status: p.status,
            interpretation: random.chance(0.04) ? ("vi_to_en" as const) : ("none" as const),
            dietary: random.chance(0.08) ? random.pick(DIETARY) : "",
            consent_to_list: random.chance(0.88) ? 1 : 0,
            badge_code: badgeCode(),
            waitlisted_at: p.status === "waitlisted" ? iso(p.createdMs) : null,
            status_changed_at: iso(decided ? changedMs : p.createdMs),
            decided_by: p.status === "approved" || p.status === "rejected" ? organiserId : null,
            checked_in_at: checkedIn.has(p.email) ? iso(nowMs - (5 + random.int(180)) * MINUTE) : null,
            checked_in_by: checkedIn.has(p.email) ? organiserId : null,
            organiser_note: "",
            search_key: searchKey(p.fullName, p.email, p.position, p.phone, p.org.name_vi, p.org.name_en),
            created_at: iso(p.createdMs),
            updated_at: iso(decided ? changedMs : p.createdMs),
          };
        }),
      )
      .execute();
  }
  const ids = new Map(
    (
      await db
        .selectFrom("registrations")
        .select(["id", "email"])
        .where("conference_id", "=", conferenceId)
        .where("email", "like", `%@${CONFERENCE_DEMO_DOMAIN}`)
        .execute()
    ).map((r) => [r.email, r.id]),
  );
  const idOf = (p: Person) => ids.get(p.email)!;

  // The history the dashboard's chart counts: received, then decided (and cancelled by the delegate).
  const events = byTime.flatMap((p) => {
    const step = (ms: number, from: RegistrationStatus | null, to: RegistrationStatus) => ({
      registration_id: idOf(p),
      at: iso(ms),
      from_status: from,
      to_status: to,
      mode: p.mode,
    });
    const rows: Array<Insertable<RegistrationEventsTable>> = [
      step(p.createdMs, null, p.status === "waitlisted" ? "waitlisted" : "pending"),
    ];
    if (p.status === "approved" || p.status === "rejected") rows.push(step(p.decidedMs, "pending", p.status));
    if (p.status === "cancelled")
      rows.push(step(p.decidedMs, "pending", "approved"), step(cancelledMs(p), "approved", "cancelled"));
    return rows;
  });
  for (const batch of chunks(events, 200)) await db.insertInto("registration_events").values(batch).execute();
  if (quotas.length)
    await db
      .insertInto("organisation_quotas")
      .values(quotas.map((q) => ({ conference_id: conferenceId, ...q })))
      .onConflict((oc) => oc.doNothing())
      .execute();

  // ── The programme: chairs and speakers, sign-ups, join links ────────────────────────────
  const sessions = await db
    .selectFrom("sessions as s")
    .leftJoin("rooms as r", "r.id", "s.room_id")
    .select([
      "s.id",
      "s.kind",
      "s.starts_at",
      "s.requires_signup",
      "s.published",
      "s.capacity",
      "r.capacity as room_capacity",
    ])
    .where("s.conference_id", "=", conferenceId)
    .orderBy("s.starts_at")
    .orderBy("s.id")
    .execute();
  const approvedInPerson = byTime.filter((p) => p.status === "approved" && p.mode === "in_person");
  const used = new Set<string>();
  const take = (filter: (p: Person) => boolean) => {
    const p = approvedInPerson.find((x) => !used.has(x.email) && filter(x));
    if (p) used.add(p.email);
    return p;
  };
  const speakers: Array<{
    session_id: number;
    registration_id: number;
    role: "chair" | "speaker" | "rapporteur";
    position: number;
  }> = [];
  const cast = (
    sessionId: number | undefined,
    roles: Array<["chair" | "speaker" | "rapporteur", (p: Person) => boolean]>,
  ) => {
    if (sessionId === undefined) return;
    roles.forEach(([role, filter], position) => {
      const p = take(filter);
      if (p) speakers.push({ session_id: sessionId, registration_id: idOf(p), role, position });
    });
  };
  const ofKind = (kind: string) => sessions.filter((s) => s.kind === kind);
  const mofa = (p: Person) => p.org.code === "min-ngoai-giao";
  const ministry = (p: Person) => p.org.kind === "ministry" && !mofa(p);
  const leader = (p: Person) => p.org.kind === "province" && p.rank === 0;
  const [opening, closing] = ofKind("plenary");
  const [discussion1, discussion2] = ofKind("discussion");
  cast(opening?.id, [
    ["chair", mofa],
    ["speaker", leader],
    ["speaker", leader],
    ["speaker", leader],
  ]);
  cast(discussion1?.id, [
    ["chair", ministry],
    ["speaker", leader],
    ["speaker", leader],
    ["speaker", (p) => p.org.kind === "province"],
    ["rapporteur", mofa],
  ]);
  cast(discussion2?.id, [
    ["chair", ministry],
    ["speaker", leader],
    ["speaker", (p) => p.org.kind === "province"],
    ["speaker", ministry],
    ["rapporteur", mofa],
  ]);
  cast(ofKind("diplomatic_corps")[0]?.id, [
    ["chair", mofa],
    ["speaker", ministry],
  ]);
  cast(closing?.id, [["chair", mofa]]);
  if (speakers.length) await db.insertInto("session_people").values(speakers).execute();

  const signupSessions = sessions.filter((s) => s.requires_signup && s.published);
  const inPersonCount = new Map(signupSessions.map((s) => [s.id, 0]));
  const signups: Array<{ session_id: number; registration_id: number; mode: AttendanceMode; created_at: string }> = [];
  if (signupSessions.length) {
    for (const p of byTime) {
      if (!(p.status === "approved" || p.status === "pending") || used.has(p.email) || !random.chance(0.58)) continue;
      // The discussions run in parallel: one each, in person while the room has places.
      const order = random.chance(0.5) ? signupSessions : [...signupSessions].reverse();
      const session = order.find(
        (s) =>
          p.mode === "online" || inPersonCount.get(s.id)! < (s.capacity ?? s.room_capacity ?? Number.MAX_SAFE_INTEGER),
      );
      if (!session) continue;
      if (p.mode === "in_person") inPersonCount.set(session.id, inPersonCount.get(session.id)! + 1);
      signups.push({
        session_id: session.id,
        registration_id: idOf(p),
        mode: p.mode,
        created_at: iso(Math.min(p.createdMs + (1 + random.int(48)) * HOUR, nowMs - 10 * MINUTE)),
      });
    }
    for (const batch of chunks(signups, 200)) await db.insertInto("session_signups").values(batch).execute();
  }

  const joinable = sessions.filter((s) => s.published && s.kind !== "break");
  const links: Array<Insertable<JoinLinksTable>> = [];
  for (const p of byTime.filter((x) => x.status === "approved" && x.mode === "online")) {
    // Links exist once the delegate's page listed them; some have tried the opening's link already.
    if (!random.chance(0.8)) continue;
    const joined = random.chance(0.45);
    joinable.forEach((s, i) => {
      const first = joined && i === 0 ? iso(nowMs - (10 + random.int(240)) * MINUTE) : null;
      links.push({
        token: base64url(random.bytes(24)),
        registration_id: idOf(p),
        session_id: s.id,
        created_at: iso(Math.min(p.decidedMs + HOUR, nowMs - 5 * HOUR)),
        first_joined_at: first,
        last_joined_at: first,
        join_count: first ? 1 + random.int(2) : 0,
      });
    });
  }
  for (const batch of chunks(links, 200)) await db.insertInto("join_links").values(batch).execute();

  // ── Meeting requests ─────────────────────────────────────────────────────────────────────
  const block = await db
    .selectFrom("meeting_blocks")
    .select(["id", "max_requests_per_organisation"])
    .where("conference_id", "=", conferenceId)
    .executeTakeFirst();
  let meetingRequests = 0;
  if (block) {
    const counterparts = orgs.filter((o) => (o.kind === "mission" && o.code !== "mis-emb-jp") || o.kind === "foreign");
    const requesters = [
      ...orgs.filter((o) => o.kind === "province" && !MEETINGS_ALREADY_SEEDED.includes(o.code)),
      ...orgs.filter((o) => o.kind === "ministry").filter(() => random.chance(0.3)),
    ];
    const heads = new Map(
      (
        await db
          .selectFrom("users")
          .select(["id", "organisation_id"])
          .where("heads_organisation", "=", 1)
          .where("organisation_id", "is not", null)
          .execute()
      ).map((u) => [u.organisation_id!, u.id]),
    );
    const asker = new Map<number, string>();
    for (const p of byTime) if (!asker.has(p.org.id) && p.status === "approved") asker.set(p.org.id, p.userId);
    const pairs = new Set(
      (
        await db
          .selectFrom("meeting_requests")
          .select(["from_organisation_id", "to_organisation_id"])
          .where("conference_id", "=", conferenceId)
          .execute()
      ).map((r) => `${r.from_organisation_id}>${r.to_organisation_id}`),
    );
    const cap = Math.min(block.max_requests_per_organisation ?? 3, 3);
    const requests: Array<Insertable<MeetingRequestsTable>> = [];
    for (const from of requesters) {
      const n = 1 + random.int(cap);
      for (let k = 0; k < n; k += 1) {
        const to = random.pick(counterparts);
        if (pairs.has(`${from.id}>${to.id}`)) continue;
        pairs.add(`${from.id}>${to.id}`);
        const state = random.weighted([
          ["accepted", 48],
          ["pending", 27],
          ["declined", 15],
          ["withdrawn", 10],
        ] as const);
        const sector = random.pick(MEETING_SECTORS);
        const createdMs = nowMs - (2 + random.int(20)) * DAY - random.int(600) * MINUTE;
        const answeredMs = Math.min(createdMs + (3 + random.int(72)) * HOUR, nowMs - HOUR);
        requests.push({
          conference_id: conferenceId,
          from_organisation_id: from.id,
          to_organisation_id: to.id,
          sector,
          ask: ASKS[sector],
          priority: 1 + random.int(3),
          status: state,
          decline_reason: state === "declined" ? random.pick(DECLINE_REASONS) : "",
          requested_by: asker.get(from.id) ?? null,
          answered_by: state === "accepted" || state === "declined" ? (heads.get(to.id) ?? null) : null,
          created_at: iso(createdMs),
          answered_at: state === "accepted" || state === "declined" ? iso(answeredMs) : null,
          withdrawn_at: state === "withdrawn" ? iso(answeredMs) : null,
        });
      }
    }
    for (const batch of chunks(requests, 200)) await db.insertInto("meeting_requests").values(batch).execute();
    meetingRequests = requests.length;
  }

  return {
    registrations: people.length,
    signups: signups.length,
    checkedIn: checkedIn.size,
    joinLinks: links.length,
    meetingRequests,
  };
}

/** A shuffled copy (Fisher–Yates with the seeded generator). */
function shuffle<T>(random: SeededRandom, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = random.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
